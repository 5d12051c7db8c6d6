"""The README's example, run as written against the local stack (only OPENAI_BASE_URL points at it)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from openai_chat.local import LocalServer

README = Path(__file__).resolve().parents[2] / "README.md"


def readme_example() -> str:
    text = README.read_text(encoding="utf-8")
    usage = text[text.index("## Using it") :]
    match = re.search(r"```python\n(.*?)```", usage, re.DOTALL)
    assert match, "README: no python example under 'Using it'"
    return match.group(1)


def test_the_readme_example_runs_as_written(local_server: LocalServer, tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("OPENAI_")}
    env["OPENAI_BASE_URL"] = local_server.base_url
    done = subprocess.run(
        [sys.executable, "-c", readme_example()],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=280,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    # the stored completion's id is listed, then the generated layer reads it back
    assert re.search(r"chatcmpl-[\w-]+\n200 CreateChatCompletionResponse\(", done.stdout), done.stdout[-2000:]
