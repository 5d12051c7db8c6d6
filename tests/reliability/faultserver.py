"""A loopback HTTP/1.1 server that misbehaves on cue, for reliability tests of sync and async clients.

Each test hands the server a script: one step per incoming request, in order. The last step repeats
(or, with `repeat_last=False`, an exhausted script is answered with a 500 and recorded as an error).
The server runs its own event loop in a background thread and records every request it receives.

    with FaultServer() as server:
        server.script(Respond(500), Respond(200, chat_completion()))
        httpx2.post(server.url + "/v1/chat/completions", json={})   # -> 500
        httpx2.post(server.url + "/v1/chat/completions", json={})   # -> 200
        assert len(server.requests) == 2

Step vocabulary:
    Respond(status, body, headers, delay, then_close)   a whole response, content-length framed
    Reset()                                             read the request, then close with a TCP RST
    Hangup()                                            read the request, then close cleanly (FIN), no reply
    Silence(seconds, send_headers, body_prefix)         say nothing (or only headers) and hold the socket
    Drip(status, body, chunk_size, delay)               a content-length body sent a few bytes at a time
    Stream(parts, delay, drop_after, drop)              a chunked body, one chunk per part; may die mid-chunk
"""

from __future__ import annotations

import asyncio
import http
import json
import socket
import struct
import threading
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from .payloads import SSE_HEADERS

HeadersIn = Mapping[str, str] | Sequence[tuple[str, str]] | None
BodyIn = bytes | str | dict | list | None


# ---------------------------------------------------------------------------------------------- steps


@dataclass(frozen=True)
class Respond:
    """A complete response. Dict/list bodies go out as JSON, str as UTF-8 text.

    `then_close=True` closes the connection right after the response without announcing it
    (no `connection: close`), as a server whose keep-alive timeout expired would.
    """

    status: int = 200
    body: BodyIn = None
    headers: HeadersIn = None
    delay: float = 0.0
    then_close: bool = False


@dataclass(frozen=True)
class Reset:
    """Read the request, send nothing, close with RST (SO_LINGER 0): 'connection reset by peer'."""


@dataclass(frozen=True)
class Hangup:
    """Read the request, send nothing, close cleanly: 'server disconnected without a response'."""


@dataclass(frozen=True)
class Silence:
    """Hold the connection open for `seconds` without finishing a response, then close it.

    With `send_headers=True` the status line and headers (chunked framing) and `body_prefix` go out
    first, so the client is left waiting for the body; otherwise not even the status line is sent.
    Ends early if the client hangs up.
    """

    seconds: float = 30.0
    send_headers: bool = True
    status: int = 200
    headers: HeadersIn = None
    body_prefix: bytes = b""


@dataclass(frozen=True)
class Drip:
    """A content-length response whose body is sent `chunk_size` bytes at a time, `delay` apart."""

    status: int = 200
    body: BodyIn = None
    headers: HeadersIn = None
    chunk_size: int = 8
    delay: float = 0.02


PartsIn = Iterable[bytes] | Callable[[], Iterable[bytes]]


@dataclass(frozen=True)
class Stream:
    """A chunked response (SSE by default), one HTTP chunk per part, `delay` between parts.

    `parts` is a sequence or a zero-argument callable returning a fresh iterable (use a callable for
    generated bodies, so a repeated step does not replay an exhausted generator).
    `drop_after=n` sends n parts whole, then the chunk header and half of the next part, then kills
    the connection (`drop="reset"`: RST; `"close"`: FIN) with no terminating chunk.
    """

    parts: PartsIn = ()
    status: int = 200
    headers: HeadersIn = None
    delay: float = 0.0
    drop_after: int | None = None
    drop: Literal["reset", "close"] = "reset"


Step = Respond | Reset | Hangup | Silence | Drip | Stream


# ------------------------------------------------------------------------------------------- records


@dataclass(frozen=True)
class Request:
    """One request as received. `connection` numbers the TCP connection it arrived on, from 1;
    `at` is the `time.monotonic()` at which its head was read (for measuring retry back-off)."""

    index: int
    connection: int
    method: str
    path: str
    headers: dict[str, str]
    body: bytes
    at: float = field(repr=False)
    step: Step | None = field(repr=False)

    def json(self) -> Any:
        return json.loads(self.body)


@dataclass
class Connection:
    id: int
    peer: tuple[str, int]
    requests: int = 0
    open: bool = True


class ScriptExhausted(AssertionError):
    pass


# -------------------------------------------------------------------------------------------- server


class FaultServer:
    """A scripted HTTP/1.1 server on 127.0.0.1 in a background thread. Use as a context manager."""

    def __init__(self, host: str = "127.0.0.1") -> None:
        self.host = host
        self.port = 0
        self.errors: list[BaseException] = []
        self._lock = threading.Lock()
        self._steps: list[Step] = []
        self._repeat_last = True
        self._script_position = 0
        self._requests: list[Request] = []
        self._connections: list[Connection] = []
        self._connection_count = 0  # ids stay unique across reset()
        self._writers: set[asyncio.StreamWriter] = set()
        self._tasks: set[asyncio.Task] = set()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._stopping: asyncio.Event | None = None
        self._ready = threading.Event()
        self._thread: threading.Thread | None = None

    # ---- lifecycle

    def start(self) -> FaultServer:
        self._thread = threading.Thread(target=self._run, name="faultserver", daemon=True)
        self._thread.start()
        if not self._ready.wait(5.0) or not self.port:
            raise RuntimeError("fault server did not start", *self.errors)
        return self

    def stop(self, timeout: float = 5.0) -> bool:
        """Abort every connection, stop the loop, join the thread; True if the thread is gone."""
        if self._thread is None:
            return True
        if self._loop is not None and self._stopping is not None and self._thread.is_alive():
            try:
                self._loop.call_soon_threadsafe(self._stopping.set)
            except RuntimeError:  # loop already closed
                pass
        self._thread.join(timeout)
        return not self._thread.is_alive()

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def __enter__(self) -> FaultServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    # ---- script and records

    def script(self, *steps: Step, repeat_last: bool = True) -> FaultServer:
        """Replace the script; the next request gets `steps[0]`. Recorded requests are kept."""
        with self._lock:
            self._steps = list(steps)
            self._repeat_last = repeat_last
            self._script_position = 0
        return self

    def reset(self) -> None:
        """Forget recorded requests, connections and errors, and clear the script."""
        with self._lock:
            self._steps, self._script_position = [], 0
            self._requests.clear()
            self._connections = [c for c in self._connections if c.open]
            self.errors.clear()

    @property
    def requests(self) -> list[Request]:
        with self._lock:
            return list(self._requests)

    @property
    def connections(self) -> list[Connection]:
        with self._lock:
            return [Connection(c.id, c.peer, c.requests, c.open) for c in self._connections]

    @property
    def open_connections(self) -> int:
        """Connections the server side still holds open."""
        with self._lock:
            return sum(c.open for c in self._connections)

    def gaps(self) -> list[float]:
        """Seconds between consecutive recorded requests, e.g. to check that a retry waited."""
        times = [r.at for r in self.requests]
        return [b - a for a, b in zip(times, times[1:], strict=False)]

    def connection_ids(self) -> list[int]:
        """The connection id of each recorded request, in arrival order."""
        return [r.connection for r in self.requests]

    def wait_for(self, predicate: Callable[[FaultServer], bool], timeout: float = 5.0) -> bool:
        deadline = time.monotonic() + timeout
        while not predicate(self):
            if time.monotonic() >= deadline:
                return False
            time.sleep(0.005)
        return True

    def wait_open_connections(self, count: int = 0, timeout: float = 5.0) -> bool:
        """Wait until the server holds exactly `count` open connections (e.g. after an idle close)."""
        return self.wait_for(lambda s: s.open_connections == count, timeout)

    def assert_no_open_connections(self, timeout: float = 2.0) -> None:
        if not self.wait_open_connections(0, timeout):
            raise AssertionError(f"server still holds {self.open_connections} open connection(s)")

    # ---- event loop side

    def _run(self) -> None:
        loop = asyncio.new_event_loop()
        self._loop = loop
        try:
            loop.run_until_complete(self._main())
            loop.run_until_complete(loop.shutdown_asyncgens())
        except BaseException as exc:  # surfaced through .errors and start()/stop()
            self.errors.append(exc)
        finally:
            self._ready.set()
            loop.close()

    async def _main(self) -> None:
        self._stopping = asyncio.Event()
        server = await asyncio.start_server(self._serve_connection, self.host, 0)
        self.port = server.sockets[0].getsockname()[1]
        self._ready.set()
        try:
            await self._stopping.wait()
        finally:
            server.close()
            for writer in list(self._writers):
                writer.transport.abort()
            for task in list(self._tasks):
                task.cancel()
            await asyncio.gather(*self._tasks, return_exceptions=True)
            await server.wait_closed()

    def _next_step(self) -> Step | None:
        # Called with the lock held.
        steps, pos = self._steps, self._script_position
        self._script_position += 1
        if pos < len(steps):
            return steps[pos]
        if steps and self._repeat_last:
            return steps[-1]
        return None

    async def _serve_connection(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        task = asyncio.current_task()
        assert task is not None
        self._tasks.add(task)
        self._writers.add(writer)
        with self._lock:
            self._connection_count += 1
            conn = Connection(self._connection_count, writer.get_extra_info("peername")[:2])
            self._connections.append(conn)
        try:
            while True:
                request = await _read_request(reader)
                if request is None:
                    break
                method, path, headers, body, at = request
                with self._lock:
                    step = self._next_step()
                    record = Request(len(self._requests), conn.id, method, path, headers, body, at, step)
                    self._requests.append(record)
                    conn.requests += 1
                if step is None:
                    self.errors.append(
                        ScriptExhausted(f"no step left for request #{record.index}: {method} {path}")
                    )
                    step = Respond(
                        500,
                        {"error": {"message": "fault server: script exhausted"}},
                        {"x-should-retry": "false", "connection": "close"},
                    )
                keep_open = await self._perform(step, reader, writer)
                if not keep_open or headers.get("connection", "").lower() == "close":
                    break
        except (ConnectionError, asyncio.IncompleteReadError):
            pass  # the client went away; nothing to report
        except asyncio.CancelledError:
            # Shutdown cancels handlers; finishing quietly keeps asyncio from logging the cancellation.
            if self._stopping is None or not self._stopping.is_set():
                raise
        except BaseException as exc:
            self.errors.append(exc)
        finally:
            if not writer.transport.is_closing():
                writer.close()
            with self._lock:
                conn.open = False
            self._writers.discard(writer)
            self._tasks.discard(task)

    async def _perform(self, step: Step, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> bool:
        """Carry out one step; return whether the connection may serve another request."""
        if isinstance(step, Respond):
            if step.delay:
                await asyncio.sleep(step.delay)
            body, headers = _encode_body(step.body, step.headers)
            writer.write(_head(step.status, headers, content_length=len(body)) + body)
            await writer.drain()
            announced_close = any(k.lower() == "connection" and v.lower() == "close" for k, v in headers)
            return not (step.then_close or announced_close)
        if isinstance(step, Reset):
            _abort_with_rst(writer)
            return False
        if isinstance(step, Hangup):
            return False
        if isinstance(step, Silence):
            if step.send_headers:
                headers = _headers(step.headers, {"content-type": "application/json"})
                data = _head(step.status, headers, chunked=True)
                writer.write(data + (_chunk(step.body_prefix) if step.body_prefix else b""))
                await writer.drain()
            await _hold(reader, step.seconds)
            return False
        if isinstance(step, Drip):
            body, headers = _encode_body(step.body, step.headers)
            writer.write(_head(step.status, headers, content_length=len(body)))
            await writer.drain()
            for i in range(0, len(body), step.chunk_size):
                await asyncio.sleep(step.delay)
                writer.write(body[i : i + step.chunk_size])
                await writer.drain()
            return True
        if isinstance(step, Stream):
            return await _stream(step, writer)
        raise TypeError(f"not a fault server step: {step!r}")


# ----------------------------------------------------------------------------------- wire helpers


async def _read_request(reader: asyncio.StreamReader) -> tuple[str, str, dict[str, str], bytes, float] | None:
    """Read one request; None when the client closed the connection between requests."""
    try:
        head = await reader.readuntil(b"\r\n\r\n")
    except asyncio.IncompleteReadError as exc:
        if exc.partial.strip():
            raise
        return None
    at = time.monotonic()
    request_line, *header_lines = head.decode("latin-1").split("\r\n")
    method, path, _version = request_line.split(" ", 2)
    headers: dict[str, str] = {}
    for line in header_lines:
        if line:
            name, _, value = line.partition(":")
            name, value = name.strip().lower(), value.strip()
            headers[name] = f"{headers[name]}, {value}" if name in headers else value
    if headers.get("transfer-encoding", "").lower() == "chunked":
        body = b""
        while True:
            size = int((await reader.readuntil(b"\r\n")).split(b";")[0], 16)
            body += await reader.readexactly(size)
            await reader.readexactly(2)
            if size == 0:
                break
    else:
        body = await reader.readexactly(int(headers.get("content-length", "0")))
    return method, path, headers, body, at


def _headers(given: HeadersIn, defaults: Mapping[str, str]) -> list[tuple[str, str]]:
    pairs = list(given.items()) if isinstance(given, Mapping) else list(given or ())
    names = {k.lower() for k, _ in pairs}
    return [(k, v) for k, v in defaults.items() if k not in names] + pairs


def _encode_body(body: BodyIn, given: HeadersIn) -> tuple[bytes, list[tuple[str, str]]]:
    if isinstance(body, (dict, list)):
        return json.dumps(body).encode(), _headers(given, {"content-type": "application/json"})
    if isinstance(body, str):
        return body.encode(), _headers(given, {"content-type": "text/plain; charset=utf-8"})
    return body or b"", _headers(given, {})


def _head(
    status: int, headers: list[tuple[str, str]], *, content_length: int | None = None, chunked: bool = False
) -> bytes:
    try:
        reason = http.HTTPStatus(status).phrase
    except ValueError:
        reason = "Unknown"
    names = {k.lower() for k, _ in headers}
    lines = [f"HTTP/1.1 {status} {reason}"] + [f"{k}: {v}" for k, v in headers]
    if chunked and "transfer-encoding" not in names:
        lines.append("transfer-encoding: chunked")
    elif content_length is not None and "content-length" not in names:
        lines.append(f"content-length: {content_length}")
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")


def _chunk(data: bytes) -> bytes:
    return b"%x\r\n%b\r\n" % (len(data), data)


def _abort_with_rst(writer: asyncio.StreamWriter) -> None:
    sock = writer.get_extra_info("socket")
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    writer.transport.abort()


async def _hold(reader: asyncio.StreamReader, seconds: float) -> None:
    """Wait `seconds`, or less if the client closes its side first (anything it sends is discarded)."""

    async def until_eof() -> None:
        while await reader.read(65536):
            pass

    try:
        await asyncio.wait_for(until_eof(), seconds)
    except TimeoutError:
        pass


async def _stream(step: Stream, writer: asyncio.StreamWriter) -> bool:
    writer.write(_head(step.status, _headers(step.headers, SSE_HEADERS), chunked=True))
    await writer.drain()
    parts = step.parts() if callable(step.parts) else step.parts
    for sent, part in enumerate(parts):
        if step.drop_after is not None and sent >= step.drop_after:
            writer.write(b"%x\r\n" % len(part) + part[: len(part) // 2])
            await _drop(step, writer)
            return False
        if step.delay and sent:
            await asyncio.sleep(step.delay)
        if part:
            writer.write(_chunk(part))
            await writer.drain()
    if step.drop_after is not None:
        writer.write(b"10\r\n")  # a chunk that never comes
        await _drop(step, writer)
        return False
    writer.write(b"0\r\n\r\n")
    await writer.drain()
    return True


async def _drop(step: Stream, writer: asyncio.StreamWriter) -> None:
    await writer.drain()
    if step.drop == "reset":
        # Give the bytes already written a moment to reach the client: an RST discards unsent data.
        await asyncio.sleep(0.05)
        _abort_with_rst(writer)
    else:
        writer.close()
