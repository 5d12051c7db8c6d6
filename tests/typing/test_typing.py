"""The public surface under a user's ``mypy --strict``: the README's examples and a user script pass with
no cast or ignore, and the mistakes a type checker should catch are caught.

mypy runs in a directory outside the repository, so it finds ``openai_chat`` only as installed: this
also checks that the editable install is visible to type checkers.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).parent
README = HERE.parent.parent / "README.md"

# Each line ending in `# E: text` must get a mypy error containing that text; no other line may get one.
MISTAKES = """
from __future__ import annotations

import attrs
import openai_chat as oc


@attrs.define
class City:
    name: str


class Country:
    pass


client = oc.Client(model="gpt-4o-mini")
aclient = oc.AsyncClient(model="gpt-4o-mini")

country: Country | None = client.chat.parse(messages="A city?", response_format=City).parsed  # E: expression has type "City | None", variable has type "Country | None"
count: int = client.chat.create(messages="Hi").text  # E: expression has type "str | None", variable has type "int"
words: str | None = client.chat.create(messages="Hi", stream=True).text  # E: expression has type "Callable[[], Iterator[str]]"
with client.chat.stream(messages="Hi") as s:
    print(s.text.upper())  # E: "Callable[[], Iterator[str]]" has no attribute "upper"
client.chat.create(messages="Hi", temperature="warm")  # E: No overload variant of "create"
client.chat.create(messages="Hi", tempreature=0.2)  # E: did you mean "temperature"?
client.chat.create(messages=[1, 2])  # E: List item 0 has incompatible type "int"
client.with_options(max_retries="5")  # E: Argument "max_retries" to "with_options" of "Client" has incompatible type "str"
client.chat.run_tools(messages="Hi", tools=[len], max_steps="3")  # E: Argument "max_steps" to "run_tools" of "Chat" has incompatible type "str"
client.chat.create(messages="Hi").parsed  # E: "ChatCompletion" has no attribute "parsed"


async def main() -> None:
    text: str | None = (await aclient.chat.create(messages="Hi", stream=True)).text  # E: expression has type "Callable[[], AsyncIterator[str]]"
    city: City = (await aclient.chat.parse(messages="A city?", response_format=City)).parsed  # E: expression has type "City | None", variable has type "City"
"""


def readme_examples() -> str:
    """The README's Python examples in order, as one module (later ones use names the first defines)."""
    blocks = re.findall(r"^```python\n(.*?)^```", README.read_text("utf-8"), flags=re.S | re.M)
    assert len(blocks) >= 5, "the README's examples were not found"
    return "\n\n".join(blocks)


def mypy(tmp_path: Path, name: str, source: str) -> subprocess.CompletedProcess[str]:
    (tmp_path / name).write_text(source, "utf-8")
    cmd = [sys.executable, "-m", "mypy", "--strict", "--no-error-summary", "--show-error-codes", name]
    return subprocess.run(cmd, cwd=tmp_path, capture_output=True, text=True, timeout=600)


@pytest.mark.parametrize("name", ["readme_examples.py", "user_script.py"])
def test_user_code_passes_mypy_strict_without_casts_or_ignores(tmp_path: Path, name: str) -> None:
    source = readme_examples() if name == "readme_examples.py" else (HERE / name).read_text("utf-8")
    assert "cast(" not in source and "type: ignore" not in source
    out = mypy(tmp_path, name, source)
    assert out.returncode == 0, out.stdout + out.stderr
    assert out.stdout == ""


def test_mistakes_are_type_errors(tmp_path: Path) -> None:
    out = mypy(tmp_path, "mistakes.py", MISTAKES)
    errors: dict[int, list[str]] = {}
    for line in out.stdout.splitlines():
        match = re.match(r"mistakes\.py:(\d+): error: (.*)", line)
        if match:
            errors.setdefault(int(match[1]), []).append(match[2])
    expected = {
        number: line.split("# E: ", 1)[1]
        for number, line in enumerate(MISTAKES.splitlines(), start=1)
        if "# E: " in line
    }
    assert len(expected) == 12
    for number, text in expected.items():
        assert any(text in error for error in errors.get(number, [])), (number, text, errors.get(number))
    assert set(errors) == set(expected), out.stdout
