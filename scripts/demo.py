"""``make demo``: the client at work, against the local stack or, with ``OPENAI_API_KEY`` set, the real API.

Without a key it starts the local stack: the packaged Gemma 3 270M behind llama-cpp-python's
OpenAI-compatible server, with our gateway in front that stores completions (the model file is assembled
on the first run). Then, step by step and timed: a streamed answer, a forced tool call run through
``run_tools`` and its result sent back, a structured answer parsed into an attrs class, and stored
completions (store, list with a filter across pages, get, messages, update, delete). Decoding is greedy.
The packaged model is a small base model that writes poor prose; the point is the client, not the answers.

    python scripts/demo.py                                  # local stack
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
        say(f"   ({name.strip()}: {elapsed:.2f} s)")

    def summary(self) -> None:
        heading("timings")
        width = max(len(name) for name, _ in self.steps)
        for name, elapsed in self.steps:
            say(f"   {name:<{width}}  {elapsed:6.2f} s")


# -- the target: the real API or a local server ------------------------------------------------------------


@contextlib.contextmanager
def target(timings: Timings) -> Iterator[tuple[oc.Client, bool]]:
    """A client on the real API when OPENAI_API_KEY is set, else on a freshly started local stack."""
    if os.environ.get("OPENAI_API_KEY"):
        model = os.environ.get("OPENAI_MODEL") or DEFAULT_MODEL
        with oc.Client(model=model) as client:  # key and OPENAI_BASE_URL from the environment
            say(f"OPENAI_API_KEY is set: using {client.options.base_url} with model {model}")
            yield client, True
        return

    from openai_chat.local import LocalServer, ensure_model

    say("OPENAI_API_KEY is not set: running the local stack (set it to use the real API)")
    with timings.step("prepare model"):
        say("-> checking the model file (the first run assembles ~250 MB from the installed package)...")
        model_path = ensure_model()
        say(f"   model file: {model_path}")
    with timings.step("start local stack"):
        say("-> starting llama.cpp's OpenAI-compatible server (loading the model) and the storing gateway...")
        server = LocalServer(model_path).start()
    try:
        say(f"   ready at {server.base_url} (model {server.model}; stored completions in memory)")
        with oc.Client(base_url=server.base_url, api_key="sk-local", model=server.model, max_retries=0) as c:
            yield c, False
    finally:
        say()
        say("-> stopping the local stack")
        server.stop()


# -- the steps ----------------------------------------------------------------------------------------------


def stream_answer(client: oc.Client) -> None:
    heading("1. a streamed answer, token by token")
    question = "Write one short sentence about the sea."
    say(f"user: {question}")
    start = time.perf_counter()
    first_token: float | None = None
    pieces = 0
    with client.chat.stream(messages=question, max_tokens=40, temperature=0, stop=["\n"]) as s:
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
    heading("2. a forced tool call, run in Python by run_tools, its result sent back")
    tool = oc.function_tool(get_weather)
    question = "What is the weather in Oslo?"
    say(f"user: {question}")
    say(f"tool offered: {tool.name}, parameters {json.dumps(tool.definition['function']['parameters'])}")
    # max_steps=1: the model's call comes back unrun. Handing the conversation back runs it and asks again
    # (without forcing the tool this time, so the model can answer).
    forced = {"type": "function", "function": {"name": tool.name}}
    asked = client.chat.run_tools(
        messages=question, tools=[tool], tool_choice=forced, max_steps=1, max_tokens=40, temperature=0
    )
    if not asked.tool_calls:
        raise RuntimeError("the model did not call the tool it was forced to call")
    call = asked.tool_calls[0]
    arguments = oc.decode_arguments(tool, call.function.arguments)
    say(f"model calls: {call.function.name}({', '.join(f'{k}={v!r}' for k, v in arguments.items())})")
    result = client.chat.run_tools(
        messages=asked.messages, tools=[tool], max_steps=2, max_tokens=40, temperature=0, stop=["\n"]
    )
    say(f"python returns: {result.messages[2]['content']}")
    say(f"assistant: {one_line(result.text)}")
    say(
        f"   {len(asked.completions) + len(result.completions)} model calls; conversation roles: "
        f"{[m['role'] for m in result.messages]}"
    )
    say(f"   finish_reason: {result.finish_reason}; {usage_line(result)}")


@attrs.define
class City:
    name: str
    country: str


def structured(client: oc.Client) -> None:
    heading("3. a structured answer (json_schema), parsed into an attrs class")
    question = "Name a city in Norway."
    say(f"user: {question}")
    say(f"schema: {json.dumps(oc.json_schema_for(City))}")
    completion = client.chat.parse(messages=question, response_format=City, max_tokens=60, temperature=0)
    say(f"raw answer: {one_line(completion.text)}")
    say(f"parsed: {completion.parsed!r}")
    say(f"   finish_reason: {completion.finish_reason}; {usage_line(completion)}")


def stored_completions(client: oc.Client, timings: Timings, real_api: bool) -> None:
    heading("4. stored completions: store, list (filtered, across pages), get, messages, update, delete")
    tag = f"openai-chat-demo-{uuid.uuid4().hex[:8]}"
    completions = client.chat.completions
    with timings.step("  store 3"):
        created = [
            client.chat.create(
                messages=[oc.developer("Answer in one word."), oc.user(f"Name colour number {i + 1}.")],
                store=True,
                metadata={"demo": tag},
                max_tokens=8,
                temperature=0,
                stop=["\n"],
            )
            for i in range(3)
        ]
        for c in created:
            say(f"stored {c.id}: {one_line(c.text)!r}")
    first = created[0]
    with timings.step("  list"):
        for _attempt in range(10):  # the real API takes a moment before stored completions are listed
            pager = completions.list(metadata={"demo": tag}, limit=2)
            pages = list(pager.pages())
            listed = [c.id for page in pages for c in page.data]
            if len(listed) == len(created) or not real_api:
                break
            time.sleep(1.0)
        say(f"list(metadata demo={tag}, limit=2): {len(pages)} pages, {listed}")
        say(
            f"   the same, auto-paged one item at a time: {[c.id for c in completions.list(metadata={'demo': tag}, limit=2)]}"
        )
    with timings.step("  get"):
        stored = completions.get(first.id)
        say(
            f"get: {stored.id} model={stored.model} text={one_line(stored.text)!r} metadata={metadata_of(stored)}"
        )
    with timings.step("  messages"):
        messages = [(m.role, m.content) for m in completions.messages(first.id)]
        say(f"messages: {messages}")
    with timings.step("  update"):
        updated = completions.update(first.id, metadata={"demo": tag, "reviewed": "yes"})
        say(f"update: metadata is now {metadata_of(updated)}")
    with timings.step("  delete"):
        for c in created:
            deleted = completions.delete(c.id)
            say(f"delete: {deleted.id} deleted={deleted.deleted}")
        try:
            completions.get(first.id)
            say("   get after delete: still there")
        except oc.NotFoundError as exc:
            say(f"   get after delete: {exc.status_code} {exc.message}")


def metadata_of(completion: oc.ChatCompletion) -> Any:
    metadata = completion.metadata
    return metadata.to_dict() if isinstance(metadata, Metadata) else metadata


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
                structured(client)
            with timings.step("stored completions"):
                stored_completions(client, timings, real_api)
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
