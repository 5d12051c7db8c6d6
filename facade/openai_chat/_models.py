"""The completion type users get back: the generated model plus a few conveniences."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

import attrs
from openai_chat_api.models import (
    ChatCompletionMessageCustomToolCall,
    ChatCompletionMessageToolCall,
    ChatCompletionResponseMessage,
    CreateChatCompletionResponse,
    CreateChatCompletionStreamResponse,
)

from ._exceptions import APIResponseValidationError

__all__ = [
    "ChatCompletion",
    "ChatCompletionChunk",
    "ChatCompletionMessage",
    "completion_from_dict",
    "chunk_from_dict",
]

ChatCompletionChunk = CreateChatCompletionStreamResponse

_C = TypeVar("_C", bound="ChatCompletion")
_MESSAGE_FIELDS = [f.name for f in attrs.fields(ChatCompletionResponseMessage) if f.init]


@attrs.define(repr=False)  # keeps the generated repr, which leaves out what was not given
class ChatCompletionMessage(ChatCompletionResponseMessage):
    """A completion's message (the generated ``ChatCompletionResponseMessage``) plus ``reasoning``.

    >>> m = ChatCompletionMessage.from_dict({"role": "assistant", "content": "4", "reasoning_content": "2+2"})
    >>> m.reasoning
    '2+2'
    """

    @property
    def reasoning(self) -> str | None:
        """The model's reasoning text as vLLM, DeepSeek or llama.cpp send it (in ``reasoning_content``
        or ``reasoning``, whichever the server used), or None."""
        extra = self.additional_properties
        value = extra.get("reasoning_content")
        if value.__class__ is not str:
            value = extra.get("reasoning")
        return value if isinstance(value, str) else None


def _with_reasoning(message: ChatCompletionResponseMessage) -> ChatCompletionMessage:
    """``message`` as a :class:`ChatCompletionMessage` (same values; unknown fields shared, not copied)."""
    if isinstance(message, ChatCompletionMessage):
        return message
    out = ChatCompletionMessage(**{name: getattr(message, name) for name in _MESSAGE_FIELDS})
    out.additional_properties = message.additional_properties
    return out


@attrs.define(repr=False)  # keeps the generated repr, which leaves out what was not given
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

    @classmethod
    def from_dict(cls: type[_C], src_dict: Mapping[str, Any]) -> _C:
        """The completion from its JSON; each choice's message is a :class:`ChatCompletionMessage`."""
        completion = super().from_dict(src_dict)
        for choice in completion.choices:
            choice.message = _with_reasoning(choice.message)
        return completion

    @property
    def message(self) -> ChatCompletionMessage:
        """The first choice's message."""
        if not self.choices:
            raise IndexError("this completion has no choices")
        return _with_reasoning(self.choices[0].message)

    @property
    def text(self) -> str | None:
        """The first choice's text content (None when the model answered with tool calls or a refusal)."""
        return self.message.content

    @property
    def refusal(self) -> str | None:
        """The first choice's refusal text, if the model refused."""
        return self.message.refusal

    @property
    def reasoning(self) -> str | None:
        """The first choice's reasoning text, when the server sends one (see ``ChatCompletionMessage``)."""
        return self.message.reasoning

    @property
    def finish_reason(self) -> str | None:
        """Why the first choice stopped."""
        return self.choices[0].finish_reason if self.choices else None

    @property
    def tool_calls(self) -> list[ChatCompletionMessageToolCall | ChatCompletionMessageCustomToolCall]:
        """The first choice's tool calls (an empty list when there are none)."""
        return list(self.message.tool_calls or ())

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


@attrs.define(repr=False)
class ParsedChatCompletionMessage(ChatCompletionMessage):
    """A response message whose JSON answer was parsed into the caller's type (``parsed``)."""

    parsed: Any = attrs.field(default=None, kw_only=True, eq=False)
