"""Serve an ``httpx2.MockTransport``-style handler on a real 127.0.0.1 socket, for tests of code that
talks HTTP itself (the local gateway): ``with serve(FakeAPI()) as base_url: ...``.

Streamed responses go out with chunked encoding, one chunk per piece of the response's byte stream.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import httpx2

Handler = Callable[[httpx2.Request], httpx2.Response]


@contextlib.contextmanager
def serve(handler: Handler, prefix: str = "/v1") -> Iterator[str]:
    """Run ``handler`` behind a loopback HTTP server; yields its base URL (``http://127.0.0.1:PORT/v1``)."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _make(handler))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{prefix}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


def _make(handler: Handler) -> type[BaseHTTPRequestHandler]:
    class _Loopback(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        disable_nagle_algorithm = True  # headers and body go out as separate small writes

        def _any(self) -> None:
            length = int(self.headers.get("content-length") or 0)
            body = self.rfile.read(length) if length else b""
            host = self.headers.get("host", "127.0.0.1")
            request = httpx2.Request(
                self.command, f"http://{host}{self.path}", headers=dict(self.headers), content=body
            )
            response = handler(request)
            streamed = response.headers.get("content-type", "").startswith("text/event-stream")
            self.send_response(response.status_code)
            for key, value in response.headers.multi_items():
                if key.lower() not in ("content-length", "transfer-encoding", "connection"):
                    self.send_header(key, value)
            if streamed:
                self.send_header("Transfer-Encoding", "chunked")
                self.end_headers()
                for piece in response.stream:  # type: ignore[union-attr]
                    if piece:
                        self.wfile.write(b"%x\r\n%s\r\n" % (len(piece), piece))
                self.wfile.write(b"0\r\n\r\n")
            else:
                data = response.read()
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        do_GET = do_POST = do_DELETE = _any

        def log_message(self, format: str, *args: Any) -> None:
            pass

    return _Loopback
