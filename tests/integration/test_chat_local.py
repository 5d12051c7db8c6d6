"""The client on the local stack: the gateway in front of llama_cpp.server (chat format gemma, Gemma 3 270M).

The contract is checked both ways on every exchange (see ``localrun.Contract``). What the bundled server
does differently from the API, as seen here, and what the gateway makes of it
(``openai_chat._local_translate`` has the measurements):

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
* The server refuses the ``developer`` role, ``json_schema`` response formats and an assistant message
  with ``content: null``, and ignores ``max_completion_tokens``; the gateway translates all four, so the
  client sends what it sends to the API.
* Its own request validation answers HTTP 500 (type ``internal_server_error``, the message a pydantic
  report with a server traceback), e.g. for ``mirostat_mode: 7``. A prompt longer than the context is a
  proper 400 ``context_length_exceeded``.
* The packaged model is a base model, not an instruction-tuned one: its free text tends to repeat the
  prompt. Tool calls and JSON answers are grammar-constrained and read well.
* By default a new request interrupts a stream in progress (the running stream gets ``data: [DONE]`` and
  the connection drops mid-body); ``LocalServer`` starts the server with ``--interrupt_requests False``.
"""

from __future__ import annotations

import asyncio
import json
import uuid
from typing import Any

import attrs
import httpx2
import openai_chat as oc
import pytest
from localrun import Run
from openai_chat.local import LocalServer


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
    # The model's own message, replayed as the API returned it (content null next to the tool calls).
    messages = [
        oc.user("What is the weather in Oslo?"),
        first.to_message(),
        oc.tool(call.id, tool.call(call.function.arguments)),
    ]
    answer = client.chat.create(messages=messages, tools=[tool], tool_choice="none", max_tokens=8)
    assert answer.text and not answer.tool_calls


@pytest.mark.parametrize("kind", ["sync", "async"])
def test_run_tools_runs_the_function_and_sends_the_result(kind: str, local_server: LocalServer) -> None:
    r = Run(kind, local_server)
    try:
        first = r.call(
            r.client.chat.run_tools,
            messages="What is the weather in Oslo?",
            tools=[get_weather],
            tool_choice=FORCE_WEATHER,
            max_steps=1,
            max_tokens=40,
            temperature=0,
        )
        assert first.finish_reason == "tool_calls" and len(first.tool_calls) == 1  # max_steps: not run yet
        result = r.call(
            r.client.chat.run_tools, messages=first.messages, tools=[get_weather], max_steps=2, max_tokens=8
        )
    finally:
        r.close()
    assert [m["role"] for m in result.messages] == ["user", "assistant", "tool", "assistant"]
    assert result.messages[2]["content"].startswith("Sunny and 21 degrees in ")
    assert result.finish_reason in ("stop", "length") and result.text
    # the second call carried the model's tool-call message back with content null, as the API returns it
    replayed = r.contract.requests[-1]["messages"][1]
    assert replayed["content"] is None and replayed["tool_calls"][0]["id"] == first.tool_calls[0].id


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


@pytest.mark.parametrize("how", ["parse", "stream"])
def test_structured_answer_parses_into_the_class(client: oc.Client, how: str) -> None:
    ask: dict[str, Any] = dict(
        messages="Name a city in Norway. Answer in JSON.",
        response_format=City,
        max_tokens=48,
        temperature=0,
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


def test_eight_concurrent_stored_streams_all_complete(local_server: LocalServer) -> None:
    r = Run("async", local_server)
    mark = uuid.uuid4().hex

    async def one(i: int) -> tuple[str, oc.ChatCompletion]:
        stream = r.client.chat.stream(
            messages=f"Count to {i + 2}.", max_tokens=6, temperature=0, store=True, metadata={"run": mark}
        )
        async with stream as s:
            text = "".join([piece async for piece in s.text()])
            return text, await s.final()

    async def all_of_them() -> list[Any]:
        return await asyncio.gather(*(one(i) for i in range(8)), return_exceptions=True)

    try:
        results = r.call(all_of_them)
        stored = {c.id: c.text for c in r.items(r.client.chat.completions.list(metadata={"run": mark}))}
    finally:
        r.close()
    for result in results:
        if isinstance(result, BaseException):
            raise result
    assert len(results) == 8
    for text, final in results:
        assert final.finish_reason in ("stop", "length") and final.text == text
    assert stored == {final.id: final.text for _, final in results}


def _too_long(client: oc.Client) -> Any:
    return client.chat.create(messages="word " * 3000, max_tokens=2)


def _rejected_by_server_validation(client: oc.Client) -> Any:
    return client.chat.create(messages="Hi", max_tokens=2, extra_body={"mirostat_mode": 7})


def _stored_get(client: oc.Client) -> Any:
    return client.chat.completions.get("chatcmpl-not-stored")


def _image_part(client: oc.Client) -> Any:
    image = oc.image("https://example.com/cat.png")
    return client.chat.create(messages=[oc.user("What is this?", image)], max_tokens=2)


@pytest.mark.parametrize(
    ("call", "error", "status"),
    [
        (_too_long, oc.BadRequestError, 400),
        (_rejected_by_server_validation, oc.InternalServerError, 500),
        (_stored_get, oc.NotFoundError, 404),
        (_image_part, oc.BadRequestError, 400),
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
    if call is _too_long:
        assert (exc.code, exc.param) == ("context_length_exceeded", "messages")
        assert "context length" in exc.message
    if call is _image_part:  # the gateway says so rather than drop the image without a word
        assert exc.param == "messages[0].content" and "reads text only" in exc.message


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
