"""Property tests: the stream layer under any split and any garbage, and argument checking under any value.

* A valid SSE body gives the same completion however it is cut into pieces and whatever line ends it
  uses, and that completion holds what the chunks said.
* Arbitrary bytes (and chunk-shaped JSON with wrong values) never make the stream layer raise anything
  but an ``openai_chat.OpenAIError``.
* Invalid ``create`` keywords and message-builder arguments raise ``ValueError``/``TypeError`` naming the
  argument, before any request; valid ones produce requests that ``openapi.yaml`` accepts.

Every example a test body runs is counted for the summary line.
"""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path
from typing import Any

import httpx2
import openai_chat as oc
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from openai_chat._chunks import accumulate_sse_dict

from . import registry
from .payloads import DONE, chat_completion, sse_event

_TESTS = str(Path(__file__).resolve().parents[1])
if _TESTS not in sys.path:  # tests/ is not a package; the contract helper lives there
    sys.path.append(_TESTS)

from openapi_contract import validate_request  # noqa: E402

FUZZ = settings(max_examples=150, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
KEY = "sk-test-fuzz-not-a-real-key"
BASE_URL = "https://api.fuzz.test/v1"
JSON_LEAVES = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8)
JSON = st.recursive(
    JSON_LEAVES,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
)


# ------------------------------------------------------------------------------- valid stream bodies


@st.composite
def streamed_completions(draw: st.DrawFn) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """Chunk dicts of one streamed completion (n choices, content and tool calls interleaved, maybe usage),
    and what the accumulated completion must say: each choice's content, tool calls and finish reason."""
    n = draw(st.integers(1, 3))
    base = {"id": "chatcmpl-fuzz", "object": "chat.completion.chunk", "created": 1_700_000_000, "model": "m"}
    expected: dict[str, Any] = {"choices": {}}
    plans: list[list[dict[str, Any]]] = []
    for index in range(n):
        deltas: list[dict[str, Any]] = [{"role": "assistant", "content": ""}]
        texts = draw(st.lists(st.text(min_size=1, max_size=12), max_size=6))
        deltas += [{"content": t} for t in texts]
        calls = []
        for k in range(draw(st.integers(0, 2))):
            name = draw(st.from_regex(r"[a-z_]{1,10}", fullmatch=True))
            pieces = draw(st.lists(st.text(min_size=1, max_size=8), min_size=1, max_size=4))
            call_id = f"call_{index}_{k}"
            deltas.append(
                {
                    "tool_calls": [
                        {
                            "index": k,
                            "id": call_id,
                            "type": "function",
                            "function": {"name": name, "arguments": ""},
                        }
                    ]
                }
            )
            deltas += [{"tool_calls": [{"index": k, "function": {"arguments": p}}]} for p in pieces]
            calls.append({"id": call_id, "name": name, "arguments": "".join(pieces)})
        finish = "tool_calls" if calls else draw(st.sampled_from(["stop", "length", "content_filter"]))
        chunks = [{"index": index, "delta": d, "finish_reason": None} for d in deltas]
        chunks.append({"index": index, "delta": {}, "finish_reason": finish})
        plans.append(chunks)
        expected["choices"][index] = {"content": "".join(texts), "tool_calls": calls, "finish_reason": finish}
    # Interleave the choices' chunks in a random order that keeps each choice's own order.
    order = draw(st.permutations([i for i, plan in enumerate(plans) for _ in plan]))
    positions = [0] * n
    chunks = []
    for index in order:
        chunks.append({**base, "choices": [plans[index][positions[index]]]})
        positions[index] += 1
    if draw(st.booleans()):
        usage = {"prompt_tokens": 3, "completion_tokens": 5, "total_tokens": 8}
        chunks.append({**base, "choices": [], "usage": usage})
        expected["usage"] = usage
    return chunks, expected


def encode_body(chunks: list[dict[str, Any]], newline: bytes, space: bool) -> bytes:
    body = b"".join(sse_event(c) for c in chunks) + DONE
    if not space:
        body = body.replace(b"data: ", b"data:")
    return body.replace(b"\n", newline)


def split_at(body: bytes, cuts: list[int]) -> list[bytes]:
    points = sorted({c % (len(body) + 1) for c in cuts})
    return [body[a:b] for a, b in zip([0, *points], [*points, len(body)], strict=True)]


@FUZZ
@given(
    streamed_completions(),
    st.lists(st.integers(min_value=0), max_size=30),
    st.sampled_from([b"\n", b"\r\n", b"\r"]),
    st.booleans(),
)
def test_any_split_of_a_valid_body_gives_the_same_completion(
    completion: tuple[list[dict[str, Any]], dict[str, Any]], cuts: list[int], newline: bytes, space: bool
) -> None:
    registry.count_example()
    chunks, expected = completion
    reference = encode_body(chunks, b"\n", True)
    body = encode_body(chunks, newline, space)
    whole = accumulate_sse_dict(reference)
    assert accumulate_sse_dict(split_at(body, cuts)) == whole
    assert accumulate_sse_dict([body[i : i + 1] for i in range(len(body))]) == whole
    for choice in whole["choices"]:
        want = expected["choices"][choice["index"]]
        message = choice["message"]
        assert message["content"] == want["content"]
        assert choice["finish_reason"] == want["finish_reason"]
        got_calls = [
            {"id": c["id"], "name": c["function"]["name"], "arguments": c["function"]["arguments"]}
            for c in message.get("tool_calls", [])
        ]
        assert got_calls == want["tool_calls"]
    assert len(whole["choices"]) == len(expected["choices"])
    assert whole.get("usage") == expected.get("usage")
    typed = oc.accumulate_sse(split_at(body, cuts))
    assert typed.text == expected["choices"][0]["content"]


# ---------------------------------------------------------------------------------------- garbage


def only_our_errors(call: Any) -> None:
    try:
        call()
    except oc.OpenAIError:
        pass


@FUZZ
@given(st.lists(st.binary(max_size=64), max_size=12))
def test_arbitrary_bytes_raise_only_our_errors(pieces: list[bytes]) -> None:
    registry.count_example()
    only_our_errors(lambda: accumulate_sse_dict(pieces))
    only_our_errors(lambda: oc.accumulate_sse(pieces))


SSE_JUNK = st.sampled_from(
    [b"data: ", b"data:", b"event: ", b"error", b"message", b"id: ", b"retry: ", b":", b"\n", b"\r", b"\r\n",
     b"\n\n", b"[DONE]", b"{", b"}", b'"', b"\xef\xbb\xbf", b"\xff", b"\xc3", b"\x00"]
)  # fmt: skip


@FUZZ
@given(
    st.lists(SSE_JUNK | st.binary(max_size=8), max_size=40), st.lists(st.integers(min_value=0), max_size=5)
)
def test_sse_shaped_bytes_raise_only_our_errors(tokens: list[bytes], cuts: list[int]) -> None:
    registry.count_example()
    body = b"".join(tokens)
    only_our_errors(lambda: accumulate_sse_dict(split_at(body, cuts)))
    only_our_errors(lambda: oc.accumulate_sse(split_at(body, cuts)))


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix]
    if isinstance(value, dict):
        for key, item in value.items():
            out += _paths(item, (*prefix, key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            out += _paths(item, (*prefix, i))
    return out


def _replace(value: Any, path: tuple[Any, ...], new: Any) -> Any:
    if not path:
        return new
    copy = dict(value) if isinstance(value, dict) else list(value)
    copy[path[0]] = _replace(value[path[0]], path[1:], new)
    return copy


@st.composite
def mutated_chunks(draw: st.DrawFn) -> list[dict[str, Any]]:
    """A valid chunk sequence with one to three values swapped for arbitrary JSON."""
    chunks, _ = draw(streamed_completions())
    for _ in range(draw(st.integers(1, 3))):
        i = draw(st.integers(0, len(chunks) - 1))
        path = draw(st.sampled_from(_paths(chunks[i])))
        chunks[i] = _replace(chunks[i], path, draw(JSON))
    return chunks


def _mock_client(handler: Any) -> oc.Client:
    transport = httpx2.MockTransport(handler)
    return oc.Client(
        api_key=KEY,
        base_url=BASE_URL,
        model="m",
        max_retries=0,
        http_client=httpx2.Client(transport=transport),
    )


class SSEServer:
    """One mock client whose every response streams the body set last (an iterator, so it is read lazily)."""

    def __init__(self) -> None:
        self.body = b""
        self.client = _mock_client(self.handle)

    def handle(self, request: httpx2.Request) -> httpx2.Response:
        return httpx2.Response(200, headers={"content-type": "text/event-stream"}, content=iter([self.body]))

    def serve(self, chunks: list[Any]) -> oc.Client:
        self.body = b"".join(b"data: " + json.dumps(c).encode() + b"\n\n" for c in chunks) + DONE
        return self.client


SSE = SSEServer()


@FUZZ
@given(mutated_chunks())
def test_chunks_with_wrong_values_raise_only_our_errors(chunks: list[Any]) -> None:
    registry.count_example()
    client = SSE.serve(chunks)
    only_our_errors(lambda: accumulate_sse_dict(SSE.body))

    def dicts() -> None:
        with client.chat.stream(messages="Hi") as stream:
            for _ in stream.dicts():
                pass

    def text() -> None:
        with client.chat.stream(messages="Hi") as stream:
            for _ in stream.text():
                pass

    only_our_errors(dicts)
    only_our_errors(text)


@settings(FUZZ, derandomize=True)
@given(mutated_chunks(), st.sampled_from(["iterate", "final", "accumulate_sse"]))
def test_typed_results_of_wrong_chunks_raise_only_our_errors(chunks: list[Any], how: str) -> None:
    registry.count_example()
    client = SSE.serve(chunks)

    def typed() -> None:
        if how == "accumulate_sse":
            oc.accumulate_sse(SSE.body)
            return
        with client.chat.stream(messages="Hi") as stream:
            if how == "iterate":
                for _ in stream:
                    pass
            stream.final()

    only_our_errors(typed)


OK_CHUNK = {"id": "c", "object": "chat.completion.chunk", "created": 1, "model": "m",
            "choices": [{"index": 0, "delta": {"content": "x"}, "finish_reason": "stop"}]}  # fmt: skip


@pytest.mark.parametrize(
    ("chunks", "how"),
    [
        ([{}, OK_CHUNK], "iterate"),  # KeyError: 'id'
        ([{k: v for k, v in OK_CHUNK.items() if k != "created"}], "iterate"),  # KeyError: 'created'
        ([{**OK_CHUNK, "usage": "x"}], "final"),  # ValueError from the usage model
        ([{**OK_CHUNK, "usage": "x"}], "accumulate_sse"),
    ],
    ids=["empty-chunk", "no-created", "usage-str-final", "usage-str-accumulate"],
)
def test_known_wrong_chunks_raise_validation_errors(chunks: list[Any], how: str) -> None:
    client = SSE.serve(chunks)
    with pytest.raises(oc.APIResponseValidationError):
        if how == "accumulate_sse":
            oc.accumulate_sse(SSE.body)
        else:
            with client.chat.stream(messages="Hi") as stream:
                if how == "iterate":
                    for _ in stream:
                        pass
                stream.final()


def test_final_on_a_response_read_in_advance() -> None:
    body = b"data: " + json.dumps(OK_CHUNK).encode() + b"\n\n" + DONE
    client = _mock_client(lambda request: httpx2.Response(200, content=body))  # bytes: read at once
    with client.chat.stream(messages="Hi") as stream:
        assert stream.final().text == "x"


# ------------------------------------------------------------------------------------ create keywords


class NetworkUsed(AssertionError):
    pass


def _no_network(request: httpx2.Request) -> httpx2.Response:
    raise NetworkUsed(f"a request was sent: {request.method} {request.url}")


NO_NETWORK = _mock_client(_no_network)

NOT_A_NUMBER = (
    st.text(max_size=3) | st.lists(st.integers(), max_size=2) | st.booleans() | st.just(float("nan"))
)
ENUM_JUNK = st.text(max_size=10) | st.integers()


def outside(lo: float, hi: float) -> st.SearchStrategy[Any]:
    return st.floats(allow_nan=False).filter(lambda x: not lo <= x <= hi) | NOT_A_NUMBER


def ints_outside(lo: int, hi: int | None = None) -> st.SearchStrategy[Any]:
    below = st.integers(max_value=lo - 1)
    return (
        (below | st.integers(min_value=hi + 1) if hi is not None else below)
        | st.floats(allow_nan=False)
        | NOT_A_NUMBER
    )


BAD_KEYWORDS: dict[str, st.SearchStrategy[Any]] = {
    "temperature": outside(0, 2),
    "top_p": outside(0, 1),
    "frequency_penalty": outside(-2, 2),
    "presence_penalty": outside(-2, 2),
    "n": ints_outside(1, 128),
    "max_tokens": st.floats(allow_nan=False) | NOT_A_NUMBER,  # the spec sets no lower bound
    "max_completion_tokens": st.floats(allow_nan=False) | NOT_A_NUMBER,
    "top_logprobs": ints_outside(0, 20),
    "seed": st.integers(min_value=2**64) | st.integers(max_value=-(2**64)) | st.floats() | st.text(max_size=3),
    "stop": st.lists(st.text(max_size=3), min_size=5, max_size=8) | st.lists(st.integers(), min_size=1, max_size=3)
    | st.integers() | st.just([]),
    "metadata": st.dictionaries(st.text(max_size=4), st.text(max_size=4), min_size=17, max_size=20)
    | st.dictionaries(st.text(min_size=65, max_size=70), st.text(max_size=4), min_size=1, max_size=2)
    | st.dictionaries(st.text(max_size=4), st.text(min_size=513, max_size=520), min_size=1, max_size=2)
    | st.dictionaries(st.text(max_size=4), st.integers() | st.none(), min_size=1, max_size=2)
    | st.integers() | st.text(max_size=3),
    "logit_bias": st.dictionaries(st.integers(0, 100), st.integers().filter(lambda b: not -100 <= b <= 100), min_size=1)
    | st.dictionaries(st.text(min_size=1).filter(lambda t: not t.isdecimal()), st.integers(-100, 100), min_size=1)
    | st.integers(),
    "service_tier": ENUM_JUNK.filter(lambda v: v not in ("auto", "default", "flex", "scale", "priority", "fast")),
    "verbosity": ENUM_JUNK.filter(lambda v: v not in ("low", "medium", "high")),
    "reasoning_effort": ENUM_JUNK.filter(
        lambda v: v not in ("none", "minimal", "low", "medium", "high", "xhigh", "max")
    ),
    "prompt_cache_retention": ENUM_JUNK.filter(lambda v: v not in ("in_memory", "24h")),
    "modalities": st.lists(ENUM_JUNK.filter(lambda v: v not in ("text", "audio")), min_size=1, max_size=2)
    | st.text(max_size=3),
    "store": st.integers() | st.text(max_size=3),
    "logprobs": st.integers() | st.text(max_size=3),
    "parallel_tool_calls": st.integers() | st.text(max_size=3) | st.none(),
    "user": st.integers() | st.none() | st.lists(st.text(), max_size=1),
    "safety_identifier": st.text(min_size=65, max_size=80) | st.integers(),
    "response_format": st.integers() | st.text(max_size=3) | st.lists(st.integers(), max_size=2),
    "tools": st.lists(
        st.fixed_dictionaries(
            {
                "type": st.just("function"),
                "function": st.fixed_dictionaries({"name": st.text(max_size=70).filter(lambda s: not s or len(s) > 64 or not s.replace("_", "").replace("-", "").isascii() or not s.replace("_", "").replace("-", "").isalnum())}),
            }
        ),
        min_size=1,
        max_size=2,
    )
    | st.integers(),
    "tool_choice": ENUM_JUNK.filter(lambda v: v not in ("none", "auto", "required")),
    "audio": st.fixed_dictionaries({"voice": st.just("alloy"), "format": ENUM_JUNK.filter(lambda v: v not in ("wav", "aac", "mp3", "flac", "opus", "pcm16"))})
    | st.integers(),
}  # fmt: skip


@FUZZ
@given(st.data())
def test_invalid_keyword_values_are_refused_by_name(data: st.DataObject) -> None:
    registry.count_example()
    name = data.draw(st.sampled_from(sorted(BAD_KEYWORDS)), label="keyword")
    value = data.draw(BAD_KEYWORDS[name], label="value")
    extra = {"logprobs": True} if name == "top_logprobs" else {}
    with pytest.raises((TypeError, ValueError)) as info:
        NO_NETWORK.chat.create(messages="Hi", **extra, **{name: value})
    assert not isinstance(info.value, NetworkUsed)
    assert name in str(info.value), f"{name}={value!r}: {info.value}"


BAD_MESSAGES = (
    st.integers()
    | st.just(b"Hi")
    | st.just([])
    | st.dictionaries(st.text(max_size=4), st.text(max_size=4), max_size=2)
    | st.lists(
        st.fixed_dictionaries({"role": st.text(max_size=10).filter(lambda r: r not in (
            "developer", "system", "user", "assistant", "tool", "function")), "content": st.text(max_size=5)}),
        min_size=1, max_size=2,
    )
    | st.lists(st.fixed_dictionaries({"role": st.sampled_from(["user", "system", "developer", "tool"]),
                                      "content": st.none() | st.integers() | st.just([])}), min_size=1, max_size=2)
    | st.lists(st.integers() | st.none() | st.floats(), min_size=1, max_size=2)
)  # fmt: skip


@FUZZ
@given(BAD_MESSAGES)
def test_invalid_messages_are_refused_by_name(messages: Any) -> None:
    registry.count_example()
    with pytest.raises((TypeError, ValueError)) as info:
        NO_NETWORK.chat.create(messages=messages)
    assert not isinstance(info.value, NetworkUsed)
    assert "messages" in str(info.value), f"{messages!r}: {info.value}"


NOT_STR = st.integers() | st.none() | st.floats() | st.lists(st.integers(), max_size=2) | st.just(b"x")
BAD_BUILDER_CALLS = st.one_of(
    NOT_STR.filter(lambda v: v is not None).map(lambda v: ("system", lambda: oc.system(v))),
    NOT_STR.filter(lambda v: v is not None).map(lambda v: ("developer", lambda: oc.developer(v))),
    NOT_STR.filter(lambda v: not isinstance(v, (bytes, list))).map(lambda v: ("user", lambda: oc.user(v))),
    NOT_STR.map(lambda v: ("tool", lambda: oc.tool(v, "result"))),
    NOT_STR.map(lambda v: ("text", lambda: oc.text(v))),
    NOT_STR.filter(lambda v: v is not None).map(lambda v: ("assistant", lambda: oc.assistant(v))),
    ENUM_JUNK.filter(lambda v: v not in ("auto", "low", "high")).map(
        lambda v: ("image", lambda: oc.image("https://example.com/a.png", detail=v))
    ),
    ENUM_JUNK.filter(lambda v: v not in ("wav", "mp3")).map(lambda v: ("audio", lambda: oc.audio(b"ID3" + bytes(8), format=v))),
    st.binary(max_size=16).filter(lambda b: not b.startswith((b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"RIFF"))).map(
        lambda v: ("image", lambda: oc.image(v))
    ),
    st.just(("file", lambda: oc.file())),
    st.just(("file", lambda: oc.file(file_id="file-1", data=b"x"))),
)  # fmt: skip


@FUZZ
@given(BAD_BUILDER_CALLS)
def test_invalid_builder_arguments_are_refused_by_name(case: tuple[str, Any]) -> None:
    registry.count_example()
    builder, call = case
    with pytest.raises((TypeError, ValueError)) as info:
        call()
    assert builder in str(info.value), f"{builder}: {info.value}"


@pytest.mark.parametrize("value", [{"type": "json_objet"}, {"type": "json_schema"}, {"type": ""}])
def test_response_format_typos_are_refused(value: dict[str, str]) -> None:
    with pytest.raises(ValueError, match="response_format"):
        NO_NETWORK.chat.create(messages="Hi", response_format=value)


# ------------------------------------------------------------------------------- valid requests

SAFE_TEXT = st.text(max_size=20)
NAMES = st.from_regex(r"[a-zA-Z0-9_-]{1,64}", fullmatch=True)
TOOLS = st.lists(
    st.builds(
        lambda name, strict: {
            "type": "function",
            "function": {"name": name, "parameters": {"type": "object", "properties": {}}, "strict": strict},
        },
        NAMES,
        st.booleans(),
    ),
    min_size=1,
    max_size=3,
)
GOOD_KEYWORDS: dict[str, st.SearchStrategy[Any]] = {
    "temperature": st.none() | st.floats(0, 2) | st.integers(0, 2),
    "top_p": st.none() | st.floats(0, 1),
    "frequency_penalty": st.floats(-2, 2),
    "presence_penalty": st.floats(-2, 2),
    "n": st.integers(1, 128),
    "max_tokens": st.integers(1, 2**31),
    "max_completion_tokens": st.none() | st.integers(1, 2**31),
    "seed": st.integers(-(2**63), 2**63 - 1),
    "stop": st.none() | SAFE_TEXT | st.lists(SAFE_TEXT, min_size=1, max_size=4),
    "metadata": st.none() | st.dictionaries(st.text(max_size=64), st.text(max_size=512), max_size=16),
    "logit_bias": st.dictionaries(st.integers(0, 200_000), st.integers(-100, 100), max_size=4),
    "service_tier": st.sampled_from(["auto", "default", "flex", "scale", "priority"]),
    "verbosity": st.sampled_from(["low", "medium", "high"]),
    "reasoning_effort": st.sampled_from(["minimal", "low", "medium", "high"]),
    "modalities": st.lists(st.sampled_from(["text", "audio"]), min_size=1, max_size=2, unique=True),
    "store": st.booleans(),
    "parallel_tool_calls": st.booleans(),
    "user": SAFE_TEXT,
    "safety_identifier": st.text(max_size=64),
    "prompt_cache_key": SAFE_TEXT,
    "response_format": st.sampled_from(
        [
            {"type": "text"},
            {"type": "json_object"},
            {"type": "json_schema", "json_schema": {"name": "answer", "schema": {"type": "object"}, "strict": True}},
        ]
    ),
    "tools": TOOLS,
    "tool_choice": st.sampled_from(["none", "auto", "required", {"type": "function", "function": {"name": "f"}}]),
    "audio": st.fixed_dictionaries({"voice": st.sampled_from(["alloy", "verse"]), "format": st.sampled_from(["wav", "mp3"])}),
    "top_logprobs": st.integers(0, 20),
    "prediction": st.fixed_dictionaries({"type": st.just("content"), "content": SAFE_TEXT}),
}  # fmt: skip

TOOL_CALL = st.builds(
    lambda i, name, args: {
        "id": f"call_{i}",
        "type": "function",
        "function": {"name": name, "arguments": args},
    },
    st.integers(0, 99),
    NAMES,
    SAFE_TEXT,
)
MESSAGE = st.one_of(
    SAFE_TEXT.map(oc.system),
    SAFE_TEXT.map(oc.developer),
    SAFE_TEXT.map(oc.user),
    st.builds(lambda t, url: oc.user(t, oc.image(url, detail="low")), SAFE_TEXT, st.sampled_from(["https://example.com/a.png", "data:image/png;base64,iVBORw0KGgo="])),
    st.lists(SAFE_TEXT, min_size=1, max_size=3).map(lambda ts: oc.user(*[oc.text(t) for t in ts])),
    SAFE_TEXT.map(oc.assistant),
    st.lists(TOOL_CALL, min_size=1, max_size=2).map(lambda calls: oc.assistant(tool_calls=calls)),
    st.builds(oc.tool, st.from_regex(r"call_[0-9]{1,3}", fullmatch=True), SAFE_TEXT),
    st.builds(lambda role, t: {"role": role, "content": t}, st.sampled_from(["user", "system", "developer"]), SAFE_TEXT),
)  # fmt: skip


def _validating(seen: list[httpx2.Request]) -> Any:
    def handler(request: httpx2.Request) -> httpx2.Response:
        seen.append(request)
        path = request.url.path.removeprefix("/v1")
        body = json.loads(request.content) if request.content else None
        validate_request(request.method, path, body=body)
        return httpx2.Response(200, json=chat_completion("ok"))

    return handler


VALIDATED: list[httpx2.Request] = []
CONTRACT_CLIENT = _mock_client(_validating(VALIDATED))


@FUZZ
@given(st.lists(MESSAGE, min_size=1, max_size=5), st.data())
def test_valid_arguments_make_requests_the_spec_accepts(messages: list[Any], data: st.DataObject) -> None:
    registry.count_example()
    names = data.draw(st.sets(st.sampled_from(sorted(GOOD_KEYWORDS)), max_size=8), label="keywords")
    kwargs = {name: data.draw(GOOD_KEYWORDS[name], label=name) for name in sorted(names)}
    if "top_logprobs" in kwargs:
        kwargs["logprobs"] = True
    for value in kwargs.values():
        assume(not (isinstance(value, float) and math.isnan(value)))
    before = len(VALIDATED)
    completion = CONTRACT_CLIENT.chat.create(model="gpt-4o-mini", messages=messages, **kwargs)
    assert completion.text == "ok"
    assert len(VALIDATED) == before + 1
    sent = json.loads(VALIDATED[-1].content)
    assert len(sent["messages"]) == len(messages)
    for name, value in kwargs.items():
        if isinstance(value, (int, str, bool)) or value is None:
            assert sent[name] == value, name
