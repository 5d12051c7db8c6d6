"""The clients against a misbehaving server: each scenario pins the result a user sees, how many requests
were sent, and roughly how long it took. One test body drives ``Client`` and ``AsyncClient``.

Every async run gets its own event loop (``asyncio.run``) and checks that it left no task behind; after
each test the server must hold no open connection, and after the module no thread may be left running.
Time bounds are generous: they catch a hang or a missing back-off, not a slowdown.
"""

from __future__ import annotations

import asyncio
import email.utils
import gc
import math
import threading
import time
import tracemalloc
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import httpx2
import openai_chat as oc
import pytest

from . import registry
from .faultserver import Drip, FaultServer, Hangup, Reset, Respond, Silence, Stream
from .payloads import (
    HTML_503,
    chat_completion,
    completion_chunk,
    completion_chunks,
    error_body,
    huge_stream,
    huge_stream_deltas,
    split_text,
    sse_event,
)

KEY = "sk-test-scenarios-not-a-real-key"
MODEL = "gpt-4o-mini"
ANSWER = "Hello there! The weather today is sunny with a light breeze."
FIRST_BACKOFF = (0.375, 0.5)  # min(0.5 * 2**0, 8) with up to 25 % jitter off
SECOND_BACKOFF = (0.75, 1.0)
SLACK = 0.6  # scheduling and loopback round trips on a busy machine


# ------------------------------------------------------------------------------------------ harness


@dataclass(frozen=True)
class Call:
    """One API call: ``create`` or a streamed ``stream``, with extra keyword arguments."""

    stream: bool = False
    kwargs: dict[str, Any] = field(default_factory=dict)
    keep_pieces: bool = True  # False for huge streams: only count the text
    trace_memory: bool = False


@dataclass
class Outcome:
    value: Any  # the ChatCompletion, or None
    error: BaseException | None
    attempts: int  # requests the client started (each retry is one more)
    elapsed: float
    pieces: list[str]  # streamed text seen before the stream ended or failed
    streamed_chars: int = 0
    peak_memory: int | None = None

    def expect(self, cls: type[BaseException]) -> Any:
        assert type(self.error) is cls, f"expected {cls.__name__}, got {self.error!r}"
        return self.error

    def ok(self) -> oc.ChatCompletion:
        assert self.error is None, f"unexpected {self.error!r}"
        return self.value


class SyncRunner:
    """Runs calls one after another on one ``Client``; counts attempts with an httpx2 request hook."""

    kind = "sync"

    def run(
        self, url: str, *calls: Call, between: Callable[[], object] | None = None, **options: Any
    ) -> list[Outcome]:
        attempts = [0]

        def count(request: httpx2.Request) -> None:
            attempts[0] += 1

        outcomes = []
        with (
            httpx2.Client(event_hooks={"request": [count]}) as http,
            oc.Client(api_key=KEY, base_url=url + "/v1", model=MODEL, http_client=http, **options) as client,
        ):
            for i, call in enumerate(calls):
                if i and between is not None:
                    between()
                outcomes.append(self._one(client, call, attempts))
        return outcomes

    def _one(self, client: oc.Client, call: Call, attempts: list[int]) -> Outcome:
        out = Outcome(None, None, 0, 0.0, [])
        before = attempts[0]
        if call.trace_memory:
            gc.collect()
            tracemalloc.start()
        start = time.monotonic()
        try:
            if call.stream:
                with client.chat.stream(messages="Hi", **call.kwargs) as stream:
                    for piece in stream.text():
                        _take(out, call, piece)
                    out.value = stream.final()
            else:
                out.value = client.chat.create(messages="Hi", **call.kwargs)
        except Exception as exc:
            out.error = exc
        finally:
            out.elapsed = time.monotonic() - start
            if call.trace_memory:
                out.peak_memory = tracemalloc.get_traced_memory()[1]
                tracemalloc.stop()
        out.attempts = attempts[0] - before
        return out


class AsyncRunner:
    """The same on one ``AsyncClient``, inside a fresh event loop that must end with no task left."""

    kind = "async"

    def run(
        self, url: str, *calls: Call, between: Callable[[], object] | None = None, **options: Any
    ) -> list[Outcome]:
        return asyncio.run(self._main(url, calls, between, options))

    async def _main(
        self, url: str, calls: tuple[Call, ...], between: Callable[[], object] | None, options: dict[str, Any]
    ) -> list[Outcome]:
        attempts = [0]

        async def count(request: httpx2.Request) -> None:
            attempts[0] += 1

        outcomes = []
        async with (
            httpx2.AsyncClient(event_hooks={"request": [count]}) as http,
            oc.AsyncClient(
                api_key=KEY, base_url=url + "/v1", model=MODEL, http_client=http, **options
            ) as client,
        ):
            for i, call in enumerate(calls):
                if i and between is not None:
                    between()
                outcomes.append(await self._one(client, call, attempts))
        left = asyncio.all_tasks() - {asyncio.current_task()}
        assert not left, registry.leak(f"asyncio tasks left running: {left!r}")
        return outcomes

    async def _one(self, client: oc.AsyncClient, call: Call, attempts: list[int]) -> Outcome:
        out = Outcome(None, None, 0, 0.0, [])
        before = attempts[0]
        if call.trace_memory:
            gc.collect()
            tracemalloc.start()
        start = time.monotonic()
        try:
            if call.stream:
                async with client.chat.stream(messages="Hi", **call.kwargs) as stream:
                    async for piece in stream.text():
                        _take(out, call, piece)
                    out.value = await stream.final()
            else:
                out.value = await client.chat.create(messages="Hi", **call.kwargs)
        except Exception as exc:
            out.error = exc
        finally:
            out.elapsed = time.monotonic() - start
            if call.trace_memory:
                out.peak_memory = tracemalloc.get_traced_memory()[1]
                tracemalloc.stop()
        out.attempts = attempts[0] - before
        return out


def _take(out: Outcome, call: Call, piece: str) -> None:
    out.streamed_chars += len(piece)
    if call.keep_pieces:
        out.pieces.append(piece)


Runner = SyncRunner | AsyncRunner


@pytest.fixture(params=[SyncRunner, AsyncRunner], ids=["sync", "async"])
def runner(request: pytest.FixtureRequest) -> Runner:
    return request.param()


@pytest.fixture
def server(fault_server: FaultServer) -> Iterator[FaultServer]:
    """The fault server, checked after the test for connections the client left open."""
    yield fault_server
    if not fault_server.wait_open_connections(0, timeout=2.0):
        pytest.fail(registry.leak(f"server still holds {fault_server.open_connections} open connection(s)"))


@pytest.fixture(scope="module", autouse=True)
def no_thread_left() -> Iterator[None]:
    before = set(threading.enumerate())
    yield
    deadline = time.monotonic() + 2.0
    while (left := [t for t in threading.enumerate() if t not in before and t.is_alive()]) and (
        time.monotonic() < deadline
    ):
        time.sleep(0.01)
    if left:
        pytest.fail(registry.leak(f"threads left running after the scenarios: {left!r}"))


def content(completion_dict: dict[str, Any]) -> str | None:
    return completion_dict["choices"][0]["message"]["content"]


def quick_date() -> tuple[str, float]:
    """An HTTP date between 0.5 and 1.5 s ahead (dates have whole seconds) and the wall-clock time it names."""
    target = math.ceil(time.time() + 0.5)
    return email.utils.formatdate(target, usegmt=True), float(target)


# ---------------------------------------------------------------------------------------- scenarios


@pytest.mark.scenario(1)
def test_connection_refused_retries_then_raises(runner: Runner, refused_url: str) -> None:
    [out] = runner.run(refused_url, Call(), max_retries=1, timeout=5.0)
    error = out.expect(oc.APIConnectionError)
    assert "connect" in str(error).lower()
    assert out.attempts == 2
    assert FIRST_BACKOFF[0] <= out.elapsed < FIRST_BACKOFF[1] + SLACK


@pytest.mark.scenario(2)
@pytest.mark.parametrize("step", [Reset(), Hangup()], ids=["rst", "fin"])
def test_dropped_before_status_line_retries_on_a_new_connection(
    runner: Runner, server: FaultServer, step: Reset | Hangup
) -> None:
    server.script(step)
    [out] = runner.run(server.url, Call(), max_retries=1, timeout=5.0)
    out.expect(oc.APIConnectionError)
    assert out.attempts == len(server.requests) == 2
    assert len(set(server.connection_ids())) == 2
    assert FIRST_BACKOFF[0] <= out.elapsed < FIRST_BACKOFF[1] + SLACK


@pytest.mark.scenario(3)
def test_two_500s_then_success(runner: Runner, server: FaultServer) -> None:
    server.script(
        Respond(500, error_body()), Respond(500, error_body()), Respond(200, chat_completion(ANSWER))
    )
    [out] = runner.run(server.url, Call(), max_retries=2, timeout=5.0)
    assert out.ok().text == ANSWER
    assert out.attempts == len(server.requests) == 3
    first, second = server.gaps()
    assert FIRST_BACKOFF[0] - 0.01 <= first < FIRST_BACKOFF[1] + SLACK
    assert SECOND_BACKOFF[0] - 0.01 <= second < SECOND_BACKOFF[1] + SLACK


RATE_LIMITED = error_body("Rate limit reached", type="requests", code="rate_limit_exceeded")


@pytest.mark.scenario(4)
@pytest.mark.parametrize("header", ["retry-after", "retry-after-ms", "http-date"])
def test_rate_limit_waits_as_asked(runner: Runner, server: FaultServer, header: str) -> None:
    if header == "retry-after":
        headers, asked = {"retry-after": "1"}, 1.0
    elif header == "retry-after-ms":
        headers, asked = {"retry-after-ms": "250", "retry-after": "30"}, 0.25  # the ms header wins
    else:
        date, target = quick_date()
        headers = {"retry-after": date}
    server.script(Respond(429, RATE_LIMITED, headers), Respond(200, chat_completion(ANSWER)))
    [out] = runner.run(server.url, Call(), max_retries=2, timeout=5.0)
    assert out.ok().text == ANSWER
    assert out.attempts == len(server.requests) == 2
    if header == "http-date":
        # A date names a moment, not a delay: how long the wait was depends on when the 429 arrived,
        # which a busy machine delays. What must hold is that the retry did not come before the date.
        wall = time.time() - time.monotonic()
        retried_at = server.requests[1].at + wall
        assert target - 0.05 <= retried_at < target + SLACK
    else:
        [gap] = server.gaps()
        assert asked - 0.1 <= gap < asked + SLACK


@pytest.mark.scenario(4)
@pytest.mark.parametrize("headers", [{"retry-after": "3600"}, {"retry-after-ms": "3600000"}], ids=["s", "ms"])
def test_rate_limit_with_an_hour_wait_raises_at_once(
    runner: Runner, server: FaultServer, headers: dict[str, str]
) -> None:
    server.script(Respond(429, RATE_LIMITED, {**headers, "x-request-id": "req_hour"}))
    [out] = runner.run(server.url, Call(), max_retries=2, timeout=5.0)
    error = out.expect(oc.RateLimitError)
    assert (error.status_code, error.code, error.request_id) == (429, "rate_limit_exceeded", "req_hour")
    assert error.response.headers["retry-after" if "retry-after" in headers else "retry-after-ms"]
    assert out.attempts == len(server.requests) == 1
    assert out.elapsed < SLACK


@pytest.mark.scenario(5)
def test_insufficient_quota_is_not_retried(runner: Runner, server: FaultServer) -> None:
    body = error_body("You exceeded your current quota", type="insufficient_quota", code="insufficient_quota")
    server.script(Respond(429, body))
    [out] = runner.run(server.url, Call(), max_retries=2, timeout=5.0)
    error = out.expect(oc.RateLimitError)
    assert error.code == "insufficient_quota"
    assert error.message == "You exceeded your current quota"
    assert out.attempts == len(server.requests) == 1
    assert out.elapsed < SLACK


@pytest.mark.scenario(6)
def test_503_html_page_is_kept_as_text(runner: Runner, server: FaultServer) -> None:
    server.script(Respond(503, HTML_503, {"content-type": "text/html", "retry-after-ms": "20"}))
    [out] = runner.run(server.url, Call(), max_retries=1, timeout=5.0)
    error = out.expect(oc.InternalServerError)
    assert error.status_code == 503
    assert error.body == HTML_503
    assert "503 Service Temporarily Unavailable" in error.message
    assert out.attempts == len(server.requests) == 2


@pytest.mark.scenario(7)
def test_headers_then_silence_times_out(runner: Runner, server: FaultServer) -> None:
    server.script(Silence(10.0, send_headers=True))
    [out] = runner.run(server.url, Call(), max_retries=0, timeout=httpx2.Timeout(5.0, read=0.4))
    out.expect(oc.APITimeoutError)
    assert out.attempts == len(server.requests) == 1
    assert 0.4 <= out.elapsed < 0.4 + SLACK


@pytest.mark.scenario(7)
def test_stream_going_silent_times_out_with_partial(runner: Runner, server: FaultServer) -> None:
    first = completion_chunks("Hello", pieces=1, finish_reason=None, done=False)
    server.script(Silence(10.0, send_headers=True, headers={"content-type": "text/event-stream"},
                          body_prefix=b"".join(first)))  # fmt: skip
    [out] = runner.run(server.url, Call(stream=True), max_retries=0, timeout=httpx2.Timeout(5.0, read=0.4))
    error = out.expect(oc.APITimeoutError)
    assert out.pieces == ["Hello"]
    assert content(error.partial_dict) == "Hello"
    assert out.attempts == 1
    assert 0.4 <= out.elapsed < 0.4 + SLACK


@pytest.mark.scenario(8)
def test_slow_drip_under_the_read_timeout_succeeds(runner: Runner, server: FaultServer) -> None:
    body = chat_completion(ANSWER)
    size = len(httpx2.Response(200, json=body).content)
    server.script(Drip(200, body, chunk_size=-(-size // 6), delay=0.1))  # six reads, 0.6 s in all
    [out] = runner.run(server.url, Call(), max_retries=0, timeout=httpx2.Timeout(5.0, read=0.3))
    assert out.ok().text == ANSWER
    assert out.attempts == 1
    assert out.elapsed >= 0.5  # longer than the read timeout: the timeout is per read, not per response


@pytest.mark.scenario(8)
def test_slow_stream_under_the_read_timeout_succeeds(runner: Runner, server: FaultServer) -> None:
    server.script(Stream(completion_chunks(ANSWER, pieces=5), delay=0.1))
    [out] = runner.run(server.url, Call(stream=True), max_retries=0, timeout=httpx2.Timeout(5.0, read=0.3))
    assert out.ok().text == ANSWER
    assert "".join(out.pieces) == ANSWER
    assert out.elapsed >= 0.5


@pytest.mark.scenario(9)
@pytest.mark.parametrize("drop", ["reset", "close"])
def test_stream_dropped_midway_keeps_partial(runner: Runner, server: FaultServer, drop: str) -> None:
    # role chunk, three content chunks whole, then half of the fourth and the connection dies
    server.script(Stream(completion_chunks(ANSWER, pieces=6), drop_after=4, drop=drop))  # type: ignore[arg-type]
    [out] = runner.run(server.url, Call(stream=True), max_retries=2, timeout=5.0)
    error = out.expect(oc.APIConnectionError)
    so_far = "".join(split_text(ANSWER, 6)[:3])
    assert "".join(out.pieces) == so_far
    assert content(error.partial_dict) == so_far
    assert error.partial_dict["choices"][0]["finish_reason"] is None
    assert out.attempts == len(server.requests) == 1  # never retried after the first body byte


@pytest.mark.scenario(10)
def test_stream_ending_without_done_or_finish_reason(runner: Runner, server: FaultServer) -> None:
    server.script(Stream(completion_chunks(ANSWER, pieces=4, finish_reason=None, done=False)))
    [out] = runner.run(server.url, Call(stream=True), max_retries=2, timeout=5.0)
    error = out.expect(oc.IncompleteStreamError)
    assert content(error.partial_dict) == ANSWER == "".join(out.pieces)
    assert error.partial_dict["choices"][0]["finish_reason"] is None
    assert out.attempts == 1


@pytest.mark.scenario(11)
def test_truncated_json_inside_an_event(runner: Runner, server: FaultServer) -> None:
    events = completion_chunks(ANSWER, pieces=3)
    cut = b'data: {"id":"chatcmpl-fault0001","choices":[{"index":0,"delta":{"content":"and th\n\n'
    server.script(Stream([*events[:2], cut, *events[2:]]))
    [out] = runner.run(server.url, Call(stream=True), max_retries=2, timeout=5.0)
    error = out.expect(oc.APIResponseValidationError)
    assert "truncated JSON" in error.message
    assert error.body == cut.decode()[len("data: ") :].strip()
    assert out.pieces == split_text(ANSWER, 3)[:1]
    assert out.attempts == 1


@pytest.mark.scenario(12)
@pytest.mark.parametrize("newline", [b"\n", b"\r\n"], ids=["lf", "crlf"])
def test_garbage_and_comments_between_events_are_ignored(
    runner: Runner, server: FaultServer, newline: bytes
) -> None:
    junk = [
        b": keep-alive\n\n",
        b":\n",
        b"garbage without a colon\n\n",
        b"retry: 1000\n\n",
        b"id: 42\n",
        b'x-unknown-field: {"not": "a chunk"}\n\n',
        b"event: ping\ndata: {}\n\n",
        b"data:\n\n",
        b"\n\n\n",
    ]
    parts = []
    for i, event in enumerate(completion_chunks(ANSWER, pieces=5, usage=True)):
        parts += [junk[i % len(junk)].replace(b"\n", newline), event.replace(b"\n", newline)]
    server.script(Stream(parts))
    [out] = runner.run(server.url, Call(stream=True), max_retries=0, timeout=5.0)
    completion = out.ok()
    assert completion.text == ANSWER == "".join(out.pieces)
    assert completion.choices[0].finish_reason == "stop"
    assert completion.usage is not None and completion.usage.completion_tokens == 5


@pytest.mark.scenario(13)
@pytest.mark.parametrize("form", ["event-error", "data-error"])
def test_in_band_error_event(runner: Runner, server: FaultServer, form: str) -> None:
    error_json = error_body("The server is overloaded", type="server_error", code="server_overloaded")
    event = sse_event(error_json, event="error" if form == "event-error" else None)
    events = completion_chunks(ANSWER, pieces=4)
    server.script(Stream([*events[:3], event, *events[3:]]))
    [out] = runner.run(server.url, Call(stream=True), max_retries=2, timeout=5.0)
    error = out.expect(oc.StreamError)
    so_far = "".join(split_text(ANSWER, 4)[:2])
    assert (error.message, error.code, error.type) == (
        "The server is overloaded",
        "server_overloaded",
        "server_error",
    )
    assert "".join(out.pieces) == so_far == content(error.partial_dict)
    assert out.attempts == 1


@pytest.mark.scenario(14)
@pytest.mark.parametrize(
    "body",
    ["<html><body>Welcome to the captive portal</body></html>", '{"choices": [{"message": '],
    ids=["html", "cut"],
)
def test_2xx_body_that_is_not_json(runner: Runner, server: FaultServer, body: str) -> None:
    server.script(Respond(200, body, {"content-type": "text/html", "x-request-id": "req_html"}))
    [out] = runner.run(server.url, Call(), max_retries=2, timeout=5.0)
    error = out.expect(oc.APIResponseValidationError)
    assert error.body == body
    assert (error.status_code, error.request_id) == (200, "req_html")
    assert out.attempts == 1


HUGE_BYTES = 20_000_000


@pytest.mark.scenario(15)
def test_huge_stream_text_length(runner: Runner, server: FaultServer) -> None:
    server.script(Stream(lambda: huge_stream(HUGE_BYTES)))
    [out] = runner.run(server.url, Call(stream=True, keep_pieces=False), max_retries=0, timeout=30.0)
    expected = huge_stream_deltas(HUGE_BYTES) * len("lorem ")
    assert out.streamed_chars == expected
    assert len(out.ok().text or "") == expected


@pytest.mark.scenario(15)
def test_huge_stream_memory_stays_proportional_to_the_answer(runner: Runner, server: FaultServer) -> None:
    # A small stream first, so lazy imports and the pool's first connection are not counted.
    server.script(Stream(completion_chunks(ANSWER)), Stream(lambda: huge_stream(HUGE_BYTES)))
    warm_up, call = Call(stream=True), Call(stream=True, keep_pieces=False, trace_memory=True)
    _, out = runner.run(server.url, warm_up, call, max_retries=0, timeout=30.0)
    answer = len(out.ok().text or "")
    assert answer == huge_stream_deltas(HUGE_BYTES) * len("lorem ")
    assert out.peak_memory is not None
    # The body is 40 times the answer: what is kept must be the answer, held compactly.
    assert out.peak_memory < 3 * answer, f"peak {out.peak_memory:,} B for a {answer:,}-character answer"


@pytest.mark.scenario(16)
def test_keep_alive_closed_by_the_server_between_requests(runner: Runner, server: FaultServer) -> None:
    server.script(
        Respond(200, chat_completion("first"), then_close=True), Respond(200, chat_completion("second"))
    )
    first, second = runner.run(
        server.url,
        Call(),
        Call(),
        between=lambda: server.wait_open_connections(0),  # the server has hung up its side
        max_retries=0,
        timeout=5.0,
    )
    assert (first.ok().text, second.ok().text) == ("first", "second")
    assert (first.attempts, second.attempts) == (1, 1)
    assert server.connection_ids() == [1, 2]


@pytest.mark.scenario(17)
def test_x_should_retry_false_on_500(runner: Runner, server: FaultServer) -> None:
    server.script(Respond(500, error_body(), {"x-should-retry": "false"}), Respond(200, chat_completion()))
    [out] = runner.run(server.url, Call(), max_retries=2, timeout=5.0)
    error = out.expect(oc.InternalServerError)
    assert error.status_code == 500
    assert out.attempts == len(server.requests) == 1
    assert out.elapsed < SLACK


def test_done_then_more_bytes_still_ends_cleanly(runner: Runner, server: FaultServer) -> None:
    """Bytes after ``[DONE]`` are read and ignored; the connection is reused for the next call."""
    tail = sse_event(completion_chunk({"content": " ignored"}))
    server.script(Stream([*completion_chunks(ANSWER, pieces=2), tail]), Respond(200, chat_completion("next")))
    first, second = runner.run(server.url, Call(stream=True), Call(), max_retries=0, timeout=5.0)
    assert first.ok().text == ANSWER
    assert second.ok().text == "next"
    assert server.connection_ids() == [1, 1]
