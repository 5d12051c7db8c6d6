"""The local model server launcher: readiness, a real completion, and cleanup on exit."""

from __future__ import annotations

import subprocess

import httpx2
import pytest
from openai_chat.local import LocalServer, LocalServerError, ensure_model

pytestmark = pytest.mark.usefixtures("local_extra")


def _assert_stopped(proc: subprocess.Popen[bytes], base_url: str) -> None:
    assert proc.poll() is not None, "server process still running"
    with pytest.raises(httpx2.TransportError):
        httpx2.get(f"{base_url}/models", timeout=2.0)


def test_models_endpoint_answers(local_server: LocalServer) -> None:
    assert local_server.base_url.startswith("http://127.0.0.1:")
    assert local_server.base_url.endswith("/v1")
    resp = httpx2.get(f"{local_server.base_url}/models", timeout=10.0)
    assert resp.status_code == 200
    assert [m["id"] for m in resp.json()["data"]] == [local_server.model]


def test_chat_completion_runs(local_server: LocalServer) -> None:
    body = {
        "model": local_server.model,
        "messages": [{"role": "user", "content": "Say hi."}],
        "max_tokens": 2,
        "temperature": 0,
    }
    resp = httpx2.post(f"{local_server.base_url}/chat/completions", json=body, timeout=120.0)
    assert resp.status_code == 200, resp.text
    data = resp.json()
    assert data["object"] == "chat.completion"
    assert data["choices"][0]["finish_reason"] == "length"
    assert data["usage"]["completion_tokens"] == 2


def test_ensure_model_is_idempotent() -> None:
    first = ensure_model()
    assert first.is_file() and first.suffix == ".gguf"
    assert ensure_model() == first


def test_stops_on_exit() -> None:
    with LocalServer() as srv:
        proc, base_url = srv.process, srv.base_url
        assert proc is not None and proc.poll() is None
    _assert_stopped(proc, base_url)
    assert srv.process is None
    assert srv.log_path is not None and not srv.log_path.exists(), "own log kept after a clean stop"


def test_stops_after_exception_in_block() -> None:
    with pytest.raises(RuntimeError, match="boom"):
        with LocalServer() as srv:
            proc, base_url = srv.process, srv.base_url
            raise RuntimeError("boom")
    assert proc is not None
    _assert_stopped(proc, base_url)


def test_startup_failure_includes_log_tail(tmp_path) -> None:
    bogus = tmp_path / "not-a-model.gguf"
    bogus.write_bytes(b"this is not a gguf file")
    with pytest.raises(LocalServerError, match="during startup") as info:
        LocalServer(bogus, log_path=tmp_path / "server.log", startup_timeout=60).start()
    assert "log " in str(info.value) and "llama_cpp.server" in str(info.value)


def test_failure_keeps_the_log_it_points_at(tmp_path) -> None:
    bogus = tmp_path / "not-a-model.gguf"
    bogus.write_bytes(b"this is not a gguf file")
    srv = LocalServer(bogus, startup_timeout=60)
    with pytest.raises(LocalServerError) as info:
        srv.start()
    assert srv.log_path is not None and srv.log_path.exists()
    assert str(srv.log_path) in str(info.value)
    srv.log_path.unlink()


def test_missing_model_file_is_reported(tmp_path) -> None:
    with pytest.raises(LocalServerError, match="model file not found"):
        LocalServer(tmp_path / "missing.gguf").start()
