"""A loopback HTTP server that answers like Azure OpenAI and checks requests the way Azure does.

It serves ``{url}/openai/deployments/{deployment}/chat/completions`` (JSON or SSE) and the stored-completion
paths ``{url}/openai/chat/completions/{id}``, each only with a supported ``api-version`` query and an
``api-key`` header or a bearer token it knows; anything else gets Azure's 401 or 404 bodies. Answers carry
Azure's content-filter results. Runs stdlib ``http.server`` in a thread and records every request.

    with AzureServer(api_keys={"k"}, deployments={"gpt-4o-mini"}) as server:
        client = AzureClient(azure_endpoint=server.url, api_key="k", api_version=server.api_version, ...)
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, urlsplit

API_VERSION = "2024-10-21"
MODEL = "gpt-4o-2024-08-06"
_SAFE = {"filtered": False, "severity": "safe"}
FILTERS = {"hate": _SAFE, "self_harm": _SAFE, "sexual": _SAFE, "violence": _SAFE}
PROMPT_FILTERS = [
    {
        "prompt_index": 0,
        "content_filter_results": {**FILTERS, "jailbreak": {"filtered": False, "detected": False}},
    }
]
_UNAUTHORIZED = (
    "Access denied due to invalid subscription key or wrong API endpoint. Make sure to provide a valid key "
    "for an active subscription and use a correct regional API endpoint for your resource."
)


@dataclass(frozen=True)
class Seen:
    """One request as the server received it."""

    method: str
    path: str
    query: dict[str, str]
    headers: dict[str, str]  # lower-case names
    json: Any


class AzureServer:
    """See the module docstring. ``tokens`` are the bearer tokens it accepts (add to it as tokens rotate)."""

    def __init__(
        self,
        *,
        api_keys: set[str] | None = None,
        tokens: set[str] | None = None,
        deployments: set[str] | None = None,
        api_version: str = API_VERSION,
    ) -> None:
        self.api_keys = api_keys or set()
        self.tokens = tokens or set()
        self.deployments = deployments or {"gpt-4o-mini"}
        self.api_version = api_version
        self.requests: list[Seen] = []
        self.errors: list[BaseException] = []
        self.stored: dict[str, dict[str, Any]] = {}
        self._lock = threading.Lock()
        self._http = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self))
        self._http.daemon_threads = True
        self._thread = threading.Thread(target=self._http.serve_forever, kwargs={"poll_interval": 0.05})
        self.url = f"http://127.0.0.1:{self._http.server_address[1]}"

    def __enter__(self) -> AzureServer:
        self._thread.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._http.shutdown()
        self._http.server_close()
        self._thread.join(timeout=10)
        assert not self._thread.is_alive(), "the Azure test server did not stop"
        assert not self.errors, self.errors

    # -- what Azure decides for one request: (status, JSON body or SSE text)

    def answer(self, seen: Seen) -> tuple[int, Any]:
        parts = seen.path.split("/")[1:]
        if parts[:1] != ["openai"] or seen.query.get("api-version") != self.api_version:
            return 404, {"error": {"code": "404", "message": "Resource not found"}}
        if not self._authorized(seen.headers):
            return 401, {"error": {"code": "401", "message": _UNAUTHORIZED}}
        parts = parts[1:]
        if len(parts) == 4 and parts[0] == "deployments" and parts[2:] == ["chat", "completions"]:
            if seen.method != "POST":
                return 404, {"error": {"code": "404", "message": "Resource not found"}}
            if parts[1] not in self.deployments:
                message = (
                    "The API deployment for this resource does not exist. If you created the deployment "
                    "within the last 5 minutes, please wait a moment and try again."
                )
                return 404, {"error": {"code": "DeploymentNotFound", "message": message}}
            return self._create(seen.json)
        if parts[:2] == ["chat", "completions"] and len(parts) == 3 and seen.method == "GET":
            stored = self.stored.get(parts[2])
            if stored is None:
                return 404, {"error": {"code": "404", "message": "Resource not found"}}
            return 200, stored
        return 404, {"error": {"code": "404", "message": "Resource not found"}}

    def _authorized(self, headers: dict[str, str]) -> bool:
        key = headers.get("api-key")
        if key is not None:
            return key in self.api_keys
        auth = headers.get("authorization", "")
        return auth.startswith("Bearer ") and auth[len("Bearer ") :] in self.tokens

    def _create(self, body: Any) -> tuple[int, Any]:
        if not isinstance(body, dict) or not isinstance(body.get("messages"), list):
            return 400, {"error": {"code": "BadRequest", "message": "'messages' is a required property"}}
        with self._lock:
            cid = f"chatcmpl-azure{len(self.requests):04d}"
        text = f"You said: {body['messages'][-1].get('content')}"
        completion = {
            "choices": [
                {
                    "content_filter_results": FILTERS,
                    "finish_reason": "stop",
                    "index": 0,
                    "logprobs": None,
                    "message": {"annotations": [], "content": text, "refusal": None, "role": "assistant"},
                }
            ],
            "created": 1731000600,
            "id": cid,
            "model": MODEL,
            "object": "chat.completion",
            "prompt_filter_results": PROMPT_FILTERS,
            "system_fingerprint": "fp_04751d0b65",
            "usage": {"completion_tokens": 4, "prompt_tokens": 9, "total_tokens": 13},
        }
        if body.get("store"):
            self.stored[cid] = completion
        if not body.get("stream"):
            return 200, completion
        return 200, _sse(cid, text)


def _sse(cid: str, text: str) -> str:
    """Azure's stream: prompt filter results first, filter results per chunk, an empty one at the end."""
    head = {"created": 1731000600, "id": cid, "model": MODEL, "object": "chat.completion.chunk"}

    def chunk(delta: dict[str, Any], filters: dict[str, Any], finish: str | None = None) -> dict[str, Any]:
        choice = {"content_filter_results": filters, "delta": delta, "finish_reason": finish, "index": 0}
        return {"choices": [{**choice, "logprobs": None}], **head, "system_fingerprint": "fp_04751d0b65"}

    first = {
        "choices": [],
        "created": 0,
        "id": "",
        "model": "",
        "object": "",
        "prompt_filter_results": PROMPT_FILTERS,
    }
    events = [first, chunk({"content": "", "refusal": None, "role": "assistant"}, {})]
    events += [chunk({"content": text[i : i + 4]}, FILTERS) for i in range(0, len(text), 4)]
    events.append(chunk({}, {}, "stop"))
    return "".join(f"data: {json.dumps(e, ensure_ascii=False)}\n\n" for e in events) + "data: [DONE]\n\n"


def _handler(server: AzureServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the base class's name
            pass

        def _serve(self) -> None:
            try:
                url = urlsplit(self.path)
                length = int(self.headers.get("content-length") or 0)
                raw = self.rfile.read(length) if length else b""
                seen = Seen(
                    self.command,
                    url.path,
                    dict(parse_qsl(url.query)),
                    {k.lower(): v for k, v in self.headers.items()},
                    json.loads(raw) if raw else None,
                )
                with server._lock:
                    server.requests.append(seen)
                status, body = server.answer(seen)
                is_sse = isinstance(body, str)
                data = body.encode() if is_sse else json.dumps(body).encode()
                self.send_response(status)
                self.send_header("content-type", "text/event-stream" if is_sse else "application/json")
                self.send_header("content-length", str(len(data)))
                self.send_header("apim-request-id", f"apim-{len(server.requests):04d}")
                self.send_header("x-request-id", f"req-{len(server.requests):04d}")
                self.end_headers()
                for i in range(0, len(data), 64):  # a stream arrives in pieces, cut anywhere
                    self.wfile.write(data[i : i + 64])
                    self.wfile.flush()
            except Exception as exc:  # recorded, so the test fails instead of the thread dying quietly
                server.errors.append(exc)
                raise

        do_GET = do_POST = do_DELETE = _serve

    return Handler
