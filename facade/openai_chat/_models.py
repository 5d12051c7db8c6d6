"""The completion type users get back: the generated model plus a few conveniences."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs
from openai_chat_api.models import (
    ChatCompletionMessageCustomToolCall,
    ChatCompletionMessageToolCall,
    ChatCompletionResponseMessage,
    CreateChatCompletionResponse,
    CreateChatCompletionStreamResponse,
)
from openai_chat_api.types import Unset

from ._exceptions import APIResponseValidationError

__all__ = ["ChatCompletion", "ChatCompletionChunk", "completion_from_dict", "chunk_from_dict"]

ChatCompletionChunk = CreateChatCompletionStreamResponse


@attrs.define
class ChatCompletion(CreateChatCompletionResponse):
    """A completion (the generated ``CreateChatCompletionResponse``) with shortcuts to its first choice.

    >>> c = ChatCompletion.from_dict({"id": "c1", "object": "chat.completion", "created": 0, "model": "m",
    ...     "choices": [{"index": 0, "finish_reason": "stop", "logprobs": None,
    ...                  "message": {"role": "assistant", "content": "Hi", "refusal": None}}]})
    >>> c.text
    'Hi'
    """

    request_id: str | None = attrs.field(default=None, kw_only=True, eq=False)
    parsed: Any = attrs.field(default=None, kw_only=True, eq=False)

    @property
    def message(self) -> ChatCompletionResponseMessage:
        """The first choice's message."""
        if not self.choices:
            raise IndexError("this completion has no choices")
        return self.choices[0].message

    @property
    def text(self) -> str | None:
        """The first choice's text content (None when the model answered with tool calls or a refusal)."""
        content = self.message.content
        return None if isinstance(content, Unset) else content

    @property
    def refusal(self) -> str | None:
        """The first choice's refusal text, if the model refused."""
        value = self.message.refusal
        return None if isinstance(value, Unset) else value

    @property
    def finish_reason(self) -> str | None:
        """Why the first choice stopped."""
        return self.choices[0].finish_reason if self.choices else None

    @property
    def tool_calls(self) -> list[ChatCompletionMessageToolCall | ChatCompletionMessageCustomToolCall]:
        """The first choice's tool calls (an empty list when there are none)."""
        calls = self.message.tool_calls
        return [] if isinstance(calls, Unset) else list(calls)

    def to_message(self) -> dict[str, Any]:
        """The first choice's message as an assistant message, ready to append to the conversation."""
        from ._messages import normalize_messages

        return normalize_messages([self.message])[0]


_SHAPE_ERRORS = (KeyError, TypeError, ValueError, AttributeError)


def completion_from_dict(data: Mapping[str, Any], request_id: str | None = None) -> ChatCompletion:
    """The typed completion, or APIResponseValidationError when ``data`` is not shaped like one."""
    try:
        completion = ChatCompletion.from_dict(data)
    except _SHAPE_ERRORS as exc:
        raise APIResponseValidationError(
            f"completion does not match the API's schema: {type(exc).__name__}: {exc}", body=data
        ) from exc
    completion.request_id = request_id
    return completion


def chunk_from_dict(data: Mapping[str, Any]) -> ChatCompletionChunk:
    """The typed chunk, or APIResponseValidationError when ``data`` is not shaped like one."""
    try:
        return ChatCompletionChunk.from_dict(data)
    except _SHAPE_ERRORS as exc:
        raise APIResponseValidationError(
            f"stream chunk does not match the API's schema: {type(exc).__name__}: {exc}", body=data
        ) from exc


@attrs.define
class ParsedChatCompletionMessage(ChatCompletionResponseMessage):
    """A response message whose JSON answer was parsed into the caller's type (``parsed``)."""

    parsed: Any = attrs.field(default=None, kw_only=True, eq=False)
