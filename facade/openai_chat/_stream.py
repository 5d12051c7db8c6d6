"""``client.chat.stream(...)``: a context manager over one streamed completion.

The request is sent on enter (retries apply until a 2xx status arrives, never after the first body
byte) and the response is closed on exit, on ``break`` and on errors, returning the connection to the
pool. Chunks are merged as plain dicts; typed objects are built only when asked for.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Iterator
from typing import Any

import httpx2

from ._accumulate import ChatCompletionAccumulator
from ._events import ReasoningDelta, StreamEvent
from ._exceptions import IncompleteStreamError
from ._models import ChatCompletion, ChatCompletionChunk, chunk_from_dict
from ._streaming import aiter_chunk_dicts, iter_chunk_dicts
from ._transport import AsyncSender, Call, SyncSender

__all__ = ["ChatStream", "AsyncChatStream", "StreamEvent"]

# Builds the final typed completion from the accumulated dict (plain, or parsed into the caller's type).
Finisher = Callable[[dict[str, Any], "str | None"], ChatCompletion]


def _first_content(chunk: dict[str, Any]) -> str | None:
    for choice in chunk.get("choices") or ():
        if choice.get("index", 0) == 0:
            delta = choice.get("delta")
            if delta:
                content = delta.get("content")
                if content:
                    return content
    return None


class _StreamBase:
    __slots__ = ("_call", "_finish", "_response", "_acc", "_consumed", "_started", "request_id")

    def __init__(self, call: Call, finish: Finisher, events: bool) -> None:
        self._call = call
        self._finish = finish
        self._response: httpx2.Response | None = None
        self._acc = ChatCompletionAccumulator(events=events)
        self._consumed = False
        self._started = False
        self.request_id: str | None = None

    def _opened(self, response: httpx2.Response) -> None:
        self._response = response
        self.request_id = response.headers.get("x-request-id")

    def _claim(self) -> None:
        if self._started:
            raise RuntimeError("a stream can be iterated only once; use final() or current() for the result")
        self._started = True

    def _check_readable(self) -> None:
        response = self._response
        if response is not None and response.is_closed and not self._consumed:
            try:
                response.content  # noqa: B018 - a body read in advance can still be replayed
                return
            except httpx2.ResponseNotRead:
                pass
            raise IncompleteStreamError(
                "the stream was closed before it ended; current() gives what arrived",
                partial=self._acc.snapshot_dict(),
            )

    def current(self) -> ChatCompletion:
        """The completion accumulated so far (a snapshot; the stream goes on)."""
        return self._finish(self._acc.snapshot_dict(), self.request_id)

    @property
    def response(self) -> httpx2.Response | None:
        """The underlying HTTP response, once the request was sent."""
        return self._response


class ChatStream(_StreamBase):
    """A streamed completion. ``with client.chat.stream(...) as s: for chunk in s: ...; s.final()``."""

    __slots__ = ("_sender",)

    def __init__(self, sender: SyncSender, call: Call, finish: Finisher, *, events: bool = False) -> None:
        super().__init__(call, finish, events)
        self._sender = sender

    def __enter__(self) -> ChatStream:
        self._open()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the response; the connection goes back to the pool."""
        if self._response is not None:
            self._response.close()

    def _open(self) -> httpx2.Response:
        if self._response is None:
            self._opened(self._sender.send(self._call))
        return self._response  # type: ignore[return-value]

    def _dicts(self) -> Iterator[dict[str, Any]]:
        response = self._open()
        try:
            yield from iter_chunk_dicts(response.iter_bytes(), self._acc)
            self._consumed = True
        finally:
            response.close()

    def __iter__(self) -> Iterator[ChatCompletionChunk]:
        """Typed chunks, built one by one as they are read."""
        self._claim()
        for chunk in self._dicts():
            yield chunk_from_dict(chunk)

    def dicts(self) -> Iterator[dict[str, Any]]:
        """Chunks as decoded JSON, the cheapest way through a stream."""
        self._claim()
        return self._dicts()

    def text(self) -> Iterator[str]:
        """The first choice's content deltas as plain strings."""
        self._claim()
        for chunk in self._dicts():
            content = _first_content(chunk)
            if content:
                yield content

    def reasoning(self) -> Iterator[str]:
        """The first choice's reasoning deltas as plain strings (servers that send reasoning text)."""
        for event in self.events():
            if isinstance(event, ReasoningDelta) and event.index == 0:
                yield event.delta

    def events(self) -> Iterator[StreamEvent]:
        """Content, reasoning, refusal and tool-argument deltas and finish events, in order."""
        self._claim()
        self._acc = ChatCompletionAccumulator(events=True)
        for _ in self._dicts():
            yield from self._acc.events

    def final(self) -> ChatCompletion:
        """Read what is left of the stream and return the whole completion."""
        if not self._consumed:
            self._check_readable()
            self._started = True
            for _ in self._dicts():
                pass
        return self._finish(self._acc.result_dict(), self.request_id)

    def __repr__(self) -> str:
        return f"<ChatStream request_id={self.request_id!r} chunks={self._acc.chunks}>"


class AsyncChatStream(_StreamBase):
    """``async with client.chat.stream(...) as s: async for chunk in s: ...; await s.final()``."""

    __slots__ = ("_sender",)

    def __init__(self, sender: AsyncSender, call: Call, finish: Finisher, *, events: bool = False) -> None:
        super().__init__(call, finish, events)
        self._sender = sender

    async def __aenter__(self) -> AsyncChatStream:
        await self._open()
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.close()

    async def close(self) -> None:
        if self._response is not None:
            await self._response.aclose()

    async def _open(self) -> httpx2.Response:
        if self._response is None:
            self._opened(await self._sender.send(self._call))
        return self._response  # type: ignore[return-value]

    async def _dicts(self) -> AsyncIterator[dict[str, Any]]:
        response = await self._open()
        try:
            async for chunk in aiter_chunk_dicts(response.aiter_bytes(), self._acc):
                yield chunk
            self._consumed = True
        finally:
            await response.aclose()

    async def __aiter__(self) -> AsyncIterator[ChatCompletionChunk]:
        self._claim()
        async for chunk in self._dicts():
            yield chunk_from_dict(chunk)

    def dicts(self) -> AsyncIterator[dict[str, Any]]:
        self._claim()
        return self._dicts()

    async def text(self) -> AsyncIterator[str]:
        self._claim()
        async for chunk in self._dicts():
            content = _first_content(chunk)
            if content:
                yield content

    async def reasoning(self) -> AsyncIterator[str]:
        async for event in self.events():
            if isinstance(event, ReasoningDelta) and event.index == 0:
                yield event.delta

    async def events(self) -> AsyncIterator[StreamEvent]:
        self._claim()
        self._acc = ChatCompletionAccumulator(events=True)
        async for _ in self._dicts():
            for event in self._acc.events:
                yield event

    async def final(self) -> ChatCompletion:
        if not self._consumed:
            self._check_readable()
            self._started = True
            async for _ in self._dicts():
                pass
        return self._finish(self._acc.result_dict(), self.request_id)

    def __repr__(self) -> str:
        return f"<AsyncChatStream request_id={self.request_id!r} chunks={self._acc.chunks}>"
