"""Each fault server step does what it promises, seen through plain httpx2, sync and async."""

from __future__ import annotations

import asyncio
import email.utils
import json
import time
from collections.abc import AsyncIterator, Iterable, Iterator
from datetime import UTC, datetime

import httpx2
import pytest

from .faultserver import Drip, FaultServer, Hangup, Reset, Respond, ScriptExhausted, Silence, Stream
from .payloads import (
    DONE,
    HTML_503,
    chat_completion,
    completion_chunks,
    error_body,
    http_date,
    huge_stream,
    huge_stream_deltas,
    sse_event,
)

COMPLETIONS = "/v1/chat/completions"
# Generous upper bounds: they catch a hang, not a slowdown.
SHORT = httpx2.Timeout(5.0, read=0.3)


class SyncHttp:
    """The same small surface over httpx2.Client and httpx2.AsyncClient, so one test body covers both."""

    def __init__(self, **kwargs: object) -> None:
        self.client = httpx2.Client(**kwargs)

    def request(self, method: str, url: str, **kwargs: object) -> httpx2.Response:
        return self.client.request(method, url, **kwargs)

    def stream_lines(self, url: str, into: list[str], **kwargs: object) -> httpx2.Response:
        """POST and collect the body's lines into `into` as they arrive (kept if the read fails)."""
        with self.client.stream("POST", url, **kwargs) as response:
            into.extend(response.iter_lines())
        return response

    def raw_pieces(self, url: str, **kwargs: object) -> list[bytes]:
        with self.client.stream("GET", url, **kwargs) as response:
            return list(response.iter_raw())

    def close(self) -> None:
        self.client.close()


class AsyncHttp(SyncHttp):
    def __init__(self, **kwargs: object) -> None:
        self.loop = asyncio.new_event_loop()
        self.client = httpx2.AsyncClient(**kwargs)  # type: ignore[assignment]

    def request(self, method: str, url: str, **kwargs: object) -> httpx2.Response:
        return self.loop.run_until_complete(self.client.request(method, url, **kwargs))

    def stream_lines(self, url: str, into: list[str], **kwargs: object) -> httpx2.Response:
        async def run() -> httpx2.Response:
            async with self.client.stream("POST", url, **kwargs) as response:
                async for line in response.aiter_lines():
                    into.append(line)
            return response

        return self.loop.run_until_complete(run())

    def raw_pieces(self, url: str, **kwargs: object) -> list[bytes]:
        async def run() -> list[bytes]:
            async with self.client.stream("GET", url, **kwargs) as response:
                return [piece async for piece in response.aiter_raw()]

        return self.loop.run_until_complete(run())

    def close(self) -> None:
        self.loop.run_until_complete(self.client.aclose())
        self.loop.close()


@pytest.fixture(params=[SyncHttp, AsyncHttp], ids=["sync", "async"])
def http(request: pytest.FixtureRequest) -> Iterator[SyncHttp]:
    client = request.param(timeout=SHORT)
    try:
        yield client
    finally:
        client.close()


class StopReading(Exception):
    pass


class StopAfter(list):
    """A line sink that makes the reader give up (and close the response) after `limit` lines."""

    def __init__(self, limit: int) -> None:
        super().__init__()
        self.limit = limit

    def append(self, line: str) -> None:
        super().append(line)
        if len(self) >= self.limit:
            raise StopReading

    def extend(self, lines: Iterable[str]) -> None:
        for line in lines:
            self.append(line)


def data_lines(lines: list[str]) -> list[str]:
    return [line[len("data: ") :] for line in lines if line.startswith("data: ")]


# ------------------------------------------------------------------------------- plain responses


def test_refused_port_gives_connect_error(http: SyncHttp, refused_url: str) -> None:
    with pytest.raises(httpx2.ConnectError):
        http.request("GET", refused_url + COMPLETIONS)


def test_reset_before_status_line_is_a_read_error(http: SyncHttp, fault_server: FaultServer) -> None:
    fault_server.script(Reset())
    with pytest.raises(httpx2.ReadError):
        http.request("POST", fault_server.url + COMPLETIONS, json={})
    assert len(fault_server.requests) == 1


def test_hangup_is_a_server_disconnect(http: SyncHttp, fault_server: FaultServer) -> None:
    fault_server.script(Hangup())
    with pytest.raises(httpx2.RemoteProtocolError, match="without sending a response"):
        http.request("POST", fault_server.url + COMPLETIONS, json={})


def test_steps_are_consumed_in_order_on_one_kept_alive_connection(
    http: SyncHttp, fault_server: FaultServer
) -> None:
    fault_server.script(
        Respond(500, error_body()), Respond(500, error_body()), Respond(200, chat_completion("Hi"))
    )
    statuses = [
        http.request("POST", fault_server.url + COMPLETIONS, json={"n": i}).status_code for i in range(3)
    ]
    assert statuses == [500, 500, 200]
    requests = fault_server.requests
    assert [r.json() for r in requests] == [{"n": 0}, {"n": 1}, {"n": 2}]
    assert [(r.method, r.path) for r in requests] == [("POST", COMPLETIONS)] * 3
    assert requests[0].headers["content-type"] == "application/json"
    assert fault_server.connection_ids() == [1, 1, 1]


def test_completion_body_is_a_realistic_chat_completion(http: SyncHttp, fault_server: FaultServer) -> None:
    fault_server.script(Respond(200, chat_completion("Hi there")))
    body = http.request("POST", fault_server.url + COMPLETIONS, json={}).json()
    assert body["object"] == "chat.completion"
    assert body["choices"][0]["message"] == {"role": "assistant", "content": "Hi there", "refusal": None}
    assert body["choices"][0]["finish_reason"] == "stop"
    assert (
        body["usage"]["total_tokens"] == body["usage"]["prompt_tokens"] + body["usage"]["completion_tokens"]
    )


def test_requests_are_timestamped_on_arrival(http: SyncHttp, fault_server: FaultServer) -> None:
    fault_server.script(Respond(200))
    http.request("GET", fault_server.url)
    time.sleep(0.2)
    http.request("GET", fault_server.url)
    (gap,) = fault_server.gaps()
    assert gap >= 0.2


def test_last_step_repeats(http: SyncHttp, fault_server: FaultServer) -> None:
    fault_server.script(Respond(200), Respond(503))
    statuses = [http.request("GET", fault_server.url).status_code for _ in range(4)]
    assert statuses == [200, 503, 503, 503]


def test_exhausted_script_answers_500_and_records_an_error(http: SyncHttp, fault_server: FaultServer) -> None:
    fault_server.script(Respond(200), repeat_last=False)
    assert http.request("GET", fault_server.url).status_code == 200
    response = http.request("GET", fault_server.url + "/extra")
    assert response.status_code == 500
    assert response.headers["x-should-retry"] == "false"
    assert [type(e) for e in fault_server.errors] == [ScriptExhausted]
    fault_server.errors.clear()


@pytest.mark.parametrize(
    "value",
    ["1", "3600", "Wed, 21 Oct 2015 07:28:00 GMT"],
    ids=["seconds", "one-hour", "http-date"],
)
def test_429_carries_retry_after(http: SyncHttp, fault_server: FaultServer, value: str) -> None:
    fault_server.script(
        Respond(429, error_body("Rate limit reached", type="requests"), {"retry-after": value})
    )
    response = http.request("POST", fault_server.url + COMPLETIONS, json={})
    assert response.status_code == 429
    assert response.headers["retry-after"] == value


def test_429_carries_retry_after_ms(http: SyncHttp, fault_server: FaultServer) -> None:
    fault_server.script(
        Respond(429, error_body(type="requests"), {"retry-after-ms": "200", "retry-after": "1"})
    )
    response = http.request("POST", fault_server.url + COMPLETIONS, json={})
    assert (response.headers["retry-after-ms"], response.headers["retry-after"]) == ("200", "1")


def test_http_date_is_parseable_and_in_the_future() -> None:
    when = email.utils.parsedate_to_datetime(http_date(30))
    delta = (when - datetime.now(UTC)).total_seconds()
    assert 25 <= delta <= 31


def test_429_insufficient_quota_body(http: SyncHttp, fault_server: FaultServer) -> None:
    quota = error_body(
        "You exceeded your current quota.", type="insufficient_quota", code="insufficient_quota"
    )
    fault_server.script(Respond(429, quota))
    response = http.request("POST", fault_server.url + COMPLETIONS, json={})
    assert response.status_code == 429
    assert response.json()["error"]["code"] == "insufficient_quota"
    assert response.json()["error"]["type"] == "insufficient_quota"


def test_503_with_html_body(http: SyncHttp, fault_server: FaultServer) -> None:
    fault_server.script(Respond(503, HTML_503, {"content-type": "text/html"}))
    response = http.request("POST", fault_server.url + COMPLETIONS, json={})
    assert response.status_code == 503
    assert response.headers["content-type"] == "text/html"
    assert response.text.startswith("<html>")


def test_200_json_content_type_with_a_body_that_is_not_json(
    http: SyncHttp, fault_server: FaultServer
) -> None:
    fault_server.script(Respond(200, b"<html>upstream hiccup</html>", {"content-type": "application/json"}))
    response = http.request("POST", fault_server.url + COMPLETIONS, json={})
    assert response.status_code == 200
    with pytest.raises(json.JSONDecodeError):
        response.json()


def test_500_with_x_should_retry_false(http: SyncHttp, fault_server: FaultServer) -> None:
    fault_server.script(Respond(500, error_body(), {"x-should-retry": "false"}))
    response = http.request("POST", fault_server.url + COMPLETIONS, json={})
    assert (response.status_code, response.headers["x-should-retry"]) == (500, "false")


def test_chunked_request_body_is_recorded(http: SyncHttp, fault_server: FaultServer) -> None:
    fault_server.script(Respond(204))

    def body() -> Iterator[bytes]:
        yield b'{"a": '
        yield b"1}"

    # The async client needs an async iterable for a streamed upload.
    async def abody() -> AsyncIterator[bytes]:
        for piece in body():
            yield piece

    content = abody() if isinstance(http, AsyncHttp) else body()
    http.request("POST", fault_server.url + COMPLETIONS, content=content)
    (request,) = fault_server.requests
    assert request.headers["transfer-encoding"] == "chunked"
    assert request.json() == {"a": 1}


# ----------------------------------------------------------------------------------- slow servers


def test_silence_after_headers_times_out_within_the_read_timeout(
    http: SyncHttp, fault_server: FaultServer
) -> None:
    fault_server.script(Silence(seconds=30))
    started = time.monotonic()
    with pytest.raises(httpx2.ReadTimeout):
        http.stream_lines(fault_server.url + COMPLETIONS, [])
    assert time.monotonic() - started < 3.0
    # The client dropped the connection on timeout; the server notices instead of sleeping on.
    fault_server.assert_no_open_connections()


def test_silence_before_status_line_times_out(http: SyncHttp, fault_server: FaultServer) -> None:
    fault_server.script(Silence(seconds=30, send_headers=False))
    started = time.monotonic()
    with pytest.raises(httpx2.ReadTimeout):
        http.request("POST", fault_server.url + COMPLETIONS, json={})
    assert time.monotonic() - started < 3.0


def test_silence_mid_stream_delivers_the_prefix_then_times_out(
    http: SyncHttp, fault_server: FaultServer
) -> None:
    prefix = b"".join(completion_chunks("abc", pieces=3, done=False, finish_reason=None))
    fault_server.script(
        Silence(seconds=30, headers={"content-type": "text/event-stream"}, body_prefix=prefix)
    )
    lines: list[str] = []
    with pytest.raises(httpx2.ReadTimeout):
        http.stream_lines(fault_server.url + COMPLETIONS, lines)
    assert len(data_lines(lines)) == 4


def test_drip_below_the_read_timeout_succeeds_in_many_pieces(
    http: SyncHttp, fault_server: FaultServer
) -> None:
    body = json.dumps(chat_completion("slow")).encode()
    fault_server.script(
        Drip(200, body, {"content-type": "application/json"}, chunk_size=len(body) // 6 + 1, delay=0.03)
    )
    pieces = http.raw_pieces(fault_server.url + COMPLETIONS)
    assert b"".join(pieces) == body
    assert len(pieces) >= 3


def test_respond_delay_below_the_read_timeout_succeeds(http: SyncHttp, fault_server: FaultServer) -> None:
    fault_server.script(Respond(200, chat_completion(), delay=0.1))
    assert http.request("POST", fault_server.url + COMPLETIONS, json={}).status_code == 200


# ------------------------------------------------------------------------------------------ streams


def test_completion_chunks_shape() -> None:
    events = completion_chunks("Hello world", pieces=4, usage=True)
    payloads = [json.loads(e[len(b"data: ") :]) for e in events[:-1]]
    assert events[-1] == DONE
    assert payloads[0]["choices"][0]["delta"] == {"role": "assistant", "content": ""}
    content = [p["choices"][0]["delta"]["content"] for p in payloads[1:5]]
    assert "".join(content) == "Hello world" and len(content) == 4
    assert [p["choices"][0]["finish_reason"] for p in payloads[1:5]] == [None, None, None, "stop"]
    assert payloads[5]["choices"] == [] and payloads[5]["usage"]["completion_tokens"] == 4


def test_clean_stream_is_chunked_sse_ending_in_done(http: SyncHttp, fault_server: FaultServer) -> None:
    fault_server.script(Stream(completion_chunks("Hello world", pieces=5)), Respond(200))
    lines: list[str] = []
    response = http.stream_lines(fault_server.url + COMPLETIONS, lines)
    assert response.headers["content-type"] == "text/event-stream"
    assert response.headers["transfer-encoding"] == "chunked"
    data = data_lines(lines)
    assert data[-1] == "[DONE]"
    assert "".join(json.loads(d)["choices"][0]["delta"]["content"] for d in data[:-1]) == "Hello world"
    # A finished stream leaves the connection reusable.
    http.request("GET", fault_server.url)
    assert fault_server.connection_ids() == [1, 1]


@pytest.mark.parametrize(
    ("drop", "error"),
    [("reset", httpx2.ReadError), ("close", httpx2.RemoteProtocolError)],
    ids=["rst", "fin"],
)
def test_stream_dropped_mid_chunk(
    http: SyncHttp, fault_server: FaultServer, drop: str, error: type[Exception]
) -> None:
    fault_server.script(Stream(completion_chunks("Hello world", pieces=5), drop_after=3, drop=drop))
    lines: list[str] = []
    with pytest.raises(error):
        http.stream_lines(fault_server.url + COMPLETIONS, lines)
    assert len(data_lines(lines)) == 3
    assert "[DONE]" not in lines
    fault_server.assert_no_open_connections()


def test_stream_ending_without_done_leaves_the_choice_unfinished(
    http: SyncHttp, fault_server: FaultServer
) -> None:
    fault_server.script(Stream(completion_chunks("Hello", pieces=2, finish_reason=None, done=False)))
    lines: list[str] = []
    http.stream_lines(fault_server.url + COMPLETIONS, lines)
    data = data_lines(lines)
    assert "[DONE]" not in data
    assert json.loads(data[-1])["choices"][0]["finish_reason"] is None


def test_stream_with_truncated_json_event(http: SyncHttp, fault_server: FaultServer) -> None:
    good = completion_chunks("Hello", pieces=2)
    truncated = sse_event(b'{"id":"chatcmpl-fault0001","object":"chat.completion.chunk","choices":[{"ind')
    fault_server.script(Stream([*good[:2], truncated, *good[2:]]))
    lines: list[str] = []
    http.stream_lines(fault_server.url + COMPLETIONS, lines)
    data = data_lines(lines)
    with pytest.raises(json.JSONDecodeError):
        json.loads(data[2])
    assert data[-1] == "[DONE]"


def test_stream_with_comments_and_garbage_lines(http: SyncHttp, fault_server: FaultServer) -> None:
    events = completion_chunks("Hi", pieces=2)
    noise = [b": keep-alive\n\n", b"garbage-without-colon\n\n", b": processing\n\n"]
    fault_server.script(Stream([events[0], *noise, *events[1:]]))
    lines: list[str] = []
    http.stream_lines(fault_server.url + COMPLETIONS, lines)
    assert ": keep-alive" in lines and "garbage-without-colon" in lines
    assert data_lines(lines)[-1] == "[DONE]"


def test_stream_with_in_band_error_event(http: SyncHttp, fault_server: FaultServer) -> None:
    events = completion_chunks("Hello world", pieces=4, done=False, finish_reason=None)
    error = sse_event({"error": {"message": "The server had an error", "code": "server_error"}})
    fault_server.script(Stream([*events[:3], error]))
    lines: list[str] = []
    response = http.stream_lines(fault_server.url + COMPLETIONS, lines)
    assert response.status_code == 200
    assert json.loads(data_lines(lines)[-1])["error"]["code"] == "server_error"


def test_stream_parts_may_arrive_split_at_awkward_boundaries(
    http: SyncHttp, fault_server: FaultServer
) -> None:
    whole = b"".join(completion_chunks("Hello world", pieces=3))
    fault_server.script(Stream([whole[i : i + 7] for i in range(0, len(whole), 7)]))
    lines: list[str] = []
    http.stream_lines(fault_server.url + COMPLETIONS, lines)
    assert data_lines(lines) == data_lines(whole.decode().splitlines())
    assert data_lines(lines)[-1] == "[DONE]"


def test_abandoning_a_huge_stream_frees_the_server_connection(
    http: SyncHttp, fault_server: FaultServer
) -> None:
    fault_server.script(Stream(lambda: huge_stream(10**12)))
    with pytest.raises(StopReading):
        http.stream_lines(fault_server.url + COMPLETIONS, StopAfter(100))
    fault_server.assert_no_open_connections()


def test_huge_stream_is_generated_lazily() -> None:
    stream = huge_stream(10**12)  # a terabyte would not fit in memory, so nothing can be precomputed
    first, second = next(stream), next(stream)
    assert first.startswith(b"data: ") and len(second) <= 64 * 1024


def test_huge_stream_delivers_tens_of_megabytes(http: SyncHttp, fault_server: FaultServer) -> None:
    size = 20 * 1024 * 1024
    fault_server.script(Stream(lambda: huge_stream(size)))
    received = http.raw_pieces(fault_server.url + COMPLETIONS)
    body = b"".join(received)
    assert len(body) >= size
    assert body.count(b'"content":"lorem "') == huge_stream_deltas(size)
    assert body.endswith(DONE)


# ------------------------------------------------------------------------------ connection handling


def test_idle_close_forces_a_new_connection(http: SyncHttp, fault_server: FaultServer) -> None:
    fault_server.script(Respond(200, chat_completion(), then_close=True), Respond(200, chat_completion()))
    first = http.request("POST", fault_server.url + COMPLETIONS, json={})
    assert "connection" not in first.headers  # the close is not announced
    assert fault_server.wait_open_connections(0)
    second = http.request("POST", fault_server.url + COMPLETIONS, json={})
    assert (first.status_code, second.status_code) == (200, 200)
    assert fault_server.connection_ids() == [1, 2]


def test_reset_forgets_requests_but_keeps_connection_ids_unique(fault_server: FaultServer) -> None:
    fault_server.script(Respond(200, then_close=True))
    with httpx2.Client() as client:
        client.get(fault_server.url)
        fault_server.wait_open_connections(0)
        fault_server.reset()
        fault_server.script(Respond(200))
        client.get(fault_server.url)
    assert len(fault_server.requests) == 1
    assert fault_server.connection_ids() == [2]


def test_client_connection_close_is_honoured(http: SyncHttp, fault_server: FaultServer) -> None:
    fault_server.script(Respond(200))
    http.request("GET", fault_server.url, headers={"connection": "close"})
    assert fault_server.wait_open_connections(0)


def test_open_connections_counts_pooled_client_connections(fault_server: FaultServer) -> None:
    fault_server.script(Respond(200))
    with httpx2.Client() as client:
        client.get(fault_server.url)
        assert fault_server.open_connections == 1
    fault_server.assert_no_open_connections()


def test_stop_is_prompt_with_a_connection_held_silent() -> None:
    server = FaultServer().start()
    server.script(Silence(seconds=60))
    with httpx2.Client(timeout=httpx2.Timeout(5.0, read=30.0)) as client:
        with pytest.raises(httpx2.TransportError):
            # Stop from the server's side while the client waits for the body.
            with client.stream("GET", server.url) as response:
                assert server.open_connections == 1
                started = time.monotonic()
                assert server.stop()
                response.read()
    assert time.monotonic() - started < 2.0
    assert not server.running and server.open_connections == 0
    assert server.errors == []
