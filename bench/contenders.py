"""The three contenders of every workload.

- "ours":  openai_chat (this project)
- "sdk":   the official SDK (`openai`)
- "raw":   the floor: plain httpx2 + json.loads, no models, no validation

Every contender sends the same request body shape ({"model", "messages"}, plus
"stream": true and "stream_options": {"include_usage": true} for streams)
through a keep-alive client created once per workload, and returns a *normalized* output that the harness compares with
the expected one.
"""

from __future__ import annotations

import importlib
import importlib.util
import itertools
import json
import sys
from codecs import utf_8_decode
from pathlib import Path
from typing import Any

import httpx2

from bench import data

REPO = Path(__file__).resolve().parent.parent
# Where openai_chat lives in the source tree, for when it is not installed (an install is used as it
# is: the sync client exists only there, generated into openai_chat._sync).
INSTALLED = importlib.util.find_spec("openai_chat") is not None
OURS_SRC_PATHS = [] if INSTALLED else [REPO / "facade", REPO / "generated"]

API_KEY = "bench-key"
MESSAGES = data.MESSAGES

# The official SDK's default pool limits; the raw async floor uses the same.
# One flat timeout for the clients we configure: the official SDK's default 5 s
# connect timeout fires when 200 streams start at once on a busy 2-core machine.
TIMEOUT = 120.0
ASYNC_LIMITS = httpx2.Limits(max_connections=1000, max_keepalive_connections=100)


class Unavailable(Exception):
    """A contender that cannot run yet (e.g. our API is not written yet)."""


# ---------------------------------------------------------------------------
# normalization
# ---------------------------------------------------------------------------

Output = tuple  # (content, ((id, name, arguments), ...), usage total_tokens)


def completion_output(c: Any) -> Output:
    """Normalize a final completion object (ours or the official SDK's)."""
    msg = c.choices[0].message
    calls = tuple((tc.id, tc.function.name, tc.function.arguments) for tc in (msg.tool_calls or ()))
    usage = c.usage
    total = (
        None if usage is None else (usage["total_tokens"] if isinstance(usage, dict) else usage.total_tokens)
    )
    return (msg.content or "", calls, total)


def expected_stream_output(model: str) -> Output:
    total = data.USAGE["total_tokens"]
    if model == data.TOOLS_MODEL:
        return ("", tuple(data.expected_tool_calls()), total)
    return (data.expected_text(model), (), total)


# ---------------------------------------------------------------------------
# ours
# ---------------------------------------------------------------------------


def import_ours():
    """Import openai_chat, from the source tree if it is not installed."""
    try:
        return importlib.import_module("openai_chat")
    except ImportError:
        pass
    for p in OURS_SRC_PATHS:
        if p.is_dir() and str(p) not in sys.path:
            sys.path.append(str(p))
    importlib.invalidate_caches()
    try:
        return importlib.import_module("openai_chat")
    except ImportError as e:
        raise Unavailable(f"cannot import openai_chat: {e}") from e


def _require(obj: Any, dotted: str, what: str) -> None:
    cur = obj
    for part in dotted.split("."):
        if not hasattr(cur, part):
            raise Unavailable(f"{what}.{dotted} not available yet")
        cur = getattr(cur, part)


def ours_client(base_url: str, *, need: str):
    mod = import_ours()
    if not hasattr(mod, "Client"):
        raise Unavailable("openai_chat.Client not available yet")
    client = mod.Client(api_key=API_KEY, base_url=base_url, max_retries=0)
    _require(client, need, "Client()")
    return client


def ours_async_client(base_url: str, *, need: str):
    mod = import_ours()
    if not hasattr(mod, "AsyncClient"):
        raise Unavailable("openai_chat.AsyncClient not available yet")
    client = mod.AsyncClient(api_key=API_KEY, base_url=base_url, max_retries=0)
    _require(client, need, "AsyncClient()")
    return client


def ours_stream(client, model: str) -> Output:
    with client.chat.stream(model=model, messages=MESSAGES) as s:
        c = s.final()
    return completion_output(c)


async def ours_astream(client, model: str) -> Output:
    async with client.chat.stream(model=model, messages=MESSAGES) as s:
        c = await s.final()
    return completion_output(c)


def ours_creates(client, n: int) -> list[str]:
    create = client.chat.create
    return [create(model=data.CREATE_MODEL, messages=MESSAGES).choices[0].message.content for _ in range(n)]


def ours_list(client, items: int | None = None) -> list[str]:
    pager = client.chat.completions.list(limit=data.LIST_PAGE)
    return [item.id for item in itertools.islice(pager, items)]


def ours_decode(pieces: list[bytes]) -> Output:
    """No network: a stream body's pieces to the final completion."""
    return completion_output(import_ours().accumulate_sse(pieces))


# ---------------------------------------------------------------------------
# the official SDK
# ---------------------------------------------------------------------------


def sdk_client(base_url: str):
    import openai

    return openai.OpenAI(api_key=API_KEY, base_url=base_url, max_retries=0, timeout=TIMEOUT)


def sdk_async_client(base_url: str):
    import openai

    return openai.AsyncOpenAI(api_key=API_KEY, base_url=base_url, max_retries=0, timeout=TIMEOUT)


def sdk_stream(client, model: str) -> Output:
    with client.chat.completions.stream(
        model=model, messages=MESSAGES, stream_options=data.STREAM_OPTIONS
    ) as s:
        c = s.get_final_completion()
    return completion_output(c)


async def sdk_astream(client, model: str) -> Output:
    async with client.chat.completions.stream(
        model=model, messages=MESSAGES, stream_options=data.STREAM_OPTIONS
    ) as s:
        c = await s.get_final_completion()
    return completion_output(c)


def sdk_creates(client, n: int) -> list[str]:
    create = client.chat.completions.create
    return [create(model=data.CREATE_MODEL, messages=MESSAGES).choices[0].message.content for _ in range(n)]


def sdk_list(client, items: int | None = None) -> list[str]:
    pager = client.chat.completions.list(limit=data.LIST_PAGE)
    return [item.id for item in itertools.islice(pager, items)]


# ---------------------------------------------------------------------------
# the floor: raw httpx2 + json.loads
# ---------------------------------------------------------------------------


def raw_client(base_url: str) -> httpx2.Client:
    return httpx2.Client(base_url=base_url, headers={"Authorization": f"Bearer {API_KEY}"}, timeout=TIMEOUT)


def raw_async_client(base_url: str) -> httpx2.AsyncClient:
    return httpx2.AsyncClient(
        base_url=base_url,
        headers={"Authorization": f"Bearer {API_KEY}"},
        timeout=TIMEOUT,
        limits=ASYNC_LIMITS,
    )


class _Acc:
    """Collects content pieces and tool-call argument pieces from chunk dicts."""

    __slots__ = ("text", "calls", "usage")

    def __init__(self) -> None:
        self.text: list[str] = []
        self.calls: dict[int, list] = {}
        self.usage: dict | None = None

    def add(self, chunk: dict) -> None:
        usage = chunk.get("usage")
        if usage:
            self.usage = usage
        for choice in chunk["choices"]:
            delta = choice["delta"]
            content = delta.get("content")
            if content:
                self.text.append(content)
            tcs = delta.get("tool_calls")
            if tcs:
                for tc in tcs:
                    slot = self.calls.get(tc["index"])
                    fn = tc.get("function") or {}
                    if slot is None:
                        slot = self.calls[tc["index"]] = [tc.get("id"), fn.get("name"), []]
                    args = fn.get("arguments")
                    if args:
                        slot[2].append(args)

    def output(self) -> Output:
        calls = tuple((cid, name, "".join(parts)) for _, (cid, name, parts) in sorted(self.calls.items()))
        return ("".join(self.text), calls, self.usage["total_tokens"] if self.usage else None)


def raw_stream(client: httpx2.Client, model: str) -> Output:
    acc = _Acc()
    body = {"model": model, "messages": MESSAGES, "stream": True, "stream_options": data.STREAM_OPTIONS}
    with client.stream("POST", "/chat/completions", json=body) as r:
        r.raise_for_status()
        for line in r.iter_lines():
            if line.startswith("data: "):
                payload = line[6:]
                if payload == "[DONE]":
                    break
                acc.add(json.loads(payload))
    return acc.output()


async def raw_astream(client: httpx2.AsyncClient, model: str) -> Output:
    acc = _Acc()
    body = {"model": model, "messages": MESSAGES, "stream": True, "stream_options": data.STREAM_OPTIONS}
    async with client.stream("POST", "/chat/completions", json=body) as r:
        r.raise_for_status()
        async for line in r.aiter_lines():
            if line.startswith("data: "):
                payload = line[6:]
                if payload == "[DONE]":
                    break
                acc.add(json.loads(payload))
    return acc.output()


def raw_creates(client: httpx2.Client, n: int) -> list[str]:
    body = {"model": data.CREATE_MODEL, "messages": MESSAGES}
    out = []
    for _ in range(n):
        r = client.post("/chat/completions", json=body)
        r.raise_for_status()
        out.append(json.loads(r.content)["choices"][0]["message"]["content"])
    return out


def raw_list(client: httpx2.Client, items: int | None = None) -> list[str]:
    ids: list[str] = []
    params: dict[str, Any] = {"limit": data.LIST_PAGE}
    while True:
        r = client.get("/chat/completions", params=params)
        r.raise_for_status()
        page = json.loads(r.content)
        ids.extend(item["id"] for item in page["data"])
        if not page["has_more"] or not page["data"] or (items is not None and len(ids) >= items):
            return ids[:items]
        params = {"limit": data.LIST_PAGE, "after": page["last_id"]}


def raw_decode(pieces: list[bytes]) -> Output:
    """The pure-CPU floor: decode each piece, split events on blank lines, json.loads each one's data,
    join the content and tool-call arguments."""
    acc = _Acc()
    undecoded, text = b"", ""
    for piece in pieces:
        piece = undecoded + piece
        decoded, used = utf_8_decode(piece, "strict", False)  # a character may be cut between pieces
        undecoded = piece[used:]
        events = (text + decoded).split("\n\n")
        text = events.pop()
        for event in events:
            if event.startswith("data: "):
                payload = event[6:]
                if payload == "[DONE]":
                    return acc.output()
                acc.add(json.loads(payload))
    return acc.output()
