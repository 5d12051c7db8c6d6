"""What the reliability tests tally for the one-line summary printed at the end of the run.

The tests mark themselves (``@pytest.mark.scenario(n)``, ``@pytest.mark.bad_input``) and bump
``fuzz_examples``; leak checks call :func:`leak`. ``conftest.py`` reads the outcomes from pytest's
reports and prints::

    scenarios survived: 17/17, fuzz examples tried: 1234, bad inputs rejected: 52/52, leaks found: 0
"""

from __future__ import annotations

SCENARIOS = 17

# nodeid -> passed (every phase) for the tests carrying each marker
scenario_tests: dict[int, dict[str, bool]] = {}
bad_input_tests: dict[str, bool] = {}
fuzz_examples = 0
leaks: list[str] = []


def count_example() -> None:
    """Called once per hypothesis example a fuzz test body runs."""
    global fuzz_examples
    fuzz_examples += 1


def leak(description: str) -> str:
    """Record a leak (an open connection, a thread, a task left behind) and return its description."""
    leaks.append(description)
    return description


def record(nodeid: str, scenario: int | None, bad_input: bool, passed: bool) -> None:
    if scenario is not None:
        tests = scenario_tests.setdefault(scenario, {})
        tests[nodeid] = tests.get(nodeid, True) and passed
    if bad_input:
        bad_input_tests[nodeid] = bad_input_tests.get(nodeid, True) and passed


def summary_line() -> str:
    survived = sum(1 for tests in scenario_tests.values() if tests and all(tests.values()))
    rejected = sum(bad_input_tests.values())
    return (
        f"scenarios survived: {survived}/{SCENARIOS}, fuzz examples tried: {fuzz_examples}, "
        f"bad inputs rejected: {rejected}/{len(bad_input_tests)}, leaks found: {len(leaks)}"
    )
