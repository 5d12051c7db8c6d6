"""The public methods introspect at runtime as a type checker reads them: real parameters, resolvable hints."""

from __future__ import annotations

import inspect
import typing
from typing import Any, Literal

import openai_chat as oc
import pytest
from openai_chat._async.client import AsyncChat, AsyncCompletions
from openai_chat._sync.client import Chat, Completions

PUBLIC_CLASSES = [
    oc.Client, oc.AsyncClient, oc.AzureClient, oc.AsyncAzureClient, Chat, AsyncChat, Completions,
    AsyncCompletions, oc.ChatStream, oc.AsyncChatStream, oc.SyncPager, oc.AsyncPager, oc.ChatCompletion,
    oc.ParsedChatCompletion, oc.ToolRunCompletion, oc.ResponseInfo, oc.ClientOptions,
]  # fmt: skip


def public_functions(cls: type) -> list[tuple[str, Any]]:
    """The methods and properties the façade and the generated layer define, constructors included."""
    dunders = ("__init__", "__enter__", "__aenter__", "__iter__", "__aiter__")
    out = []
    for name, value in inspect.getmembers(cls):
        if name.startswith("_") and name not in dunders:
            continue
        if isinstance(value, property):
            value = value.fget
        if inspect.isfunction(value) and value.__module__.startswith("openai_chat"):
            out.append((name, value))
    return out


@pytest.mark.parametrize("cls", PUBLIC_CLASSES, ids=lambda c: c.__name__)
def test_type_hints_resolve_at_runtime(cls: type) -> None:
    functions = public_functions(cls)
    assert functions
    for name, fn in functions:
        hints = typing.get_type_hints(fn)
        assert "return" in hints, f"{cls.__name__}.{name} says what it returns"


@pytest.mark.parametrize("chat", [Chat, AsyncChat], ids=["sync", "async"])
def test_create_is_overloaded_on_stream(chat: type) -> None:
    stream_class = oc.ChatStream if chat is Chat else oc.AsyncChatStream
    returns = {}
    for overload in typing.get_overloads(chat.create):
        hints = typing.get_type_hints(overload)
        returns[hints["stream"]] = hints["return"]
    assert returns == {
        Literal[False]: oc.ChatCompletion,
        Literal[True]: stream_class,
        bool: oc.ChatCompletion | stream_class,
    }
    parse = [typing.get_type_hints(o)["return"] for o in typing.get_overloads(chat.parse)]
    assert [typing.get_origin(r) for r in parse] == [oc.ParsedChatCompletion, oc.ParsedChatCompletion]


@pytest.mark.parametrize("chat", [Chat, AsyncChat], ids=["sync", "async"])
def test_run_tools_has_a_real_signature(chat: type) -> None:
    parameters = list(inspect.signature(chat.run_tools).parameters)
    assert parameters == ["self", "messages", "tools", "model", "max_steps", "raise_on_error", "params"]
    assert typing.get_type_hints(chat.run_tools)["return"] is oc.ToolRunCompletion


@pytest.mark.parametrize("client", [oc.Client, oc.AsyncClient], ids=["sync", "async"])
def test_with_options_takes_the_options_by_name(client: type) -> None:
    options = inspect.signature(oc.ClientOptions.create).parameters
    parameters = inspect.signature(client.with_options).parameters
    assert list(parameters)[1:] == list(options)
    assert all(p.kind is inspect.Parameter.KEYWORD_ONLY and p.default is oc.UNSET for p in parameters.values()
               if p.name != "self")  # fmt: skip


def test_with_options_refuses_an_unknown_option_before_anything_else() -> None:
    client = oc.Client(api_key="sk-x", base_url="http://127.0.0.1:9/v1")
    with pytest.raises(TypeError, match="max_retry"):
        client.with_options(max_retry=3)  # type: ignore[call-arg]
    copy = client.with_options(max_retries=5, model="m")
    assert (copy.options.max_retries, copy.options.model, copy.http_client) == (5, "m", client.http_client)
    client.close()
