"""Realistic Chat Completions bodies for the fault server: JSON completions, SSE chunk streams, errors.

>>> events = completion_chunks("Hello there", pieces=3)
>>> events[-1]
b'data: [DONE]\\n\\n'
"""

from __future__ import annotations

import email.utils
import json
import time
from collections.abc import Iterator
from typing import Any

DEFAULT_MODEL = "gpt-4o-mini-2024-07-18"
DONE = b"data: [DONE]\n\n"
SSE_HEADERS = {"content-type": "text/event-stream", "cache-control": "no-cache"}
HTML_503 = (
    "<html><head><title>503 Service Temporarily Unavailable</title></head>\n"
    "<body><center><h1>503 Service Temporarily Unavailable</h1></center></body></html>\n"
)


def _usage(prompt_tokens: int, completion_tokens: int) -> dict[str, int]:
    return {
        "prompt_tokens": prompt_tokens,
        "completion_tokens": completion_tokens,
        "total_tokens": prompt_tokens + completion_tokens,
    }


def chat_completion(
    content: str = "Hello! How can I help you today?",
    *,
    model: str = DEFAULT_MODEL,
    finish_reason: str = "stop",
    id: str = "chatcmpl-fault0001",
    created: int = 1_700_000_000,
    prompt_tokens: int = 9,
) -> dict[str, Any]:
    """A `chat.completion` object with one assistant choice."""
    return {
        "id": id,
        "object": "chat.completion",
        "created": created,
        "model": model,
        "system_fingerprint": "fp_fault",
        "choices": [
            {
                "index": 0,
                "message": {"role": "assistant", "content": content, "refusal": None},
                "logprobs": None,
                "finish_reason": finish_reason,
            }
        ],
        "usage": _usage(prompt_tokens, max(1, len(content.split()))),
    }


def completion_chunk(
    delta: dict[str, Any],
    *,
    finish_reason: str | None = None,
    model: str = DEFAULT_MODEL,
    id: str = "chatcmpl-fault0001",
    created: int = 1_700_000_000,
) -> dict[str, Any]:
    """One `chat.completion.chunk` object carrying `delta` for choice 0."""
    return {
        "id": id,
        "object": "chat.completion.chunk",
        "created": created,
        "model": model,
        "system_fingerprint": "fp_fault",
        "choices": [{"index": 0, "delta": delta, "logprobs": None, "finish_reason": finish_reason}],
    }


def sse_event(data: dict[str, Any] | str | bytes, *, event: str | None = None) -> bytes:
    """One SSE event; dicts are JSON-encoded, strings and bytes are sent verbatim as the data field."""
    if isinstance(data, dict):
        payload = json.dumps(data, separators=(",", ":")).encode()
    elif isinstance(data, str):
        payload = data.encode()
    else:
        payload = data
    prefix = b"event: " + event.encode() + b"\n" if event is not None else b""
    return prefix + b"data: " + payload + b"\n\n"


def split_text(content: str, pieces: int) -> list[str]:
    """Split `content` into `pieces` non-empty parts (fewer if the text is shorter)."""
    pieces = max(1, min(pieces, len(content)))
    size, extra = divmod(len(content), pieces)
    parts, start = [], 0
    for i in range(pieces):
        end = start + size + (1 if i < extra else 0)
        parts.append(content[start:end])
        start = end
    return parts


def completion_chunks(
    content: str = "Hello! How can I help you today?",
    *,
    pieces: int = 8,
    finish_reason: str | None = "stop",
    usage: bool = False,
    done: bool = True,
    model: str = DEFAULT_MODEL,
    prompt_tokens: int = 9,
) -> list[bytes]:
    """The SSE events of a streamed completion, one list item per event.

    A role delta first, `content` split over `pieces` deltas, `finish_reason` on the last content
    chunk (`None` leaves the choice unfinished), an optional usage chunk with empty choices (as sent
    for `stream_options.include_usage`), then `data: [DONE]` unless `done=False`.
    """
    events = [sse_event(completion_chunk({"role": "assistant", "content": ""}, model=model))]
    parts = split_text(content, pieces) if content else []
    for i, part in enumerate(parts):
        last = i == len(parts) - 1
        events.append(
            sse_event(
                completion_chunk(
                    {"content": part}, finish_reason=finish_reason if last else None, model=model
                )
            )
        )
    if not parts and finish_reason is not None:
        events.append(sse_event(completion_chunk({}, finish_reason=finish_reason, model=model)))
    if usage:
        chunk = completion_chunk({}, model=model)
        chunk["choices"] = []
        chunk["usage"] = _usage(prompt_tokens, len(parts))
        events.append(sse_event(chunk))
    if done:
        events.append(DONE)
    return events


def _delta_event(word: str) -> bytes:
    head, tail = json.dumps(completion_chunk({"content": "\x00"}), separators=(",", ":")).split('"\\u0000"')
    return ("data: " + head + json.dumps(word) + tail + "\n\n").encode()


def huge_stream(total_bytes: int, *, block_bytes: int = 64 * 1024, word: str = "lorem ") -> Iterator[bytes]:
    """Yield SSE blocks of content-delta events totalling at least `total_bytes`, then finish and [DONE].

    Generated lazily, one block (many whole events) at a time, so tens of MB never sit in memory.
    The streamed content is `word` repeated `huge_stream_deltas(...)` times.
    """
    event = _delta_event(word)
    block = event * max(1, block_bytes // len(event))
    yield sse_event(completion_chunk({"role": "assistant", "content": ""}))
    sent = 0
    while sent < total_bytes:
        yield block
        sent += len(block)
    yield sse_event(completion_chunk({}, finish_reason="stop"))
    yield DONE


def huge_stream_deltas(total_bytes: int, *, block_bytes: int = 64 * 1024, word: str = "lorem ") -> int:
    """How many `word` deltas `huge_stream` sends for the same arguments."""
    event_len = len(_delta_event(word))
    per_block = max(1, block_bytes // event_len)
    return -(-total_bytes // (event_len * per_block)) * per_block


def error_body(
    message: str = "The server had an error while processing your request.",
    *,
    type: str = "server_error",
    code: str | None = None,
    param: str | None = None,
) -> dict[str, Any]:
    """An OpenAI-style error envelope: `{"error": {"message", "type", "param", "code"}}`."""
    return {"error": {"message": message, "type": type, "param": param, "code": code}}


def http_date(seconds_from_now: float) -> str:
    """An HTTP-date (RFC 9110 IMF-fixdate) for a `retry-after` header."""
    return email.utils.formatdate(time.time() + seconds_from_now, usegmt=True)
