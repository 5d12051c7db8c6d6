"""``make sync-spec``: rewrite ``openapi.yaml`` from an OpenAI OpenAPI document, report the changes, regenerate.

    python scripts/sync_spec.py SOURCE [--spec openapi.yaml] [--out generated/openai_chat_api]
                                       [--overrides spec-overrides.yaml] [--report build/spec-changes.md]

SOURCE is OpenAI's published document (YAML or JSON, the whole API or part of it). How it becomes our
spec is ``scripts/spec_shape.py``; the API change report (operations, request and response fields, enum
values) compares the result with the spec as it was (``scripts/spec_changes.py``) and is printed and
written to ``--report``. The package is then generated from the result; nothing is written unless that
package imports under the façade. A document that cannot be used gets one line on stderr and status 1.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import generate  # noqa: E402
import prepare_spec  # noqa: E402
import spec_changes  # noqa: E402
import spec_shape  # noqa: E402
from prepare_spec import SpecError  # noqa: E402


def run(source_path: Path, spec: Path, out: Path, overrides_path: Path, report: Path) -> int:
    source = prepare_spec.load(source_path)
    ours = prepare_spec.load(spec)
    if not spec_shape.operation_names(source):
        raise SpecError(f"{source_path.name} has no operations under {prepare_spec.PATH_PREFIX}")
    missing = spec_shape.missing_operations(source, ours)
    if missing:
        raise SpecError(
            f"{source_path.name} lacks operations the client uses: {', '.join(missing)}; nothing was changed"
        )
    overrides = spec_shape.check_overrides(
        prepare_spec.load(overrides_path, openapi=False) if overrides_path.is_file() else None,
        overrides_path.name,
    )
    new, warnings = spec_shape.rebuild(source, ours, overrides)
    changes = spec_changes.compare(ours, new)
    text = spec_changes.render(
        changes,
        source=f"{source_path.name} (version {source.get('info', {}).get('version', '?')})",
        target=f"{spec.name} as it was (version {ours.get('info', {}).get('version', '?')})",
        overrides=[entry["name"] for entry in overrides],
        warnings=warnings,
    )
    sys.stdout.write(text)
    with tempfile.TemporaryDirectory() as tmp:
        staged = Path(tmp) / "openapi.yaml"
        prepare_spec.dump(new, staged)
        package = Path(tmp) / "gen" / generate.PACKAGE
        generate.generate(staged, package)
        problem = generate.facade_problem(package)
        if problem:
            raise SpecError(
                f"the package generated from {source_path.name} breaks the façade ({problem}); nothing was changed"
            )
        shutil.copyfile(staged, spec)
        if out.exists():
            shutil.rmtree(out)
        out.parent.mkdir(parents=True, exist_ok=True)
        shutil.copytree(package, out)
    report.parent.mkdir(parents=True, exist_ok=True)
    report.write_text(text, encoding="utf-8")
    print(f"\nwrote {_show(spec)}, {_show(out)} and {_show(report)}; now run `make test`")
    return 0


def _show(path: Path) -> str:
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path, help="an OpenAI OpenAPI document, YAML or JSON")
    parser.add_argument("--spec", type=Path, default=ROOT / "openapi.yaml", help="the spec to rewrite")
    parser.add_argument("--out", type=Path, default=generate.TARGET, help="where the generated package goes")
    parser.add_argument("--overrides", type=Path, default=ROOT / "spec-overrides.yaml")
    parser.add_argument("--report", type=Path, default=ROOT / "build" / "spec-changes.md")
    args = parser.parse_args(argv)
    try:
        return run(
            args.source,
            args.spec.resolve(),
            args.out.resolve(),
            args.overrides.resolve(),
            args.report.resolve(),
        )
    except SpecError as exc:
        print(f"sync-spec: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    raise SystemExit(main())
