"""The chat stream layer over raw bytes: SSE events in, chunk dicts out, one decision at the end.

:class:`StreamState` does no I/O and is shared by the sync and async drivers, which differ only by
``await`` and turn transport failures into this package's connection errors::

    acc = ChatCompletionAccumulator()
    for chunk in iter_chunk_dicts(response.iter_raw(), acc):
        ...                       # each chunk dict is already merged into acc
    acc.result_dict()             # the whole completion

    accumulate_sse([b"data: {...}\\n\\n", b"data: [DONE]\\n\\n"])   # the same, in one call
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterable, AsyncIterator, Iterable, Iterator
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

__all__ = ["StreamState", "iter_chunk_dicts", "aiter_chunk_dicts", "accumulate_sse"]

_loads = json.loads
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
        for event in self._decoder.feed(data):
            self._events += 1
            text = event.data
            if event.event != "message" and event.event not in _MESSAGE_EVENTS:
                self._other_event(event)
                continue
            if text[:1] != "{":
                stripped = text.strip()
                if not stripped:
                    continue  # keep-alive
                if stripped == "[DONE]":
                    self.done = True
                    break
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


def _connection_error(exc: httpx2.RequestError, acc: ChatCompletionAccumulator) -> APIConnectionError:
    try:
        request = exc.request
    except RuntimeError:
        request = None
    cls = APITimeoutError if isinstance(exc, httpx2.TimeoutException) else APIConnectionError
    verb = "timed out" if cls is APITimeoutError else "failed"
    detail = str(exc) or type(exc).__name__
    return cls(f"Reading the stream {verb}: {detail}", request=request, partial=acc.snapshot_dict())


def iter_chunk_dicts(pieces: Iterable[bytes], acc: ChatCompletionAccumulator) -> Iterator[dict[str, Any]]:
    """Yield the chunk dicts of an SSE body given as byte pieces, merging each into ``acc``.

    acc = ChatCompletionAccumulator()
    texts = [c["choices"][0]["delta"].get("content") for c in iter_chunk_dicts(response.iter_raw(), acc)]
    """
    state = StreamState(acc)
    feed = state.feed
    iterator = iter(pieces)
    while True:
        try:
            piece = next(iterator)
        except StopIteration:
            break
        except httpx2.RequestError as exc:
            raise _connection_error(exc, acc) from exc
        if piece:
            yield from feed(piece)
    state.finish()


async def aiter_chunk_dicts(
    pieces: AsyncIterable[bytes], acc: ChatCompletionAccumulator
) -> AsyncIterator[dict[str, Any]]:
    """Async twin of :func:`iter_chunk_dicts`.

    acc = ChatCompletionAccumulator()
    async for chunk in aiter_chunk_dicts(response.aiter_raw(), acc):
        ...
    """
    state = StreamState(acc)
    feed = state.feed
    iterator = pieces.__aiter__()
    while True:
        try:
            piece = await iterator.__anext__()
        except StopAsyncIteration:
            break
        except httpx2.RequestError as exc:
            raise _connection_error(exc, acc) from exc
        if piece:
            for chunk in feed(piece):
                yield chunk
    state.finish()


def accumulate_sse(pieces: Iterable[bytes] | bytes) -> dict[str, Any]:
    """Read a whole chat completion SSE body and return the ``chat.completion`` dict.

    accumulate_sse([b'data: {"choices": [{"index": 0, "delta": {"content": "Hi"}}]}\\n\\n',
                    b"data: [DONE]\\n\\n"])["choices"][0]["message"]["content"]   # 'Hi'
    """
    if isinstance(pieces, (bytes, bytearray, memoryview)):
        pieces = (bytes(pieces),)
    acc = ChatCompletionAccumulator()
    for _ in iter_chunk_dicts(pieces, acc):
        pass
    return acc.result_dict()
