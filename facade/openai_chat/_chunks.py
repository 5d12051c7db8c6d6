"""Stream chunks from raw bytes: SSE events in, chunk dicts out, one decision at the end. No I/O.

:class:`StreamState` is driven by ``aiter_chunk_dicts`` (``openai_chat._async.chunks``) and the sync
``iter_chunk_dicts`` generated from it, which turn transport failures into connection errors::

    acc = ChatCompletionAccumulator()
    for chunk in iter_chunk_dicts(response.iter_raw(), acc):
        ...                       # each chunk dict is already merged into acc
    acc.result_dict()             # the whole completion

    accumulate_sse_dict([b"data: {...}\\n\\n", b"data: [DONE]\\n\\n"])   # the same, in one call
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from typing import Any

import httpx2

from ._accumulate import ChatCompletionAccumulator
from ._exceptions import (
    APIConnectionError,
    APIResponseValidationError,
    APITimeoutError,
    IncompleteStreamError,
    StreamError,
)
from ._sse import ServerSentEvent, SSEDecoder

__all__ = ["StreamState", "accumulate_sse_dict", "connection_error"]

_loads = json.loads
# json.loads without its two wrapper calls and whitespace scans: an event's data is almost always one
# object with nothing around it. Anything else goes through json.loads, for the same result or error.
_scan: Callable[[str, int], tuple[Any, int]] = json.JSONDecoder().scan_once  # type: ignore[attr-defined]
# Event types that carry chunks. Servers that name their events use these; the standard's
# default type is "message".
_MESSAGE_EVENTS = frozenset({"message", "chunk", "completion", "data"})


def _snippet(text: str, limit: int = 120) -> str:
    return text if len(text) <= limit else text[:limit] + "…"


class StreamState:
    """Feeds bytes through the SSE decoder and the accumulator; decides how the stream ended.

    ``feed`` returns the chunk dicts completed by a piece, each already added to ``accumulator``.
    ``finish`` is called once at the end of the body and raises :class:`IncompleteStreamError`
    unless ``[DONE]`` arrived or every choice has a finish reason.

        state = StreamState(ChatCompletionAccumulator())
        state.feed(b'data: {"choices": [{"index": 0, "delta": {"content": "Hi"}, "finish_reason": "stop"}]}\\n\\n')
        state.finish()
    """

    __slots__ = ("accumulator", "done", "_decoder", "_events")

    def __init__(self, accumulator: ChatCompletionAccumulator | None = None) -> None:
        self.accumulator = accumulator if accumulator is not None else ChatCompletionAccumulator()
        # "data: [DONE]" arrived; anything after it is ignored but still read, so the body ends
        # cleanly and the connection can be reused.
        self.done = False
        self._decoder = SSEDecoder()
        self._events = 0  # events seen, for error messages

    def feed(self, data: bytes) -> list[dict[str, Any]]:
        """Decode one piece of the body; return the chunk dicts it completed."""
        if self.done:
            return []
        chunks: list[dict[str, Any]] = []
        add = self.accumulator.add
        for event in self._decoder._feed(data, True):
            self._events += 1
            if event.__class__ is str:
                text = event  # the data of an event of the default type
            else:
                text = event.data  # type: ignore[union-attr]
                if event.event != "message" and event.event not in _MESSAGE_EVENTS:  # type: ignore[union-attr]
                    self._other_event(event)  # type: ignore[arg-type]
                    continue
            end = -1
            if text[:1] == "{":
                try:
                    chunk, end = _scan(text, 0)
                except (StopIteration, ValueError, RecursionError):
                    pass
            else:
                stripped = text.strip()
                if not stripped:
                    continue  # keep-alive
                if stripped == "[DONE]":
                    self.done = True
                    break
            if end != len(text):
                try:
                    chunk = _loads(text)
                except (ValueError, RecursionError) as exc:
                    raise self._invalid_json(text, exc) from exc
            if chunk.__class__ is not dict:
                raise APIResponseValidationError(
                    f"stream event {self._events} holds JSON that is not an object: {_snippet(text)!r}",
                    body=text,
                )
            add(chunk)
            chunks.append(chunk)
        return chunks

    def finish(self) -> None:
        """Signal the end of the body; raise if the completion was cut short."""
        decoder = self._decoder
        decoder.flush()
        if self.done:
            return
        leftover = decoder.unterminated
        if leftover is not None and leftover.data.strip() == "[DONE]":
            # "[DONE]" without the blank line after it: the server meant to finish.
            self.done = True
            return
        if self.accumulator.finished:
            return
        if decoder.incomplete:
            reason = "the stream ended in the middle of an event"
        elif self.accumulator.chunks:
            reason = "the stream ended before every choice had a finish reason and without [DONE]"
        else:
            reason = "the stream ended without sending any chunk"
        raise IncompleteStreamError(reason, partial=self.accumulator.snapshot_dict())

    def _invalid_json(self, text: str, exc: Exception) -> APIResponseValidationError:
        where = ""
        truncated = False
        if isinstance(exc, json.JSONDecodeError):
            where = f" ({exc.msg} at char {exc.pos})"
            truncated = exc.pos >= len(text.rstrip()) or exc.msg.startswith("Unterminated string")
        what = "truncated JSON" if truncated else "invalid JSON"
        return APIResponseValidationError(
            f"stream event {self._events} holds {what}{where}: {_snippet(text)!r}", body=text
        )

    def _other_event(self, event: ServerSentEvent) -> None:
        """An event of a non-message type: ignored unless it reports an error."""
        body: object
        try:
            body = _loads(event.data)
        except (ValueError, RecursionError):
            body = None
        carries_error = isinstance(body, dict) and (body.get("error") or body.get("object") == "error")
        if event.event != "error" and not carries_error:
            return
        if isinstance(body, dict):
            inner = body.get("error")
            fields = inner if isinstance(inner, dict) else body
            message = inner if isinstance(inner, str) else fields.get("message")
        else:
            message = event.data.strip()
            body = event.data
        if not isinstance(message, str) or not message:
            message = "the server sent an error event inside the stream"
        raise StreamError(message, body=body, partial=self.accumulator.snapshot_dict())


def connection_error(exc: httpx2.RequestError, acc: ChatCompletionAccumulator) -> APIConnectionError:
    try:
        request = exc.request
    except RuntimeError:
        request = None
    cls = APITimeoutError if isinstance(exc, httpx2.TimeoutException) else APIConnectionError
    verb = "timed out" if cls is APITimeoutError else "failed"
    detail = str(exc) or type(exc).__name__
    return cls(f"Reading the stream {verb}: {detail}", request=request, partial=acc.snapshot_dict())


def accumulate_sse_dict(pieces: Iterable[bytes] | bytes) -> dict[str, Any]:
    """Read a whole chat completion SSE body and return the ``chat.completion`` dict.

    >>> accumulate_sse_dict([b'data: {"choices": [{"index": 0, "delta": {"content": "Hi"}}]}\\n\\n',
    ...                      b"data: [DONE]\\n\\n"])["choices"][0]["message"]["content"]
    'Hi'
    """
    if isinstance(pieces, (bytes, bytearray, memoryview)):
        pieces = (bytes(pieces),)
    acc = ChatCompletionAccumulator()
    state = StreamState(acc)
    for piece in pieces:
        if piece:
            for _ in state.feed(piece):
                pass
    state.finish()
    return acc.result_dict()
