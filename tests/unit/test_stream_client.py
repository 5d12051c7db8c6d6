"""Streaming through the client: what is sent, chunks/text/events/final/current, closing, errors, the pool."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx2
import openai_chat as oc
import pytest
from fakes import KEY, MODEL, Canned, Harness, SSEBody, error_body
from reliability.faultserver import FaultServer, Stream
from reliability.payloads import completion_chunks

ANSWER = "You said: Grüße aus Köln ☕ und 日本"
FAST = {"retry-after-ms": "1"}


@pytest.fixture(params=["sync", "async"])
def h(request: pytest.FixtureRequest) -> Iterator[Harness]:
    harness = Harness(request.param)
    yield harness
    harness.close()


def stream(h: Harness, **kwargs: object) -> object:
    kwargs.setdefault("model", MODEL)
    kwargs.setdefault("messages", "Grüße aus Köln ☕ und 日本")
    return h.client.chat.stream(**kwargs)


def test_stream_asks_for_a_stream_with_usage(h: Harness) -> None:
    with h.opened(stream(h, temperature=0)) as s:
        h.call(s.final)
    assert h.fake.last.json == {
        "model": MODEL,
        "messages": [{"role": "user", "content": "Grüße aus Köln ☕ und 日本"}],
        "temperature": 0,
        "stream": True,
        "stream_options": {"include_usage": True},
    }
    assert h.fake.last.headers["accept"] == "text/event-stream"
    assert h.fake.last.headers["authorization"] == f"Bearer {KEY}"


def test_the_caller_s_include_usage_is_kept(h: Harness) -> None:
    options = {"include_usage": False}
    with h.opened(stream(h, stream_options=options)) as s:
        chunks = h.collect(s)
        final = h.call(s.final)
    assert h.fake.last.json["stream_options"] == {"include_usage": False}
    assert options == {"include_usage": False}
    assert all(c.choices for c in chunks), "no usage-only chunk was sent"
    assert final.text == ANSWER
    assert not hasattr(final.usage, "total_tokens")


def test_chunks(h: Harness) -> None:
    with h.opened(stream(h)) as s:
        chunks = h.collect(s)
    assert all(isinstance(c, oc.ChatCompletionChunk) for c in chunks)
    assert {c.id for c in chunks} == {"chatcmpl-fake0001"}
    assert "".join(c.choices[0].delta.content or "" for c in chunks if c.choices) == ANSWER
    assert chunks[-1].choices == []
    assert chunks[-1].usage.total_tokens > 0
    assert s.request_id == "req_0001"


def test_text_then_final(h: Harness) -> None:
    with h.opened(stream(h)) as s:
        pieces = h.collect(s.text())
        final = h.call(s.final)
    assert len(pieces) > 3
    assert "".join(pieces) == ANSWER
    assert isinstance(final, oc.ChatCompletion)
    assert (final.id, final.text, final.finish_reason, final.request_id) == (
        "chatcmpl-fake0001",
        ANSWER,
        "stop",
        "req_0001",
    )
    assert final.usage.completion_tokens == len(ANSWER.split())


def test_final_alone_reads_the_whole_stream(h: Harness) -> None:
    with h.opened(stream(h)) as s:
        assert h.call(s.final).text == ANSWER
    assert h.fake.streams[-1].closed


def test_current_is_a_snapshot_while_reading(h: Harness) -> None:
    with h.opened(stream(h)) as s:
        pieces = h.items(s.text())
        seen = next(pieces) + next(pieces)
        assert s.current().text == seen
        rest = "".join(pieces)
        assert s.current().text == seen + rest == ANSWER


def test_events(h: Harness) -> None:
    with h.opened(stream(h)) as s:
        events = h.collect(s.events())
    deltas = [e for e in events if isinstance(e, oc.ContentDelta)]
    assert "".join(e.delta for e in deltas) == ANSWER
    assert deltas[-1].snapshot == ANSWER
    assert events[-1] == oc.FinishEvent(0, "stop")


def test_tool_call_events_and_final(h: Harness) -> None:
    arguments = json.dumps({"city": "Köln", "unit": "celsius"})
    call = {"id": "call_9", "type": "function", "function": {"name": "weather", "arguments": arguments}}
    h.fake.reply(None, tool_calls=[call])
    with h.opened(stream(h, tools=[{"type": "function", "function": {"name": "weather"}}])) as s:
        events = h.collect(s.events())
        final = h.call(s.final)
    argument_deltas = [e for e in events if isinstance(e, oc.ToolCallArgumentsDelta)]
    assert {(e.index, e.tool_index, e.name) for e in argument_deltas} == {(0, 0, "weather")}
    assert "".join(e.delta for e in argument_deltas) == arguments
    assert events[-1] == oc.FinishEvent(0, "tool_calls")
    assert [(c.id, c.function.name, c.function.arguments) for c in final.tool_calls] == [
        ("call_9", "weather", arguments)
    ]


def test_create_with_stream_true_gives_chunks(h: Harness) -> None:
    chunks_stream = h.call(h.client.chat.create, model=MODEL, messages="Hi", stream=True)
    chunks = h.collect(chunks_stream)
    assert "".join(c.choices[0].delta.content or "" for c in chunks if c.choices) == "You said: Hi"
    assert h.fake.last.json["stream"] is True
    assert h.fake.streams[-1].closed, "a stream read to its end is closed"


def test_a_stream_is_read_once(h: Harness) -> None:
    with h.opened(stream(h)) as s:
        h.collect(s.text())
        with pytest.raises(RuntimeError, match="only once"):
            h.collect(s)


def test_an_early_break_closes_the_response(h: Harness) -> None:
    with h.opened(stream(h)) as s:
        for _piece in h.items(s.text()):
            break
    body = h.fake.streams[-1]
    assert body.closed
    assert body.sent < len(body.pieces)
    assert s.response.is_closed


def test_an_early_break_without_a_with_block_closes_the_response() -> None:
    h = Harness("sync")
    try:
        for _chunk in h.client.chat.create(model=MODEL, messages="Hi", stream=True):
            break
        assert h.fake.streams[-1].closed
    finally:
        h.close()


def test_an_error_status_before_the_body_is_a_typed_error(h: Harness) -> None:
    h.fake.enqueue(Canned(400, error_body("bad stream", param="stream_options"), {"x-request-id": "req_bad"}))
    with pytest.raises(oc.BadRequestError) as caught:
        with h.opened(stream(h)):
            pass
    assert (caught.value.param, caught.value.request_id) == ("stream_options", "req_bad")
    assert len(h.fake.requests) == 1

    h.fake.enqueue(Canned(401, error_body("no")))
    with pytest.raises(oc.AuthenticationError):
        h.collect(h.call(h.client.chat.create, model=MODEL, messages="Hi", stream=True))


def test_a_retryable_status_before_the_body_is_retried(h: Harness) -> None:
    h.fake.enqueue(
        Canned(503, "busy", FAST), Canned(429, error_body("slow down", code="rate_limit_exceeded"), FAST)
    )
    with h.opened(stream(h)) as s:
        assert "".join(h.items(s.text())) == ANSWER
    assert len(h.fake.requests) == 3


# -- reasoning text, as the servers that send it spell it ----------------------------------------------------

SSE_FIXTURES = Path(__file__).parent.parent / "fixtures" / "sse"
REASONING = "Okay, the user asks for 2 × 3 — that’s 6 ✓."


def replay(h: Harness, name: str, size: int = 5) -> Any:
    """A client whose every request gets the recorded SSE body ``name``, cut every ``size`` bytes."""
    data = (SSE_FIXTURES / name).read_bytes()

    def handler(request: httpx2.Request) -> httpx2.Response:
        pieces = [data[i : i + size] for i in range(0, len(data), size)]
        return httpx2.Response(200, headers={"content-type": "text/event-stream"}, stream=SSEBody(pieces))

    return h.new_client(http_client=h.http_client(httpx2.MockTransport(handler)))


@pytest.mark.parametrize(
    "name",
    ["vllm_reasoning_content.sse", "vllm_reasoning.sse", "deepseek_reasoning.sse", "llamacpp_reasoning.sse"],
)
def test_reasoning_from_the_stream_and_the_final(h: Harness, name: str) -> None:
    client = replay(h, name)
    with h.opened(client.chat.stream(model=MODEL, messages="What is 2 × 3?")) as s:
        pieces = h.collect(s.reasoning())
        final = h.call(s.final)
    assert pieces[:3] == ["Okay", ", the", " user"]
    assert "".join(pieces) == REASONING
    assert final.message.reasoning == final.reasoning == REASONING
    assert final.text == "2 × 3 = 6 🙂"

    with h.opened(client.chat.stream(model=MODEL, messages="What is 2 × 3?")) as s:
        events = h.collect(s.events())
    kinds = [type(e).__name__ for e in events]
    assert kinds == ["ReasoningDelta"] * 12 + ["ContentDelta"] * 4 + ["FinishEvent"]
    assert events[11].snapshot == REASONING
    assert isinstance(events[0], oc.ReasoningDelta) and events[0].index == 0


def test_a_stream_without_reasoning_has_none(h: Harness) -> None:
    with h.opened(stream(h)) as s:
        assert h.collect(s.reasoning()) == []
        final = h.call(s.final)
    assert final.text == ANSWER
    assert final.message.reasoning is None and final.reasoning is None


def test_reasoning_of_a_completion_that_is_not_streamed(h: Harness) -> None:
    h.fake.replies.append({"role": "assistant", "content": "6", "refusal": None, "reasoning_content": "2×3"})
    h.fake.replies.append({"role": "assistant", "content": "6", "refusal": None, "reasoning": "2×3=6"})
    first = h.call(h.client.chat.create, model=MODEL, messages="2×3?")
    second = h.call(h.client.chat.create, model=MODEL, messages="2×3?")
    assert (first.message.reasoning, second.message.reasoning) == ("2×3", "2×3=6")
    assert isinstance(first.message, oc.ChatCompletionMessage)
    assert first.to_message() == {"role": "assistant", "content": "6"}, "reasoning is not sent back"


# -- the connection goes back to the pool (a real loopback server, one connection allowed) -------------------


@pytest.mark.parametrize("kind", ["sync", "async"])
def test_the_connection_goes_back_to_the_pool(kind: str) -> None:
    with FaultServer() as server:
        server.script(Stream(completion_chunks("one two three four five six", pieces=6, usage=True)))
        h = Harness(kind)
        limits = httpx2.Limits(max_connections=1)
        pool = httpx2.AsyncClient(limits=limits) if h.is_async else httpx2.Client(limits=limits)
        # One connection and a short pool timeout: a connection kept by a stream makes the next call fail.
        client = h.new_client(
            base_url=server.url + "/v1", http_client=pool, timeout=httpx2.Timeout(5.0, pool=0.5)
        )
        try:
            with h.opened(client.chat.stream(model=MODEL, messages="Hi")) as s:
                assert next(h.items(s.text())).startswith("one")
            for _ in range(2):
                with h.opened(client.chat.stream(model=MODEL, messages="Hi")) as s:
                    assert h.call(s.final).text == "one two three four five six"
        finally:
            h.close()
        ids = server.connection_ids()
        assert len(ids) == 3
        assert ids[1] == ids[2], "a stream read to its end leaves its connection for the next request"
        assert not server.errors


# -- final() after reading part of a stream ------------------------------------------------------------------


def test_final_after_reading_a_few_pieces_returns_the_whole_completion(h: Harness) -> None:
    with h.opened(stream(h)) as s:
        pieces = h.items(s.text())
        first = next(pieces) + next(pieces)
        final = h.call(s.final)
        assert final.text == ANSWER and ANSWER.startswith(first)
        assert list(pieces) == [], "final() read the rest; the reader has nothing left"
    assert h.fake.streams[-1].closed


def test_final_after_a_break_inside_a_with_block_reads_the_rest(h: Harness) -> None:
    with h.opened(stream(h)) as s:
        for chunk in h.items(s):
            if chunk.choices and chunk.choices[0].delta.content:
                break
        body = h.fake.streams[-1]
        assert not body.closed and body.sent < len(body.pieces), "the break left the rest unread, open"
        final = h.call(s.final)
    assert final.text == ANSWER
    assert final.usage.total_tokens > 0
    assert body.closed and s.response.is_closed


def test_final_after_events_stopped_early(h: Harness) -> None:
    with h.opened(stream(h)) as s:
        events = h.items(s.events())
        assert isinstance(next(events), oc.ContentDelta)
        assert h.call(s.final).text == ANSWER


# -- a JSON answer to a stream request ------------------------------------------------------------------------


def a_completion(content: str = "Served whole.") -> dict[str, Any]:
    return {
        "id": "chatcmpl-whole",
        "object": "chat.completion",
        "created": 7,
        "model": MODEL,
        "choices": [
            {"index": 0, "finish_reason": "tool_calls", "logprobs": None,
             "message": {"role": "assistant", "content": content, "refusal": None,
                         "tool_calls": [{"id": "call_1", "type": "function",
                                         "function": {"name": "f", "arguments": '{"x": 1}'}}]}},
        ],
        "usage": {"prompt_tokens": 3, "completion_tokens": 2, "total_tokens": 5},
    }  # fmt: skip


def test_a_json_completion_for_a_stream_request_is_that_completion(h: Harness) -> None:
    h.fake.enqueue(Canned(200, a_completion()))
    with h.opened(stream(h)) as s:
        assert h.collect(s.text()) == ["Served whole."]
        final = h.call(s.final)
    assert final == oc.ChatCompletion.from_dict(a_completion())
    assert final.usage.total_tokens == 5 and final.tool_calls[0].function.arguments == '{"x": 1}'
    assert final.http.headers["content-type"] == "application/json"

    h.fake.enqueue(Canned(200, a_completion("Once more.")))
    chunks = h.collect(h.call(h.client.chat.create, model=MODEL, messages="Hi", stream=True))
    assert len(chunks) == 1 and chunks[0].choices[0].delta.content == "Once more."
    assert chunks[0].choices[0].delta.tool_calls[0].function.name == "f"

    h.fake.enqueue(Canned(200, a_completion()))
    with h.opened(stream(h)) as s:
        assert h.call(s.final).text == "Served whole.", "final() alone"


@pytest.mark.parametrize(
    ("body", "headers", "error", "message"),
    [
        (
            "<html><body>Sign in to the Wi-Fi</body></html>",
            {"content-type": "text/html"},
            oc.APIResponseValidationError,
            "answered with text/html: '<html><body>Sign in",
        ),
        ({"object": "list", "data": []}, {}, oc.APIResponseValidationError, "JSON that is not a completion"),
        ({"id": "x", "object": "chat.completion"}, {}, oc.APIResponseValidationError, "does not match"),
        (
            "{not json",
            {"content-type": "application/json"},
            oc.APIResponseValidationError,
            "expected a JSON body",
        ),
        ({"error": {"message": "model overloaded", "code": "busy"}}, {}, oc.StreamError, "model overloaded"),
    ],
    ids=["html", "other-json", "bad-completion", "broken-json", "error-json"],
)
def test_a_stream_request_answered_without_a_stream_is_a_typed_error(
    h: Harness, body: Any, headers: dict[str, str], error: type[Exception], message: str
) -> None:
    h.fake.enqueue(Canned(200, body, {"x-request-id": "req_odd", **headers}))
    with pytest.raises(error, match=re.escape(message)) as caught:
        with h.opened(stream(h)):
            pass
    assert "middle of an event" not in str(caught.value)
    if isinstance(caught.value, oc.APIResponseValidationError):
        assert (caught.value.status_code, caught.value.request_id) == (200, "req_odd")
    assert len(h.fake.requests) == 1, "not retried"
