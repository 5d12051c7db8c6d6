"""Stand-alone helpers that need no client."""

from __future__ import annotations

from collections.abc import Iterable

from ._chunks import accumulate_sse_dict
from ._models import ChatCompletion, completion_from_dict

__all__ = ["accumulate_sse"]


def accumulate_sse(pieces: Iterable[bytes] | bytes) -> ChatCompletion:
    """The final completion of a streamed response body given as bytes, cut anywhere.

    >>> body = (b'data: {"id": "c1", "created": 0, "model": "m", "choices": [{"index": 0, '
    ...         b'"delta": {"content": "Hi"}, "finish_reason": "stop"}]}\\n\\ndata: [DONE]\\n\\n')
    >>> accumulate_sse([body[:20], body[20:]]).text
    'Hi'
    """
    return completion_from_dict(accumulate_sse_dict(pieces))
