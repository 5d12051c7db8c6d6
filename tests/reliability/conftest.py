"""Fixtures for reliability tests: a fresh fault server per test, and a port nobody listens on."""

from __future__ import annotations

import socket
from collections.abc import Generator, Iterator

import pytest

from . import registry
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


# ------------------------------------------------------------------------------- summary line


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "scenario(n): reliability scenario number n of the summary line")
    config.addinivalue_line("markers", "bad_input: one case of the bad-input catalogue")


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    report = yield
    marker = item.get_closest_marker("scenario")
    scenario = marker.args[0] if marker is not None else None
    bad_input = item.get_closest_marker("bad_input") is not None
    if scenario is not None or bad_input:
        # A test counts only if its call passed and neither setup nor teardown failed; xfail is a failure.
        passed = (
            not report.failed and not hasattr(report, "wasxfail") and (report.when != "call" or report.passed)
        )
        if report.when == "setup" and report.skipped:
            passed = False
        registry.record(item.nodeid, scenario, bad_input, passed)
    return report


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    terminalreporter.write_line(registry.summary_line())
