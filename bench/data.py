"""Deterministic payloads shared by the bench server and the harness.

The server pre-encodes every response from these definitions once at start-up;
the harness derives from the same definitions the output every contender must
reproduce (final text, tool-call arguments, listed ids).
"""

from __future__ import annotations

import json

CREATED = 1_700_000_000
FINGERPRINT = "fp_bench"

# Stream kinds, chosen by the request's "model" field.
CONTENT_MODEL = "bench-content"  # 1a: 20,000 small content deltas
TOOLS_MODEL = "bench-tools"  # 1b: 3 parallel tool calls, ~5,000 chunks
SMALL_MODEL = "bench-small"  # 4: short stream, 200 of them at once
BIG_MODEL = "bench-big"  # 6: ~10 MB answer for the memory run
CREATE_MODEL = "bench-create"  # 2: non-streaming answer (any model works)

CONTENT_CHUNKS = 20_000
# 50 chunks per stream: at 200 chunks the official SDK's async client needs ~18 s
# per round of 200 streams here, and trips its own 5 s connect timeout.
SMALL_CHUNKS = 50
TOOL_CALLS = 3
TOOL_CHUNKS_PER_CALL = 1_666  # -> 3 * (1 + 1666) + 2 = 5,003 chunks
BIG_ANSWER_BYTES = 10 * 1024 * 1024
BIG_CHUNK_CHARS = 16_384  # 640 chunks of 16 KiB: the official SDK re-concatenates its snapshot per
# chunk (quadratic), so 2 KiB chunks would cost it ~14 s per run on a slow machine.

LIST_TOTAL = 10_000
LIST_PAGE = 100

MESSAGES = [{"role": "user", "content": "Say something long."}]

_WORDS = (
    "the quick brown fox jumps over a lazy dog while streaming tokens arrive one "
    "by one from the model server and get stitched into a final answer"
).split()


def _dumps(obj: object) -> str:
    return json.dumps(obj, separators=(",", ":"), ensure_ascii=False)


def content_pieces(n: int) -> list[str]:
    """n small text deltas (a word and a space, some with unicode)."""
    out = []
    for i in range(n):
        w = _WORDS[i % len(_WORDS)]
        if i % 101 == 0:
            w += " é✓"
        if i % 53 == 0:
            w += "\n"
        out.append(w + " ")
    return out


def big_pieces() -> list[str]:
    # ASCII only, so a Python str of the answer costs one byte per character and
    # "peak / answer size" reads directly (the floor is about 2: pieces + join).
    line = " ".join(_WORDS[i % len(_WORDS)] for i in range(400)) + "\n"
    unit = (line * (BIG_CHUNK_CHARS // len(line) + 1))[:BIG_CHUNK_CHARS]
    n = BIG_ANSWER_BYTES // BIG_CHUNK_CHARS
    return [unit[:-6] + f"{i:05d}\n" for i in range(n)]


def tool_calls_spec() -> list[tuple[str, str, list[str]]]:
    """[(call id, function name, argument fragments)] for the parallel tool-call stream."""
    names = ["get_weather", "search_documents", "create_calendar_event"]
    calls = []
    for c in range(TOOL_CALLS):
        items = [
            {"city": f"City{i}", "days": i % 7, "units": "metric", "note": f"q{c}-{i}"} for i in range(400)
        ]
        args = _dumps({"requests": items, "call": c})
        # cut into TOOL_CHUNKS_PER_CALL fragments of near-equal small size
        n = TOOL_CHUNKS_PER_CALL
        step = len(args) / n
        frags = [args[round(k * step) : round((k + 1) * step)] for k in range(n)]
        assert "".join(frags) == args and all(frags)
        calls.append((f"call_bench_{c:02d}_{'x' * 12}", names[c], frags))
    return calls


# ---------------------------------------------------------------------------
# expected outputs
# ---------------------------------------------------------------------------


def expected_text(model: str) -> str:
    if model == CONTENT_MODEL:
        return "".join(content_pieces(CONTENT_CHUNKS))
    if model == SMALL_MODEL:
        return "".join(content_pieces(SMALL_CHUNKS))
    if model == BIG_MODEL:
        return "".join(big_pieces())
    raise KeyError(model)


def expected_tool_calls() -> list[tuple[str, str, str]]:
    return [(cid, name, "".join(frags)) for cid, name, frags in tool_calls_spec()]


CREATE_TEXT = (
    "Here is a short answer from the bench server. It is long enough to look like a "
    "real reply, with a few sentences, some unicode (naïve café ✓) and a newline.\nDone."
)


def list_ids() -> list[str]:
    return [f"chatcmpl-stored-{i:05d}" for i in range(LIST_TOTAL)]


# ---------------------------------------------------------------------------
# wire encodings
# ---------------------------------------------------------------------------


def _chunk(model: str, delta: dict, finish_reason: str | None = None) -> str:
    return _dumps(
        {
            "id": "chatcmpl-bench-stream",
            "object": "chat.completion.chunk",
            "created": CREATED,
            "model": model,
            "system_fingerprint": FINGERPRINT,
            "choices": [{"index": 0, "delta": delta, "logprobs": None, "finish_reason": finish_reason}],
        }
    )


USAGE = {
    "prompt_tokens": 12,
    "completion_tokens": 4000,
    "total_tokens": 4012,
    "prompt_tokens_details": {"cached_tokens": 0, "audio_tokens": 0},
    "completion_tokens_details": {
        "reasoning_tokens": 0,
        "audio_tokens": 0,
        "accepted_prediction_tokens": 0,
        "rejected_prediction_tokens": 0,
    },
}

# Every contender asks for the usage chunk (openai_chat does by default), so the
# request bodies have the same shape: {"model", "messages", "stream", "stream_options"}.
STREAM_OPTIONS = {"include_usage": True}


def usage_event(model: str) -> str:
    """The trailing chunk sent when stream_options.include_usage is set."""
    return _dumps(
        {
            "id": "chatcmpl-bench-stream",
            "object": "chat.completion.chunk",
            "created": CREATED,
            "model": model,
            "system_fingerprint": FINGERPRINT,
            "choices": [],
            "usage": USAGE,
        }
    )


def stream_events(model: str) -> list[str]:
    """The JSON payloads of the SSE `data:` events (without the usage chunk and [DONE])."""
    if model == TOOLS_MODEL:
        ev = [_chunk(model, {"role": "assistant", "content": None, "refusal": None})]
        for idx, (cid, name, frags) in enumerate(tool_calls_spec()):
            ev.append(
                _chunk(
                    model,
                    {
                        "tool_calls": [
                            {
                                "index": idx,
                                "id": cid,
                                "type": "function",
                                "function": {"name": name, "arguments": ""},
                            }
                        ]
                    },
                )
            )
            for f in frags:
                ev.append(_chunk(model, {"tool_calls": [{"index": idx, "function": {"arguments": f}}]}))
        ev.append(_chunk(model, {}, "tool_calls"))
        return ev
    if model == CONTENT_MODEL:
        pieces = content_pieces(CONTENT_CHUNKS)
    elif model == SMALL_MODEL:
        pieces = content_pieces(SMALL_CHUNKS)
    elif model == BIG_MODEL:
        pieces = big_pieces()
    else:
        raise KeyError(model)
    ev = [_chunk(model, {"role": "assistant", "content": "", "refusal": None})]
    ev.extend(_chunk(model, {"content": p}) for p in pieces)
    ev.append(_chunk(model, {}, "stop"))
    return ev


def sse_body(model: str) -> bytes:
    """The body of a stream that asked for usage: every event, the usage chunk, then [DONE]."""
    events = [*stream_events(model), usage_event(model)]
    return b"".join(f"data: {e}\n\n".encode() for e in events) + b"data: [DONE]\n\n"


def completion_obj(cid: str, model: str, text: str, created: int = CREATED) -> dict:
    return {
        "id": cid,
        "object": "chat.completion",
        "created": created,
        "model": model,
        "system_fingerprint": FINGERPRINT,
        "choices": [
            {
                "index": 0,
                "message": {"role": "assistant", "content": text, "refusal": None, "annotations": []},
                "logprobs": None,
                "finish_reason": "stop",
            }
        ],
        "usage": {
            "prompt_tokens": 12,
            "completion_tokens": 40,
            "total_tokens": 52,
            "prompt_tokens_details": {"cached_tokens": 0, "audio_tokens": 0},
            "completion_tokens_details": {
                "reasoning_tokens": 0,
                "audio_tokens": 0,
                "accepted_prediction_tokens": 0,
                "rejected_prediction_tokens": 0,
            },
        },
        "service_tier": "default",
    }


def create_body() -> bytes:
    return _dumps(completion_obj("chatcmpl-bench-create", CREATE_MODEL, CREATE_TEXT)).encode()


def list_pages() -> dict[str | None, bytes]:
    """Page bodies keyed by the `after` cursor that asks for them (None: first page)."""
    ids = list_ids()
    pages: dict[str | None, bytes] = {}
    after: str | None = None
    for start in range(0, LIST_TOTAL, LIST_PAGE):
        chunk = ids[start : start + LIST_PAGE]
        data = []
        for k, cid in enumerate(chunk):
            obj = completion_obj(
                cid, "gpt-4o-mini", f"Stored answer number {start + k}.", CREATED + start + k
            )
            obj["metadata"] = {"bench": "yes"}
            data.append(obj)
        body = {
            "object": "list",
            "data": data,
            "first_id": chunk[0],
            "last_id": chunk[-1],
            "has_more": start + LIST_PAGE < LIST_TOTAL,
        }
        pages[after] = _dumps(body).encode()
        after = chunk[-1]
    return pages
