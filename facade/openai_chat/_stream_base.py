"""What both stream classes share: the accumulator, the state of the response, snapshots. No I/O.

``client.chat.stream(...)`` gives a context manager over one streamed completion
(``openai_chat._async.stream`` and the sync one generated from it).

The request is sent on enter (retries apply until a 2xx status arrives, never after the first body
byte) and the response is closed on exit, on ``break`` and on errors, returning the connection to the
pool. Chunks are merged as plain dicts; typed objects are built only when asked for.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx2

from ._accumulate import ChatCompletionAccumulator
from ._exceptions import IncompleteStreamError
from ._models import ChatCompletion
from ._request import Call

__all__ = ["StreamBase", "Finisher", "first_content"]

# Builds the final typed completion from the accumulated dict (plain, or parsed into the caller's type).
Finisher = Callable[[dict[str, Any], "str | None"], ChatCompletion]


def first_content(chunk: dict[str, Any]) -> str | None:
    for choice in chunk.get("choices") or ():
        if choice.get("index", 0) == 0:
            delta = choice.get("delta")
            if delta:
                content = delta.get("content")
                if content:
                    return content
    return None


class StreamBase:
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
