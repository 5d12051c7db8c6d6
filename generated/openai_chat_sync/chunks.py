# Generated from facade/openai_chat/_async/chunks.py by scripts/unasync.py: edit that file, then `make generate`.
"""Chunk dicts from a streamed body's byte pieces (the sync ``iter_chunk_dicts`` is generated from this)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import httpx2

from .._accumulate import ChatCompletionAccumulator
from .._chunks import StreamState, connection_error

__all__ = ["iter_chunk_dicts"]


def iter_chunk_dicts(pieces: Iterable[bytes], acc: ChatCompletionAccumulator) -> Iterator[dict[str, Any]]:
    """Yield the chunk dicts of an SSE body given as byte pieces, merging each into ``acc``.

    acc = ChatCompletionAccumulator()
    for chunk in iter_chunk_dicts(response.iter_raw(), acc):
        ...
    """
    state = StreamState(acc)
    feed = state.feed
    iterator = pieces.__iter__()
    while True:
        try:
            piece = iterator.__next__()
        except StopIteration:
            break
        except httpx2.RequestError as exc:
            raise connection_error(exc, acc) from exc
        if piece:
            for chunk in feed(piece):
                yield chunk
    state.finish()
