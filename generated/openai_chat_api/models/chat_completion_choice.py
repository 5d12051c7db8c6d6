from __future__ import annotations

import builtins
import json
from collections.abc import Mapping
from operator import attrgetter
from typing import TYPE_CHECKING, Any, TypeVar, cast

from ..types import PENDING, LazyFields, model_repr

if TYPE_CHECKING:
    from ..models.chat_completion_choice_logprobs import ChatCompletionChoiceLogprobs
    from ..models.chat_completion_response_message import ChatCompletionResponseMessage


T = TypeVar("T", bound="ChatCompletionChoice")
# The wire names of the fields: any other key of the JSON is an unknown field.
_WIRE_NAMES = frozenset(
    {
        "finish_reason",
        "index",
        "message",
        "logprobs",
    }
)


class ChatCompletionChoice(LazyFields):
    """
    Attributes:
        finish_reason (str):
        index (int):
        message (ChatCompletionResponseMessage): The message the model produced.
        logprobs (ChatCompletionChoiceLogprobs | None):
    """

    __slots__ = (
        "finish_reason",
        "index",
        "_lazy_message",
        "_lazy_logprobs",
        "_src",
        "additional_properties",
        "__weakref__",
    )
    __match_args__ = (
        "finish_reason",
        "index",
        "message",
        "logprobs",
    )

    finish_reason: str
    index: int
    additional_properties: dict[str, Any]
    """The fields the document does not name, as the server sent them."""

    def __init__(
        self,
        finish_reason: str,
        index: int,
        message: ChatCompletionResponseMessage,
        logprobs: ChatCompletionChoiceLogprobs | None = None,
    ) -> None:
        self.finish_reason = finish_reason
        self.index = index
        self._lazy_message = message
        self._lazy_logprobs = logprobs
        self.additional_properties = {}

    def __eq__(
        self, other: builtins.object
    ) -> bool:  # builtins: a field may be called object
        if other.__class__ is not self.__class__:
            return NotImplemented
        return bool(_FIELDS_OF(self) == _FIELDS_OF(other))

    __hash__ = None  # type: ignore[assignment]  # mutable: compared by value, so not hashable

    @property
    def message(self) -> ChatCompletionResponseMessage:
        value = self._lazy_message
        if value is PENDING:
            loaded = self._load("message", _read_message)
            value = self._lazy_message
            if (
                value is PENDING
            ):  # else another thread read it meanwhile: every reader gets the same object
                value = self._lazy_message = loaded
        return value

    @message.setter
    def message(self, value: ChatCompletionResponseMessage) -> None:
        self._lazy_message = value

    @property
    def logprobs(self) -> ChatCompletionChoiceLogprobs | None:
        value = self._lazy_logprobs
        if value is PENDING:
            loaded = self._load("logprobs", _read_logprobs)
            value = self._lazy_logprobs
            if (
                value is PENDING
            ):  # else another thread read it meanwhile: every reader gets the same object
                value = self._lazy_logprobs = loaded
        return value

    @logprobs.setter
    def logprobs(self, value: ChatCompletionChoiceLogprobs | None) -> None:
        self._lazy_logprobs = value

    def to_dict(self) -> dict[str, Any]:
        """The object as JSON-ready data: every field with its API name, unknown fields included."""
        finish_reason = self.finish_reason

        index = self.index

        message = self.message.to_dict()

        logprobs: dict[str, Any] | None
        if isinstance(self.logprobs, ChatCompletionChoiceLogprobs):
            logprobs = self.logprobs.to_dict()
        else:
            logprobs = self.logprobs

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "finish_reason": finish_reason,
                "index": index,
                "message": message,
                "logprobs": logprobs,
            }
        )

        return field_dict

    def to_json(self, *, indent: int | None = None) -> str:
        """The object as JSON text (what :meth:`to_dict` gives); :meth:`from_json` reads it back."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    def __repr__(self) -> str:
        return model_repr(self)

    @classmethod
    def from_json(cls: builtins.type[T], text: str | builtins.bytes) -> T:
        """Read what :meth:`to_json` wrote."""
        return cls.from_dict(json.loads(text))

    @classmethod
    def from_dict(
        cls: builtins.type[T], src_dict: Mapping[str, Any], *, lazy: bool = False
    ) -> T:
        """The object from its JSON. With ``lazy``, the nested objects (message, logprobs) are read
        when first used: the JSON is kept, and a malformed one fails when it is read."""
        # Read, not copied: the unknown fields are gathered into a new dict at the end. The locals of this
        # function that are not fields are in capitals: a field's locals are its snake_case name.
        _JSON = src_dict if src_dict.__class__ is dict else dict(src_dict)
        _LAZY = lazy
        finish_reason = _JSON["finish_reason"]

        index = _JSON["index"]

        _message = _JSON["message"]
        message = PENDING if _LAZY else _read_message(_message)

        _logprobs = _JSON.get("logprobs")
        logprobs = (
            (None if _logprobs is None else PENDING)
            if _LAZY
            else _read_logprobs(_logprobs)
        )

        # Positional, in __init__'s order: binding ten keywords costs more than building the object.
        chat_completion_choice = cls(
            finish_reason,
            index,
            message,
            logprobs,
        )
        if _LAZY:
            chat_completion_choice._src = _JSON

        unknown = (
            {}
            if _WIRE_NAMES.issuperset(_JSON)
            else {k: v for k, v in _JSON.items() if k not in _WIRE_NAMES}
        )
        chat_completion_choice.additional_properties = unknown
        return chat_completion_choice

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties


def _parse_logprobs(data: object) -> ChatCompletionChoiceLogprobs | None:
    if data is None:
        return None
    try:
        if not isinstance(data, dict):
            raise TypeError()
        logprobs_type_0 = ChatCompletionChoiceLogprobs.from_dict(data)

        return logprobs_type_0
    except (TypeError, ValueError, AttributeError, KeyError):
        pass
    return cast(ChatCompletionChoiceLogprobs | None, data)


def _read_message(_value: Any) -> ChatCompletionResponseMessage:
    message = ChatCompletionResponseMessage.from_dict(_value)

    return message


def _read_logprobs(_value: Any) -> ChatCompletionChoiceLogprobs | None:
    logprobs = _parse_logprobs(_value)

    return logprobs


# What __eq__ compares: every field, unknown fields included.
_FIELDS_OF = attrgetter(
    "finish_reason", "index", "message", "logprobs", "additional_properties"
)

# Imported once, after the class, rather than on every to_dict/from_dict call: models that refer to
# each other still load in any order, because each class exists before its module imports others.
from ..models.chat_completion_choice_logprobs import ChatCompletionChoiceLogprobs  # noqa: E402
from ..models.chat_completion_response_message import ChatCompletionResponseMessage  # noqa: E402
