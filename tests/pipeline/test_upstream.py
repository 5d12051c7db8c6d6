"""OpenAI's whole published document prepares and generates into a package that passes our round trips,
syncs into exactly our openapi.yaml, and judges requests in the contract tests.

This is the proof that the preparation and sync rules are general: nothing in them names one of our schemas,
so the upstream document, with all its other endpoints and its own wording, must give the same classes.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.append(str(ROOT / "tests"))

from openapi_contract import ContractError, validate_request  # noqa: E402

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


@pytest.fixture(scope="module")
def synced(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    tmp = tmp_path_factory.mktemp("sync")
    spec = tmp / "openapi.yaml"
    spec.write_bytes((ROOT / "openapi.yaml").read_bytes())
    paths = {"spec": spec, "package": tmp / "gen" / "openai_chat_api", "report": tmp / "spec-changes.md"}
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "sync_spec.py"), str(REFERENCE), "--spec", str(spec)]
        + ["--out", str(paths["package"]), "--report", str(paths["report"])],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-4000:]
    return paths


def test_syncing_the_reference_changes_nothing(synced: dict[str, Path]):
    """openapi.yaml is what `make sync-spec` writes from the reference: every deliberate difference is an
    override or a general rule, so the spec, the package and the report show no change."""
    assert "No API changes." in synced["report"].read_text(encoding="utf-8")
    assert synced["spec"].read_text(encoding="utf-8") == (ROOT / "openapi.yaml").read_text(encoding="utf-8")
    ours = ROOT / "generated" / "openai_chat_api"
    files = sorted(
        p.relative_to(ours) for p in ours.rglob("*") if p.is_file() and "__pycache__" not in p.parts
    )
    assert files == sorted(
        p.relative_to(synced["package"])
        for p in synced["package"].rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    )
    for name in files:
        assert (synced["package"] / name).read_bytes() == (ours / name).read_bytes(), name


def test_the_contract_judge_reads_the_reference_too():
    body = {"model": "m", "messages": [{"role": "user", "content": "Hi"}], "max_tokens": None, "stop": None}
    validate_request("post", "/chat/completions", body, spec_path=REFERENCE)
    validate_request(
        "get", "/chat/completions", query={"metadata": {"a": "b"}, "limit": 3}, spec_path=REFERENCE
    )
    with pytest.raises(ContractError, match="temperature|not valid"):
        validate_request("post", "/chat/completions", {**body, "temperature": 5}, spec_path=REFERENCE)
    with pytest.raises(ContractError):
        validate_request(
            "post", "/chat/completions", {**body, "messages": [{"role": "user"}]}, spec_path=REFERENCE
        )
