"""Regenerate generated/openai_chat_api from an OpenAPI document, or check that it is up to date.

    python scripts/generate.py [--spec openapi.yaml]            rewrite generated/openai_chat_api
    python scripts/generate.py --check [--spec openapi.yaml]    fail with a diff if it would change

The document is first prepared (scripts/prepare_spec.py) into a temporary folder.
"""

from __future__ import annotations

import argparse
import difflib
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import gen_request  # noqa: E402
import prepare_spec  # noqa: E402

PACKAGE = "openai_chat_api"
TARGET = ROOT / "generated" / PACKAGE


def generate(spec: Path, dest: Path) -> None:
    """Write the generated package for ``spec`` to ``dest`` (which must not exist)."""
    prepared = dest.parent / "prepared-spec.yaml"  # per run, so parallel runs never share it
    source = prepare_spec.load(spec)
    try:
        prepare_spec.dump(prepare_spec.prepare(source), prepared)
    except prepare_spec.SpecError as exc:
        raise prepare_spec.SpecError(f"generate: {spec.name}: {exc}") from None
    env = dict(os.environ)
    # The post-hooks call ruff; use the one pinned in this environment.
    env["PATH"] = str(Path(sys.executable).parent) + os.pathsep + env.get("PATH", "")
    env["RUFF_NO_CACHE"] = "true"
    cmd = [
        str(Path(sys.executable).parent / "openapi-python-client"),
        "generate",
        "--path",
        str(prepared),
        "--config",
        str(ROOT / "generator-config.yaml"),
        "--custom-template-path",
        str(ROOT / "scripts" / "templates"),
        "--meta",
        "none",
        "--output-path",
        str(dest),
    ]
    result = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=600)
    output = (result.stdout + result.stderr).strip()
    if result.returncode != 0 or "Endpoint will not be generated" in output or not dest.is_dir():
        sys.stderr.write(output + "\n")
        raise SystemExit(f"generate: openapi-python-client failed for {spec}")
    if "Warning" in output:
        sys.stderr.write(output + "\n")
    gen_request.write(prepare_spec.prepare(source, for_requests=True), dest)
    use_httpx2(dest, env)
    shutil.rmtree(dest / ".ruff_cache", ignore_errors=True)
    (dest / "py.typed").touch()


_HTTPX = re.compile(r"\bhttpx\b")


def use_httpx2(dest: Path, env: dict[str, str]) -> None:
    """Point the generated code at ``httpx2``, the maintained fork with the same API.

    The generator's templates name ``httpx2``; rewriting the module name after generation keeps every
    stock template as it is (no forks to keep in step with the generator) and is checked by the drift test.
    """
    for path in dest.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        new = _HTTPX.sub("httpx2", text)
        if new != text:
            path.write_text(new, encoding="utf-8")
    ruff = str(Path(sys.executable).parent / "ruff")
    for cmd in (
        [ruff, "check", ".", "--fix-only", "--quiet", "--select", "I"],
        [ruff, "format", "--quiet", "."],
    ):
        subprocess.run(cmd, cwd=dest, env=env, check=True, capture_output=True, timeout=120)


def facade_problem(package: Path) -> str | None:
    """None if the façade imports with ``package`` as its generated layer, else the error's last line.

    The façade is the installed one (the editable install links it to ``facade/``, with the generated sync
    half inside it); ``package`` comes first on the path, so it stands in for ``openai_chat_api``.
    """
    env = {**os.environ, "PYTHONPATH": str(package.parent)}
    # Every module of the façade and every public name (they load lazily), on this package.
    code = (
        "import importlib, pkgutil, sys, openai_chat, openai_chat_api\n"
        "for m in pkgutil.iter_modules(openai_chat.__path__):\n"
        "    m.name == '__main__' or importlib.import_module('openai_chat.' + m.name)\n"
        "for name in openai_chat.__all__:\n"
        "    getattr(openai_chat, name)\n"
        "sys.exit(0 if openai_chat_api.__file__.startswith(sys.argv[1]) else 3)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(package)], env=env, capture_output=True, text=True, timeout=120
    )
    if result.returncode == 0:
        return None
    if result.returncode == 3:
        return "the façade check imported another openai_chat_api than the one just generated"
    lines = [line for line in result.stderr.strip().splitlines() if line.strip()]
    return lines[-1] if lines else f"exit status {result.returncode}"


def _files(root: Path) -> dict[str, str]:
    return {
        str(p.relative_to(root)): p.read_text(encoding="utf-8")
        for p in sorted(root.rglob("*"))
        if p.is_file() and not {"__pycache__", ".ruff_cache"} & set(p.relative_to(root).parts)
    }


def check(spec: Path) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / PACKAGE
        generate(spec, fresh)
        want, have = _files(fresh), _files(TARGET) if TARGET.is_dir() else {}
    if want == have:
        print(f"generated/{PACKAGE} is up to date with {spec.name}")
        return 0
    for name in sorted(set(want) | set(have)):
        if want.get(name) != have.get(name):
            sys.stdout.writelines(
                difflib.unified_diff(
                    have.get(name, "").splitlines(keepends=True),
                    want.get(name, "").splitlines(keepends=True),
                    f"committed/{name}",
                    f"regenerated/{name}",
                )
            )
    print(
        f"\ngenerated/{PACKAGE} differs from what {spec.name} generates: run `make generate`", file=sys.stderr
    )
    return 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--spec", default=str(ROOT / "openapi.yaml"))
    parser.add_argument("--out", default=str(TARGET), help="where the package goes (default: %(default)s)")
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    spec = Path(args.spec).resolve()
    if args.check:
        return check(spec)
    out = Path(args.out).resolve()
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / PACKAGE
        generate(spec, fresh)
        if out.exists():
            shutil.rmtree(out)
        out.parent.mkdir(parents=True, exist_ok=True)
        shutil.copytree(fresh, out)
    print(f"generated {out.relative_to(ROOT) if out.is_relative_to(ROOT) else out} from {spec}")
    problem = facade_problem(out) if out.name == PACKAGE else None
    if problem:
        print(f"generate: warning: the façade cannot import this package: {problem}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
