# Generated from facade/openai_chat/_async/stream.py by scripts/unasync.py: edit that file, then `make generate`.
"""``client.chat.stream(...)``: a context manager over one streamed completion, read with ``for``.

The request is sent on enter (retries apply until a 2xx status arrives, never after the first body
byte) and the response is closed on exit, on ``break`` outside a ``with`` block and on errors, returning
the connection to the pool. What decides lives in ``openai_chat._stream_base``. The sync ``ChatStream``
is generated from this module by ``scripts/unasync.py``.
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
        self._managed = True
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the response; the connection goes back to the pool."""
        if self._response is not None:
            self._response.close()

    def _open(self) -> httpx2.Response:
        response = self._response
        if response is None:
            response, info = self._sender.send(self._call)
            if self._opened(response, info):  # not a stream: read it whole and decide
                try:
                    response.read()
                finally:
                    response.close()
                self._take_whole(response)
        return response

    def _chunks(self) -> Iterator[dict[str, Any]]:
        if self._source is None:
            self._source = self._read()
        source: Iterator[dict[str, Any]] = self._source
        return source

    def _read(self) -> Iterator[dict[str, Any]]:
        response = self._open()
        if self._whole is not None:
            for whole in self._whole_chunks():
                yield whole
            return
        try:
            for chunk in iter_chunk_dicts(response.iter_bytes(), self._acc):
                yield chunk
            self._consumed = True
        finally:
            response.close()

    def _claimed(self) -> Iterator[dict[str, Any]]:
        """The shared chunks for one reader; leaving early outside a with block closes the response."""
        try:
            for chunk in self._chunks():
                yield chunk
        finally:
            if not self._managed:
                self.close()

    def __iter__(self) -> Iterator[ChatCompletionChunk]:
        """Typed chunks, built one by one as they are read."""
        self._claim()
        for chunk in self._claimed():
            yield chunk_from_dict(chunk)

    def dicts(self) -> Iterator[dict[str, Any]]:
        """Chunks as decoded JSON, the cheapest way through a stream."""
        self._claim()
        return self._claimed()

    def text(self) -> Iterator[str]:
        """The first choice's content deltas as plain strings."""
        self._claim()
        for chunk in self._claimed():
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
        for _ in self._claimed():
            for event in self._acc.events:
                yield event

    def final(self) -> ChatCompletion:
        """Read what is left of the stream (all of it, or the rest after a reader stopped) and return
        the whole completion."""
        if not self._consumed:
            self._check_readable()
            self._started = True
            for _ in self._chunks():
                pass
        return self._result()

    def __repr__(self) -> str:
        return f"<ChatStream request_id={self.request_id!r} chunks={self._acc.chunks}>"
