# Generated from facade/openai_chat/_async/stream.py by scripts/unasync.py: edit that file, then `make generate`.
"""``client.chat.stream(...)``: a context manager over one streamed completion, read with ``for``.

The request is sent on enter (retries apply until a 2xx status arrives, never after the first body
byte) and the response is closed on exit, on ``break`` and on errors, returning the connection to the
pool. The sync ``ChatStream`` is generated from this module by ``scripts/unasync.py``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx2

from .._accumulate import ChatCompletionAccumulator
from .._events import ReasoningDelta, StreamEvent
from .._models import ChatCompletion, ChatCompletionChunk, chunk_from_dict
from .._request import Call
from .._stream_base import Finisher, StreamBase, first_content
from .chunks import iter_chunk_dicts
from .sender import SyncSender

__all__ = ["ChatStream"]


class ChatStream(StreamBase):
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
            for chunk in iter_chunk_dicts(response.iter_bytes(), self._acc):
                yield chunk
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
            content = first_content(chunk)
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
            for event in self._acc.events:
                yield event

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
