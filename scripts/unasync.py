"""Write the sync façade from the async one, so each I/O loop is written once.

    python scripts/unasync.py            rewrite generated/openai_chat_sync/ from facade/openai_chat/_async/
    python scripts/unasync.py --check    fail with a diff if it would change

Each module of ``openai_chat._async`` becomes the module of the same name in ``openai_chat._sync``
(installed from ``generated/openai_chat_sync``) by plain token rules: ``async def`` → ``def``,
``await x`` → ``x``, ``async for/with`` → ``for/with``, the async dunder and stream method names, and
the async class names → their sync names. A few whole statements that have no mechanical sync form
are listed in ``EXACT``. The output is formatted with the pinned ruff, like the generated client.
"""

from __future__ import annotations

import argparse
import difflib
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "facade" / "openai_chat" / "_async"
TARGET = ROOT / "generated" / "openai_chat_sync"

# statements whose sync form is not a token-by-token rewrite (applied first, on the async text)
EXACT = {
    "list(await asyncio.gather(*(arun_one(call) for call in step.calls)))": "[run_one(call) for call in step.calls]",
    "is_async=True": "is_async=False",
    "await asyncio.sleep(": "time.sleep(",
    "from .._tool_loop import Ask, ToolRunCompletion, arun_one, start": (
        "from .._tool_loop import Ask, ToolRunCompletion, run_one, start"
    ),
}
# async name -> sync name, whole words, longest first
NAMES = {
    "AsyncChatStream": "ChatStream",
    "AsyncCompletions": "Completions",
    "AsyncChat": "Chat",
    "AsyncClient": "Client",
    "AsyncPager": "SyncPager",
    "AsyncSender": "SyncSender",
    "AsyncIterator": "Iterator",
    "AsyncIterable": "Iterable",
    "AsyncGenerator": "Generator",
    "StopAsyncIteration": "StopIteration",
    "__aenter__": "__enter__",
    "__aexit__": "__exit__",
    "__aiter__": "__iter__",
    "__anext__": "__next__",
    "aclose": "close",
    "aread": "read",
    "aiter_bytes": "iter_bytes",
    "aiter_raw": "iter_raw",
    "aiter_chunk_dicts": "iter_chunk_dicts",
    "arun_tools": "run_tools",
    "asyncio_detailed": "sync_detailed",
}
_NAMES = re.compile(r"\b(" + "|".join(sorted(NAMES, key=len, reverse=True)) + r")\b")
_AWAITABLE = re.compile(r"\bAwaitable\[(\w+)\]")
HEADER = "# Generated from facade/openai_chat/_async/{name} by scripts/unasync.py: edit that file, then `make generate`.\n"


def unasync(text: str) -> str:
    for old, new in EXACT.items():
        text = text.replace(old, new)
    text = re.sub(r"\basync def\b", "def", text)
    text = re.sub(r"\basync (with|for)\b", r"\1", text)
    text = re.sub(r"\bawait ", "", text)
    text = _AWAITABLE.sub(r"\1", text)
    text = text.replace("an :class:`Async", "a :class:`Async")
    return _NAMES.sub(lambda m: NAMES[m.group(1)], text)


def render(dest: Path) -> None:
    """Write the sync package for the current async sources into ``dest`` (created fresh)."""
    dest.mkdir(parents=True, exist_ok=True)
    (dest / "__init__.py").write_text(
        '"""The sync façade, generated from ``openai_chat._async`` by scripts/unasync.py."""\n',
        encoding="utf-8",
    )
    for source in sorted(SOURCE.glob("*.py")):
        if source.name == "__init__.py":
            continue
        (dest / source.name).write_text(
            HEADER.format(name=source.name) + unasync(source.read_text("utf-8")), "utf-8"
        )
    ruff = str(Path(sys.executable).parent / "ruff")
    env = {**os.environ, "RUFF_NO_CACHE": "true"}
    config = ["--config", str(ROOT / "pyproject.toml")]
    for cmd in (
        [ruff, "check", *config, "--fix-only", "--quiet", "--select", "F401,F811,I", "."],
        [ruff, "format", *config, "--quiet", "."],
    ):
        subprocess.run(cmd, cwd=dest, env=env, check=True, capture_output=True, timeout=120)


def _files(root: Path) -> dict[str, str]:
    return {p.name: p.read_text("utf-8") for p in sorted(root.glob("*.py"))} if root.is_dir() else {}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / "openai_chat_sync"
        render(fresh)
        want, have = _files(fresh), _files(TARGET)
        if args.check:
            if want == have:
                print("generated/openai_chat_sync is up to date with facade/openai_chat/_async")
                return 0
            for name in sorted(set(want) | set(have)):
                if want.get(name) != have.get(name):
                    sys.stdout.writelines(
                        difflib.unified_diff(
                            have.get(name, "").splitlines(keepends=True),
                            want.get(name, "").splitlines(keepends=True),
                            f"committed/{name}",
                            f"regenerated/{name}",
                        )
                    )
            print(
                "\ngenerated/openai_chat_sync differs from the async sources: run `make generate`",
                file=sys.stderr,
            )
            return 1
        TARGET.mkdir(parents=True, exist_ok=True)
        for stale in set(have) - set(want):
            (TARGET / stale).unlink()
        for name, text in want.items():
            if have.get(name) != text:
                (TARGET / name).write_text(text, "utf-8")
    print("generated/openai_chat_sync from facade/openai_chat/_async")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
