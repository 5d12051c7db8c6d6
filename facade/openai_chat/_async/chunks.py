"""Chunk dicts from a streamed body's byte pieces (the sync ``iter_chunk_dicts`` is generated from this)."""

from __future__ import annotations

from collections.abc import AsyncIterable, AsyncIterator
from typing import Any

import httpx2

from .._accumulate import ChatCompletionAccumulator
from .._chunks import StreamState, connection_error

__all__ = ["aiter_chunk_dicts"]


async def aiter_chunk_dicts(
    pieces: AsyncIterable[bytes], acc: ChatCompletionAccumulator
) -> AsyncIterator[dict[str, Any]]:
    """Yield the chunk dicts of an SSE body given as byte pieces, merging each into ``acc``.

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
            raise connection_error(exc, acc) from exc
        if piece:
            for chunk in feed(piece):
                yield chunk
    state.finish()
