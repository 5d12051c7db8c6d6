"""OpenAI's whole published document prepares and generates into a package that passes our round trips.

This is the proof that the preparation rules are general: nothing in them names one of our schemas, so the
upstream document, with all its other endpoints and its own wording, must give the same classes.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
REFERENCE = ROOT.parent / "shared" / "reference" / "openai-openapi-2.3.0.yaml"
OPERATIONS = (
    "create_chat_completion",
    "list_chat_completions",
    "get_chat_completion",
    "update_chat_completion",
    "delete_chat_completion",
    "get_chat_completion_messages",
)

pytestmark = pytest.mark.skipif(not REFERENCE.is_file(), reason=f"reference document absent: {REFERENCE}")


@pytest.fixture(scope="module")
def upstream_package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    package = tmp_path_factory.mktemp("upstream") / "openai_chat_api"
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "scripts" / "generate.py"),
            "--spec",
            str(REFERENCE),
            "--out",
            str(package),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-4000:]
    return package


def test_all_six_operations_are_generated(upstream_package: Path):
    chat = upstream_package / "api" / "chat"
    assert sorted(p.stem for p in chat.glob("*.py") if p.stem != "__init__") == sorted(OPERATIONS)


def test_round_trips_pass_against_the_upstream_package(upstream_package: Path):
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(
            filter(None, [str(upstream_package.parent), os.environ.get("PYTHONPATH")])
        ),
        "OPENAI_CHAT_API_UNDER_TEST": str(upstream_package),
    }
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "tests/unit/test_models_roundtrip.py",
            "-p",
            "no:cacheprovider",
            "-q",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]
    assert " passed" in result.stdout and "skipped" not in result.stdout
