"""Loopback HTTP/1.1 keep-alive server answering from pre-encoded bytes.

Run as a separate process (`python -m bench.server --port 0`); it prints
`PORT <n>` on stdout once listening on 127.0.0.1.

Routes
  POST /v1/chat/completions   JSON completion, or an SSE stream when the body has
                              "stream": true; the stream is chosen by "model"
                              (see bench.data) or the X-Bench-Stream header;
                              a usage chunk ends it when stream_options asks.
  GET  /v1/chat/completions   stored completions, pages of 100 following `after`
  GET  /_bench/stats          {"requests": n, "last_post_keys": [...] | null}; resets both
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from urllib.parse import parse_qs, urlsplit

from bench import data

# One SSE event per HTTP chunk, as a token-streaming server emits them.
EVENTS_PER_HTTP_CHUNK = 1


def _json_response(body: bytes, status: str = "200 OK") -> bytes:
    head = (
        f"HTTP/1.1 {status}\r\n"
        "content-type: application/json\r\n"
        f"content-length: {len(body)}\r\n"
        "x-request-id: req_bench\r\n"
        "\r\n"
    )
    return head.encode() + body


def _sse_response(events: list[str]) -> bytes:
    parts = [
        b"HTTP/1.1 200 OK\r\n"
        b"content-type: text/event-stream; charset=utf-8\r\n"
        b"cache-control: no-cache\r\n"
        b"x-request-id: req_bench\r\n"
        b"transfer-encoding: chunked\r\n\r\n"
    ]
    lines = [f"data: {e}\n\n".encode() for e in events] + [b"data: [DONE]\n\n"]
    for i in range(0, len(lines), EVENTS_PER_HTTP_CHUNK):
        payload = b"".join(lines[i : i + EVENTS_PER_HTTP_CHUNK])
        parts.append(b"%x\r\n%s\r\n" % (len(payload), payload))
    parts.append(b"0\r\n\r\n")
    return b"".join(parts)


def _error(status: str, msg: str) -> bytes:
    return _json_response(json.dumps({"error": {"message": msg, "type": "bench_error"}}).encode(), status)


class App:
    def __init__(self) -> None:
        # (model, include_usage) -> pre-encoded response
        self.streams: dict[tuple[str, bool], bytes] = {}
        for m in (data.CONTENT_MODEL, data.TOOLS_MODEL, data.SMALL_MODEL, data.BIG_MODEL):
            events = data.stream_events(m)
            self.streams[(m, False)] = _sse_response(events)
            self.streams[(m, True)] = _sse_response(events + [data.usage_event(m)])
        self.create = _json_response(data.create_body())
        self.pages = {k: _json_response(v) for k, v in data.list_pages().items()}
        self.requests = 0
        self.last_post_keys: list[str] | None = None

    def handle(self, method: str, target: str, headers: dict[str, str], body: bytes) -> bytes:
        url = urlsplit(target)
        path = url.path
        if path == "/_bench/stats":
            out = json.dumps({"requests": self.requests, "last_post_keys": self.last_post_keys}).encode()
            self.requests = 0
            self.last_post_keys = None
            return _json_response(out)
        self.requests += 1
        if path != "/v1/chat/completions":
            return _error("404 Not Found", f"no route {path}")
        if method == "POST":
            try:
                req = json.loads(body)
            except ValueError:
                return _error("400 Bad Request", "body is not JSON")
            self.last_post_keys = sorted(req)
            if req.get("stream") is True:
                kind = headers.get("x-bench-stream") or req.get("model")
                usage = bool((req.get("stream_options") or {}).get("include_usage"))
                resp = self.streams.get((kind, usage))
                if resp is None:
                    return _error("400 Bad Request", f"unknown stream {kind!r}")
                return resp
            return self.create
        if method == "GET":
            q = parse_qs(url.query)
            if q.get("limit", ["20"])[0] != str(data.LIST_PAGE):
                return _error("400 Bad Request", f"bench server only serves limit={data.LIST_PAGE}")
            after = q.get("after", [None])[0]
            page = self.pages.get(after)
            if page is None:
                return _error("400 Bad Request", f"unknown cursor {after!r}")
            return page
        return _error("405 Method Not Allowed", method)


class HTTPProtocol(asyncio.Protocol):
    def __init__(self, app: App) -> None:
        self.app = app
        self.buf = bytearray()
        self.transport: asyncio.Transport | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = transport  # type: ignore[assignment]

    def data_received(self, chunk: bytes) -> None:
        self.buf += chunk
        while True:
            end = self.buf.find(b"\r\n\r\n")
            if end < 0:
                return
            head = self.buf[:end].decode("latin-1").split("\r\n")
            method, target, _ = head[0].split(" ", 2)
            headers = {}
            for line in head[1:]:
                k, _, v = line.partition(":")
                headers[k.strip().lower()] = v.strip()
            clen = int(headers.get("content-length", "0"))
            if len(self.buf) < end + 4 + clen:
                return
            body = bytes(self.buf[end + 4 : end + 4 + clen])
            del self.buf[: end + 4 + clen]
            assert self.transport is not None
            self.transport.write(self.app.handle(method, target, headers, body))
            if headers.get("connection", "").lower() == "close":
                self.transport.close()
                return


async def serve(port: int) -> None:
    app = App()
    loop = asyncio.get_running_loop()
    server = await loop.create_server(lambda: HTTPProtocol(app), "127.0.0.1", port, backlog=1024)
    print(f"PORT {server.sockets[0].getsockname()[1]}", flush=True)
    async with server:
        await server.serve_forever()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--port", type=int, default=0)
    args = ap.parse_args()
    try:
        asyncio.run(serve(args.port))
    except KeyboardInterrupt:
        sys.exit(0)


if __name__ == "__main__":
    main()
