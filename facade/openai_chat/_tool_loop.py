"""``client.chat.run_tools(...)``: call the model, run the functions it asks for, repeat until it answers.

The decisions live in one generator, :func:`_flow`, that does no I/O: it yields :class:`Ask` ("call the
model with this conversation") and :class:`Run` ("run these tool calls") and is sent the answers back.
``arun_tools`` (``openai_chat._async.tools``) drives it, and the sync ``run_tools`` is generated from it;
they differ in how they wait and in how one step's calls run (:func:`run_one`, :func:`arun_one`).

What the loop returns is a :class:`ToolRunCompletion`: the last completion, plus ``messages`` (the whole
conversation, ending with the model's last message) and ``completions`` (every model answer, in order).
When ``max_steps`` model calls were made and the model still asks for tools, the loop stops without
running them: the result's ``tool_calls`` are those calls, ``finish_reason`` is ``"tool_calls"``, and
passing ``result.messages`` back to ``run_tools`` runs them and carries on.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import inspect
import json
from collections.abc import Generator, Iterable, Mapping
from typing import Any, NamedTuple

from ._messages import normalize_messages
from ._models import ChatCompletion
from ._schema import is_attrs_class
from ._tools import FunctionTool, decode_arguments, prepare_tools

__all__ = [
    "Ask",
    "Run",
    "ToolRunCompletion",
    "arun_one",
    "plan_call",
    "run_one",
    "start",
    "tool_result_content",
]

# What a driver reports for one planned call: (result, None) or (None, the exception the tool raised).
Outcome = tuple[Any, BaseException | None]


class ToolRunCompletion(ChatCompletion):
    """The completion that ended a tool run, with the conversation that led to it.

    >>> result = client.chat.run_tools(messages="Weather in Oslo?", tools=[get_weather])  # doctest: +SKIP
    >>> result.text, len(result.completions), result.messages[-1]["role"]                  # doctest: +SKIP
    ('Sunny, 21 °C.', 2, 'assistant')
    """

    messages: list[dict[str, Any]]
    """The whole conversation: the messages sent, each answer and each tool's result."""
    completions: list[ChatCompletion]
    """Every completion of the run, the last one included."""

    def __init__(
        self,
        *args: Any,
        messages: list[dict[str, Any]] | None = None,
        completions: list[ChatCompletion] | None = None,
        **fields: Any,
    ) -> None:
        """The completion's fields as :class:`ChatCompletion` takes them, then the run's conversation."""
        super().__init__(*args, **fields)
        self.messages = [] if messages is None else messages
        self.completions = [] if completions is None else completions


def _tool_run_completion(
    last: ChatCompletion, messages: list[dict[str, Any]], completions: list[ChatCompletion]
) -> ToolRunCompletion:
    result = ToolRunCompletion(
        **{name: getattr(last, name) for name in last.__match_args__},
        messages=messages,
        completions=completions,
    )
    result.additional_properties = last.additional_properties  # unknown fields the server sent
    result.request_id, result._http = last.request_id, last._http
    return result


# -- pure decisions ------------------------------------------------------------------------------------------


class PlannedCall(NamedTuple):
    """One tool call the model made: ready to run (``tool`` and ``arguments``) or refused (``error``)."""

    id: str
    name: str
    tool: FunctionTool | None = None
    arguments: dict[str, Any] | None = None
    error: Exception | None = None


def plan_call(call: Mapping[str, Any], registry: Mapping[str, FunctionTool]) -> PlannedCall:
    """Decide how to answer one tool call (in request form: ``{"id", "type", "function": {...}}``)."""
    call_id = call.get("id")
    call_id = call_id if isinstance(call_id, str) else ""
    if call.get("type", "function") != "function" or not isinstance(call.get("function"), Mapping):
        kind = call.get("type")
        name = (call.get(kind) or {}).get("name", "") if isinstance(kind, str) else ""
        return PlannedCall(
            call_id, str(name), error=ValueError(f"{kind} tool calls are not run by run_tools")
        )
    function = call["function"]
    name = function.get("name")
    name = name if isinstance(name, str) else ""
    tool = registry.get(name)
    if tool is None:
        known = ", ".join(sorted(registry)) or "none"
        return PlannedCall(
            call_id, name, error=ValueError(f"unknown tool {name!r}; the tools that can run are: {known}")
        )
    try:
        arguments = decode_arguments(tool, function.get("arguments") or "")
    except (ValueError, TypeError) as exc:
        return PlannedCall(call_id, name, tool, error=exc)
    return PlannedCall(call_id, name, tool, arguments)


def _jsonable(value: Any) -> Any:
    if hasattr(value, "to_dict") and not isinstance(value, type):
        return value.to_dict()  # a generated model
    if is_attrs_class(type(value)):
        import attrs  # loaded already: the value is an instance of an attrs class

        return attrs.asdict(value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.asdict(value)
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, (dt.datetime, dt.date, dt.time)):
        return value.isoformat()
    if isinstance(value, (set, frozenset)):
        return list(value)
    return str(value)


def tool_result_content(value: Any) -> str:
    """What a tool message carries for a result: a str as it is, anything else as JSON.

    >>> tool_result_content({"temp": 21})
    '{"temp": 21}'
    """
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False, default=_jsonable)


def _error_text(exc: BaseException) -> str:
    return f"error: {type(exc).__name__}: {exc}"


def _tool_messages(
    planned: list[PlannedCall], outcomes: list[Outcome], raise_on_error: bool
) -> list[dict[str, Any]]:
    messages = []
    for call, (value, exc) in zip(planned, outcomes, strict=True):
        if call.error is not None:
            if raise_on_error:
                raise call.error
            content = f"error: {call.error}"
        elif exc is not None:
            if raise_on_error:
                raise exc
            content = _error_text(exc)
        else:
            try:
                content = tool_result_content(value)
            except (TypeError, ValueError) as error:  # e.g. a circular structure
                if raise_on_error:
                    raise
                content = _error_text(error)
        messages.append({"role": "tool", "tool_call_id": call.id, "content": content})
    return messages


def _unanswered(conversation: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The tool calls of the last assistant message that no tool message after it answers."""
    answered: set[Any] = set()
    for message in reversed(conversation):
        role = message.get("role")
        if role == "tool":
            answered.add(message.get("tool_call_id"))
        elif role == "assistant":
            calls = message.get("tool_calls") or []
            return [c for c in calls if isinstance(c, dict) and c.get("id") not in answered]
        else:
            return []
    return []


class Ask(NamedTuple):
    messages: list[dict[str, Any]]


class Run(NamedTuple):
    calls: list[PlannedCall]


def _flow(
    conversation: list[dict[str, Any]],
    registry: Mapping[str, FunctionTool],
    max_steps: int,
    raise_on_error: bool,
) -> Generator[Ask | Run, Any, ToolRunCompletion]:
    completions: list[ChatCompletion] = []
    pending = _unanswered(conversation)  # a conversation handed back after max_steps
    while True:
        if pending:
            planned = [plan_call(call, registry) for call in pending]
            outcomes = yield Run(planned)
            conversation.extend(_tool_messages(planned, outcomes, raise_on_error))
        completion: ChatCompletion = yield Ask(list(conversation))
        completions.append(completion)
        conversation.append(completion.to_message())
        pending = _unanswered(conversation)
        if not pending or len(completions) >= max_steps:
            return _tool_run_completion(completion, conversation, completions)


def start(
    messages: Any,
    tools: Iterable[Any],
    max_steps: int,
    raise_on_error: bool,
    create_kwargs: Mapping[str, Any],
    *,
    is_async: bool,
) -> tuple[list[dict[str, Any]], Generator[Ask | Run, Any, ToolRunCompletion]]:
    """Check the arguments (before any request) and start the flow; returns the definitions to send."""
    if isinstance(max_steps, bool) or not isinstance(max_steps, int) or max_steps < 1:
        raise ValueError(f"max_steps must be an int >= 1, got {max_steps!r}")
    if not isinstance(raise_on_error, bool):
        raise TypeError(f"raise_on_error must be a bool, got {raise_on_error!r}")
    for key in ("stream", "tools"):
        if key in create_kwargs:
            raise TypeError(
                f"run_tools() does not take {key}=; it makes non-streamed calls with its own tools"
            )
    definitions, registry = prepare_tools(tools)
    if not definitions:
        raise ValueError("tools must hold at least one tool")
    if not is_async:
        for tool in registry.values():
            if inspect.iscoroutinefunction(tool.fn):
                raise TypeError(f"tool {tool.name!r} is async; run it with AsyncClient's chat.run_tools")
    conversation = normalize_messages(messages)  # a new list: the caller's is never touched
    return definitions, _flow(conversation, registry, max_steps, raise_on_error)


# -- the two drivers -----------------------------------------------------------------------------------------


def _invoke(call: PlannedCall) -> Any:
    assert call.tool is not None and call.arguments is not None
    return call.tool.fn(**call.arguments)


def run_one(call: PlannedCall) -> Outcome:
    if call.error is not None:
        return None, None
    try:
        value = _invoke(call)
        if inspect.isawaitable(value):
            if inspect.iscoroutine(value):
                value.close()
            raise TypeError(f"tool {call.name!r} returned an awaitable; run it with AsyncClient")
    except Exception as exc:
        return None, exc
    return value, None


async def arun_one(call: PlannedCall) -> Outcome:
    if call.error is not None:
        return None, None
    try:
        value = _invoke(call)
        if inspect.isawaitable(value):
            value = await value
    except Exception as exc:
        return None, exc
    return value, None
