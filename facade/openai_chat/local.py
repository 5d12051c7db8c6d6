"""The local stack: the Chat Completions API with stored completions, for local and self-hosted models.

A small gateway on 127.0.0.1 serves the whole Chat Completions surface. It forwards ``POST
/chat/completions`` (plain or streamed) to a model server and, for ``store: true``, keeps the request's
messages and the completion in SQLite, so ``client.chat.completions.list/get/update/delete/messages`` and
``openai-chat completions export`` work against any OpenAI-compatible server.

By default the model server is the bundled one (llama-cpp-python with a packaged Gemma 3 270M; needs the
optional extra ``openai-chat[local]``), and the gateway adapts requests to what it lacks (the developer
role, ``json_schema``, ``max_completion_tokens``, a default ``max_tokens``; see ``_local_translate``). With
``upstream=`` (``--upstream``) it fronts any running server instead and forwards requests as they are::

    from openai_chat.local import LocalServer

    with LocalServer() as srv:                 # or LocalServer(upstream="http://127.0.0.1:8080/v1")
        print(srv.base_url, srv.model)         # http://127.0.0.1:PORT/v1 gemma-3-270m

From a shell, ``python -m openai_chat.local [--upstream URL] [--db PATH] [--port N]`` prints the base URL
alone on the first line of stdout and serves until Ctrl-C; other arguments go to the bundled server.
Stored completions live in ``:memory:`` unless ``db`` names a file.
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from types import TracebackType

import httpx2

from ._local_gateway import Gateway
from ._local_llama import (
    DEFAULT_MODEL_ALIAS,
    MODEL_DIR_ENV,
    LocalServerError,
    ModelServer,
    ensure_model,
    model_dir,
)
from ._local_store import CompletionStore
from ._local_translate import DEFAULT_MAX_TOKENS

__all__ = ["MODEL_DIR_ENV", "LocalServer", "LocalServerError", "ensure_model", "main", "model_dir"]


class LocalServer:
    """Context manager running the gateway, and the bundled model server behind it unless ``upstream``."""

    def __init__(
        self,
        model_path: str | os.PathLike[str] | None = None,
        *,
        upstream: str | None = None,
        db: str | os.PathLike[str] = ":memory:",
        host: str = "127.0.0.1",
        port: int = 0,
        default_max_tokens: int = DEFAULT_MAX_TOKENS,
        model_alias: str = DEFAULT_MODEL_ALIAS,
        chat_format: str = "gemma",
        n_ctx: int = 2048,
        n_threads: int = 2,
        startup_timeout: float = 120.0,
        stop_timeout: float = 10.0,
        log_path: str | os.PathLike[str] | None = None,
        extra_args: Sequence[str] = (),
        extra_bufts: bool | None = None,
    ) -> None:
        if (
            isinstance(default_max_tokens, bool)
            or not isinstance(default_max_tokens, int)
            or default_max_tokens < 1
        ):
            raise ValueError(f"default_max_tokens must be an int >= 1, got {default_max_tokens!r}")
        if upstream is not None and not (
            isinstance(upstream, str) and upstream.startswith(("http://", "https://"))
        ):
            raise ValueError(
                f"upstream must be an http(s) base URL such as http://host:port/v1, got {upstream!r}"
            )
        self.upstream = upstream
        self.db = db
        self.host = host
        self.port = port
        self.default_max_tokens = default_max_tokens
        self.startup_timeout = startup_timeout
        #: the model to ask for: the bundled model's alias, or the first one an upstream lists (None if none)
        self.model: str | None = model_alias if upstream is None else None
        self.model_server: ModelServer | None = None
        if upstream is None:
            self.model_server = ModelServer(
                model_path,
                model_alias=model_alias,
                chat_format=chat_format,
                n_ctx=n_ctx,
                n_threads=n_threads,
                startup_timeout=startup_timeout,
                stop_timeout=stop_timeout,
                log_path=log_path,
                extra_args=extra_args,
                extra_bufts=extra_bufts,
            )
        self.store: CompletionStore | None = None
        self.gateway: Gateway | None = None

    @property
    def base_url(self) -> str:
        """Base URL of the API, e.g. ``http://127.0.0.1:PORT/v1``."""
        if self.gateway is None:
            raise LocalServerError("server not started")
        return self.gateway.base_url

    @property
    def upstream_url(self) -> str:
        """Base URL of the model server the gateway forwards to."""
        if self.upstream is not None:
            return self.upstream
        if self.model_server is None or self.model_server.process is None:
            raise LocalServerError("server not started")
        return self.model_server.base_url

    @property
    def process(self) -> subprocess.Popen[bytes] | None:
        """The bundled model server's process (``subprocess.Popen``), or None when stopped or upstream."""
        return self.model_server.process if self.model_server is not None else None

    @property
    def log_path(self) -> Path | None:
        """The bundled model server's log file."""
        return self.model_server.log_path if self.model_server is not None else None

    def start(self) -> LocalServer:
        """Start the model server (unless upstream) and the gateway; raise LocalServerError on failure."""
        if self.gateway is not None:
            raise LocalServerError("server already started")
        try:
            if self.model_server is not None:
                self.model_server.start()
            else:
                self.model = _first_model(self.upstream_url)
            self.store = CompletionStore(self.db)
            self.gateway = Gateway(
                self.upstream_url,
                self.store,
                translate=self.model_server is not None,
                default_max_tokens=self.default_max_tokens,
                host=self.host,
                port=self.port,
            ).start()
            self.port = self.gateway.port
        except OSError as exc:  # e.g. the port is taken, or the database cannot be opened
            self.stop()
            raise LocalServerError(f"could not start the gateway: {exc}") from exc
        except BaseException:
            self.stop()
            raise
        return self

    def stop(self) -> None:
        """Stop the gateway, then the bundled model server; committed completions stay in ``db``."""
        gateway, self.gateway = self.gateway, None
        if gateway is not None:
            gateway.stop()
        store, self.store = self.store, None
        if store is not None:
            store.close()
        if self.model_server is not None:
            self.model_server.stop()

    def __enter__(self) -> LocalServer:
        return self.start()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()


def _first_model(base_url: str) -> str | None:
    """The first model an upstream lists under GET /models, if it answers in time."""
    try:
        data = httpx2.get(f"{base_url.rstrip('/')}/models", timeout=10.0).json()
        return str(data["data"][0]["id"])
    except (httpx2.HTTPError, ValueError, LookupError, TypeError):
        return None


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m openai_chat.local",
        allow_abbrev=False,
        description="Serve the Chat Completions API with stored completions on 127.0.0.1. Prints the base URL "
        "on the first line of stdout. Arguments not listed here go to the bundled model server.",
    )
    parser.add_argument(
        "--upstream", metavar="URL", help="forward to this OpenAI-compatible base URL instead"
    )
    parser.add_argument("--db", metavar="PATH", default=":memory:", help="SQLite file for stored completions")
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=0, help="port to listen on (default: a free one)")
    parser.add_argument(
        "--default-max-tokens",
        type=int,
        default=DEFAULT_MAX_TOKENS,
        metavar="N",
        help=f"max_tokens for requests to the bundled server that set none (default {DEFAULT_MAX_TOKENS})",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m openai_chat.local``: print the base URL, serve until Ctrl-C."""
    args, extra = _parser().parse_known_args(sys.argv[1:] if argv is None else argv)
    if args.upstream and extra:
        print(f"error: unknown arguments with --upstream: {' '.join(extra)}", file=sys.stderr)
        return 2
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))  # stop the servers on SIGTERM too
    try:
        server = LocalServer(
            upstream=args.upstream,
            db=args.db,
            host=args.host,
            port=args.port,
            default_max_tokens=args.default_max_tokens,
            extra_args=extra,
        )
        with server as srv:
            print(srv.base_url, flush=True)
            behind = (
                f"the bundled model server (log {srv.log_path})" if srv.upstream is None else srv.upstream
            )
            print(
                f"model {srv.model!r} behind {behind}; stored completions in {args.db}; press Ctrl-C to stop",
                file=sys.stderr,
                flush=True,
            )
            process = srv.model_server.process if srv.model_server is not None else None
            while process is None or process.poll() is None:
                time.sleep(0.5)
            print(
                f"the model server exited with code {process.returncode}; log {srv.log_path}", file=sys.stderr
            )
            return 1
    except KeyboardInterrupt:
        return 0
    except (LocalServerError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
