"""The client against a real local model server (llama_cpp.server, chat format gemma, Gemma 3 270M).

The contract is checked both ways on every exchange: each request the client sends must fit
``openapi.yaml``, and each 2xx body and stream chunk the server returns must parse with the generated
models (see :class:`Contract`). The checks run in the transport, so they raise inside the call that broke
them.

What this server (llama-cpp-python 0.3.x) does differently from the API, as seen here:

* Responses leave out ``message.refusal`` (required, nullable) and never send ``system_fingerprint`` or
  ``service_tier`` (optional). The models take a missing ``refusal`` as unset.
* A message with tool calls also carries the deprecated ``function_call`` with the same name and arguments.
* Streamed tool calls send ``delta`` objects with ``role``, ``content``, ``function_call`` and ``tool_calls``
  all ``null``; the generated models read an optional field sent as ``null`` as unset. The arguments
  arrive twice, once as ``function_call`` and once as ``tool_calls`` deltas; the accumulator counts a
  ``function_call`` that mirrors ``tool_calls`` in the same delta once.
* ``stream_options.include_usage`` is ignored: no usage chunk, so a streamed completion has no usage.
* ``n`` is ignored (one choice); tool-call ids look like ``call__0_<name>_cmpl-<uuid>``; forced tool-call
  arguments and JSON answers come padded with spaces (``{ "city": "Oslo" } ``).
* ``response_format`` ``json_schema`` is refused (HTTP 500, "Input should be 'text' or 'json_object'"); it
  takes ``{"type": "json_object", "schema": ...}`` instead, which the tests send through ``extra_body``.
* Its own request validation answers HTTP 500 (type ``internal_server_error``, the message a pydantic
  report with a server traceback): a ``developer`` message, an assistant message with ``content: null``
  (the API allows it next to tool calls), ``mirostat_mode: 7``. A prompt longer than the context is a
  proper 400 ``context_length_exceeded``.
* The gemma chat format drops ``system`` and ``tool`` messages from the prompt, and fails (HTTP 500,
  KeyError 'content') on an assistant message without ``content``.
* Stored completions are not implemented: ``GET /chat/completions`` is 405, ``GET /chat/completions/{id}``
  404 with ``{"detail": "Not Found"}``.
* By default a new request interrupts a stream in progress (the running stream gets ``data: [DONE]`` and
  the connection drops mid-body); ``LocalServer`` starts the server with ``--interrupt_requests False``.
"""

from __future__ import annotations

import asyncio
import contextlib
import inspect
import json
import sys
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import attrs
import httpx2
import openai_chat as oc
import pytest
from openai_chat.local import LocalServer
from openai_chat_api.models import CreateChatCompletionResponse, CreateChatCompletionStreamResponse

_TESTS = str(Path(__file__).resolve().parents[1])
if _TESTS not in sys.path:  # tests/ is not a package; the contract helper lives there
    sys.path.append(_TESTS)

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


class Run:
    """A client of one kind on the local server, and helpers that hide ``await`` for the async one."""

    def __init__(self, kind: str, server: LocalServer, limits: httpx2.Limits | None = None) -> None:
        self.kind = kind
        self.contract = Contract(server.base_url)
        self.loop = asyncio.new_event_loop() if kind == "async" else None
        options = dict(base_url=server.base_url, api_key="sk-local", model=server.model, max_retries=0)
        if self.loop is None:
            self.client: Any = oc.Client(
                **options, timeout=TIMEOUT, http_client=self.contract.sync_client(limits)
            )
        else:
            self.client = oc.AsyncClient(
                **options, timeout=TIMEOUT, http_client=self.contract.async_client(limits)
            )

    def call(self, fn: Any, /, *args: Any, **kwargs: Any) -> Any:
        result = fn(*args, **kwargs)
        if inspect.isawaitable(result):
            assert self.loop is not None
            return self.loop.run_until_complete(_await(result))
        return result

    def items(self, iterable: Any) -> Iterator[Any]:
        if hasattr(iterable, "__aiter__"):
            iterator = iterable.__aiter__()
            while True:
                try:
                    yield self.call(iterator.__anext__)
                except StopAsyncIteration:
                    return
        else:
            yield from iterable

    @contextlib.contextmanager
    def opened(self, manager: Any) -> Iterator[Any]:
        if hasattr(manager, "__aenter__"):
            value = self.call(manager.__aenter__)
            try:
                yield value
            finally:
                self.call(manager.__aexit__, None, None, None)
        else:
            with manager as value:
                yield value

    def close(self) -> None:
        if self.loop is None:
            self.client.http_client.close()
        else:
            self.call(self.client.http_client.aclose)
            self.loop.close()


async def _await(awaitable: Any) -> Any:
    return await awaitable


@pytest.fixture(params=["sync", "async"])
def run(request: pytest.FixtureRequest, local_server: LocalServer) -> Iterator[Run]:
    r = Run(request.param, local_server)
    yield r
    r.close()


@pytest.fixture
def client(local_server: LocalServer) -> Iterator[oc.Client]:
    r = Run("sync", local_server)
    yield r.client
    r.close()
    assert r.contract.requests, "the contract saw no request: is the checking transport in place?"


def _usage(completion: oc.ChatCompletion) -> dict[str, Any] | None:
    return None if completion.usage is None else completion.usage.to_dict()


# -- create and stream --------------------------------------------------------------------------------------


def test_create_answers(run: Run, local_server: LocalServer) -> None:
    completion = run.call(run.client.chat.create, messages=[oc.user("Say hi.")], max_tokens=8, temperature=0)
    assert isinstance(completion, oc.ChatCompletion)
    assert completion.text and isinstance(completion.text, str)
    assert completion.model == local_server.model
    assert completion.finish_reason in ("stop", "length")
    usage = completion.usage
    assert 0 < usage.completion_tokens <= 8
    assert usage.total_tokens == usage.prompt_tokens + usage.completion_tokens
    assert completion.to_message() == {"role": "assistant", "content": completion.text}
    assert completion.request_id  # the server sends x-request-id
    assert run.contract.bodies == 1


def test_stream_text_is_the_concatenated_deltas(run: Run) -> None:
    stream = run.client.chat.stream(messages="Count from one to ten.", max_tokens=12, temperature=0)
    with run.opened(stream) as s:
        pieces = list(run.items(s.text()))
        final = run.call(s.final)
    assert len(pieces) > 1, "the answer arrived in one piece: not streamed"
    assert "".join(pieces) == final.text
    assert final.finish_reason == "length"
    # The client asks for the usage chunk; the final completion's usage is exactly what the stream carried
    # (this server ignores include_usage and sends none).
    assert run.contract.requests[-1]["stream_options"] == {"include_usage": True}
    carried = [chunk["usage"] for chunk in run.contract.chunks if chunk.get("usage")]
    assert _usage(final) == (carried[-1] if carried else None)


def test_max_tokens_stops_with_length(client: oc.Client) -> None:
    completion = client.chat.create(messages="Tell me a long story.", max_tokens=3, temperature=0)
    assert completion.finish_reason == "length"
    assert completion.usage.completion_tokens == 3


def test_stop_sequence_ends_the_answer_before_it(client: oc.Client) -> None:
    prompt = "Count: one, two, three, four, five"
    # The bundled server's first greedy answer to a prompt can differ from the next ones (its prompt cache
    # changes the arithmetic slightly); ask once so that the answer compared against is the settled one.
    client.chat.create(messages=prompt, max_tokens=16, temperature=0)
    free = client.chat.create(messages=prompt, max_tokens=16, temperature=0).text
    words = free.split()
    assert len(words) >= 3, f"too short an answer to pick a stop word from: {free!r}"
    stop = words[len(words) // 2]
    completion = client.chat.create(messages=prompt, max_tokens=16, temperature=0, stop=[stop])
    assert completion.finish_reason == "stop"
    assert stop not in completion.text
    assert completion.text == free[: free.index(stop)]


@pytest.mark.parametrize("temperature", [0.0, 0.8])
def test_the_same_seed_gives_the_same_text(client: oc.Client, temperature: float) -> None:
    texts = [
        client.chat.create(messages="Tell me a story.", max_tokens=10, temperature=temperature, seed=7).text
        for _ in range(2)
    ]
    assert texts[0] and texts[0] == texts[1]


# -- tools and structured outputs ---------------------------------------------------------------------------


def get_weather(city: str) -> str:
    """Current weather in a city.

    Args:
        city: The city name.
    """
    return f"Sunny and 21 degrees in {city}."


FORCE_WEATHER = {"type": "function", "function": {"name": "get_weather"}}
WEATHER_DEFINITION = {
    "type": "function",
    "function": {
        "name": "get_weather",
        "description": "Current weather in a city.",
        "parameters": {"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"]},
    },
}


@pytest.mark.parametrize("given", ["function_tool", "definition"])
def test_forced_tool_call_parses_into_a_call(client: oc.Client, given: str) -> None:
    tool = oc.function_tool(get_weather)
    completion = client.chat.create(
        messages="What is the weather in Oslo?",
        tools=[tool if given == "function_tool" else WEATHER_DEFINITION],
        tool_choice=FORCE_WEATHER,
        max_tokens=40,
        temperature=0,
    )
    assert completion.finish_reason == "tool_calls"
    assert completion.text is None
    [call] = completion.tool_calls
    assert call.id and call.function.name == "get_weather"
    arguments = oc.decode_arguments(tool, call.function.arguments)
    assert set(arguments) == {"city"} and isinstance(arguments["city"], str)
    assert tool.call(call.function.arguments) == get_weather(arguments["city"])
    # The call replays as the API wants it (content null next to tool calls).
    replay = completion.to_message()
    assert replay["content"] is None and replay["tool_calls"][0]["id"] == call.id


def test_tool_result_goes_back_for_an_answer(client: oc.Client) -> None:
    tool = oc.function_tool(get_weather)
    first = client.chat.create(
        messages="What is the weather in Oslo?", tools=[tool], tool_choice=FORCE_WEATHER, max_tokens=40
    )
    [call] = first.tool_calls
    # content "" rather than the model's null: this server accepts no other form (see the module docstring).
    messages = [
        oc.user("What is the weather in Oslo?"),
        oc.assistant("", tool_calls=first.tool_calls),
        oc.tool(call.id, tool.call(call.function.arguments)),
    ]
    answer = client.chat.create(messages=messages, tools=[tool], tool_choice="none", max_tokens=8)
    assert answer.text and not answer.tool_calls


@pytest.mark.xfail(
    strict=True,
    raises=oc.InternalServerError,
    reason="the server refuses the model's own tool-call message replayed with content null (the API "
    "allows it), so run_tools cannot send tool results back to it",
)
def test_run_tools_runs_the_function_and_sends_the_result(client: oc.Client) -> None:
    first = client.chat.run_tools(
        messages="What is the weather in Oslo?",
        tools=[get_weather],
        tool_choice=FORCE_WEATHER,
        max_steps=1,
        max_tokens=40,
    )
    assert first.finish_reason == "tool_calls" and len(first.tool_calls) == 1  # max_steps: not run yet
    result = client.chat.run_tools(messages=first.messages, tools=[get_weather], max_steps=1, max_tokens=8)
    assert result.messages[2]["role"] == "tool" and result.messages[2]["content"].startswith("Sunny")


def test_streamed_tool_call_chunks_parse(client: oc.Client) -> None:
    with client.chat.stream(
        messages="What is the weather in Oslo?",
        tools=[WEATHER_DEFINITION],
        tool_choice=FORCE_WEATHER,
        max_tokens=40,
    ) as s:
        chunks = list(s)  # typed chunks, the way a caller iterates
    assert chunks and s.final().tool_calls[0].function.name == "get_weather"


@attrs.define
class City:
    name: str
    country: str


def _json_object_for(tp: Any) -> dict[str, Any]:
    """This server's dialect of a JSON-schema response format (it refuses ``json_schema``)."""
    return {"response_format": {"type": "json_object", "schema": oc.json_schema_for(tp)}}


@pytest.mark.parametrize("how", ["parse", "stream"])
def test_structured_answer_parses_into_the_class(client: oc.Client, how: str) -> None:
    ask: dict[str, Any] = dict(
        messages="Name a city in Norway. Answer in JSON.",
        response_format=City,
        max_tokens=48,
        temperature=0,
        extra_body=_json_object_for(City),
    )
    if how == "parse":
        completion = client.chat.parse(**ask)
    else:
        with client.chat.stream(**ask) as s:
            completion = s.final()
    assert completion.finish_reason == "stop"
    assert isinstance(completion.parsed, City)
    assert isinstance(completion.parsed.name, str) and isinstance(completion.parsed.country, str)
    assert json.loads(completion.text) == attrs.asdict(completion.parsed)


# -- concurrency, errors and the pool -----------------------------------------------------------------------


def test_eight_concurrent_streams_all_complete(local_server: LocalServer) -> None:
    r = Run("async", local_server)

    async def one(i: int) -> tuple[str, oc.ChatCompletion]:
        async with r.client.chat.stream(messages=f"Count to {i + 2}.", max_tokens=6, temperature=0) as s:
            text = "".join([piece async for piece in s.text()])
            return text, await s.final()

    async def all_of_them() -> list[Any]:
        return await asyncio.gather(*(one(i) for i in range(8)), return_exceptions=True)

    try:
        results = r.call(all_of_them)
    finally:
        r.close()
    for result in results:
        if isinstance(result, BaseException):
            raise result
    assert len(results) == 8
    for text, final in results:
        assert final.finish_reason in ("stop", "length") and final.text == text


def _too_long(client: oc.Client) -> Any:
    return client.chat.create(messages="word " * 3000, max_tokens=2)


def _rejected_by_server_validation(client: oc.Client) -> Any:
    return client.chat.create(messages="Hi", max_tokens=2, extra_body={"mirostat_mode": 7})


def _stored_get(client: oc.Client) -> Any:
    return client.chat.completions.get("chatcmpl-not-stored")


def _stored_list(client: oc.Client) -> Any:
    return list(client.chat.completions.list(limit=2))


@pytest.mark.parametrize(
    ("call", "error", "status"),
    [
        (_too_long, oc.BadRequestError, 400),
        (_rejected_by_server_validation, oc.InternalServerError, 500),
        (_stored_get, oc.NotFoundError, 404),
        (_stored_list, oc.APIStatusError, 405),
    ],
)
def test_server_rejection_maps_to_the_status_class(
    client: oc.Client, call: Any, error: type[oc.APIStatusError], status: int
) -> None:
    with pytest.raises(oc.APIStatusError) as caught:
        call(client)
    exc = caught.value
    assert type(exc) is error
    assert exc.status_code == status
    assert exc.body == exc.response.json()
    assert exc.request_id == exc.response.headers["x-request-id"]
    if status == 400:
        assert (exc.code, exc.param) == ("context_length_exceeded", "messages")
        assert "context length" in exc.message


@pytest.mark.parametrize("kind", ["sync", "async"])
def test_breaking_out_of_a_stream_gives_the_connection_back(kind: str, local_server: LocalServer) -> None:
    # One connection and a short pool timeout: a connection kept by the broken-off stream fails the next call.
    r = Run(kind, local_server, limits=httpx2.Limits(max_connections=1))
    try:
        with r.opened(r.client.chat.stream(messages="Tell me a long story.", max_tokens=64)) as s:
            for _piece in r.items(s.text()):
                break
        assert s.response is not None and s.response.is_closed
        completion = r.call(r.client.chat.create, messages="Say hi.", max_tokens=2)
        assert completion.finish_reason == "length"
        with r.opened(r.client.chat.stream(messages="Say hi.", max_tokens=3)) as s:
            assert r.call(s.final).finish_reason == "length"
        assert r.call(r.client.chat.create, messages="Say hi.", max_tokens=2).text
    finally:
        r.close()
