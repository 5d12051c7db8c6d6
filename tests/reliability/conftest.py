"""Fixtures for reliability tests: a fresh fault server per test, and a port nobody listens on."""

from __future__ import annotations

import socket
from collections.abc import Iterator

import pytest

from .faultserver import FaultServer


@pytest.fixture
def fault_server() -> Iterator[FaultServer]:
    """A running FaultServer with an empty script; fails the test on server-side errors or a stuck thread.

    Unexpected requests (script exhausted with `repeat_last=False`) and handler crashes land in
    `server.errors`; a test that provokes them on purpose clears that list.
    """
    server = FaultServer().start()
    try:
        yield server
    finally:
        stopped = server.stop()
    if server.errors:
        pytest.fail(f"fault server recorded errors: {server.errors!r}")
    if not stopped:
        pytest.fail("fault server thread did not stop")


@pytest.fixture
def refused_url() -> str:
    """The URL of a loopback port that was just bound and released, so connecting to it is refused."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}"
