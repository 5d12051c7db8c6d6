"""The ``openai-chat`` command: chat with a model, and look after stored completions.

    openai-chat chat "Say hi" --model gpt-4o-mini
    openai-chat chat --model gpt-4o-mini                 # a conversation, one line per turn
    openai-chat completions list --metadata topic=demo --limit 5
    openai-chat completions export --out all.jsonl       # every stored completion with its messages

Every command prints JSON Lines on stdout (one object per line) except ``chat``, which streams text.
Errors are one line on stderr: exit status 2 for a usage mistake, 1 for an API or file error, 130 when
interrupted.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NoReturn, TextIO

import httpx2
from openai_chat_api.request_types import CreateParams

from . import __version__
from ._exceptions import APIConnectionError, OpenAIError
from ._models import ChatCompletion
from ._sync.client import Client

__all__ = ["main"]

PROG = "openai-chat"


class _UsageError(Exception):
    """A mistake in the command line; exit status 2."""


class _CommandError(Exception):
    """A failure already described in one line, with its exit status."""

    def __init__(self, message: str, code: int) -> None:
        super().__init__(message)
        self.code = code


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise _UsageError(f"{message} (see '{self.prog} --help')")


def _positive_float(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number of seconds, got {text!r}") from None
    if not value > 0:
        raise argparse.ArgumentTypeError(f"expected a positive number of seconds, got {text!r}")
    return value


def _int_from(low: int) -> Callable[[str], int]:
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"expected an integer, got {text!r}") from None
        if value < low:
            raise argparse.ArgumentTypeError(f"expected an integer >= {low}, got {text!r}")
        return value

    return parse


def _key_value(text: str) -> tuple[str, str]:
    key, sep, value = text.partition("=")
    if not sep or not key:
        raise argparse.ArgumentTypeError(f"expected KEY=VALUE, got {text!r}")
    return key, value


def _parser() -> _Parser:
    parser = _Parser(
        prog=PROG,
        description="Chat with a model and manage stored completions over the Chat Completions API.",
        epilog="The API key and base URL default to OPENAI_API_KEY and OPENAI_BASE_URL.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--base-url", metavar="URL", help="API base URL (default: $OPENAI_BASE_URL or OpenAI's)"
    )
    parser.add_argument("--api-key", metavar="KEY", help="API key (default: $OPENAI_API_KEY)")
    parser.add_argument("--timeout", metavar="SECONDS", type=_positive_float, help="per-request timeout")
    parser.add_argument("--max-retries", metavar="N", type=_int_from(0), help="retries of a failed request")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True, parser_class=_Parser)

    chat = commands.add_parser(
        "chat",
        help="ask a model; without PROMPT, a conversation read line by line from stdin",
        description="Stream a model's answer to PROMPT; without PROMPT, keep a conversation going, one stdin "
        "line per turn, until end of input or /exit.",
    )
    chat.add_argument("prompt", nargs="?", metavar="PROMPT", help="what to ask")
    chat.add_argument("--model", "-m", help="the model (default: $OPENAI_MODEL)")
    chat.add_argument("--system", "-s", metavar="TEXT", help="a system message to start with")
    chat.add_argument(
        "--max-tokens", metavar="N", type=_int_from(1), help="cap the answer's length (max_tokens)"
    )
    chat.add_argument("--json", action="store_true", help="print each completion as JSON instead of its text")
    chat.set_defaults(run=_chat)

    stored = commands.add_parser(
        "completions",
        help="stored completions (created with store=true)",
        description="List, read, update, delete and export stored completions.",
    )
    sub = stored.add_subparsers(dest="action", metavar="ACTION", required=True, parser_class=_Parser)

    def filters(p: argparse.ArgumentParser) -> None:
        p.add_argument("--model", "-m", help="only completions of this model")
        p.add_argument(
            "--metadata", metavar="KEY=VALUE", type=_key_value, action="append", help="only completions "
            "with this metadata (repeat for several)",
        )  # fmt: skip

    listing = sub.add_parser("list", help="one JSON line per stored completion")
    filters(listing)
    listing.add_argument("--limit", "-n", metavar="N", type=_int_from(1), help="print at most N completions")
    listing.add_argument("--order", choices=("asc", "desc"), help="by creation time")
    listing.set_defaults(run=_list)

    for name, helptext, run in (
        ("get", "one stored completion", _get),
        ("delete", "delete a stored completion", _delete),
        ("messages", "a stored completion's input messages, one JSON line each", _messages),
    ):
        p = sub.add_parser(name, help=helptext)
        p.add_argument("id", metavar="ID", help="the completion's id")
        p.set_defaults(run=run)

    update = sub.add_parser("update", help="replace a stored completion's metadata")
    update.add_argument("id", metavar="ID", help="the completion's id")
    update.add_argument("--metadata", metavar="KEY=VALUE", type=_key_value, action="append", required=True)
    update.set_defaults(run=_update)

    export = sub.add_parser(
        "export",
        help="every stored completion with its messages, to a JSON Lines file",
        description='Write one line {"completion": {...}, "messages": [...]} per stored completion, oldest '
        "first. The file is replaced in one step, so it is never half-written; with --after, the new lines "
        "are added to the existing FILE. If the export stops early, the lines written so far are kept when "
        "that loses nothing, and the error says which --after resumes it.",
    )
    export.add_argument("--out", "-o", metavar="FILE", required=True, help="the .jsonl file to write")
    export.add_argument("--after", metavar="ID", help="start after this completion (resume an export)")
    filters(export)
    export.set_defaults(run=_export)
    return parser


# -- output --------------------------------------------------------------------------------------------------


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def _print_json(value: Any) -> None:
    sys.stdout.write(_dumps(value) + "\n")


def _metadata(args: argparse.Namespace) -> dict[str, str] | None:
    return dict(args.metadata) if args.metadata else None


# -- chat ----------------------------------------------------------------------------------------------------


def _answer(client: Client, args: argparse.Namespace, model: str, messages: list[Any]) -> ChatCompletion:
    """One turn: the completion as JSON with --json, else its text streamed to stdout as it arrives."""
    params: CreateParams = {}
    if args.max_tokens is not None:
        params["max_tokens"] = args.max_tokens
    out = sys.stdout
    if args.json:
        completion = client.chat.create(model=model, messages=messages, **params)
        _print_json(completion.to_dict())
        return completion
    last = ""
    try:
        with client.chat.stream(model=model, messages=messages, **params) as stream:
            for piece in stream.text():
                out.write(piece)
                out.flush()
                last = piece
            completion = stream.final()
    except BaseException:
        if last and not last.endswith("\n"):
            out.write("\n")  # so the error line on stderr starts on a line of its own
            out.flush()
        raise
    if not last and completion.refusal:
        last = completion.refusal
        out.write(last)
    if not last.endswith("\n"):
        out.write("\n")
    out.flush()
    return completion


def _chat(client: Client, args: argparse.Namespace) -> int:
    model = args.model or os.environ.get("OPENAI_MODEL")
    if not model:
        raise _UsageError("no model given: pass --model or set OPENAI_MODEL")
    messages: list[Any] = [{"role": "system", "content": args.system}] if args.system else []
    if args.prompt is not None:
        _answer(client, args, model, [*messages, {"role": "user", "content": args.prompt}])
        return 0
    interactive = sys.stdin.isatty()
    if interactive:
        sys.stderr.write(f"{PROG}: chatting with {model}; /exit or end of input (Ctrl-D) to leave\n")
    while True:
        if interactive:
            sys.stderr.write("> ")
            sys.stderr.flush()
        line = sys.stdin.readline()
        if not line:
            if interactive:
                sys.stderr.write("\n")
            return 0
        line = line.strip()
        if line == "/exit":
            return 0
        if not line:
            continue
        messages.append({"role": "user", "content": line})
        completion = _answer(client, args, model, messages)
        messages.append(completion.to_message())


# -- stored completions --------------------------------------------------------------------------------------


def _list(client: Client, args: argparse.Namespace) -> int:
    page_size = min(args.limit, 100) if args.limit is not None else None
    pager = client.chat.completions.list(
        model=args.model, metadata=_metadata(args), order=args.order, limit=page_size
    )
    for count, completion in enumerate(pager, 1):
        _print_json(completion.to_dict())
        if args.limit is not None and count >= args.limit:
            break
    return 0


def _get(client: Client, args: argparse.Namespace) -> int:
    _print_json(client.chat.completions.get(args.id).to_dict())
    return 0


def _update(client: Client, args: argparse.Namespace) -> int:
    _print_json(client.chat.completions.update(args.id, metadata=dict(args.metadata)).to_dict())
    return 0


def _delete(client: Client, args: argparse.Namespace) -> int:
    _print_json(client.chat.completions.delete(args.id).to_dict())
    return 0


def _messages(client: Client, args: argparse.Namespace) -> int:
    for message in client.chat.completions.messages(args.id, limit=100):
        _print_json(message.to_dict())
    return 0


class _AtomicFile:
    """Text written to a temp file beside ``target``; :meth:`commit` makes it the target in one rename.

    With ``keep_existing`` the target's current content is copied in first, so appending is atomic too.
    """

    def __init__(self, target: Path, *, keep_existing: bool) -> None:
        self.target = target
        fd, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
        self.path = Path(name)
        self.file: TextIO = open(fd, "w", encoding="utf-8", newline="\n")  # noqa: SIM115 - closed in commit/discard
        try:
            if keep_existing:
                with open(target, encoding="utf-8", newline="") as existing:
                    shutil.copyfileobj(existing, self.file)
                    if existing.tell() and not self._ends_with_newline(target):
                        self.file.write("\n")
                shutil.copymode(target, self.path)
        except BaseException:
            self.discard()
            raise

    @staticmethod
    def _ends_with_newline(path: Path) -> bool:
        with open(path, "rb") as f:
            f.seek(-1, os.SEEK_END)
            return f.read(1) == b"\n"

    def write(self, text: str) -> None:
        self.file.write(text)

    def commit(self) -> None:
        self.file.flush()
        os.fsync(self.file.fileno())
        self.file.close()
        os.replace(self.path, self.target)
        with contextlib.suppress(OSError):  # make the rename itself durable, where the OS allows it
            fd = os.open(self.target.parent, os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)

    def discard(self) -> None:
        self.file.close()
        with contextlib.suppress(FileNotFoundError):
            self.path.unlink()


def _export(client: Client, args: argparse.Namespace) -> int:
    target = Path(args.out)
    if target.is_dir():
        raise _UsageError(f"--out {args.out!r} is a directory")
    if not target.parent.is_dir():
        raise _UsageError(f"--out {args.out!r}: the directory {str(target.parent)!r} does not exist")
    existed = target.exists()
    resume = args.after is not None and existed
    stored = client.chat.completions.list(
        model=args.model, metadata=_metadata(args), order="asc", limit=100, after=args.after
    )
    out = _AtomicFile(target, keep_existing=resume)
    progress = sys.stderr.isatty()
    count, last_id = 0, args.after
    try:
        for completion in stored:
            messages = [m.to_dict() for m in client.chat.completions.messages(completion.id, limit=100)]
            out.write(_dumps({"completion": completion.to_dict(), "messages": messages}) + "\n")
            count, last_id = count + 1, completion.id
            if progress:
                sys.stderr.write(f"\rexported {count} completions")
                sys.stderr.flush()
    except (Exception, KeyboardInterrupt) as exc:
        if progress and count:
            sys.stderr.write("\n")
        message, code = _describe(exc)
        # Keep what arrived, unless that would replace a file with something that is not a superset of it.
        if count and (resume or not existed):
            out.commit()
            raise _CommandError(
                f"{message}; the {count} completions exported so far are in {args.out}; run again with "
                f"--after {last_id} to resume",
                code,
            ) from exc
        out.discard()
        raise _CommandError(f"{message}; {args.out} was left unchanged", code) from exc
    out.commit()
    if progress and count:
        sys.stderr.write("\n")
    sys.stderr.write(f"exported {count} completions to {args.out}\n")
    return 0


# -- errors and the entry point ------------------------------------------------------------------------------


def _describe(exc: BaseException) -> tuple[str, int]:
    """One line for an error, and the exit status."""
    if isinstance(exc, KeyboardInterrupt):
        return "interrupted", 130
    if isinstance(exc, _CommandError):
        return str(exc), exc.code
    if isinstance(exc, _UsageError):
        return str(exc), 2
    if isinstance(exc, APIConnectionError) and exc.request is not None:
        url = exc.request.url
        return f"{exc} ({url.scheme}://{url.netloc.decode()})", 1
    if isinstance(exc, OpenAIError):
        return str(exc), 1
    if isinstance(exc, (ValueError, TypeError)):
        return str(exc), 2
    if isinstance(exc, OSError):
        return f"{exc.strerror or exc}" + (f": {exc.filename}" if exc.filename else ""), 1
    return f"{type(exc).__name__}: {exc}", 1


def _fail(message: str, secrets: Sequence[str | None]) -> None:
    for secret in secrets:
        if secret and len(secret) >= 4:
            message = message.replace(secret, "***")
    message = " ".join(message.split())  # one line, whatever the server sent
    sys.stderr.write(f"{PROG}: error: {message}\n")
    sys.stderr.flush()


def _client(args: argparse.Namespace, http_client: httpx2.Client | None) -> Client:
    options: dict[str, Any] = {}
    for name in ("base_url", "api_key", "timeout", "max_retries"):
        value = getattr(args, name)
        if value is not None:
            options[name] = value
    return Client(http_client=http_client, **options)


def main(argv: Sequence[str] | None = None, *, http_client: httpx2.Client | None = None) -> int:
    """Run the ``openai-chat`` command; returns the exit status.

    >>> main(["chat", "Say hi", "--model", "gpt-4o-mini"])     # doctest: +SKIP
    Hi!
    0
    """
    secrets: list[str | None] = [os.environ.get("OPENAI_API_KEY")]
    try:
        try:
            args = _parser().parse_args(argv)
        except SystemExit as exc:  # --help, --version
            return exc.code if isinstance(exc.code, int) else 0
        secrets.append(args.api_key)
        with _client(args, http_client) as client:
            return int(args.run(client, args))
    except BrokenPipeError:
        # The reader went away (``| head``): stop quietly, and keep Python from complaining at exit.
        with contextlib.suppress(OSError, ValueError):
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        return 1
    except (Exception, KeyboardInterrupt) as exc:
        message, code = _describe(exc)
        _fail(message, secrets)
        return code
