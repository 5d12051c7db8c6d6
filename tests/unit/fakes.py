"""A stateful fake of the Chat Completions API for ``httpx2.MockTransport``, and a sync/async test harness.

``FakeAPI`` answers the six operations (create, list, get, update, delete, messages) from memory, the way
the API does: stored completions, cursors, filters, SSE when asked to stream. It records every request and
checks each one against ``openapi.yaml`` first, so a test whose client sends a bad request fails there.

    fake = FakeAPI()
    client = Client(api_key=KEY, base_url=BASE_URL, http_client=httpx2.Client(transport=fake.transport()))
    client.chat.create(model="gpt-4o-mini", messages="Hi").text        # 'You said: Hi'

Faults are queued with ``fake.enqueue(Canned(503, ...), httpx2.ConnectError("down"), ...)``: each request
takes the next one before normal behaviour resumes. ``Harness`` runs one test body against a ``Client`` or
an ``AsyncClient``: ``h.call(h.client.chat.create, messages="Hi")`` awaits when it has to.
"""

from __future__ import annotations

import json
import sys
from collections import deque
from collections.abc import AsyncIterator, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx2

_TESTS = str(Path(__file__).resolve().parents[1])
if _TESTS not in sys.path:  # tests/ is not a package; the contract helper lives there
    sys.path.append(_TESTS)

from dual import Dual  # noqa: E402
from openapi_contract import ContractError, validate_request  # noqa: E402

BASE_URL = "https://api.fake.test/v1"
KEY = "sk-fake-5ecret-key-never-shown"
MODEL = "gpt-4o-mini"
_BASE_PATH = httpx2.URL(BASE_URL).path


@dataclass(frozen=True)
class Canned:
    """A response served before normal behaviour: ``Canned(503, "<html>…", {"retry-after-ms": "1"})``."""

    status: int = 200
    body: Any = None  # dict/list as JSON, str/bytes as they are
    headers: Mapping[str, str] = field(default_factory=dict)


def error_body(message: str, type: str = "invalid_request_error", code: Any = None, param: Any = None):
    return {"error": {"message": message, "type": type, "param": param, "code": code}}


@dataclass(frozen=True)
class Recorded:
    """One request as the fake received it."""

    method: str
    path: str  # below the base URL, e.g. "/chat/completions/abc"
    query: dict[str, str]
    headers: httpx2.Headers
    json: Any
    request: httpx2.Request


class SSEBody(httpx2.SyncByteStream, httpx2.AsyncByteStream):
    """A streamed body handed out in small pieces; remembers how far it was read and whether it was closed."""

    def __init__(self, pieces: list[bytes]) -> None:
        self.pieces = pieces
        self.sent = 0
        self.closed = False

    def __iter__(self) -> Iterator[bytes]:
        for piece in self.pieces:
            self.sent += 1
            yield piece

    async def __aiter__(self) -> AsyncIterator[bytes]:
        for piece in self.pieces:
            self.sent += 1
            yield piece

    def close(self) -> None:
        self.closed = True

    async def aclose(self) -> None:
        self.closed = True


class FakeAPI:
    """The six Chat Completions operations over an in-memory store; see the module docstring."""

    def __init__(self, *, require_auth: bool = True, piece_size: int = 7) -> None:
        self.require_auth = require_auth
        self.piece_size = piece_size  # SSE bodies are cut every this many bytes (mid-line, mid-UTF-8)
        self.requests: list[Recorded] = []
        self.violations: list[ContractError] = []
        self.completions: dict[str, dict[str, Any]] = {}  # insertion order is creation order
        self.stored_messages: dict[str, list[dict[str, Any]]] = {}
        self.streams: list[SSEBody] = []
        self.replies: deque[dict[str, Any]] = deque()  # assistant messages to answer with, in order
        self.faults: deque[Canned | Exception] = deque()
        self.empty_page_first = False  # the first list page is empty but says has_more
        self.repeat_cursor = False  # every list page is the first one, has_more forever
        self._cursors: dict[str, int] = {}  # synthetic cursors of empty pages -> position
        self._count = 0

    # -- set-up

    def transport(self) -> httpx2.MockTransport:
        return httpx2.MockTransport(self)

    def enqueue(self, *faults: Canned | Exception) -> None:
        """Serve these first, one per request (an exception is raised by the transport)."""
        self.faults.extend(faults)

    def reply(self, content: str | None = None, *, tool_calls: list[dict] | None = None) -> None:
        """Answer the next create with this message instead of echoing the last user message."""
        message: dict[str, Any] = {"role": "assistant", "content": content, "refusal": None}
        if tool_calls:
            message["tool_calls"] = tool_calls
        self.replies.append(message)

    def store(self, n: int, *, model: str = MODEL, metadata: Mapping[str, str] | None = None) -> list[str]:
        """Put ``n`` completions in the store directly; return their ids."""
        ids = []
        for _ in range(n):
            request = {"model": model, "messages": [{"role": "user", "content": f"q{self._count}"}]}
            completion = self._completion(request, dict(metadata or {}))
            self._keep(completion, request)
            ids.append(completion["id"])
        return ids

    # -- what tests look at

    def requests_to(self, method: str, path: str = "/chat/completions") -> list[Recorded]:
        return [r for r in self.requests if r.method == method and r.path == path]

    @property
    def last(self) -> Recorded:
        return self.requests[-1]

    # -- the handler

    def __call__(self, request: httpx2.Request) -> httpx2.Response:
        path = request.url.path
        assert path.startswith(_BASE_PATH + "/"), f"request outside the API: {request.url}"
        path = path[len(_BASE_PATH) :]
        content = request.read()
        body = json.loads(content) if content else None
        query = dict(request.url.params.multi_items())
        self.requests.append(Recorded(request.method, path, query, request.headers, body, request))
        self._check_contract(request.method, path, body, query)
        if self.faults:
            fault = self.faults.popleft()
            if isinstance(fault, Exception):
                raise fault
            return self._respond(fault.status, fault.body, fault.headers)
        if self.require_auth and not request.headers.get("authorization", "").startswith("Bearer "):
            message = (
                "You didn't provide an API key. You need to provide your API key in an Authorization header."
            )
            return self._respond(401, error_body(message))
        return self._route(request.method, path.split("/")[1:], body, query)

    def _check_contract(self, method: str, path: str, body: Any, query: dict[str, str]) -> None:
        nested: dict[str, Any] = {}
        for key, value in query.items():
            if key.startswith("metadata[") and key.endswith("]"):
                nested.setdefault("metadata", {})[key[len("metadata[") : -1]] = value
            else:
                nested[key] = value
        try:
            validate_request(method, path, body, nested)
        except ContractError as exc:
            self.violations.append(exc)
            raise

    def _route(self, method: str, parts: list[str], body: Any, query: dict[str, str]) -> httpx2.Response:
        if parts == ["chat", "completions"]:
            return self._create(body) if method == "POST" else self._list(query)
        if parts[:2] == ["chat", "completions"] and len(parts) in (3, 4):
            completion = self.completions.get(parts[2])
            if completion is None:
                message = f"No chat completion found with id '{parts[2]}'."
                return self._respond(404, error_body(message, param="completion_id"))
            if len(parts) == 4 and parts[3] == "messages" and method == "GET":
                return self._page(self.stored_messages[parts[2]], query, filters=False)
            if method == "GET":
                return self._respond(200, completion)
            if method == "POST":
                completion["metadata"] = dict(body["metadata"])
                return self._respond(200, completion)
            if method == "DELETE":
                del self.completions[parts[2]], self.stored_messages[parts[2]]
                return self._respond(
                    200, {"object": "chat.completion.deleted", "id": parts[2], "deleted": True}
                )
        return self._respond(404, error_body(f"Unknown route {method} {'/'.join(parts)}"))

    def _respond(self, status: int, body: Any, headers: Mapping[str, str] | None = None) -> httpx2.Response:
        headers = {"x-request-id": f"req_{len(self.requests):04d}", **(headers or {})}
        if isinstance(body, (dict, list)):
            return httpx2.Response(status, json=body, headers=headers)
        return httpx2.Response(status, content=body or b"", headers=headers)

    # -- create

    def _create(self, request: dict[str, Any]) -> httpx2.Response:
        completion = self._completion(request, dict(request.get("metadata") or {}))
        if request.get("store"):
            self._keep(completion, request)
        if not request.get("stream"):
            return self._respond(200, completion)
        include_usage = (request.get("stream_options") or {}).get("include_usage", False)
        events = [f"data: {json.dumps(chunk)}\n\n" for chunk in _chunks(completion, include_usage)]
        raw = ("".join(events) + "data: [DONE]\n\n").encode("utf-8")
        stream = SSEBody([raw[i : i + self.piece_size] for i in range(0, len(raw), self.piece_size)])
        self.streams.append(stream)
        headers = {"x-request-id": f"req_{len(self.requests):04d}", "content-type": "text/event-stream"}
        return httpx2.Response(200, headers=headers, stream=stream)

    def _completion(self, request: dict[str, Any], metadata: dict[str, str]) -> dict[str, Any]:
        self._count += 1
        if self.replies:
            message = self.replies.popleft()
        else:
            message = {
                "role": "assistant",
                "content": f"You said: {_last_user_text(request)}",
                "refusal": None,
            }
        prompt = sum(len(str(m.get("content") or "").split()) for m in request["messages"])
        answer = len((message.get("content") or "").split())
        return {
            "id": f"chatcmpl-fake{self._count:04d}",
            "object": "chat.completion",
            "created": 1_700_000_000 + self._count,
            "model": request["model"],
            "system_fingerprint": "fp_fake",
            "service_tier": "default",
            "metadata": metadata,
            "choices": [
                {
                    "index": 0,
                    "message": message,
                    "logprobs": None,
                    "finish_reason": "tool_calls" if message.get("tool_calls") else "stop",
                }
            ],
            "usage": {"prompt_tokens": prompt, "completion_tokens": answer, "total_tokens": prompt + answer},
        }

    def _keep(self, completion: dict[str, Any], request: dict[str, Any]) -> None:
        cid = completion["id"]
        self.completions[cid] = completion
        self.stored_messages[cid] = [
            _stored_message(f"{cid}-{i}", message) for i, message in enumerate(request["messages"])
        ]

    # -- list and messages

    def _list(self, query: dict[str, str]) -> httpx2.Response:
        items = list(self.completions.values())
        if "model" in query:
            items = [c for c in items if c["model"] == query["model"]]
        wanted = {k[len("metadata[") : -1]: v for k, v in query.items() if k.startswith("metadata[")}
        items = [c for c in items if all(c["metadata"].get(k) == v for k, v in wanted.items())]
        return self._page(items, query, filters=True)

    def _page(self, items: list[dict[str, Any]], query: dict[str, str], *, filters: bool) -> httpx2.Response:
        if query.get("order", "asc") == "desc":
            items = items[::-1]
        limit = int(query.get("limit", 20))
        after = query.get("after")
        if self.repeat_cursor:
            after = None
        if after is None:
            start = 0
            if filters and self.empty_page_first:
                # A server may scan a stretch of its store, find nothing that matches, and say so.
                self.empty_page_first = False
                self._cursors["cursor-scan-1"] = 0
                return self._respond(
                    200,
                    {
                        "object": "list",
                        "data": [],
                        "first_id": "",
                        "last_id": "cursor-scan-1",
                        "has_more": True,
                    },
                )
        elif after in self._cursors:
            start = self._cursors[after]
        else:
            ids = [item["id"] for item in items]
            if after not in ids:
                return self._respond(400, error_body(f"Invalid 'after': {after!r}", param="after"))
            start = ids.index(after) + 1
        page = items[start : start + limit]
        body = {
            "object": "list",
            "data": page,
            "first_id": page[0]["id"] if page else "",
            "last_id": page[-1]["id"] if page else "",
            "has_more": self.repeat_cursor or start + limit < len(items),
        }
        return self._respond(200, body)


def _last_user_text(request: dict[str, Any]) -> str:
    for message in reversed(request["messages"]):
        if message.get("role") == "user":
            content = message.get("content")
            if isinstance(content, str):
                return content
            return " ".join(p.get("text", "") for p in content if p.get("type") == "text")
    return ""


def _stored_message(mid: str, message: dict[str, Any]) -> dict[str, Any]:
    stored = {"id": mid, "role": message["role"], "content": None, "refusal": None}
    content = message.get("content")
    if isinstance(content, str):
        stored["content"] = content
    elif isinstance(content, list):
        stored["content"] = " ".join(p.get("text", "") for p in content if p.get("type") == "text")
        stored["content_parts"] = content
    if message.get("tool_calls"):
        stored["tool_calls"] = message["tool_calls"]
    return stored


def _chunks(completion: dict[str, Any], include_usage: bool) -> Iterator[dict[str, Any]]:
    """The chunks a server streams: role, 4-character content pieces, tool calls, finish, usage."""
    head = {k: completion[k] for k in ("id", "created", "model", "system_fingerprint", "service_tier")}
    head["object"] = "chat.completion.chunk"
    usage = {"usage": None} if include_usage else {}

    def chunk(delta: dict[str, Any], finish: str | None = None) -> dict[str, Any]:
        choice = {"index": 0, "delta": delta, "logprobs": None, "finish_reason": finish}
        return {**head, "choices": [choice], **usage}

    choice = completion["choices"][0]
    message = choice["message"]
    yield chunk({"role": "assistant", "content": "", "refusal": None})
    text = message.get("content") or ""
    for i in range(0, len(text), 4):
        yield chunk({"content": text[i : i + 4]})
    for index, call in enumerate(message.get("tool_calls") or ()):
        function = call["function"]
        start = {"index": index, "id": call["id"], "type": "function"}
        yield chunk({"tool_calls": [{**start, "function": {"name": function["name"], "arguments": ""}}]})
        arguments = function["arguments"]
        for i in range(0, len(arguments), 5):
            yield chunk({"tool_calls": [{"index": index, "function": {"arguments": arguments[i : i + 5]}}]})
    yield chunk({}, choice["finish_reason"])
    if include_usage:
        yield {**head, "choices": [], "usage": completion["usage"]}


# -- one test body for Client and AsyncClient ----------------------------------------------------------------


class Harness(Dual):
    """A fake API plus a client of one kind ("sync" or "async"), and helpers that hide ``await``.

    ``call(fn, ...)`` runs ``fn`` and awaits its result when it is awaitable; ``items(x)`` iterates an
    iterable or an async iterable; ``opened(cm)`` enters a context manager or an async one.
    """

    def __init__(self, kind: str, fake: FakeAPI | None = None) -> None:
        super().__init__(kind)
        self.fake = fake if fake is not None else FakeAPI()
        self._clients: list[Any] = []
        self.client = self.new_client()

    def http_client(self, transport: Any = None) -> httpx2.Client | httpx2.AsyncClient:
        transport = transport if transport is not None else self.fake.transport()
        return (
            httpx2.AsyncClient(transport=transport) if self.is_async else httpx2.Client(transport=transport)
        )

    def new_client(self, **options: Any) -> Any:
        """A client on the fake (its own pool, unless ``http_client`` is given); closed with the harness."""
        from openai_chat import AsyncClient, Client

        options.setdefault("api_key", KEY)
        options.setdefault("base_url", BASE_URL)
        options.setdefault("http_client", self.http_client())
        client = (AsyncClient if self.is_async else Client)(**options)
        self._clients.append(client)
        return client

    def adopt(self, client: Any) -> Any:
        """Close ``client`` and its pool with the harness (for clients made by the test itself)."""
        self._clients.append(client)
        return client

    def close(self) -> None:
        for client in self._clients:
            self.call(client.close)
            self.call(client.http_client.aclose if self.is_async else client.http_client.close)
        self.close_loop()
        assert not self.fake.violations, self.fake.violations
