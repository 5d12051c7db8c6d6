"""The results users get back: the generated models plus a few conveniences and their HTTP response."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, ClassVar, Generic, TypeVar

from openai_chat_api import models as generated
from openai_chat_api.models import (
    ChatCompletionChoice,
    ChatCompletionMessageCustomToolCall,
    ChatCompletionMessageToolCall,
    ChatCompletionResponseMessage,
    CreateChatCompletionResponse,
    CreateChatCompletionStreamResponse,
)
from openai_chat_api.types import SHAPE_ERRORS

from ._exceptions import APIResponseValidationError
from ._response import Received, ResponseInfo

__all__ = [
    "ChatCompletion",
    "ChatCompletionChunk",
    "ChatCompletionDeleted",
    "ChatCompletionList",
    "ChatCompletionMessage",
    "ChatCompletionMessageList",
    "Message",
    "ParsedChatCompletion",
    "ParsedChatCompletionMessage",
    "completion_from_dict",
    "chunk_from_dict",
]

ChatCompletionChunk = CreateChatCompletionStreamResponse

T = TypeVar("T")
_C = TypeVar("_C", bound="ChatCompletion")
_MESSAGE_FIELDS = ChatCompletionResponseMessage.__match_args__


class Message:
    """What can go in a conversation: every message builder's result (``user(...)``, ``system(...)``, …)
    and a completion's message. Plain dicts are welcome too; annotate a mixed list as
    ``list[Message | dict[str, Any]]``.

    >>> conversation: list[Message] = [user("Hi"), completion.message, user("And in French?")]  # doctest: +SKIP
    """

    __slots__ = ()


class ChatCompletionMessage(ChatCompletionResponseMessage, Message):
    """A completion's message (the generated ``ChatCompletionResponseMessage``) plus ``reasoning``.

    >>> m = ChatCompletionMessage.from_dict({"role": "assistant", "content": "4", "reasoning_content": "2+2"})
    >>> m.reasoning
    '2+2'
    """

    __slots__ = ()  # the same layout as the generated class, so a parsed message can become one in place

    @property
    def reasoning(self) -> str | None:
        """The model's reasoning text as vLLM, DeepSeek or llama.cpp send it (in ``reasoning_content``
        or ``reasoning``, whichever the server used), or None."""
        extra = self.additional_properties
        value = extra.get("reasoning_content")
        if value.__class__ is not str:
            value = extra.get("reasoning")
        return value if isinstance(value, str) else None


_M = TypeVar("_M", bound="ChatCompletionMessage")
# The subclass adds no slots, so a message just parsed can become one in place.
_RETYPE = ChatCompletionMessage.__basicsize__ == ChatCompletionResponseMessage.__basicsize__


def _with_reasoning(message: ChatCompletionResponseMessage) -> ChatCompletionMessage:
    """``message`` as a :class:`ChatCompletionMessage` (same values; unknown fields shared, not copied)."""
    return _message_as(ChatCompletionMessage, message)


def _message_as(cls: type[_M], message: ChatCompletionResponseMessage) -> _M:
    if isinstance(message, cls):
        return message
    out = cls(**{name: getattr(message, name) for name in _MESSAGE_FIELDS})
    out.additional_properties = message.additional_properties
    return out


class ChatCompletion(CreateChatCompletionResponse, Received):
    """A completion (the generated ``CreateChatCompletionResponse``) with shortcuts to its first choice.

    ``http`` is the HTTP response it came in (status, headers, retries); ``request_id`` its request id.

    >>> c = ChatCompletion.from_dict({"id": "c1", "object": "chat.completion", "created": 0, "model": "m",
    ...     "choices": [{"index": 0, "finish_reason": "stop", "logprobs": None,
    ...                  "message": {"role": "assistant", "content": "Hi", "refusal": None}}]})
    >>> c.text
    'Hi'
    """

    request_id: str | None = None
    _repr_extra: ClassVar[tuple[str, ...]] = ("request_id",)

    @classmethod
    def from_dict(cls: type[_C], src_dict: Mapping[str, Any], *, lazy: bool = False) -> _C:
        """The completion from its JSON; each choice's message is a :class:`ChatCompletionMessage`.

        With ``lazy``, the choices, usage and other nested objects are read when first used (what a list of
        stored completions does: reading only ids and metadata then costs little). A malformed one then
        raises :class:`~openai_chat.APIResponseValidationError` when it is read.
        """
        completion = super().from_dict(src_dict, lazy=lazy)
        if not lazy:
            _as_completion_messages(completion.choices)
        return completion

    def _load(self, wire: str, read: Callable[[Any], Any]) -> Any:
        value = super()._load(wire, read)
        if wire == "choices":
            _as_completion_messages(value)
        return value

    def _shape_error(self, wire: str, exc: Exception) -> Exception:
        error = APIResponseValidationError(
            f"the completion's {wire!r} does not match the API's schema: {type(exc).__name__}: {exc}",
            body=self._src,
        )
        if self._http is not None:
            error.status_code, error.request_id = self._http.status_code, self._http.request_id
        return error

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


def _as_completion_messages(choices: list[ChatCompletionChoice]) -> None:
    for choice in choices:
        message = choice.message
        if _RETYPE and message.__class__ is ChatCompletionResponseMessage:
            message.__class__ = ChatCompletionMessage  # a new object: no need for a copy
        else:
            choice.message = _with_reasoning(message)


def completion_from_dict(data: Mapping[str, Any], info: ResponseInfo | None = None) -> ChatCompletion:
    """The typed completion, or APIResponseValidationError when ``data`` is not shaped like one."""
    return build_completion(ChatCompletion, data, info)


def build_completion(cls: type[_C], data: Mapping[str, Any], info: ResponseInfo | None = None) -> _C:
    """:func:`completion_from_dict` for a subclass of :class:`ChatCompletion`."""
    try:
        completion = cls.from_dict(data)
    except SHAPE_ERRORS as exc:
        raise APIResponseValidationError(
            f"completion does not match the API's schema: {type(exc).__name__}: {exc}", body=data
        ) from exc
    if info is not None:
        completion._http = info
        completion.request_id = info.request_id
    return completion


def chunk_from_dict(data: Mapping[str, Any]) -> ChatCompletionChunk:
    """The typed chunk, or APIResponseValidationError when ``data`` is not shaped like one."""
    try:
        return ChatCompletionChunk.from_dict(data)
    except SHAPE_ERRORS as exc:
        raise APIResponseValidationError(
            f"stream chunk does not match the API's schema: {type(exc).__name__}: {exc}", body=data
        ) from exc


class ParsedChatCompletionMessage(ChatCompletionMessage, Generic[T]):
    """A response message whose JSON answer was parsed into the caller's type (``parsed``)."""

    parsed: T | None = None
    _repr_extra: ClassVar[tuple[str, ...]] = ("parsed",)


class ParsedChatCompletion(ChatCompletion, Generic[T]):
    """What ``chat.parse`` returns: a completion whose first answer is parsed into the caller's type.

    ``parsed`` is None when the model refused (``refusal`` says why) or sent no content.

    >>> city = client.chat.parse(messages="A city in Norway?", response_format=City).parsed  # doctest: +SKIP
    """

    parsed: T | None = None
    _repr_extra: ClassVar[tuple[str, ...]] = ("request_id", "parsed")

    @property
    def message(self) -> ParsedChatCompletionMessage[T]:
        """The first choice's message, with its ``parsed`` answer."""
        message = super().message
        if isinstance(message, ParsedChatCompletionMessage):
            return message
        return _message_as(ParsedChatCompletionMessage, message)  # built from data: nothing parsed


# -- the other results of the stored-completion calls, with the HTTP response they came in ----------------


class ChatCompletionDeleted(generated.ChatCompletionDeleted, Received):
    """What ``chat.completions.delete`` returns (``deleted``, ``id``), with ``http``."""


class ChatCompletionList(generated.ChatCompletionList, Received):
    """One page of ``chat.completions.list`` (``data``, ``has_more``, ``last_id``), with ``http``."""


class ChatCompletionMessageList(generated.ChatCompletionMessageList, Received):
    """One page of ``chat.completions.messages``, with ``http``."""
