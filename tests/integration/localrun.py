"""The client on the local stack, with the API contract checked both ways in the transport.

``Run`` is a client of one kind (sync or async) on a ``LocalServer``, with helpers that hide ``await`` so one
test body serves both. Its transport checks that each request the client sends fits ``openapi.yaml`` and
that each 2xx chat completion body and stream chunk parses with the generated models (:class:`Contract`);
the checks raise inside the call that broke them.
"""

from __future__ import annotations

import json
import sys
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import httpx2
import openai_chat as oc
from openai_chat.local import LocalServer
from openai_chat_api.models import CreateChatCompletionResponse, CreateChatCompletionStreamResponse

_TESTS = str(Path(__file__).resolve().parents[1])
if _TESTS not in sys.path:  # tests/ is not a package; the contract helper lives there
    sys.path.append(_TESTS)

from dual import Dual  # noqa: E402
from openapi_contract import ContractError, validate_request  # noqa: E402

# Every request caps max_tokens: the server finishes a request whose client gave up, and the rest queue.
TIMEOUT = httpx2.Timeout(60.0, pool=5.0)


# -- the contract, checked in the transport -----------------------------------------------------------------


class Contract:
    """Validates requests against the spec and 2xx chat completion bodies against the generated models."""

    def __init__(self, base_url: str) -> None:
        self.base_path = httpx2.URL(base_url).path.rstrip("/")
        self.requests: list[dict[str, Any]] = []  # the JSON bodies sent, in order
        self.chunks: list[dict[str, Any]] = []  # every stream chunk received, in order
        self.bodies = 0

    def request(self, request: httpx2.Request) -> None:
        path = request.url.path.removeprefix(self.base_path)
        body = json.loads(request.content) if request.content else None
        validate_request(request.method, path, body, dict(request.url.params))
        self.requests.append(body)

    def response(self, request: httpx2.Request, response: httpx2.Response) -> httpx2.Response:
        checked = (
            request.method == "POST"
            and request.url.path == self.base_path + "/chat/completions"
            and response.status_code < 300
        )
        if not checked:
            return response
        sse = response.headers.get("content-type", "").startswith("text/event-stream")
        stream = _CheckedBody(response.stream, _SSEChecker(self) if sse else _JSONChecker(self))
        return httpx2.Response(
            response.status_code, headers=response.headers, stream=stream, extensions=response.extensions
        )

    def completion(self, data: Any) -> None:
        _parses(CreateChatCompletionResponse, data)
        self.bodies += 1

    def chunk(self, data: Any) -> None:
        _parses(CreateChatCompletionStreamResponse, data)
        self.chunks.append(data)

    def sync_client(self, limits: httpx2.Limits | None = None) -> httpx2.Client:
        inner = httpx2.HTTPTransport(limits=limits or httpx2.Limits())
        return httpx2.Client(transport=_Transport(self, inner))

    def async_client(self, limits: httpx2.Limits | None = None) -> httpx2.AsyncClient:
        inner = httpx2.AsyncHTTPTransport(limits=limits or httpx2.Limits())
        return httpx2.AsyncClient(transport=_AsyncTransport(self, inner))


def _parses(model: Any, data: Any) -> None:
    try:
        model.from_dict(data)
    except Exception as exc:  # the generated code raises KeyError, TypeError, ValueError...
        raise ContractError(
            f"{model.__name__} does not parse the server's body: {type(exc).__name__}: {exc}",
            [json.dumps(data)[:2000]],
        ) from exc


class _JSONChecker:
    def __init__(self, contract: Contract) -> None:
        self.contract, self.data = contract, bytearray()

    def feed(self, piece: bytes) -> None:
        self.data += piece

    def end(self) -> None:
        self.contract.completion(json.loads(self.data))


class _SSEChecker:
    def __init__(self, contract: Contract) -> None:
        self.contract, self.decoder = contract, oc.SSEDecoder()

    def feed(self, piece: bytes) -> None:
        for event in self.decoder.feed(piece):
            if event.data != "[DONE]":
                self.contract.chunk(json.loads(event.data))

    def end(self) -> None:
        self.feed(b"")


class _CheckedBody(httpx2.SyncByteStream, httpx2.AsyncByteStream):
    """The server's body, passed on unchanged while the checker reads along."""

    def __init__(self, inner: Any, checker: _JSONChecker | _SSEChecker) -> None:
        self.inner, self.checker = inner, checker

    def __iter__(self) -> Iterator[bytes]:
        for piece in self.inner:
            self.checker.feed(piece)
            yield piece
        self.checker.end()

    async def __aiter__(self) -> AsyncIterator[bytes]:
        async for piece in self.inner:
            self.checker.feed(piece)
            yield piece
        self.checker.end()

    def close(self) -> None:
        self.inner.close()

    async def aclose(self) -> None:
        await self.inner.aclose()


class _Transport(httpx2.BaseTransport):
    def __init__(self, contract: Contract, inner: httpx2.BaseTransport) -> None:
        self.contract, self.inner = contract, inner

    def handle_request(self, request: httpx2.Request) -> httpx2.Response:
        self.contract.request(request)
        return self.contract.response(request, self.inner.handle_request(request))

    def close(self) -> None:
        self.inner.close()


class _AsyncTransport(httpx2.AsyncBaseTransport):
    def __init__(self, contract: Contract, inner: httpx2.AsyncBaseTransport) -> None:
        self.contract, self.inner = contract, inner

    async def handle_async_request(self, request: httpx2.Request) -> httpx2.Response:
        self.contract.request(request)
        return self.contract.response(request, await self.inner.handle_async_request(request))

    async def aclose(self) -> None:
        await self.inner.aclose()


# -- one test body for Client and AsyncClient ---------------------------------------------------------------


class Run(Dual):
    """A client of one kind on the local server, and helpers that hide ``await`` for the async one."""

    def __init__(self, kind: str, server: LocalServer, limits: httpx2.Limits | None = None) -> None:
        super().__init__(kind)
        self.contract = Contract(server.base_url)
        options = dict(base_url=server.base_url, api_key="sk-local", model=server.model, max_retries=0)
        if self.loop is None:
            self.client: Any = oc.Client(
                **options, timeout=TIMEOUT, http_client=self.contract.sync_client(limits)
            )
        else:
            self.client = oc.AsyncClient(
                **options, timeout=TIMEOUT, http_client=self.contract.async_client(limits)
            )

    def close(self) -> None:
        if self.loop is None:
            self.client.http_client.close()
        else:
            self.call(self.client.http_client.aclose)
        self.close_loop()
