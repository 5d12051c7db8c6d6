"""``client.chat.run_tools``: the loop over a scripted fake server, the same body for both clients."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from typing import Any

import httpx2
import pytest
from openai_chat import AsyncClient, Client, function_tool
from openai_chat._tool_loop import ToolRunCompletion, plan_call, tool_result_content

# -- a scripted server ---------------------------------------------------------------------------------------


def completion(*, content: str | None = None, calls: list[tuple[str, str, str]] = ()) -> dict[str, Any]:
    message: dict[str, Any] = {"role": "assistant", "content": content, "refusal": None}
    if calls:
        message["tool_calls"] = [
            {"id": cid, "type": "function", "function": {"name": name, "arguments": args}}
            for cid, name, args in calls
        ]
    return {
        "id": "chatcmpl-1",
        "object": "chat.completion",
        "created": 0,
        "model": "m",
        "choices": [
            {
                "index": 0,
                "finish_reason": "tool_calls" if calls else "stop",
                "logprobs": None,
                "message": message,
            }
        ],
    }


class Script:
    """Answers each POST with the next scripted completion and keeps the request bodies."""

    def __init__(self, *answers: dict[str, Any]) -> None:
        self.answers = list(answers)
        self.bodies: list[dict[str, Any]] = []

    def __call__(self, request: httpx2.Request) -> httpx2.Response:
        self.bodies.append(json.loads(request.content))
        return httpx2.Response(
            200, json=self.answers.pop(0), headers={"x-request-id": f"req-{len(self.bodies)}"}
        )


@pytest.fixture(params=["sync", "async"])
def run(request: pytest.FixtureRequest) -> Callable[..., Any]:
    """``run(script, **kwargs)``: ``chat.run_tools(**kwargs)`` on a Client or an AsyncClient."""
    mode = request.param

    def go(script: Script, **kwargs: Any) -> Any:
        transport = httpx2.MockTransport(script)
        if mode == "sync":
            with Client(
                http_client=httpx2.Client(transport=transport), api_key="k", base_url="http://test/v1"
            ) as c:
                return c.chat.run_tools(model="m", **kwargs)

        async def main() -> Any:
            http = httpx2.AsyncClient(transport=transport)
            async with AsyncClient(http_client=http, api_key="k", base_url="http://test/v1") as c:
                return await c.chat.run_tools(model="m", **kwargs)

        return asyncio.run(main())

    return go


def get_weather(city: str) -> dict:
    """Current weather in a city."""
    return {"city": city, "temp": 21}


def add(a: int, b: int) -> int:
    """Add two integers."""
    return a + b


# -- the loop --------------------------------------------------------------------------------------------------


def test_two_rounds_of_parallel_calls(run: Callable[..., Any]) -> None:
    script = Script(
        completion(
            calls=[("c1", "get_weather", '{"city": "Oslo"}'), ("c2", "get_weather", '{"city": "Rome"}')]
        ),
        completion(calls=[("c3", "add", '{"a": 2, "b": 3}'), ("c4", "add", '{"a": 1, "b": 1}')]),
        completion(content="Oslo 21, Rome 21; 5 and 2."),
    )
    caller_messages = [{"role": "user", "content": "Weather and sums?"}]
    result = run(script, messages=caller_messages, tools=[get_weather, add])

    assert isinstance(result, ToolRunCompletion)
    assert result.text == "Oslo 21, Rome 21; 5 and 2."
    assert result.request_id == "req-3"
    assert len(result.completions) == 3
    assert caller_messages == [{"role": "user", "content": "Weather and sums?"}]  # not mutated

    # Every request sent the tools; each later one carries the previous answers in order.
    assert [t["function"]["name"] for t in script.bodies[0]["tools"]] == ["get_weather", "add"]
    second = script.bodies[1]["messages"]
    assert [m["role"] for m in second] == ["user", "assistant", "tool", "tool"]
    assert second[1]["tool_calls"][1]["id"] == "c2"
    assert second[2] == {"role": "tool", "tool_call_id": "c1", "content": '{"city": "Oslo", "temp": 21}'}
    assert second[3]["tool_call_id"] == "c2"
    third = script.bodies[2]["messages"]
    assert [m.get("content") for m in third[-2:]] == ["5", "2"]

    roles = ["user", "assistant", "tool", "tool", "assistant", "tool", "tool", "assistant"]
    assert [m["role"] for m in result.messages] == roles
    assert result.messages[-1]["content"] == "Oslo 21, Rome 21; 5 and 2."


def test_a_tool_that_raises_becomes_an_error_message(run: Callable[..., Any]) -> None:
    def divide(a: float, b: float) -> float:
        return a / b

    script = Script(completion(calls=[("c1", "divide", '{"a": 1, "b": 0}')]), completion(content="Cannot."))
    result = run(script, messages="1/0?", tools=[divide])
    assert result.text == "Cannot."
    tool_message = script.bodies[1]["messages"][-1]
    assert tool_message == {
        "role": "tool",
        "tool_call_id": "c1",
        "content": "error: ZeroDivisionError: float division by zero",
    }


def test_raise_on_error_raises_the_tools_exception(run: Callable[..., Any]) -> None:
    def broken() -> str:
        raise KeyError("missing")

    script = Script(completion(calls=[("c1", "broken", "{}")]))
    with pytest.raises(KeyError, match="missing"):
        run(script, messages="go", tools=[broken], raise_on_error=True)
    assert len(script.bodies) == 1


def test_unknown_tool_and_invalid_arguments(run: Callable[..., Any]) -> None:
    script = Script(
        completion(
            calls=[
                ("c1", "launch", "{}"),
                ("c2", "add", '{"a": 1, "b": '),
                ("c3", "add", '{"a": "one", "b": 2}'),
                ("c4", "add", '{"a": 1, "b": 2}'),
            ]
        ),
        completion(content="done"),
    )
    result = run(script, messages="go", tools=[add])
    contents = {m["tool_call_id"]: m["content"] for m in script.bodies[1]["messages"] if m["role"] == "tool"}
    assert contents["c1"] == "error: unknown tool 'launch'; the tools that can run are: add"
    assert contents["c2"].startswith("error: tool 'add': arguments are not valid JSON")
    assert contents["c3"] == "error: tool 'add': arguments.a: expected integer, got string"
    assert contents["c4"] == "3"  # the good call in the same step still runs
    assert result.text == "done"


def test_raise_on_error_for_a_bad_call_is_a_value_error(run: Callable[..., Any]) -> None:
    script = Script(completion(calls=[("c1", "launch", "{}")]))
    with pytest.raises(ValueError, match="unknown tool 'launch'"):
        run(script, messages="go", tools=[add], raise_on_error=True)


def test_max_steps_returns_the_last_completion_and_a_resumable_conversation(run: Callable[..., Any]) -> None:
    calls = 0

    def tick() -> int:
        nonlocal calls
        calls += 1
        return calls

    script = Script(*(completion(calls=[(f"c{i}", "tick", "{}")]) for i in range(2)))
    result = run(script, messages="tick forever", tools=[tick], max_steps=2)
    assert len(script.bodies) == 2
    assert calls == 1  # the last step's call is left for the caller, not run
    assert result.finish_reason == "tool_calls"
    assert [c.id for c in result.tool_calls] == ["c1"]
    assert result.messages[-1]["tool_calls"][0]["id"] == "c1"

    # Handing the conversation back runs the pending call first, then asks the model again.
    script = Script(completion(content="stopped"))
    resumed = run(script, messages=result.messages, tools=[tick], max_steps=1)
    assert calls == 2
    assert script.bodies[0]["messages"][-1] == {"role": "tool", "tool_call_id": "c1", "content": "2"}
    assert resumed.text == "stopped"


def test_create_arguments_pass_through(run: Callable[..., Any]) -> None:
    script = Script(completion(content="hi"))
    run(script, messages="hi", tools=[add], temperature=0.0, tool_choice="auto")
    assert script.bodies[0]["temperature"] == 0.0
    assert script.bodies[0]["tool_choice"] == "auto"
    assert script.bodies[0]["model"] == "m"


def test_caller_mistakes_fail_before_any_request(run: Callable[..., Any]) -> None:
    script = Script()
    with pytest.raises(ValueError, match="max_steps"):
        run(script, messages="hi", tools=[add], max_steps=0)
    with pytest.raises(TypeError, match="stream"):
        run(script, messages="hi", tools=[add], stream=True)
    with pytest.raises(ValueError, match="at least one tool"):
        run(script, messages="hi", tools=[])
    assert script.bodies == []


def test_async_tools_run_concurrently_in_the_async_loop() -> None:
    started: list[str] = []
    both_started = asyncio.Event()

    async def slow(name: str) -> str:
        """Waits until both calls of the step have started: only true when they run concurrently."""
        started.append(name)
        if len(started) == 2:
            both_started.set()
        await asyncio.wait_for(both_started.wait(), 5)
        return name.upper()

    script = Script(
        completion(calls=[("c1", "slow", '{"name": "a"}'), ("c2", "slow", '{"name": "b"}')]),
        completion(content="AB"),
    )

    async def main() -> Any:
        http = httpx2.AsyncClient(transport=httpx2.MockTransport(script))
        async with AsyncClient(http_client=http, api_key="k", base_url="http://test/v1", model="m") as c:
            return await c.chat.run_tools(messages="go", tools=[slow])

    result = asyncio.run(main())
    assert result.text == "AB"
    assert [m["content"] for m in script.bodies[1]["messages"][-2:]] == ["A", "B"]


def test_the_sync_loop_refuses_async_tools() -> None:
    async def fetch() -> str:
        return "x"

    transport = httpx2.MockTransport(Script())
    with Client(http_client=httpx2.Client(transport=transport), api_key="k", base_url="http://test/v1") as c:
        with pytest.raises(TypeError, match="async"):
            c.chat.run_tools(model="m", messages="hi", tools=[fetch])


# -- the pure parts ---------------------------------------------------------------------------------------------


def test_plan_call_decodes_typed_arguments() -> None:
    registry = {"add": function_tool(add)}
    planned = plan_call(
        {"id": "c", "type": "function", "function": {"name": "add", "arguments": '{"a":1,"b":2}'}}, registry
    )
    assert planned.arguments == {"a": 1, "b": 2} and planned.error is None
    custom = plan_call({"id": "c", "type": "custom", "custom": {"name": "sh", "input": "ls"}}, registry)
    assert "custom tool calls are not run" in str(custom.error)


def test_tool_result_content() -> None:
    import dataclasses
    import datetime as dt

    @dataclasses.dataclass
    class Point:
        x: int
        when: dt.date

    assert tool_result_content("plain") == "plain"
    assert tool_result_content(None) == "null"
    assert tool_result_content({"ü": [1, 2]}) == '{"ü": [1, 2]}'
    assert json.loads(tool_result_content(Point(1, dt.date(2024, 5, 1)))) == {"x": 1, "when": "2024-05-01"}
