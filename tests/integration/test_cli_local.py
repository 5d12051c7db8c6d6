"""The installed ``openai-chat`` command against the real local model server."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.integration


def openai_chat(server: Any, *argv: str) -> subprocess.CompletedProcess[str]:
    """Run the console script of this environment (``python -m openai_chat`` when it is not on PATH)."""
    script = shutil.which("openai-chat", path=str(Path(sys.executable).parent))
    command = [script] if script else [sys.executable, "-m", "openai_chat"]
    env = {k: v for k, v in os.environ.items() if not k.startswith("OPENAI_")}
    return subprocess.run(
        [*command, "--base-url", server.base_url, "--api-key", "sk-local", "--max-retries", "0", *argv],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


def test_chat_streams_an_answer(local_server: Any) -> None:
    done = openai_chat(local_server, "chat", "Say hi", "--model", local_server.model, "--max-tokens", "8")
    assert done.returncode == 0, done.stderr
    assert done.stdout.endswith("\n") and done.stdout.strip()
    assert "Traceback" not in done.stderr


def test_chat_json_prints_the_completion(local_server: Any) -> None:
    done = openai_chat(
        local_server, "chat", "Say hi", "--model", local_server.model, "--max-tokens", "4", "--json"
    )
    assert done.returncode == 0, done.stderr
    body = json.loads(done.stdout)
    assert body["object"] == "chat.completion"
    assert body["choices"][0]["message"]["role"] == "assistant"
    assert body["usage"]["completion_tokens"] <= 4
