"""The stream layer: recorded-style SSE bodies in, chunk dicts and one completion out."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import httpx2
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openai_chat._accumulate import ChatCompletionAccumulator
from openai_chat._async.chunks import aiter_chunk_dicts
from openai_chat._chunks import StreamState
from openai_chat._chunks import accumulate_sse_dict as accumulate_sse
from openai_chat._exceptions import (
    APIConnectionError,
    APIResponseValidationError,
    APITimeoutError,
    IncompleteStreamError,
    OpenAIError,
    StreamError,
)
from openai_chat._models import ChatCompletion, completion_from_dict
from openai_chat._sync.chunks import iter_chunk_dicts

FIXTURES = Path(__file__).parent.parent / "fixtures" / "sse"
NAMES = sorted(p.name for p in FIXTURES.glob("*.sse"))


def body(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def drive(mode: str, pieces: list[bytes], acc: ChatCompletionAccumulator | None = None) -> list[dict]:
    """Run the sync or the async driver over pieces; return the chunk dicts."""
    acc = acc if acc is not None else ChatCompletionAccumulator()
    if mode == "sync":
        return list(iter_chunk_dicts(iter(pieces), acc))

    async def pieces_async() -> AsyncIterator[bytes]:
        for piece in pieces:
            yield piece

    async def collect() -> list[dict]:
        return [c async for c in aiter_chunk_dicts(pieces_async(), acc)]

    return asyncio.run(collect())


def result(mode: str, pieces: list[bytes]) -> dict:
    acc = ChatCompletionAccumulator()
    drive(mode, pieces, acc)
    return acc.result_dict()


def message(completion: dict, index: int = 0) -> dict:
    return completion["choices"][index]["message"]


both = pytest.mark.parametrize("mode", ["sync", "async"])


# --- what a user gets from each recorded body -------------------------------------------------


@both
def test_plain_text_with_usage(mode: str) -> None:
    done = result(mode, [body("plain_text_usage.sse")])
    assert message(done)["content"] == "Bonjour! Un café ☕ et des crêpes 🥞 — 日本語 ok."
    assert done["choices"][0]["finish_reason"] == "stop"
    assert done["usage"]["total_tokens"] == 30
    assert (done["id"], done["object"], done["service_tier"]) == (
        "chatcmpl-AT1plaintext0001",
        "chat.completion",
        "default",
    )


def test_refusal() -> None:
    done = accumulate_sse(body("refusal.sse"))
    assert message(done)["refusal"] == "I'm sorry, I can't help with that."
    assert message(done)["content"] is None


def test_parallel_tool_calls() -> None:
    calls = message(accumulate_sse(body("parallel_tool_calls.sse")))["tool_calls"]
    assert [(c["id"], c["function"]["name"], json.loads(c["function"]["arguments"])) for c in calls] == [
        ("call_Wx1pLq9aZ", "get_weather", {"city": "Paris", "unit": "celsius"}),
        ("call_Bv7TrK2mN", "get_time", {"timezone": "Europe/Paris"}),
    ]


def test_logprobs() -> None:
    done = accumulate_sse(body("logprobs.sse"))
    tokens = [t["token"] for t in done["choices"][0]["logprobs"]["content"]]
    assert "".join(tokens) == message(done)["content"] == "Yes, ça va."


def test_three_interleaved_choices() -> None:
    done = accumulate_sse(body("n3_interleaved.sse"))
    assert [(c["index"], c["message"]["content"], c["finish_reason"]) for c in done["choices"]] == [
        (0, "Red apple", "stop"),
        (1, "Green pears", "stop"),
        (2, "Blue", "length"),
    ]


def test_azure_content_filter_chunks() -> None:
    done = accumulate_sse(body("azure_content_filter.sse"))
    assert (done["id"], done["model"], done["created"]) == (
        "chatcmpl-AT6azure0000006",
        "gpt-4o-2024-08-06",
        1731000600,
    )
    assert done["prompt_filter_results"][0]["content_filter_results"]["hate"]["severity"] == "safe"
    assert message(done)["content"] == "Hello from Azure."


def test_llama_cpp_like_server() -> None:
    done = accumulate_sse(body("llamacpp_like.sse"))
    msg = message(done)
    assert msg["reasoning_content"] == "Let me think"
    assert msg["content"] == "Checking"
    assert [
        (c["id"], c["function"]["name"], json.loads(c["function"]["arguments"])) for c in msg["tool_calls"]
    ] == [
        ("kPq2uLzA7", "lookup", {"query": "llamas"}),
        ("Zr8wYb1Cd", "count", {"n": 3}),
    ]
    assert done["choices"][0]["finish_reason"] == "tool_calls"
    assert done["usage"]["total_tokens"] == 61
    assert done["timings"]["predicted_n"] == 21


REASONING = "Okay, the user asks for 2 × 3 — that’s 6 ✓."
REASONING_FIXTURES = [
    ("vllm_reasoning_content.sse", "reasoning_content"),
    ("vllm_reasoning.sse", "reasoning"),
    ("deepseek_reasoning.sse", "reasoning_content"),
    ("llamacpp_reasoning.sse", "reasoning_content"),
]


@both
@pytest.mark.parametrize(("name", "field"), REASONING_FIXTURES)
@pytest.mark.parametrize("size", [1, 2, 3, 5, 64])
def test_reasoning_in_each_server_s_spelling(mode: str, name: str, field: str, size: int) -> None:
    data = body(name)  # cut every few bytes: inside field names, "data:" and multi-byte characters
    done = result(mode, [data[i : i + size] for i in range(0, len(data), size)])
    msg = message(done)
    assert msg[field] == REASONING
    assert msg["content"] == "2 × 3 = 6 🙂"
    assert {"reasoning", "reasoning_content"} - {field} - set(msg), "only the spelling the server used"
    completion = completion_from_dict(done)
    assert completion.message.reasoning == completion.reasoning == REASONING
    assert done["choices"][0]["finish_reason"] == "stop"


def test_nonstandard_finish_reasons_are_kept() -> None:
    done = accumulate_sse(body("nonstandard_finish.sse"))
    assert [(c["message"]["content"], c["finish_reason"]) for c in done["choices"]] == [
        ("Partial ans", "abort"),
        ("Broken", "error"),
    ]


def test_custom_tool_call() -> None:
    (call,) = message(accumulate_sse(body("custom_tool.sse")))["tool_calls"]
    assert call == {
        "id": "call_cst9Lp2",
        "type": "custom",
        "custom": {"name": "run_sql", "input": "SELECT name FROM users WHERE id = 7;"},
    }


def test_audio() -> None:
    audio = message(accumulate_sse(body("audio.sse")))["audio"]
    assert audio == {
        "id": "audio_67a1b2c3",
        "transcript": "Hi there.",
        "data": "UklGRiQAAABXQVZF",
        "expires_at": 1731004200,
    }


@pytest.mark.parametrize("name", ["crlf.sse", "cr.sse"])
def test_crlf_and_cr_line_endings(name: str) -> None:
    assert message(accumulate_sse(body(name)))["content"] == "Line ends ✓"


def test_comments_event_id_retry_and_multi_line_data() -> None:
    assert message(accumulate_sse(body("fields.sse")))["content"] == "Fields ok"


def test_deprecated_function_call() -> None:
    call = message(accumulate_sse(body("function_call.sse")))["function_call"]
    assert call == {"name": "get_weather", "arguments": '{"city": "Oslo"}'}


# --- splitting never changes the outcome ---------------------------------------------------------


def run_state(pieces: list[bytes]) -> tuple[list[dict], dict]:
    state = StreamState()
    chunks = []
    for piece in pieces:
        chunks.extend(state.feed(piece))
    state.finish()
    return chunks, state.accumulator.result_dict()


@pytest.mark.parametrize("name", NAMES)
def test_split_at_every_byte_boundary(name: str) -> None:
    data = body(name)
    whole = run_state([data])
    for cut in range(1, len(data)):
        assert run_state([data[:cut], data[cut:]]) == whole, cut


@both
@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=st.sampled_from(NAMES), cuts=st.lists(st.integers(min_value=0, max_value=7000), max_size=40))
def test_split_at_random_boundaries(mode: str, name: str, cuts: list[int]) -> None:
    data = body(name)
    bounds = sorted({min(c, len(data)) for c in cuts})
    pieces = [data[a:b] for a, b in zip([0, *bounds], [*bounds, len(data)], strict=False)]
    assert result(mode, pieces) == result(mode, [data])


# --- how a stream can end badly ------------------------------------------------------------------

HELLO = b'data: {"id":"c","choices":[{"index":0,"delta":{"content":"Hel"},"finish_reason":null}]}\n\n'
FINISH = b'data: {"id":"c","choices":[{"index":0,"delta":{"content":"lo"},"finish_reason":"stop"}]}\n\n'
DONE = b"data: [DONE]\n\n"


@both
def test_error_event_raises_stream_error_with_partial(mode: str) -> None:
    error = b'event: error\ndata: {"error": {"message": "Model overloaded", "type": "server_error", "code": "overloaded"}}\n\n'
    with pytest.raises(StreamError) as info:
        drive(mode, [HELLO, error, FINISH, DONE])
    assert info.value.message == "Model overloaded"
    assert (info.value.code, info.value.type) == ("overloaded", "server_error")
    assert message(info.value.partial_dict)["content"] == "Hel"


def test_error_event_with_plain_text_data() -> None:
    with pytest.raises(StreamError, match="upstream went away"):
        accumulate_sse([HELLO, b"event: error\ndata: upstream went away\n\n"])


def test_in_band_error_chunk() -> None:
    with pytest.raises(StreamError) as info:
        accumulate_sse([HELLO, b'data: {"object":"error","message":"out of memory","code":500}\n\n'])
    assert (info.value.message, info.value.code) == ("out of memory", "500")
    assert message(info.value.partial_dict)["content"] == "Hel"


def test_other_event_types_are_ignored_unless_they_carry_an_error() -> None:
    noise = b'event: ping\ndata: {"type":"ping"}\n\nevent: status\ndata: warming up\n\n'
    assert message(accumulate_sse([noise, HELLO, FINISH, DONE]))["content"] == "Hello"
    with pytest.raises(StreamError, match="quota"):
        accumulate_sse([HELLO, b'event: status\ndata: {"error": {"message": "quota"}}\n\n'])


def test_keep_alive_events_are_skipped() -> None:
    assert (
        message(accumulate_sse([b": ping\n\n", b"data:\n\n", b"data:   \n\n", HELLO, FINISH, DONE]))[
            "content"
        ]
        == "Hello"
    )


@both
def test_missing_done_with_an_unfinished_choice_is_incomplete(mode: str) -> None:
    with pytest.raises(IncompleteStreamError) as info:
        drive(mode, [HELLO])
    assert message(info.value.partial_dict)["content"] == "Hel"
    assert info.value.partial_dict["choices"][0]["finish_reason"] is None


@both
def test_the_partial_of_a_failed_stream_is_a_typed_completion(mode: str) -> None:
    with pytest.raises(IncompleteStreamError) as info:
        drive(mode, [HELLO])
    partial = info.value.partial
    assert isinstance(partial, ChatCompletion)
    assert (partial.id, partial.text, partial.finish_reason) == ("c", "Hel", None)
    assert partial.to_dict()["choices"][0]["message"] == message(info.value.partial_dict)

    with pytest.raises(IncompleteStreamError) as nothing:
        accumulate_sse(b"")
    assert nothing.value.partial is not None and nothing.value.partial.choices == []


def test_stream_cut_inside_an_event_is_incomplete() -> None:
    with pytest.raises(IncompleteStreamError, match="middle of an event") as info:
        accumulate_sse([HELLO, FINISH[:30]])
    assert message(info.value.partial_dict)["content"] == "Hel"


def test_empty_body_is_incomplete() -> None:
    with pytest.raises(IncompleteStreamError, match="without sending any chunk"):
        accumulate_sse(b"")


@both
def test_missing_done_is_fine_when_every_choice_finished(mode: str) -> None:
    acc = ChatCompletionAccumulator()
    drive(mode, [HELLO, FINISH], acc)
    assert message(acc.result_dict())["content"] == "Hello"


def test_done_without_the_final_blank_line_is_fine() -> None:
    assert message(accumulate_sse([HELLO, b"data: [DONE]"]))["content"] == "Hel"


def test_anything_after_done_is_ignored() -> None:
    assert message(accumulate_sse([HELLO, DONE, FINISH, b"data: {not json\n\n"]))["content"] == "Hel"


def test_truncated_json_in_an_event() -> None:
    with pytest.raises(APIResponseValidationError, match="event 2 holds truncated JSON") as info:
        accumulate_sse([HELLO, b'data: {"id":"c","choices":[{"ind\n\n', DONE])
    assert not isinstance(info.value, IncompleteStreamError)


def test_invalid_json_and_non_object_json() -> None:
    with pytest.raises(APIResponseValidationError, match="event 1 holds invalid JSON"):
        accumulate_sse([b"data: {'single': 'quotes'}\n\n"])
    with pytest.raises(APIResponseValidationError, match="not an object"):
        accumulate_sse([b"data: [1, 2]\n\n"])


def test_multi_byte_character_split_between_pieces() -> None:
    data = 'data: {"choices":[{"index":0,"delta":{"content":"🙂"},"finish_reason":"stop"}]}\n\n'.encode()
    cut = data.index("🙂".encode()) + 2
    assert message(accumulate_sse([data[:cut], data[cut:]]))["content"] == "🙂"


def test_accumulator_is_shared_between_chunks_and_result() -> None:
    acc = ChatCompletionAccumulator()
    seen = []
    for chunk in iter_chunk_dicts([HELLO, FINISH, DONE], acc):
        seen.append(message(acc.snapshot_dict())["content"])
        assert chunk["id"] == "c"
    assert seen == ["Hel", "Hello"]
    assert acc.finished


# --- transport failures mid-stream ---------------------------------------------------------------


def failing(exc: Exception) -> Iterator[bytes]:
    yield HELLO
    raise exc


async def afailing(exc: Exception) -> AsyncIterator[bytes]:
    yield HELLO
    raise exc


@pytest.mark.parametrize(
    ("exc", "expected"),
    [
        (httpx2.ReadError("connection reset"), APIConnectionError),
        (httpx2.RemoteProtocolError("peer closed connection"), APIConnectionError),
        (httpx2.ReadTimeout("read timed out"), APITimeoutError),
        (httpx2.DecodingError("corrupt gzip stream"), APIConnectionError),
    ],
)
@both
def test_transport_errors_become_connection_errors_with_partial(
    mode: str, exc: Exception, expected: type
) -> None:
    acc = ChatCompletionAccumulator()

    async def collect() -> list[dict]:
        return [c async for c in aiter_chunk_dicts(afailing(exc), acc)]

    with pytest.raises(expected) as info:
        if mode == "sync":
            list(iter_chunk_dicts(failing(exc), acc))
        else:
            asyncio.run(collect())
    assert type(info.value) is expected
    assert info.value.__cause__ is exc
    assert message(info.value.partial_dict)["content"] == "Hel"


@both
def test_over_a_real_httpx_response(mode: str) -> None:
    data = body("parallel_tool_calls.sse")

    pieces = [data[i : i + 1000] for i in range(0, len(data), 1000)]

    async def apieces() -> AsyncIterator[bytes]:
        for piece in pieces:
            yield piece

    def handler(request: httpx2.Request) -> httpx2.Response:
        content = iter(pieces) if mode == "sync" else apieces()
        return httpx2.Response(200, headers={"content-type": "text/event-stream"}, content=content)

    acc = ChatCompletionAccumulator()
    if mode == "sync":
        with httpx2.Client(transport=httpx2.MockTransport(handler)) as client:
            with client.stream("POST", "https://api.test/v1/chat/completions") as response:
                chunks = list(iter_chunk_dicts(response.iter_raw(), acc))
    else:

        async def go() -> list[dict]:
            async with httpx2.AsyncClient(transport=httpx2.MockTransport(handler)) as client:
                async with client.stream("POST", "https://api.test/v1/chat/completions") as response:
                    return [c async for c in aiter_chunk_dicts(response.aiter_raw(), acc)]

        chunks = asyncio.run(go())
    assert len(chunks) == data.count(b'"object":"chat.completion.chunk"')
    assert acc.result_dict() == accumulate_sse(data)


# --- nothing but this package's errors, whatever the bytes ------------------------------------------


_sse_bytes = st.one_of(
    st.binary(max_size=32),
    st.sampled_from(
        [
            b"data: ",
            b"data:",
            b"\n",
            b"\r\n",
            b"\r",
            b"\n\n",
            b"{",
            b"}",
            b"[DONE]",
            b":",
            b"event: error\n",
            b'"choices":[{"index":0,',
        ]
    ),
)


@settings(max_examples=300, deadline=None)
@given(pieces=st.lists(_sse_bytes, max_size=16))
def test_arbitrary_bytes_raise_only_package_errors(pieces: list[bytes]) -> None:
    try:
        accumulate_sse(pieces)
    except OpenAIError:
        pass


_KEYS = [
    "id", "object", "model", "created", "choices", "index", "delta", "content", "role", "refusal",
    "tool_calls", "function", "arguments", "name", "type", "custom", "input", "function_call",
    "audio", "transcript", "data", "annotations", "logprobs", "finish_reason", "usage", "error", "message",
]  # fmt: skip
_json = st.recursive(
    st.none() | st.booleans() | st.integers(-3, 3) | st.sampled_from(["", "x", "error", "custom", "[DONE]"]),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.sampled_from(_KEYS), inner, max_size=5),
    max_leaves=20,
)


@settings(max_examples=150, deadline=None)
@given(chunks=st.lists(st.dictionaries(st.sampled_from(_KEYS), _json, max_size=6), max_size=5))
def test_arbitrary_chunk_shapes_raise_only_package_errors(chunks: list[dict[str, Any]]) -> None:
    sse = [f"data: {json.dumps(c)}\n\n".encode() for c in chunks]
    acc = ChatCompletionAccumulator(events=True)
    try:
        list(iter_chunk_dicts(sse, acc))
    except (IncompleteStreamError, StreamError, APIResponseValidationError):
        pass
    # Whatever happened, what was gathered can still be shown.
    json.dumps(acc.snapshot_dict())
