"""Run the unit tests on every other supported CPython found on this machine, from the built wheel.

    python scripts/test_pythons.py            # each of 3.11-3.13 other than this interpreter

The wheel is built once; each interpreter gets its own venv under ``build/pythons/`` with a plain
(non-editable) install of it and the ``test`` extra, so a packaging mistake (a module left out of the
wheel, a syntax newer than a claimed Python) fails here. An interpreter that is not installed is skipped
with a printed note; one that is installed and fails, fails the run.
"""

from __future__ import annotations

import argparse
import glob
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUILD = ROOT / "build"
SUPPORTED = ("3.11", "3.12", "3.13")
TIMEOUT = 900  # seconds for any one step; nothing waits for ever


def find_python(version: str) -> str | None:
    """An interpreter that reports ``version``: from pyenv's versions folder, else from PATH."""
    root = Path(os.environ.get("PYENV_ROOT", Path.home() / ".pyenv"))
    candidates = sorted(glob.glob(str(root / "versions" / f"{version}.*" / "bin" / "python")), reverse=True)
    on_path = shutil.which(f"python{version}")
    if on_path:
        candidates.append(on_path)
    for exe in candidates:
        try:
            out = subprocess.run(
                [exe, "-c", "import sys; print('%d.%d' % sys.version_info[:2])"],
                capture_output=True,
                text=True,
                timeout=30,
            )
        except (OSError, subprocess.TimeoutExpired):
            continue
        if out.returncode == 0 and out.stdout.strip() == version:
            return exe
    return None


def run(cmd: list[str], **kwargs: object) -> None:
    print("   $", " ".join(cmd), flush=True)
    subprocess.run(cmd, check=True, timeout=TIMEOUT, **kwargs)  # type: ignore[call-overload]


def build_wheel() -> Path:
    out = BUILD / "wheel"
    shutil.rmtree(out, ignore_errors=True)
    run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(out), str(ROOT)])
    [wheel] = out.glob("openai_chat-*.whl")
    return wheel


def test_on(version: str, exe: str, wheel: Path, pytest_args: list[str]) -> None:
    venv = BUILD / "pythons" / version
    python = venv / "bin" / "python"
    if not python.exists():
        run([exe, "-m", "venv", str(venv)])
    pip = [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    run([*pip, f"{wheel}[test]"])
    run([*pip, "--force-reinstall", "--no-deps", str(wheel)])
    # the package must come from the wheel, not from the source tree
    where = "import openai_chat, openai_chat_api, os, sys; print(os.path.dirname(openai_chat_api.__file__))"
    installed = subprocess.run(
        [str(python), "-c", where], cwd=BUILD, capture_output=True, text=True, check=True, timeout=120
    ).stdout.strip()
    if not installed.startswith(str(venv)):
        raise SystemExit(
            f"Python {version}: openai_chat_api was imported from {installed}, not from the wheel"
        )
    env = {**os.environ, "OPENAI_CHAT_API_UNDER_TEST": installed}
    cmd = [str(python), "-m", "pytest", "tests/unit", "-q", "-p", "no:cacheprovider", *pytest_args]
    run(cmd, cwd=ROOT, env=env)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pytest_args", nargs="*", help="passed on to pytest")
    args = parser.parse_args()
    here = "{}.{}".format(*sys.version_info[:2])
    others = [v for v in SUPPORTED if v != here]
    print(f">> unit tests on the other supported Pythons ({', '.join(others)}); {here} runs the full suite")
    found = {v: find_python(v) for v in others}
    for version, exe in found.items():
        if exe is None:
            print(f">> Python {version}: not installed here, skipped")
    todo = {v: exe for v, exe in found.items() if exe is not None}
    if not todo:
        return 0
    wheel = build_wheel()
    failed = []
    for version, exe in todo.items():
        print(f">> Python {version} ({exe}) with {wheel.name}", flush=True)
        try:
            test_on(version, exe, wheel, args.pytest_args)
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as exc:
            print(f">> Python {version}: FAILED ({exc})", flush=True)
            failed.append(version)
    if failed:
        print(f">> unit tests failed on Python {', '.join(failed)}", file=sys.stderr)
        return 1
    print(f">> unit tests passed on Python {', '.join(todo)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
