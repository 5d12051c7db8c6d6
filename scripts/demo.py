"""``make demo``: the client at work, against a small local model or, with ``OPENAI_API_KEY`` set, the real API.

Without a key it starts the packaged Gemma 3 270M behind llama.cpp's OpenAI-compatible server (the model
file is assembled on the first run). Then, step by step and timed: a streamed answer, a forced tool call
whose result goes back to the model, a structured answer parsed into an attrs class, and (real API only)
stored completions. A tiny local model writes poor prose; the point is the client, not the answers.

    python scripts/demo.py                                  # local model
    OPENAI_API_KEY=sk-... python scripts/demo.py            # real API (OPENAI_BASE_URL, OPENAI_MODEL honoured)
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
import time
import uuid
from collections.abc import Iterator
from typing import Any

import attrs
import openai_chat as oc
from openai_chat_api.models import Metadata

DEFAULT_MODEL = "gpt-4o-mini"


def say(text: str = "") -> None:
    print(text, flush=True)


def heading(text: str) -> None:
    say()
    say(f"== {text}")


def one_line(text: str | None) -> str:
    """A model's text on one line (a tiny local model rambles over many)."""
    return " ".join((text or "").split())


def usage_line(completion: oc.ChatCompletion) -> str:
    usage = completion.usage
    if usage is None:
        return "usage: not reported by this server"
    return (
        f"usage: {usage.prompt_tokens} prompt + {usage.completion_tokens} completion"
        f" = {usage.total_tokens} tokens"
    )


class Timings:
    """Wall-clock time per step, for the summary at the end."""

    def __init__(self) -> None:
        self.steps: list[tuple[str, float]] = []

    @contextlib.contextmanager
    def step(self, name: str) -> Iterator[None]:
        start = time.perf_counter()
        yield
        elapsed = time.perf_counter() - start
        self.steps.append((name, elapsed))
        say(f"   ({name}: {elapsed:.2f} s)")

    def summary(self) -> None:
        heading("timings")
        width = max(len(name) for name, _ in self.steps)
        for name, elapsed in self.steps:
            say(f"   {name:<{width}}  {elapsed:6.2f} s")


# -- the target: the real API or a local server ------------------------------------------------------------


@contextlib.contextmanager
def target(timings: Timings) -> Iterator[tuple[oc.Client, bool]]:
    """A client on the real API when OPENAI_API_KEY is set, else on a freshly started local server."""
    if os.environ.get("OPENAI_API_KEY"):
        model = os.environ.get("OPENAI_MODEL") or DEFAULT_MODEL
        with oc.Client(model=model) as client:  # key and OPENAI_BASE_URL from the environment
            say(f"OPENAI_API_KEY is set: using {client.options.base_url} with model {model}")
            yield client, True
        return

    from openai_chat.local import LocalServer, ensure_model

    say("OPENAI_API_KEY is not set: running a small model locally (set it to use the real API)")
    with timings.step("prepare model"):
        say("-> checking the model file (the first run assembles ~250 MB from the installed package)...")
        model_path = ensure_model()
        say(f"   model file: {model_path}")
    with timings.step("start server"):
        say("-> starting llama.cpp's OpenAI-compatible server (loading the model)...")
        server = LocalServer(model_path).start()
    try:
        say(f"   ready at {server.base_url} (model {server.model})")
        with oc.Client(base_url=server.base_url, api_key="sk-local", model=server.model, max_retries=0) as c:
            yield c, False
    finally:
        say()
        say("-> stopping the local server")
        server.stop()


# -- the steps ----------------------------------------------------------------------------------------------


def stream_answer(client: oc.Client) -> None:
    heading("1. a streamed answer, token by token")
    question = "Write one short sentence about the sea."
    say(f"user: {question}")
    start = time.perf_counter()
    first_token: float | None = None
    pieces = 0
    with client.chat.stream(messages=question, max_tokens=40, temperature=0.7, seed=1, stop=["\n"]) as s:
        print("assistant: ", end="", flush=True)
        for piece in s.text():
            if first_token is None:
                first_token = time.perf_counter() - start
            pieces += 1
            print(piece, end="", flush=True)
        final = s.final()
    elapsed = time.perf_counter() - start
    say()
    say(f"   finish_reason: {final.finish_reason}; {usage_line(final)}")
    if first_token is not None:
        rate = pieces / elapsed if elapsed else 0.0
        say(f"   first token after {first_token:.2f} s; {pieces} pieces in {elapsed:.2f} s ({rate:.0f}/s)")


def get_weather(city: str) -> dict[str, Any]:
    """Current weather in a city.

    Args:
        city: The city name.
    """
    return {"city": city, "sky": "sunny", "temperature_c": 21}


def tool_call(client: oc.Client) -> None:
    heading("2. a forced tool call, run in Python, its result sent back")
    tool = oc.function_tool(get_weather)
    question = "What is the weather in Oslo?"
    say(f"user: {question}")
    say(f"tool offered: {tool.name}, parameters {json.dumps(tool.definition['function']['parameters'])}")
    first = client.chat.create(
        messages=question,
        tools=[tool],
        tool_choice={"type": "function", "function": {"name": tool.name}},
        max_tokens=40,
        temperature=0,
    )
    say(f"   finish_reason: {first.finish_reason}; {usage_line(first)}")
    if not first.tool_calls:
        raise RuntimeError("the model did not call the tool it was forced to call")
    call = first.tool_calls[0]
    arguments = oc.decode_arguments(tool, call.function.arguments)
    say(f"model calls: {call.function.name}({', '.join(f'{k}={v!r}' for k, v in arguments.items())})")
    result = tool.call(call.function.arguments)
    say(f"python returns: {result}")
    # The model's message goes back with text "" rather than null: llama.cpp's server refuses null there.
    messages = [
        oc.user(question),
        oc.assistant(first.text or "", tool_calls=first.tool_calls),
        oc.tool(call.id, json.dumps(result)),
    ]
    final = client.chat.create(messages=messages, tools=[tool], tool_choice="none", max_tokens=32)
    say(f"assistant: {one_line(final.text)}")
    say(f"   finish_reason: {final.finish_reason}; {usage_line(final)}")


@attrs.define
class City:
    name: str
    country: str


def structured(client: oc.Client, real_api: bool) -> None:
    heading("3. a structured answer, parsed into an attrs class")
    question = "Name a city in Norway."
    say(f"user: {question}")
    say(f"schema: {json.dumps(oc.json_schema_for(City))}")
    extra_body = None
    if not real_api:
        # llama.cpp's server takes a JSON schema as {"type": "json_object", "schema": ...} and refuses
        # json_schema; the client still reads the answer into City.
        extra_body = {"response_format": {"type": "json_object", "schema": oc.json_schema_for(City)}}
        say("   (this server takes the schema as response_format json_object + schema)")
    completion = client.chat.parse(
        messages=question, response_format=City, max_tokens=60, temperature=0, extra_body=extra_body
    )
    say(f"raw answer: {one_line(completion.text)}")
    say(f"parsed: {completion.parsed!r}")
    say(f"   finish_reason: {completion.finish_reason}; {usage_line(completion)}")


def stored_completions(client: oc.Client, real_api: bool) -> None:
    heading("4. stored completions (store=True, list, get, update, delete)")
    if not real_api:
        say("   skipped: the local server does not store completions; set OPENAI_API_KEY to see this step")
        return
    tag = f"openai-chat-demo-{uuid.uuid4().hex[:8]}"
    created = client.chat.create(
        messages="Say hello in three languages.", store=True, metadata={"demo": tag}, max_tokens=40
    )
    say(f"stored {created.id}: {one_line(created.text)}")
    stored = None
    for _attempt in range(10):  # a stored completion takes a moment to become readable
        try:
            stored = client.chat.completions.get(created.id)
            break
        except oc.NotFoundError:
            say("   not readable yet, waiting...")
            time.sleep(1.0)
    if stored is None:
        raise RuntimeError(f"stored completion {created.id} did not become readable")
    say(f"get: {stored.id} model={stored.model}")
    listed = [c.id for c in client.chat.completions.list(metadata={"demo": tag}, limit=10)]
    say(f"list(metadata demo={tag}): {listed}")
    updated = client.chat.completions.update(created.id, metadata={"demo": tag, "reviewed": "yes"})
    metadata = updated.metadata.to_dict() if isinstance(updated.metadata, Metadata) else updated.metadata
    say(f"update: metadata is now {metadata}")
    deleted = client.chat.completions.delete(created.id)
    say(f"delete: {deleted.id} deleted={deleted.deleted}")


def main() -> int:
    timings = Timings()
    started = time.perf_counter()
    try:
        with target(timings) as (client, real_api):
            with timings.step("streamed answer"):
                stream_answer(client)
            with timings.step("tool call"):
                tool_call(client)
            with timings.step("structured answer"):
                structured(client, real_api)
            with timings.step("stored completions"):
                stored_completions(client, real_api)
    except KeyboardInterrupt:
        print("\ndemo interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # one clear line, not a traceback
        first_line = (str(exc).strip().splitlines() or [""])[0]
        print(f"\ndemo failed: {type(exc).__name__}: {first_line}", file=sys.stderr)
        return 1
    timings.summary()
    say(f"   {'total':<{max(len(n) for n, _ in timings.steps)}}  {time.perf_counter() - started:6.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
