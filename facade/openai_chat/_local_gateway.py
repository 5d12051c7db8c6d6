"""The local stack's HTTP gateway: stored completions in front of any OpenAI-compatible model server.

``POST /v1/chat/completions`` goes to the upstream server, plain or streamed (passed on chunk by chunk);
with ``store: true`` the request's messages and the final completion (a stream accumulated on the way)
are committed to the :class:`CompletionStore` before the answer's last byte is sent. The stored-completion
operations (list with filters and cursors, get, update, delete, messages) are answered from the store,
with the API's shapes and error bodies. Any other ``/v1/...`` request is forwarded as it is.

An upstream stream that ends without a single chunk (the bundled server's way of failing mid-request)
is answered with HTTP 500 and an error body instead of an empty 200.

    gateway = Gateway("http://127.0.0.1:8080/v1", CompletionStore()).start()
    gateway.base_url   # 'http://127.0.0.1:PORT/v1'
    gateway.stop()
"""

from __future__ import annotations

import json
import socket
import sys
import threading
import traceback
from collections.abc import Mapping
from email.message import Message
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit

import httpx2

from ._local_rules import (
    RequestError,
    StreamRecorder,
    error_body,
    parse_page_query,
    request_id,
    stored_metadata,
)
from ._local_store import CompletionStore
from ._local_translate import DEFAULT_MAX_TOKENS, translate_request

__all__ = ["Gateway"]

# Not passed on in either direction: they describe one hop, or are recomputed for the next one.
_HOP_HEADERS = frozenset(
    {
        "connection",
        "keep-alive",
        "proxy-authenticate",
        "proxy-authorization",
        "te",
        "trailer",
        "transfer-encoding",
        "upgrade",
        "host",
        "content-length",
        "content-encoding",
        "accept-encoding",
        "date",
        "server",
    }
)


class Gateway:
    """Serves the Chat Completions API on 127.0.0.1, storing completions and forwarding the rest upstream.

    ``translate=True`` rewrites create requests for the bundled model server (see ``_local_translate``).
    """

    def __init__(
        self,
        upstream: str,
        store: CompletionStore,
        *,
        translate: bool = False,
        default_max_tokens: int = DEFAULT_MAX_TOKENS,
        host: str = "127.0.0.1",
        port: int = 0,
        upstream_timeout: float = 600.0,
    ) -> None:
        self.upstream = upstream.rstrip("/")
        self.store = store
        self.translate = translate
        self.default_max_tokens = default_max_tokens
        self.host = host
        self.port = port
        self._http = httpx2.Client(
            timeout=httpx2.Timeout(upstream_timeout, connect=10.0), follow_redirects=False
        )
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None

    @property
    def base_url(self) -> str:
        return f"http://{self.host}:{self.port}/v1"

    def start(self) -> Gateway:
        server = _Server((self.host, self.port), _Handler)
        server.gateway = self
        self.port = server.server_address[1]
        self._server = server
        self._thread = threading.Thread(
            target=server.serve_forever,
            kwargs={"poll_interval": 0.2},
            name="openai-chat-gateway",
            daemon=True,
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop listening and close every open connection; a stream in progress is cut off."""
        server, self._server = self._server, None
        if server is None:
            return
        server.shutdown()
        server.server_close()
        server.close_connections()
        if self._thread is not None:
            self._thread.join(5.0)
        self._http.close()

    # -- the operations (called on the connection's thread) ----------------------------------------------

    def route(self, handler: _Handler, method: str) -> None:
        url = urlsplit(handler.path)
        body = handler.read_body()
        if not url.path.startswith("/v1/"):
            raise RequestError(404, f"Unknown path {url.path!r}; the API lives under /v1.")
        relative = url.path[len("/v1") :]
        parts = relative.strip("/").split("/")
        if parts[:2] != ["chat", "completions"]:
            self.forward(handler, method, relative, url.query, body)
            return
        shape = "messages" if len(parts) == 4 and parts[3] == "messages" else len(parts)
        operations = _OPERATIONS.get(shape)
        if operations is None:
            raise RequestError(404, f"Unknown path {url.path!r}.")
        operation = operations.get(method)
        if operation is None:
            raise RequestError(405, f"{method} is not supported on {url.path}.")
        completion_id = unquote(parts[2]) if len(parts) > 2 else ""
        query = parse_qsl(url.query, keep_blank_values=True)
        if operation == "create":
            self.create(handler, body)
        elif operation == "list":
            handler.send_json(200, self.store.list_completions(parse_page_query(query, filters=True)))
        elif operation == "messages":
            page = self.store.list_messages(completion_id, parse_page_query(query, filters=False))
            handler.send_json(200, page)
        elif operation == "get":
            handler.send_json(200, self.store.get(completion_id))
        elif operation == "update":
            request = _json_object(body)
            if "metadata" not in request:
                raise RequestError(400, "Missing required parameter: 'metadata'.", param="metadata")
            handler.send_json(200, self.store.update(completion_id, stored_metadata(request["metadata"])))
        else:
            self.store.delete(completion_id)
            handler.send_json(
                200, {"object": "chat.completion.deleted", "id": completion_id, "deleted": True}
            )

    def create(self, handler: _Handler, raw: bytes) -> None:
        request = _json_object(raw)
        store = request.get("store") is True
        metadata = stored_metadata(request.get("metadata")) if store else {}
        if self.translate:
            raw = json.dumps(translate_request(request, default_max_tokens=self.default_max_tokens)).encode()
        with self._open("POST", "/chat/completions", "", raw, handler.headers) as response:
            if response.status_code == 200 and _is_sse(response):
                self._pass_stream(handler, response, request, metadata if store else None)
                return
            data = response.read()
            if store and response.status_code == 200:
                data = self._store_body(data, request, metadata)
            handler.send(response.status_code, _headers(response.headers), data)

    def forward(self, handler: _Handler, method: str, path: str, query: str, body: bytes) -> None:
        with self._open(method, path, query, body, handler.headers) as response:
            if _is_sse(response):
                handler.start_chunked(response.status_code, _headers(response.headers))
                for piece in response.iter_raw():
                    handler.write_chunk(piece)
                handler.end_chunked()
            else:
                handler.send(response.status_code, _headers(response.headers), response.read())

    # -- helpers -------------------------------------------------------------------------------------------

    def _open(
        self, method: str, path: str, query: str, body: bytes, headers: Mapping[str, str] | Message
    ) -> _Upstream:
        sent = {k: v for k, v in headers.items() if k.lower() not in _HOP_HEADERS}
        sent["accept-encoding"] = "identity"  # the bytes we accumulate are the bytes we pass on
        url = self.upstream + path + (f"?{query}" if query else "")
        request = self._http.build_request(method, url, content=body or None, headers=sent)
        return _Upstream(self._http, request, self.upstream)

    def _store_body(self, data: bytes, request: dict[str, Any], metadata: dict[str, str]) -> bytes:
        try:
            completion = json.loads(data)
        except ValueError:
            return data  # not a completion: passed on as it is, and nothing is stored
        if not isinstance(completion, dict):
            return data
        upstream_id = completion.get("id")
        completion["id"] = self.store.claim(upstream_id if isinstance(upstream_id, str) else None)
        try:
            self.store.add(completion, request.get("messages"), metadata)
        finally:
            self.store.release(completion["id"])
        return data if completion["id"] == upstream_id else json.dumps(completion).encode()

    def _pass_stream(
        self,
        handler: _Handler,
        response: httpx2.Response,
        request: dict[str, Any],
        metadata: dict[str, str] | None,
    ) -> None:
        recorder = StreamRecorder(self.store.claim if metadata is not None else None)
        last = b""  # the piece with [DONE], held until the completion is committed
        try:
            for piece in response.iter_raw():
                out = recorder.feed(piece)
                if not out:
                    continue
                if not handler.chunked:
                    handler.start_chunked(200, _headers(response.headers))
                if recorder.done and metadata is not None:
                    last += out
                else:
                    handler.write_chunk(out)
            leftover = recorder.end()
            if not recorder.started:
                message = (
                    "The model server answered with an empty stream: it failed on this request "
                    f"(its log may say why; the same request without stream=true shows its error). {leftover[:200]!r}"
                )
                handler.send_json(500, error_body(500, message, code="empty_stream"))
                return
            completion = recorder.completion()
            if metadata is not None and completion is not None:
                self.store.add(completion, request.get("messages"), metadata)
            handler.write_chunk(last + leftover)
            handler.end_chunked()
        finally:
            if recorder.completion_id is not None:
                self.store.release(recorder.completion_id)


# path shape (segments below /v1, or "messages") -> method -> operation
_OPERATIONS: dict[int | str, dict[str, str]] = {
    2: {"POST": "create", "GET": "list"},
    3: {"GET": "get", "POST": "update", "DELETE": "delete"},
    "messages": {"GET": "messages"},
}


class _Upstream:
    """``with`` a request sent upstream: the streamed response, closed on the way out; failures to reach
    the server become 502/504 error answers."""

    def __init__(self, http: httpx2.Client, request: httpx2.Request, upstream: str) -> None:
        self.http, self.request, self.upstream = http, request, upstream
        self.response: httpx2.Response | None = None

    def __enter__(self) -> httpx2.Response:
        try:
            self.response = self.http.send(self.request, stream=True)
        except httpx2.TimeoutException as exc:
            raise RequestError(
                504, f"The model server at {self.upstream} did not answer in time: {exc}"
            ) from exc
        except httpx2.TransportError as exc:
            raise RequestError(
                502, f"The model server at {self.upstream} could not be reached: {exc}"
            ) from exc
        return self.response

    def __exit__(self, *exc_info: object) -> None:
        if self.response is not None:
            self.response.close()


def _json_object(raw: bytes) -> dict[str, Any]:
    try:
        value = json.loads(raw) if raw else None
    except ValueError as exc:
        raise RequestError(400, f"The request body is not valid JSON: {exc}") from exc
    if not isinstance(value, dict):
        raise RequestError(400, "The request body must be a JSON object.")
    return value


def _is_sse(response: httpx2.Response) -> bool:
    return response.headers.get("content-type", "").startswith("text/event-stream")


def _headers(headers: httpx2.Headers) -> list[tuple[str, str]]:
    return [(k, v) for k, v in headers.multi_items() if k.lower() not in _HOP_HEADERS]


class _Server(ThreadingHTTPServer):
    daemon_threads = True  # a connection left open never holds up stop()
    gateway: Gateway

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self._connections: set[socket.socket] = set()
        self._lock = threading.Lock()
        super().__init__(*args, **kwargs)

    def process_request(self, request: Any, client_address: Any) -> None:
        with self._lock:
            self._connections.add(request)
        super().process_request(request, client_address)

    def shutdown_request(self, request: Any) -> None:
        with self._lock:
            self._connections.discard(request)
        super().shutdown_request(request)

    def close_connections(self) -> None:
        with self._lock:
            connections = list(self._connections)
        for connection in connections:
            try:
                connection.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, and chunked bodies for streams
    disable_nagle_algorithm = True  # headers and body go out as separate small writes
    timeout = 300  # an idle kept-alive connection is closed after this long
    server: _Server

    def do_GET(self) -> None:
        self._handle("GET")

    def do_POST(self) -> None:
        self._handle("POST")

    def do_DELETE(self) -> None:
        self._handle("DELETE")

    def do_PUT(self) -> None:
        self._handle("PUT")

    def do_PATCH(self) -> None:
        self._handle("PATCH")

    def _handle(self, method: str) -> None:
        self.chunked = False
        self.request_id = request_id()
        try:
            self.server.gateway.route(self, method)
        except RequestError as exc:
            self._fail(exc.status, exc.body())
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True  # the caller went away
        except Exception as exc:  # a bug or a failing disk: say so rather than drop the connection
            traceback.print_exc(file=sys.stderr)
            self._fail(500, error_body(500, f"The local gateway failed: {type(exc).__name__}: {exc}"))

    def _fail(self, status: int, body: dict[str, Any]) -> None:
        if self.chunked:  # too late for a status: cut the body short so the caller sees it is incomplete
            self.close_connection = True
            return
        try:
            self.send_json(status, body)
        except OSError:
            self.close_connection = True

    def read_body(self) -> bytes:
        length = self.headers.get("content-length")
        if self.headers.get("transfer-encoding", "").lower() == "chunked":
            raise RequestError(411, "Send the request body with a Content-Length.")
        return self.rfile.read(int(length)) if length else b""

    def send(self, status: int, headers: list[tuple[str, str]], body: bytes) -> None:
        self.send_response(status)
        self._send_headers(headers)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def send_json(self, status: int, body: Any) -> None:
        self.send(status, [("content-type", "application/json")], json.dumps(body).encode())

    def start_chunked(self, status: int, headers: list[tuple[str, str]]) -> None:
        self.send_response(status)
        self._send_headers(headers)
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        self.chunked = True

    def write_chunk(self, data: bytes) -> None:
        if data:
            self.wfile.write(b"%x\r\n%s\r\n" % (len(data), data))

    def end_chunked(self) -> None:
        self.wfile.write(b"0\r\n\r\n")

    def _send_headers(self, headers: list[tuple[str, str]]) -> None:
        if not any(k.lower() == "x-request-id" for k, _ in headers):
            self.send_header("x-request-id", self.request_id)
        for key, value in headers:
            self.send_header(key, value)

    def log_message(self, format: str, *args: Any) -> None:
        pass  # quiet: the caller's client reports what matters
