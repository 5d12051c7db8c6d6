# Generated from facade/openai_chat/_async/tools.py by scripts/unasync.py: edit that file, then `make generate`.
"""The driver of ``client.chat.run_tools``: the flow in ``openai_chat._tool_loop``, awaited.

The sync ``run_tools`` is generated from this module by ``scripts/unasync.py``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from openai_chat_api.types import UNSET, Unset

from .._tool_loop import Ask, ToolRunCompletion, run_one, start
from .._tools import ToolLike

if TYPE_CHECKING:
    from .client import Chat

__all__ = ["run_tools"]


def run_tools(
    chat: Chat,
    *,
    messages: Any,
    tools: Iterable[ToolLike],
    model: str | Unset = UNSET,
    max_steps: int = 10,
    raise_on_error: bool = False,
    **create_kwargs: Any,
) -> ToolRunCompletion:
    """Call the model with ``tools``, run the calls it makes, and repeat until it answers without any.

    ``max_steps`` caps the number of model calls. A tool that raises, an unknown tool name or arguments
    that do not fit the function become a tool message ``"error: ..."`` the model can react to; with
    ``raise_on_error=True`` they are raised instead. Other keyword arguments go to ``chat.create``.
    With the async client, async tools are awaited and one step's calls run concurrently (plain functions
    run on the event loop's thread: make slow ones async, or wrap them in ``asyncio.to_thread``).

    >>> def add(a: int, b: int) -> int:
    ...     "Add two integers."
    ...     return a + b
    >>> (client.chat.run_tools(messages="What is 2 + 3?", tools=[add])).text   # doctest: +SKIP
    '2 + 3 = 5.'
    """
    definitions, flow = start(messages, tools, max_steps, raise_on_error, create_kwargs, is_async=False)
    step = next(flow)
    while True:
        if isinstance(step, Ask):
            fields = {**create_kwargs, "tools": definitions}
            reply: Any = chat._complete_with(step.messages, model, fields)
        else:
            reply = [run_one(call) for call in step.calls]
        try:
            step = flow.send(reply)
        except StopIteration as done:
            result: ToolRunCompletion = done.value
            return result
