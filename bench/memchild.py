"""Peak memory of one contender accumulating the ~10 MB streamed answer.

Run in a fresh interpreter by the harness:
    python -m bench.memchild CONTENDER BASE_URL MODE      (MODE: tracemalloc | rss)
Prints one JSON line. Exit code 3 means the contender is not available.
"""

from __future__ import annotations

import gc
import hashlib
import json
import resource
import sys
import time
import tracemalloc
from collections.abc import Callable

from bench import contenders as C
from bench import data


def _maxrss_bytes() -> int:
    r = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return r if sys.platform == "darwin" else r * 1024


def _status_kb(key: str) -> int:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith(key + ":"):
                return int(line.split()[1]) * 1024
    raise KeyError(key)


def _reset_peak_rss() -> bool:
    """Reset the peak-RSS mark (Linux: clear_refs 5), so that the peak of the run is not
    hidden by an earlier one (imports); False where that is not possible."""
    try:
        with open("/proc/self/clear_refs", "w") as f:
            f.write("5")
        return True
    except OSError:
        return False


def _rss_window() -> tuple[int, Callable[[], int]]:
    """(RSS now, function giving the peak RSS since now)."""
    if _reset_peak_rss():
        return _status_kb("VmRSS"), lambda: _status_kb("VmHWM")
    return _maxrss_bytes(), _maxrss_bytes


def main() -> int:
    name, base_url, mode = sys.argv[1:4]
    model = data.BIG_MODEL
    try:
        if name == "ours":
            client = C.ours_client(base_url, need="chat.stream")
            run = C.ours_stream
        elif name == "sdk":
            client = C.sdk_client(base_url)
            run = C.sdk_stream
        elif name == "raw":
            client = C.raw_client(base_url)
            run = C.raw_stream
        else:
            raise SystemExit(f"unknown contender {name}")
    except C.Unavailable as e:
        print(json.dumps({"unavailable": str(e)}))
        return 3

    gc.collect()
    if mode == "tracemalloc":
        tracemalloc.start()
    rss0, peak_rss = _rss_window()
    t0 = time.perf_counter()
    content, calls, _ = run(client, model)
    seconds = time.perf_counter() - t0
    rss1 = peak_rss()
    peak = tracemalloc.get_traced_memory()[1] if mode == "tracemalloc" else None
    if mode == "tracemalloc":
        tracemalloc.stop()
    answer = content.encode()
    print(
        json.dumps(
            {
                "mode": mode,
                "seconds": seconds,
                "tracemalloc_peak": peak,
                "maxrss_delta": rss1 - rss0,  # peak RSS during the run minus RSS before it
                "answer_bytes": len(answer),
                "sha256": hashlib.sha256(answer).hexdigest(),
                "tool_calls": len(calls),
            }
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
