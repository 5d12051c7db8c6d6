"""A catalogue of caller mistakes: each is refused with a ``TypeError``/``ValueError`` that says what is wrong,
and no request reaches the network.

Each case is ``(description, call, expected exception, message fragment)``. ``call`` takes a client; cases
that use one run against ``Client`` and ``AsyncClient`` in the same test (awaiting when needed), both
wired to a transport that records every request it is handed.

Text that cannot be encoded (bytes where a str belongs, lone surrogates from a bad decode) must fail while
the request is built, before anything is sent: a surrogate cannot be written as UTF-8 JSON.
"""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx2
import openai_chat as oc
import pytest

from .payloads import chat_completion

KEY = "sk-test-bad-inputs-not-a-real-key"
BASE_URL = "https://api.bad-inputs.test/v1"
MISSING = "/nonexistent-dir/nothing-here"

Call = Callable[[Any], Any]


class Recorder:
    """A transport for both client kinds that records requests (and answers them, so a miss shows)."""

    def __init__(self) -> None:
        self.requests: list[httpx2.Request] = []
        self.transport = httpx2.MockTransport(self.handle)

    def handle(self, request: httpx2.Request) -> httpx2.Response:
        self.requests.append(request)
        return httpx2.Response(200, json=chat_completion("should not have been sent"))


def sync_client(recorder: Recorder, **options: Any) -> oc.Client:
    http = httpx2.Client(transport=recorder.transport)
    return oc.Client(api_key=KEY, base_url=BASE_URL, http_client=http, max_retries=0, **options)


def async_client(recorder: Recorder, **options: Any) -> oc.AsyncClient:
    http = httpx2.AsyncClient(transport=recorder.transport)
    return oc.AsyncClient(api_key=KEY, base_url=BASE_URL, http_client=http, max_retries=0, **options)


def create(**kwargs: Any) -> Call:
    kwargs.setdefault("model", "gpt-4o-mini")
    kwargs.setdefault("messages", "Hi")
    return lambda client: client.chat.create(**kwargs)


def builder(fn: Callable[[], Any]) -> Call:
    """A message builder: no client involved, run once."""

    def call(client: Any) -> Any:
        return fn()

    call.builder = True  # type: ignore[attr-defined]
    return call


def construct(**options: Any) -> Call:
    """Constructing a client (sync and async) with these options."""
    return lambda client: type(client)(api_key=KEY, **options)


def tool_def(**function: Any) -> list[dict[str, Any]]:
    return [{"type": "function", "function": function}]


MESSAGE_MARK = {"role": "user", "content": "Hi"}
SEVENTEEN = {f"k{i}": "v" for i in range(17)}

# (description, call, expected exception, message fragment); marks for known façade gaps
CASES: list[Any] = [
    # -- client options
    ("base_url without a scheme", construct(base_url="api.openai.com/v1"), ValueError, "base_url must be an http"),
    ("base_url with ftp://", construct(base_url="ftp://api.openai.com/v1"), ValueError, "base_url"),
    ("base_url not a str", construct(base_url=443), ValueError, "base_url"),
    ("negative max_retries", construct(max_retries=-1), TypeError, "max_retries must be an int >= 0"),
    ("max_retries as a str", construct(max_retries="3"), TypeError, "max_retries"),
    ("max_retries as a bool", construct(max_retries=True), TypeError, "max_retries"),
    ("zero timeout", construct(timeout=0), TypeError, "timeout must be a positive number"),
    ("negative timeout", construct(timeout=-5), TypeError, "timeout"),
    ("timeout as a str", construct(timeout="30"), TypeError, "timeout"),
    ("http_client of the wrong kind", construct(http_client=object()), TypeError, "http_client must be an httpx2"),
    ("with_options(max_retries=-1)", lambda c: c.with_options(max_retries=-1), TypeError, "max_retries"),
    ("with_options(base_url=no scheme)", lambda c: c.with_options(base_url="localhost:8080"), ValueError, "base_url"),
    # -- model and messages
    ("no model anywhere", lambda c: c.chat.create(messages="Hi"), ValueError, "model is required"),
    ("model not a str", create(model=4), TypeError, "model must be a str, got 4"),
    ("model as a list", create(model=["gpt-4o"]), TypeError, "model must be a str, got ['gpt-4o']"),
    ("messages=None", create(messages=None), TypeError, "messages must be a str or a list of messages"),
    ("empty messages", create(messages=[]), ValueError, "messages must hold at least 1 item, got 0"),
    ("one message not in a list", create(messages=MESSAGE_MARK), TypeError, "wrap a single message in a list"),
    ("unknown role", create(messages=[{"role": "robot", "content": "Hi"}]), ValueError, "role must be one of"),
    ("missing role", create(messages=[{"content": "Hi"}]), ValueError, "messages[0].role"),
    ("missing content", create(messages=[{"role": "user"}]), ValueError, "messages[0].content"),
    ("content None", create(messages=[{"role": "system", "content": None}]), TypeError, "messages[0].content"),
    ("tool message without tool_call_id", create(messages=[{"role": "tool", "content": "22"}]), ValueError,
     "tool_call_id"),
    ("a number as a message", create(messages=[42]), TypeError, "messages[0] must be a message"),
    # -- non-UTF-8 text
    ("bytes as messages", create(messages=b"Hi"), TypeError, "messages must be a str or a list"),
    ("bytes as content", create(messages=[{"role": "user", "content": b"Hi"}]), TypeError, "messages[0].content"),
    ("bytes to user()", builder(lambda: oc.user(b"Hi")), TypeError, "user: parts[0]"),
    ("bytes to text()", builder(lambda: oc.text(b"Hi")), TypeError, "text expects a str"),
    ("bytes to system()", builder(lambda: oc.system(b"Hi")), TypeError, "system: content"),
    ("lone surrogate in messages", create(messages="caf\udce9"), (TypeError, ValueError), "surrogates not allowed"),
    ("lone surrogate in a system()", create(messages=[oc.system("\ud800 rules")]), (TypeError, ValueError),
     "surrogates not allowed"),
    ("lone surrogate in metadata", create(metadata={"note": "\udfff"}), (TypeError, ValueError),
     "surrogates not allowed"),
    ("lone surrogate in a tool description", create(tools=tool_def(name="f", description="\ud83d")),
     (TypeError, ValueError), "surrogates not allowed"),
    ("non-ASCII header value", create(extra_headers={"X-Note": "caf\u00e9"}), ValueError, "X-Note"),
    # -- numbers out of range, wrong types
    ("temperature above 2", create(temperature=2.5), ValueError, "temperature must be a number from 0 to 2"),
    ("temperature as a str", create(temperature="hot"), TypeError, "temperature must be a number"),
    ("temperature NaN", create(temperature=float("nan")), ValueError, "temperature"),
    ("top_p above 1", create(top_p=1.5), ValueError, "top_p"),
    ("n=0", create(n=0), ValueError, "n must be an int from 1 to 128"),
    ("n as a bool", create(n=True), TypeError, "n must be an int"),
    ("max_tokens as a float", create(max_tokens=1.5), TypeError, "max_tokens must be an int or None"),
    ("max_completion_tokens as a str", create(max_completion_tokens="9"), TypeError, "max_completion_tokens"),
    ("frequency_penalty below -2", create(frequency_penalty=-3), ValueError, "frequency_penalty"),
    ("seed beyond 64 bits", create(seed=2**64), ValueError, "seed must be an int from"),
    ("five stop sequences", create(stop=["a", "b", "c", "d", "e"]), ValueError, "stop must hold from 1 to 4 items"),
    ("logit_bias above 100", create(logit_bias={"50256": 101}), ValueError, "logit_bias['50256']"),
    ("top_logprobs without logprobs", create(top_logprobs=3), ValueError, "top_logprobs needs logprobs=True"),
    ("stream_options without stream", create(stream_options={"include_usage": True}), ValueError,
     "stream_options needs stream=True"),
    ("misspelt keyword", create(temprature=1), TypeError, "did you mean 'temperature'"),
    ("stream not a bool", create(stream="yes"), TypeError, "stream must be a bool"),
    ("unknown service_tier", create(service_tier="turbo"), ValueError, "service_tier must be one of"),
    ("unknown reasoning_effort", create(reasoning_effort="extreme"), ValueError, "reasoning_effort"),
    ("response_format as a number", create(response_format=5), TypeError, "response_format must be"),
    # -- tools
    ("tools as one dict", create(tools={"type": "function"}), TypeError, "tools must be a list of"),
    ("tool name with a space", create(tools=tool_def(name="get weather")), ValueError, "tools[0].function.name must match"),
    ("tool without its function", create(tools=[{"type": "function"}]), ValueError, "tools[0].function"),
    ("tool parameters as a str", create(tools=tool_def(name="f", parameters="{}")), TypeError,
     "tools[0].function.parameters must be a dict"),
    ("unknown tool type", create(tools=[{"type": "retrieval"}]), ValueError, "tools[0].type must be one of"),
    ("unknown tool_choice", create(tool_choice="always"), ValueError, "tool_choice must be one of"),
    # -- metadata
    ("seventeen metadata pairs", create(metadata=SEVENTEEN), ValueError, "metadata may hold at most 16 pairs"),
    ("metadata key of 65 characters", create(metadata={"k" * 65: "v"}), ValueError, "metadata keys must be at most 64"),
    ("metadata value of 513 characters", create(metadata={"k": "v" * 513}), ValueError, "at most 512 characters"),
    ("metadata value not a str", create(metadata={"k": 5}), TypeError, "metadata['k'] must be a str"),
    # -- images, audio, files
    ("image path that does not exist", builder(lambda: oc.image(MISSING + ".png")), ValueError, "image: cannot read"),
    ("image path that is a directory", builder(lambda: oc.image(Path(__file__).parent)), ValueError, "cannot read"),
    ("image bytes of no known type", builder(lambda: oc.image(b"not an image")), ValueError, "image: cannot tell"),
    ("image detail unknown", builder(lambda: oc.image("https://e.com/a.png", detail="max")), ValueError,
     "image: detail"),
    ("audio path that does not exist", builder(lambda: oc.audio(MISSING + ".wav")), ValueError, "audio: cannot read"),
    ("audio bytes of no known format", builder(lambda: oc.audio(b"\x00" * 16)), ValueError, "audio: cannot tell"),
    ("file path that does not exist", builder(lambda: oc.file(data=MISSING + ".pdf")), ValueError, "file: cannot read"),
    ("file with neither id nor data", builder(lambda: oc.file()), ValueError, "file: pass exactly one"),
    # -- stored completions: ids, lists
    ("empty completion id", lambda c: c.chat.completions.get(""), ValueError, "completion_id must be a non-empty"),
    ("None completion id", lambda c: c.chat.completions.delete(None), ValueError, "completion_id"),
    ("numeric completion id", lambda c: c.chat.completions.get(123), ValueError, "completion_id"),
    ("update with metadata=None", lambda c: c.chat.completions.update("chatcmpl-1", metadata=None), TypeError,
     "pass {} to clear it"),
    ("update with an int value", lambda c: c.chat.completions.update("chatcmpl-1", metadata={"k": 1}), TypeError,
     "metadata['k']"),
    ("list limit as a float", lambda c: c.chat.completions.list(limit=1.5), TypeError, "limit must be an int"),
    ("list limit True", lambda c: c.chat.completions.list(limit=True), TypeError, "limit must be an int"),
    ("list limit as a str", lambda c: c.chat.completions.list(limit="10"), TypeError, "limit"),
    ("list order unknown", lambda c: c.chat.completions.list(order="newest"), ValueError,
     "order must be one of 'asc', 'desc'"),
    ("list metadata value not a str", lambda c: c.chat.completions.list(metadata={"k": 1}), TypeError, "metadata"),
    ("messages of an empty id", lambda c: c.chat.completions.messages(""), ValueError, "completion_id"),
    ("messages limit as a str", lambda c: c.chat.completions.messages("chatcmpl-1", limit="5"), TypeError, "limit"),
]  # fmt: skip


def _params() -> list[Any]:
    out = []
    for case in CASES:
        if not hasattr(case, "marks"):  # a plain tuple, not a pytest.param
            case = pytest.param(*case)
        out.append(pytest.param(*case.values, id=case.values[0], marks=[*case.marks, pytest.mark.bad_input]))
    return out


def _run(call: Call, client: Any) -> None:
    result = call(client)
    if inspect.isawaitable(result):

        async def wait() -> None:
            await result

        asyncio.run(wait())


@pytest.mark.parametrize(("description", "call", "expected", "fragment"), _params())
def test_bad_input_is_refused_before_sending(
    description: str, call: Call, expected: type[Exception], fragment: str
) -> None:
    recorder = Recorder()
    makers = [sync_client] if getattr(call, "builder", False) else [sync_client, async_client]
    for make in makers:
        client = make(recorder)
        try:
            with pytest.raises(expected) as info:
                _run(call, client)
        finally:
            if isinstance(client, oc.AsyncClient):
                asyncio.run(client.http_client.aclose())
            else:
                client.http_client.close()
        assert fragment in str(info.value), f"{type(client).__name__}: {info.value}"
        assert recorder.requests == [], (
            f"{description}: {len(recorder.requests)} request(s) reached the network"
        )


def test_catalogue_is_large_enough() -> None:
    assert len(CASES) >= 40
