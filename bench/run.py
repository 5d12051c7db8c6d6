"""Benchmark: openai_chat ("ours") vs the official SDK ("sdk") vs raw httpx2 ("raw", the floor).

    .venv/bin/python -m bench [--reps N] [--only NAME,...] [--skip-ours] [--require-ours]

Starts the pre-encoded loopback server (bench/server.py) in a separate process,
runs every workload with the contenders in alternation (ours, sdk, raw, ours,
sdk, raw, ...; the official SDK only in the first --sdk-reps rounds), checks that
every call produced the expected output (a contender that differs fails the run),
prints a table of medians with the spread (min-max) and the client's CPU time,
and writes build/bench.json.

"ours" is skipped with a "not available" row while openai_chat lacks the API a
workload needs; it turns on by itself once the API exists (--require-ours makes
a missing API an error instead).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import datetime as _dt
import gc
import hashlib
import json
import os
import platform
import statistics
import subprocess
import sys
import time
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # `python bench/run.py`
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import httpx2

from bench import contenders as C
from bench import data

REPO = C.REPO
CONTENDERS = ("ours", "sdk", "raw")
FLOOR, SDK = "raw", "sdk"

CREATES = 2_000
CONCURRENT = 200

# Seconds of timed rounds each workload may spend (scaled by --budget-scale); with
# the warm-up rounds, import and memory the whole run stays under 3 minutes on 2 cores.
BUDGET = {
    "decode": 8.0,
    "stream-content": 20.0,
    "stream-tools": 8.0,
    "create": 18.0,
    "list": 10.0,
    "async": 16.0,
}
DECODE_PIECE = 16 * 1024  # bytes per piece fed to the decoders in the pure-CPU row


class Mismatch(Exception):
    """A contender produced a different output, or talked to the server differently."""

    def __init__(self, message: str, contender: str | None = None) -> None:
        super().__init__(message)
        self.contender = contender


# ---------------------------------------------------------------------------
# results
# ---------------------------------------------------------------------------


@dataclass
class Entry:
    contender: str
    available: bool = True
    reason: str = ""
    samples: list[float] = field(default_factory=list)  # wall seconds (or the row's unit)
    cpu: list[float] = field(default_factory=list)  # CPU seconds of the measuring process, same rounds
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def median(self) -> float | None:
        return statistics.median(self.samples) if self.samples else None

    @property
    def cpu_median(self) -> float | None:
        return statistics.median(self.cpu) if self.cpu else None


@dataclass
class Workload:
    name: str
    description: str
    unit: str  # "s" or "x answer"
    entries: dict[str, Entry] = field(default_factory=dict)
    error: str = ""
    failed_contender: str | None = None
    notes: list[str] = field(default_factory=list)

    def ratios(self, name: str) -> tuple[float | None, float | None]:
        """(ours ÷ floor, ours ÷ SDK) of the medians."""
        m = self.entries[name].median
        out = []
        for ref in (FLOOR, SDK):
            r = self.entries.get(ref)
            out.append(m / r.median if m is not None and r is not None and r.median else None)
        return out[0], out[1]

    def cpu_ratio(self, name: str) -> float | None:
        """CPU-time median ÷ the floor's: what the client itself spends, less sensitive to a busy machine."""
        m, floor = self.entries[name].cpu_median, self.entries.get(FLOOR)
        return m / floor.cpu_median if m is not None and floor is not None and floor.cpu_median else None

    def to_json(self) -> dict[str, Any]:
        res: dict[str, Any] = {"description": self.description, "unit": self.unit, "contenders": {}}
        if self.error:
            res["error"] = self.error
            res["failed_contender"] = self.failed_contender
        if self.notes:
            res["notes"] = self.notes
        for name, e in self.entries.items():
            vs_floor, vs_sdk = self.ratios(name)
            res["contenders"][name] = {
                "available": e.available,
                **({"reason": e.reason} if e.reason else {}),
                "samples": e.samples,
                "median": e.median,
                "min": min(e.samples) if e.samples else None,
                "max": max(e.samples) if e.samples else None,
                "vs_floor": vs_floor,
                "vs_sdk": vs_sdk,
                "cpu_samples": e.cpu,
                "cpu_median": e.cpu_median,
                "cpu_vs_floor": self.cpu_ratio(name),
                **e.extra,
            }
        return res


# ---------------------------------------------------------------------------
# server process
# ---------------------------------------------------------------------------


class Server:
    def __init__(self) -> None:
        self.proc: subprocess.Popen[str] | None = None
        self.port = 0

    def __enter__(self) -> Server:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "bench.server", "--port", "0"],
            cwd=REPO,
            env=_child_env(),
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline()
        if not line.startswith("PORT "):
            self.proc.kill()
            raise RuntimeError(f"bench server did not start: {line!r}")
        self.port = int(line.split()[1])
        return self

    def __exit__(self, *exc: object) -> None:
        if self.proc is not None:
            self.proc.terminate()
            try:
                self.proc.wait(5)
            except subprocess.TimeoutExpired:
                self.proc.kill()

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    def stats(self) -> dict[str, Any]:
        """Requests served since the last call, and the top-level keys of the last POST body."""
        return httpx2.get(f"http://127.0.0.1:{self.port}/_bench/stats").json()


def _child_env() -> dict[str, str]:
    """Environment for subprocesses: bench importable, openai_chat importable from source."""
    env = dict(os.environ)
    paths = [str(REPO)] + [str(p) for p in C.OURS_SRC_PATHS if p.is_dir()]
    if env.get("PYTHONPATH"):
        paths.append(env["PYTHONPATH"])
    env["PYTHONPATH"] = os.pathsep.join(paths)
    return env


# ---------------------------------------------------------------------------
# generic alternating runner
# ---------------------------------------------------------------------------


def _describe_diff(got: Any, want: Any) -> str:
    if isinstance(got, (list, tuple)) and isinstance(want, (list, tuple)):
        if len(got) != len(want):
            return f"length {len(got)} != expected {len(want)}"
        for i, (g, w) in enumerate(zip(got, want, strict=False)):
            if g != w:
                return f"item {i}: " + _describe_diff(g, w)
    if isinstance(got, str) and isinstance(want, str):
        if len(got) != len(want):
            return f"text length {len(got)} != expected {len(want)} (starts {got[:60]!r})"
        i = next(i for i, (a, b) in enumerate(zip(got, want, strict=False)) if a != b)
        return f"text differs at {i}: {got[max(0, i - 20) : i + 20]!r} vs {want[max(0, i - 20) : i + 20]!r}"
    return f"{str(got)[:200]!r} != expected {str(want)[:200]!r}"


def _timed(fn: Callable[[], Any]) -> tuple[Any, float, float]:
    """(result, wall seconds, CPU seconds of this process)."""
    gc.collect()
    c0, t0 = time.process_time(), time.perf_counter()
    out = fn()
    return out, time.perf_counter() - t0, time.process_time() - c0


def run_alternating(
    wl: Workload,
    server: Server,
    calls: dict[str, Callable[[], Any]],
    expected: Any,
    opts: argparse.Namespace,
    requests_per_call: int,
    budget: float,
    warm: dict[str, Callable[[], Any]] | None = None,
    max_reps: int | None = None,
) -> None:
    """Warm up each contender (with `warm`, a smaller call, when given), then time rounds of A, B, C.

    Every timed call is checked: its output and the requests the server saw. Rounds: as many as fit
    in `budget` seconds (judged from the first round), at least --min-reps and at most --reps (or
    `max_reps`, for a short row that can afford more rounds to settle its median); the
    official SDK, the slowest by far and no longer the yardstick, runs only its first --sdk-reps.
    """
    names = [n for n in CONTENDERS if n in calls]
    for name in names:
        out = (warm or calls)[name]()
        if warm is None and out != expected:
            raise Mismatch(f"{wl.name}: {name} output differs: {_describe_diff(out, expected)}", name)
    keys: dict[str, Any] = {}
    most = max_reps or opts.reps
    reps, round_cost, i = most, 0.0, 0
    while i < reps:
        if i >= opts.min_reps and time.perf_counter() + round_cost > opts.deadline:
            wl.notes.append(f"stopped after {i} rounds: whole-run deadline (--max-seconds)")
            break
        for name in names:
            if name == SDK and i >= opts.sdk_reps:
                continue
            server.stats()  # reset the request counter
            out, wall, cpu = _timed(calls[name])
            st = server.stats()
            if out != expected:
                raise Mismatch(f"{wl.name}: {name} output differs: {_describe_diff(out, expected)}", name)
            if st["requests"] != requests_per_call:
                raise Mismatch(
                    f"{wl.name}: {name} made {st['requests']} requests, expected {requests_per_call}", name
                )
            keys[name] = wl.entries[name].extra["request_body_keys"] = st["last_post_keys"]
            wl.entries[name].samples.append(wall)
            wl.entries[name].cpu.append(cpu)
            if i == 0 and name != SDK:
                round_cost += wall
        if i == 0:
            fit = int(budget * opts.budget_scale / round_cost) if round_cost > 0 else most
            reps = max(opts.min_reps, min(most, fit))
            if reps < most:
                wl.notes.append(f"{reps} rounds instead of {most} to stay within the time budget")
        i += 1
    if len({tuple(k or ()) for k in keys.values()}) > 1:
        note = f"request body shapes differ: {keys}"
        wl.notes.append(note)
        print(f"  WARNING {wl.name}: {note}", file=sys.stderr)


_current: list[Workload] = []  # the workload being run, kept when it fails


def _new_workload(name: str, description: str, unit: str = "s") -> Workload:
    wl = Workload(name, description, unit, {n: Entry(n) for n in CONTENDERS})
    _current[:] = [wl]
    return wl


def _mark_unavailable(wl: Workload, name: str, reason: str, require: bool) -> None:
    if require:
        raise Mismatch(f"{wl.name}: {name} not available: {reason}")
    wl.entries[name].available = False
    wl.entries[name].reason = reason


# ---------------------------------------------------------------------------
# workloads
# ---------------------------------------------------------------------------


# What each contender runs, given its client: {"ours": fn(client), "sdk": ..., "raw": ...}.
Runs = dict[str, Callable[[Any], Any]]


def _sync_workload(
    wl: Workload,
    server: Server,
    opts: argparse.Namespace,
    need: str,
    runs: Runs,
    expected: Any,
    requests_per_call: int,
    budget: float,
    warm: Runs | None = None,
) -> Workload:
    """Run a workload of the sync clients, each created once (ours only when it has ``need``)."""
    clients = {"sdk": C.sdk_client(server.base_url), "raw": C.raw_client(server.base_url)}
    ours = _try_ours(wl, opts, lambda: C.ours_client(server.base_url, need=need))
    if ours is not None:
        clients["ours"] = ours

    def bind(fns: Runs) -> dict[str, Callable[[], Any]]:
        return {name: (lambda fn=fns[name], c=c: fn(c)) for name, c in clients.items()}

    try:
        run_alternating(
            wl, server, bind(runs), expected, opts, requests_per_call, budget, bind(warm) if warm else None
        )
    finally:
        _close(*clients.values())
    return wl


def wl_stream(
    server: Server, opts: argparse.Namespace, model: str, name: str, description: str, budget: float
) -> Workload:
    def stream(fn: Callable[[Any, str], Any], m: str) -> Callable[[Any], Any]:
        return lambda client: fn(client, m)

    runs = {"ours": C.ours_stream, "sdk": C.sdk_stream, "raw": C.raw_stream}
    return _sync_workload(
        _new_workload(name, description),
        server,
        opts,
        "chat.stream",
        {k: stream(fn, model) for k, fn in runs.items()},
        C.expected_stream_output(model),
        1,
        budget,
        warm={k: stream(fn, data.SMALL_MODEL) for k, fn in runs.items()},
    )


def wl_create(server: Server, opts: argparse.Namespace) -> Workload:
    def creates(fn: Callable[[Any, int], Any], n: int) -> Callable[[Any], Any]:
        return lambda client: fn(client, n)

    runs = {"ours": C.ours_creates, "sdk": C.sdk_creates, "raw": C.raw_creates}
    return _sync_workload(
        _new_workload("create-2000", f"{CREATES} sequential non-streaming creates"),
        server,
        opts,
        "chat.create",
        {k: creates(fn, CREATES) for k, fn in runs.items()},
        [data.CREATE_TEXT] * CREATES,
        CREATES,
        BUDGET["create"],
        warm={k: creates(fn, 50) for k, fn in runs.items()},
    )


def wl_list(server: Server, opts: argparse.Namespace) -> Workload:
    def first_page(fn: Callable[..., Any]) -> Callable[[Any], Any]:
        return lambda client: fn(client, data.LIST_PAGE)

    runs = {"ours": C.ours_list, "sdk": C.sdk_list, "raw": C.raw_list}
    return _sync_workload(
        _new_workload(
            "list-10000", f"list {data.LIST_TOTAL} stored completions, auto-paging by {data.LIST_PAGE}"
        ),
        server,
        opts,
        "chat.completions.list",
        runs,
        data.list_ids(),
        data.LIST_TOTAL // data.LIST_PAGE,
        BUDGET["list"],
        warm={k: first_page(fn) for k, fn in runs.items()},
    )


def wl_decode(server: Server, opts: argparse.Namespace) -> Workload:
    """Pure CPU, no network: the content and tool-call stream bodies, as byte pieces, to the final answer."""
    bodies = [data.sse_body(m) for m in (data.CONTENT_MODEL, data.TOOLS_MODEL)]
    pieces = [[b[i : i + DECODE_PIECE] for i in range(0, len(b), DECODE_PIECE)] for b in bodies]
    size = sum(map(len, bodies))
    wl = _new_workload(
        "decode",
        f"no network: decode + accumulate {size / 1e6:.1f} MB of SSE (the two stream bodies above, "
        f"{DECODE_PIECE // 1024} KiB pieces) to the final answers",
    )
    _mark_unavailable(wl, "sdk", "no public decode-only API", False)
    calls: dict[str, Callable[[], Any]] = {"raw": lambda: [C.raw_decode(p) for p in pieces]}
    try:
        ours = C.import_ours()
        if not hasattr(ours, "accumulate_sse"):
            raise C.Unavailable("openai_chat.accumulate_sse not available yet")
        calls["ours"] = lambda: [C.ours_decode(p) for p in pieces]
    except C.Unavailable as e:
        _mark_unavailable(wl, "ours", str(e), opts.require_ours)
    expected = [C.expected_stream_output(m) for m in (data.CONTENT_MODEL, data.TOOLS_MODEL)]
    # Short rounds, so more of them: a busy neighbour on the other core shows as a few slow rounds.
    run_alternating(wl, server, calls, expected, opts, 0, BUDGET["decode"], max_reps=3 * opts.reps)
    return wl


def wl_concurrent(server: Server, opts: argparse.Namespace) -> Workload:
    model = data.SMALL_MODEL
    wl = _new_workload(
        f"async-{CONCURRENT}x{data.SMALL_CHUNKS}",
        f"{CONCURRENT} concurrent streams of {data.SMALL_CHUNKS} chunks, async clients",
    )
    loop = asyncio.new_event_loop()
    clients = {"sdk": C.sdk_async_client(server.base_url), "raw": C.raw_async_client(server.base_url)}
    ours = _try_ours(wl, opts, lambda: C.ours_async_client(server.base_url, need="chat.stream"))
    if ours is not None:
        clients["ours"] = ours
    runs = {"ours": C.ours_astream, "sdk": C.sdk_astream, "raw": C.raw_astream}

    def batches(n: int) -> dict[str, Callable[[], Any]]:
        def batch(one: Callable[[Any, str], Any], client: Any) -> Callable[[], Any]:
            async def many() -> list[Any]:
                return list(await asyncio.gather(*(one(client, model) for _ in range(n))))

            return lambda: loop.run_until_complete(many())

        return {name: batch(runs[name], c) for name, c in clients.items()}

    try:
        run_alternating(
            wl,
            server,
            batches(CONCURRENT),
            [C.expected_stream_output(model)] * CONCURRENT,
            opts,
            CONCURRENT,
            BUDGET["async"],
            warm=batches(20),
        )
    finally:

        async def aclose() -> None:
            for c in clients.values():
                fn = getattr(c, "aclose", None) or getattr(c, "close", None)
                if fn is not None:
                    r = fn()
                    if asyncio.iscoroutine(r):
                        await r

        loop.run_until_complete(aclose())
        loop.close()
    return wl


IMPORT_MODULES = {"ours": "openai_chat", "sdk": "openai", "raw": "httpx2"}


def _import_time_us(module: str) -> int:
    """Cumulative -X importtime of `module` in a fresh interpreter (microseconds)."""
    p = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", f"import {module}"],
        cwd="/",  # so that the checkout itself is not on sys.path[0]
        env=_child_env(),
        capture_output=True,
        text=True,
    )
    if p.returncode != 0:
        raise Mismatch(f"import {module} failed: {p.stderr.strip().splitlines()[-1:]}")
    for line in p.stderr.splitlines():
        if not line.startswith("import time:"):
            continue
        parts = line[len("import time:") :].split("|")
        if len(parts) == 3 and parts[2].rstrip() == f" {module}":  # top level: one space, no indent
            return int(parts[1])
    raise Mismatch(f"no importtime line for top-level {module!r}")


def _fresh_names(wl: Workload, opts: argparse.Namespace) -> list[str]:
    """The contenders of a fresh-interpreter row (ours once its Client exists; a stub's cost means nothing)."""
    names = ["sdk", "raw"]
    try:
        mod = C.import_ours()
        if not hasattr(mod, "Client"):
            raise C.Unavailable("openai_chat.Client not available yet")
        names.insert(0, "ours")
    except C.Unavailable as e:
        _mark_unavailable(wl, "ours", str(e), opts.require_ours)
    return names


@contextlib.contextmanager
def _bytecode_written() -> Iterator[None]:
    """Children started inside write their .pyc files even when PYTHONDONTWRITEBYTECODE is set, so the
    rounds after the warm-up read compiled modules, as users of an installed package do (an install
    byte-compiles it). Without this, a checkout run under that variable recompiles every module of ours
    in every round while the floor's installed packages load compiled."""
    saved = os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    try:
        yield
    finally:
        if saved is not None:
            os.environ["PYTHONDONTWRITEBYTECODE"] = saved


def _fresh_rounds(
    wl: Workload, opts: argparse.Namespace, measure: Callable[[str], tuple[float, float | None]]
) -> None:
    """A warm-up (byte-compile caches) then --import-reps rounds, each in fresh interpreters."""
    names = _fresh_names(wl, opts)
    with _bytecode_written():
        for name in names:
            measure(name)
    for i in range(opts.import_reps):
        for name in names:
            if name == SDK and i >= opts.sdk_reps:
                continue
            wall, cpu = measure(name)
            wl.entries[name].samples.append(wall)
            if cpu is not None:
                wl.entries[name].cpu.append(cpu)


def wl_import(server: Server, opts: argparse.Namespace) -> Workload:
    wl = _new_workload(
        "import", "python -X importtime -c 'import PKG', cumulative, fresh interpreter (raw: httpx2)"
    )
    _fresh_rounds(wl, opts, lambda name: (_import_time_us(IMPORT_MODULES[name]) / 1e6, None))
    return wl


# A fresh interpreter's way to its first answer: import, build a client, one create, the text.
FIRST_ANSWER = {
    "ours": "import openai_chat\n"
    "c = openai_chat.Client(api_key='x', base_url=URL, max_retries=0)\n"
    "text = c.chat.create(model=MODEL, messages=MESSAGES).text",
    "sdk": "import openai\n"
    "c = openai.OpenAI(api_key='x', base_url=URL, max_retries=0)\n"
    "text = c.chat.completions.create(model=MODEL, messages=MESSAGES).choices[0].message.content",
    "raw": "import json, httpx2\n"
    "c = httpx2.Client(base_url=URL, headers={'Authorization': 'Bearer x'})\n"
    "r = c.post('/chat/completions', json={'model': MODEL, 'messages': MESSAGES})\n"
    "r.raise_for_status()\n"
    "text = json.loads(r.content)['choices'][0]['message']['content']",
}


def _first_answer(name: str, base_url: str) -> tuple[float, float]:
    """(wall, CPU) seconds from the first import to the first answer's text, in a fresh interpreter."""
    code = (
        "import time\n_t0, _c0 = time.perf_counter(), time.process_time()\n"
        f"URL, MODEL, MESSAGES = {base_url!r}, {data.CREATE_MODEL!r}, {data.MESSAGES!r}\n"
        f"{FIRST_ANSWER[name]}\n"
        "print(time.perf_counter() - _t0, time.process_time() - _c0, repr(text))"
    )
    p = subprocess.run(
        [sys.executable, "-c", code], cwd="/", env=_child_env(), capture_output=True, text=True
    )
    if p.returncode != 0:
        raise Mismatch(f"first-answer {name} failed: {p.stderr.strip().splitlines()[-1:]}", name)
    wall, cpu, text = p.stdout.strip().splitlines()[-1].split(" ", 2)
    if text != repr(data.CREATE_TEXT):
        raise Mismatch(f"first-answer: {name} answered {text[:80]}", name)
    return float(wall), float(cpu)


def wl_first_answer(server: Server, opts: argparse.Namespace) -> Workload:
    wl = _new_workload(
        "first-answer", "fresh interpreter: import, build a client, one create, its text (lazy loads count)"
    )
    _fresh_rounds(wl, opts, lambda name: _first_answer(name, server.base_url))
    return wl


def wl_memory(server: Server, opts: argparse.Namespace) -> Workload:
    wl = _new_workload(
        "memory-10MB",
        f"peak traced memory / answer size, accumulating a {data.BIG_ANSWER_BYTES // 2**20} MiB streamed answer "
        f"({data.BIG_ANSWER_BYTES // data.BIG_CHUNK_CHARS} chunks), fresh subprocess each",
        unit="x answer",
    )
    want = hashlib.sha256(data.expected_text(data.BIG_MODEL).encode()).hexdigest()
    available = list(CONTENDERS)
    for _ in range(opts.memory_reps):
        for name in list(available):
            for mode in ("tracemalloc", "rss"):
                p = subprocess.run(
                    [sys.executable, "-m", "bench.memchild", name, server.base_url, mode],
                    cwd=REPO,
                    env=_child_env(),
                    capture_output=True,
                    text=True,
                )
                if p.returncode == 3:
                    _mark_unavailable(wl, name, json.loads(p.stdout)["unavailable"], opts.require_ours)
                    available.remove(name)
                    break
                if p.returncode != 0:
                    raise Mismatch(f"memory child {name}/{mode} failed:\n{p.stderr[-2000:]}", name)
                res = json.loads(p.stdout.strip().splitlines()[-1])
                if res["sha256"] != want or res["answer_bytes"] != data.BIG_ANSWER_BYTES:
                    raise Mismatch(
                        f"{wl.name}: {name} accumulated a different answer ({res['answer_bytes']} bytes)",
                        name,
                    )
                e = wl.entries[name]
                if mode == "tracemalloc":
                    e.samples.append(res["tracemalloc_peak"] / res["answer_bytes"])
                    e.extra.setdefault("tracemalloc_peak_bytes", []).append(res["tracemalloc_peak"])
                    e.extra.setdefault("seconds_under_tracemalloc", []).append(res["seconds"])
                else:
                    e.extra.setdefault("maxrss_delta_bytes", []).append(res["maxrss_delta"])
                    e.extra.setdefault("maxrss_delta_per_answer", []).append(
                        res["maxrss_delta"] / res["answer_bytes"]
                    )
                    e.extra.setdefault("seconds", []).append(res["seconds"])
    for e in wl.entries.values():
        e.extra["answer_bytes"] = data.BIG_ANSWER_BYTES
    return wl


WORKLOADS: dict[str, Callable[[Server, argparse.Namespace], Workload]] = {
    "decode": wl_decode,
    "stream-content": lambda s, o: wl_stream(
        s,
        o,
        data.CONTENT_MODEL,
        "stream-content",
        f"stream {data.CONTENT_CHUNKS} content chunks -> final completion",
        BUDGET["stream-content"],
    ),
    "stream-tools": lambda s, o: wl_stream(
        s,
        o,
        data.TOOLS_MODEL,
        "stream-tools",
        f"stream {data.TOOL_CALLS} parallel tool calls, {len(data.stream_events(data.TOOLS_MODEL))} chunks -> final",
        BUDGET["stream-tools"],
    ),
    "create": wl_create,
    "list": wl_list,
    "async": wl_concurrent,
    "import": wl_import,
    "first-answer": wl_first_answer,
    "memory": wl_memory,
}


def _try_ours(wl: Workload, opts: argparse.Namespace, make: Callable[[], Any]) -> Any:
    if opts.skip_ours:
        _mark_unavailable(wl, "ours", "skipped (--skip-ours)", False)
        return None
    try:
        return make()
    except C.Unavailable as e:
        _mark_unavailable(wl, "ours", str(e), opts.require_ours)
        return None


def _close(*clients: Any) -> None:
    for c in clients:
        fn = getattr(c, "close", None)
        if fn is not None:
            fn()


# ---------------------------------------------------------------------------
# output
# ---------------------------------------------------------------------------


def _fmt_ratio(r: float | None) -> str:
    return f"{r:.2f}x" if r is not None else "-"


def print_table(workloads: list[Workload]) -> None:
    head = (
        "workload",
        "contender",
        "median",
        "min-max",
        "unit",
        "vs floor",
        "vs SDK",
        "cpu",
        "cpu vs floor",
        "n",
    )
    blank = ("",) * (len(head) - 3)
    rows = []
    for wl in workloads:
        for name, e in wl.entries.items():
            if not e.available:
                rows.append((wl.name, name, "not available", *blank[:-1], e.reason))
                continue
            if wl.error:
                culprit = wl.failed_contender in (name, None)
                rows.append(
                    (wl.name, name, "FAILED" if culprit else "-", *blank[:-1], "see below" if culprit else "")
                )
                continue
            if e.median is None:
                rows.append((wl.name, name, "-", *blank))
                continue
            vs_floor, vs_sdk = wl.ratios(name)
            rows.append(
                (
                    wl.name,
                    name,
                    f"{e.median:.4f}",
                    f"{min(e.samples):.4f}-{max(e.samples):.4f}",
                    wl.unit,
                    _fmt_ratio(vs_floor),
                    _fmt_ratio(vs_sdk),
                    f"{e.cpu_median:.4f}" if e.cpu_median is not None else "-",
                    _fmt_ratio(wl.cpu_ratio(name)),
                    str(len(e.samples)),
                )
            )
    widths = [max(len(str(r[i])) for r in [head, *rows]) for i in range(len(head) - 1)]
    line = "  ".join(h.ljust(w) for h, w in zip(head, widths, strict=False)) + "  " + head[-1]
    print(line)
    print("-" * len(line))
    prev = None
    for r in rows:
        if prev is not None and r[0] != prev:
            print()
        prev = r[0]
        print("  ".join(str(c).ljust(w) for c, w in zip(r, widths, strict=False)) + "  " + r[-1])


def _versions() -> dict[str, Any]:
    import openai

    out = {"openai": openai.__version__, "httpx2": httpx2.__version__}
    try:
        mod = C.import_ours()
        out["openai_chat"] = getattr(mod, "__version__", "unknown")
    except C.Unavailable:
        out["openai_chat"] = None
    return out


# ---------------------------------------------------------------------------
# main
# ---------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n")[0])
    ap.add_argument("--reps", type=int, default=5, help="timed rounds per workload (default 5)")
    ap.add_argument(
        "--min-reps", type=int, default=3, help="fewest timed rounds under the time budget (default 3)"
    )
    ap.add_argument("--budget-scale", type=float, default=1.0, help="scale the per-workload time budgets")
    ap.add_argument(
        "--import-reps", type=int, default=5, help="fresh-interpreter imports per contender (default 5)"
    )
    ap.add_argument("--memory-reps", type=int, default=1, help="memory subprocesses per contender and mode")
    ap.add_argument(
        "--sdk-reps", type=int, default=1, help="timed rounds of the official SDK per row (default 1)"
    )
    ap.add_argument(
        "--max-seconds", type=float, default=150.0, help="stop extra rounds past this (default 150)"
    )
    ap.add_argument("--only", default="", help=f"comma-separated subset of: {','.join(WORKLOADS)}")
    ap.add_argument("--skip-ours", action="store_true", default=os.environ.get("BENCH_SKIP_OURS") == "1")
    ap.add_argument(
        "--require-ours", action="store_true", default=os.environ.get("BENCH_REQUIRE_OURS") == "1"
    )
    ap.add_argument("--json", default=str(REPO / "build" / "bench.json"), help="where to write the figures")
    opts = ap.parse_args(argv)

    selected = [w.strip() for w in opts.only.split(",") if w.strip()] or list(WORKLOADS)
    unknown = set(selected) - set(WORKLOADS)
    if unknown:
        ap.error(f"unknown workload(s): {', '.join(sorted(unknown))}")

    load_before = os.getloadavg()
    started = time.perf_counter()
    opts.deadline = started + opts.max_seconds
    results: list[Workload] = []
    failures: list[str] = []
    with Server() as server:
        for key in selected:
            t0 = time.perf_counter()
            print(f"[bench] {key} ...", file=sys.stderr, flush=True)
            _current.clear()
            try:
                wl = WORKLOADS[key](server, opts)
            except Exception as e:  # noqa: BLE001 - report every workload, fail at the end
                wl = _current[0] if _current else _new_workload(key, "failed")
                wl.error = f"{key}: {type(e).__name__}: {e}"
                wl.failed_contender = getattr(e, "contender", None)
                failures.append(wl.error)
                traceback.print_exc()
            results.append(wl)
            print(f"[bench] {key} done in {time.perf_counter() - t0:.1f}s", file=sys.stderr, flush=True)
    elapsed = time.perf_counter() - started

    print()
    print_table(results)
    print(
        f"\nfloor = raw httpx2 + json.loads; up to {opts.reps} timed rounds (import: {opts.import_reps}; "
        f"official SDK: {opts.sdk_reps}); cpu = CPU seconds of the client process; total {elapsed:.1f}s; "
        f"load average {load_before[0]:.1f} before, {os.getloadavg()[0]:.1f} after"
    )

    report = {
        "date": _dt.datetime.now(_dt.UTC).isoformat(timespec="seconds"),
        "python": sys.version,
        "implementation": platform.python_implementation(),
        "platform": platform.platform(),
        "cpu_count": os.cpu_count(),
        "versions": _versions(),
        "max_reps": opts.reps,
        "min_reps": opts.min_reps,
        "import_reps": opts.import_reps,
        "sdk_reps": opts.sdk_reps,
        "load_average_before": load_before,
        "load_average_after": os.getloadavg(),
        "memory_reps": opts.memory_reps,
        "elapsed_seconds": elapsed,
        "failures": failures,
        "workloads": {wl.name: wl.to_json() for wl in results},
    }
    out = Path(opts.json)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(report, indent=2) + "\n")
    print(f"figures written to {out}")

    if failures:
        print("\n" + "!" * 72, file=sys.stderr)
        print("BENCH FAILED:", file=sys.stderr)
        for f in failures:
            print(f"  - {f}", file=sys.stderr)
        print("!" * 72, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
