"""The local stack's decisions, without I/O: error bodies, list queries, stored shapes, streams to record.

The gateway (``_local_gateway``) reads and writes sockets; the store (``_local_store``) reads and writes
SQLite; everything they decide is here, where it can be tested on plain values:

    parse_page_query([("limit", "2"), ("metadata[topic]", "sea")], filters=True)
    # PageQuery(after=None, limit=2, order='asc', model=None, metadata={'topic': 'sea'})
"""

from __future__ import annotations

import dataclasses
import json
import uuid
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from openai_chat_api.request_rules import QUERIES

from ._accumulate import ChatCompletionAccumulator
from ._chunks import StreamState
from ._exceptions import APIError
from ._params import check_metadata

__all__ = [
    "RequestError",
    "error_body",
    "request_id",
    "new_completion_id",
    "not_found",
    "PageQuery",
    "parse_page_query",
    "page_body",
    "stored_messages",
    "stored_metadata",
    "StreamRecorder",
]

DEFAULT_LIMIT = 20
MAX_LIMIT = 100  # the API's cap, which its spec does not state
_ORDERS: tuple[str, ...] = tuple(QUERIES["listChatCompletions"]["order"]["enum"])  # from the spec

_TYPES = {400: "invalid_request_error", 404: "invalid_request_error", 405: "invalid_request_error"}


class RequestError(Exception):
    """A request the local stack answers with an error status (the API's error body)."""

    def __init__(
        self, status: int, message: str, *, param: str | None = None, code: str | None = None
    ) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.param = param
        self.code = code

    def body(self) -> dict[str, Any]:
        return error_body(self.status, self.message, param=self.param, code=self.code)


def error_body(
    status: int, message: str, *, param: str | None = None, code: str | None = None
) -> dict[str, Any]:
    """``{"error": {"message", "type", "param", "code"}}``, as the API answers an error."""
    kind = _TYPES.get(status, "server_error" if status >= 500 else "invalid_request_error")
    return {"error": {"message": message, "type": kind, "param": param, "code": code}}


def request_id() -> str:
    return f"req_{uuid.uuid4().hex}"


def new_completion_id() -> str:
    return f"chatcmpl-{uuid.uuid4().hex}"


def not_found(completion_id: str) -> RequestError:
    return RequestError(404, f"No chat completion found with id '{completion_id}'.", param="completion_id")


# -- list queries -------------------------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True, slots=True, weakref_slot=True)
class PageQuery:
    """One page asked for: ``after`` an id, ``limit`` items, ``order`` by creation; filters for the list."""

    after: str | None = None
    limit: int = DEFAULT_LIMIT
    order: str = "asc"
    model: str | None = None
    metadata: dict[str, str] = dataclasses.field(default_factory=dict)


def parse_page_query(items: Iterable[tuple[str, str]], *, filters: bool) -> PageQuery:
    """Read a list query string (as pairs); ``filters`` allows ``model`` and ``metadata[key]``.

    Raises :class:`RequestError` (400) naming the parameter that is wrong. Unknown parameters are ignored.
    """
    after: str | None = None
    limit, order, model = DEFAULT_LIMIT, "asc", None
    metadata: dict[str, str] = {}
    for key, value in items:
        if key == "after":
            after = value or None
        elif key == "limit":
            try:
                limit = int(value)
            except ValueError:
                limit = 0
            if not 1 <= limit <= MAX_LIMIT:
                raise RequestError(
                    400, f"limit must be an integer from 1 to {MAX_LIMIT}, got {value!r}", param="limit"
                )
        elif key == "order":
            if value not in _ORDERS:
                choices = " or ".join(repr(o) for o in _ORDERS)
                raise RequestError(400, f"order must be {choices}, got {value!r}", param="order")
            order = value
        elif filters and key == "model":
            model = value
        elif filters and key.startswith("metadata[") and key.endswith("]"):
            metadata[key[len("metadata[") : -1]] = value
    return PageQuery(after, limit, order, model, metadata)


def page_body(items: Sequence[dict[str, Any]], has_more: bool) -> dict[str, Any]:
    """A list page; an empty one has ``first_id`` and ``last_id`` null, as the API sends it."""
    return {
        "object": "list",
        "data": list(items),
        "first_id": items[0]["id"] if items else None,
        "last_id": items[-1]["id"] if items else None,
        "has_more": has_more,
    }


# -- what is stored -----------------------------------------------------------------------------------------


def stored_metadata(value: Any) -> dict[str, str]:
    """The metadata of a request or an update, checked as the API checks it (400 otherwise)."""
    try:
        return dict(check_metadata(value) or {})
    except (TypeError, ValueError) as exc:
        raise RequestError(400, str(exc), param="metadata") from exc


def stored_messages(completion_id: str, messages: Any) -> list[dict[str, Any]]:
    """The request's messages as ``GET .../messages`` returns them: ids ``<completion id>-<position>``,
    text in ``content`` and, when the message was given as parts, the parts in ``content_parts``."""
    out = []
    for i, message in enumerate(messages if isinstance(messages, list) else ()):
        if not isinstance(message, Mapping):
            continue
        content = message.get("content")
        parts = None
        if isinstance(content, list):
            parts = content
            texts = [p.get("text") for p in content if isinstance(p, Mapping) and p.get("type") == "text"]
            content = "\n".join(t for t in texts if isinstance(t, str)) if texts else None
        elif content is not None and not isinstance(content, str):
            content = json.dumps(content)
        item: dict[str, Any] = {
            "id": f"{completion_id}-{i}",
            "role": message.get("role"),
            "content": content,
            "name": message.get("name"),
            "content_parts": parts,
        }
        for key in ("tool_calls", "tool_call_id", "function_call"):
            if message.get(key) is not None:
                item[key] = message[key]
        out.append(item)
    return out


# -- a stream passed on and recorded ------------------------------------------------------------------------


class StreamRecorder:
    """Passes an upstream SSE body on while accumulating it, for storing once it is complete.

    ``feed`` returns the bytes to send on (possibly none yet); ``end`` returns what is left to send. Until
    the first chunk arrives nothing is sent, so the gateway can still answer with an error status when an
    upstream stream ends without any chunk. ``claim`` (given only when the completion is to be stored)
    turns the upstream id into the id to store under; when it differs, every chunk is sent re-encoded with
    the new id so the caller sees the id it can fetch.

        rec = StreamRecorder(claim=lambda upstream_id: upstream_id or "chatcmpl-new")
        rec.feed(b'data: {"id": "", "choices": [{"index": 0, "delta": {"content": "Hi"}, "finish_reason": "stop"}]}\\n\\n')
        rec.end(); rec.completion()["id"]   # 'chatcmpl-new'
    """

    def __init__(self, claim: Callable[[str | None], str] | None = None) -> None:
        self._state = StreamState(ChatCompletionAccumulator())
        self._claim = claim
        self._held: list[bytes] = []  # bytes received before the first chunk
        self._early: list[dict[str, Any]] = []  # chunks decoded from them
        self._started = False
        self._rewrite: str | None = None  # the id to put in each chunk, when it differs from upstream's
        self._done_sent = False
        self.completion_id: str | None = None
        self.failure: str | None = None  # why the stream cannot be stored, once known

    @property
    def done(self) -> bool:
        """True once ``data: [DONE]`` arrived: what is sent from then on ends the stream."""
        return self._state.done

    @property
    def started(self) -> bool:
        """True once a chunk arrived (and bytes may have been sent on)."""
        return self._started

    def feed(self, data: bytes) -> bytes:
        chunks = self._decode(data)
        if not self._started:
            chunks = self._early = [*self._early, *chunks]
            # The first chunk that names the completion or carries a choice decides (a chunk without
            # either, such as a content-filter report, may come first with an empty id).
            first = next((c for c in chunks if c.get("id") or c.get("choices")), None)
            if first is None and self.failure is None:
                self._held.append(data)
                return b""
            self._started = True
            if first is not None and self._claim is not None:
                upstream_id = first.get("id")
                self.completion_id = self._claim(upstream_id if isinstance(upstream_id, str) else None)
                if self.completion_id != upstream_id:
                    self._rewrite = self.completion_id
            data = b"".join([*self._held, data])
            self._held.clear()
            self._early = []
        if self._rewrite is None or self.failure is not None:
            return data
        out = [_event({**chunk, "id": self._rewrite}) for chunk in chunks]
        if self._state.done and not self._done_sent:
            self._done_sent = True
            out.append(b"data: [DONE]\n\n")
        return b"".join(out)

    def end(self) -> bytes:
        """Call once the upstream body ended; returns the bytes still held (if no chunk ever came)."""
        if self.failure is None:
            try:
                self._state.finish()
            except APIError as exc:
                self.failure = exc.message
        held, self._held = b"".join(self._held), []
        return held

    def completion(self) -> dict[str, Any] | None:
        """The accumulated completion when the stream was complete and well-formed, else None."""
        if self.failure is not None or not self._started:
            return None
        completion = self._state.accumulator.result_dict()
        if self.completion_id is not None:
            completion["id"] = self.completion_id
        return completion

    def _decode(self, data: bytes) -> list[dict[str, Any]]:
        if self.failure is not None:
            return []
        try:
            return self._state.feed(data)
        except APIError as exc:  # an error event or a malformed chunk: passed on as it is, not stored
            self.failure = exc.message
            return []


def _event(chunk: dict[str, Any]) -> bytes:
    return b"data: " + json.dumps(chunk, ensure_ascii=False).encode() + b"\n\n"
