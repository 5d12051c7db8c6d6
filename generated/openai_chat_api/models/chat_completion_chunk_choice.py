from __future__ import annotations

import builtins
import json
from collections.abc import Mapping
from operator import attrgetter
from typing import TYPE_CHECKING, Any, TypeVar, cast

from ..types import PENDING, LazyFields, model_repr

if TYPE_CHECKING:
    from ..models.chat_completion_chunk_choice_logprobs import (
        ChatCompletionChunkChoiceLogprobs,
    )
    from ..models.chat_completion_stream_response_delta import (
        ChatCompletionStreamResponseDelta,
    )


T = TypeVar("T", bound="ChatCompletionChunkChoice")
# The wire names of the fields: any other key of the JSON is an unknown field.
_WIRE_NAMES = frozenset(
    {
        "delta",
        "index",
        "logprobs",
        "finish_reason",
    }
)


class ChatCompletionChunkChoice(LazyFields):
    """
    Attributes:
        delta (ChatCompletionStreamResponseDelta): What one chunk adds to the message.
        index (int):
        logprobs (ChatCompletionChunkChoiceLogprobs | None):
        finish_reason (None | str):
    """

    __slots__ = (
        "_lazy_delta",
        "index",
        "_lazy_logprobs",
        "finish_reason",
        "_src",
        "additional_properties",
        "__weakref__",
    )
    __match_args__ = (
        "delta",
        "index",
        "logprobs",
        "finish_reason",
    )

    index: int
    finish_reason: None | str
    additional_properties: dict[str, Any]
    """The fields the document does not name, as the server sent them."""

    def __init__(
        self,
        delta: ChatCompletionStreamResponseDelta,
        index: int,
        logprobs: ChatCompletionChunkChoiceLogprobs | None = None,
        finish_reason: None | str = None,
    ) -> None:
        self._lazy_delta = delta
        self.index = index
        self._lazy_logprobs = logprobs
        self.finish_reason = finish_reason
        self.additional_properties = {}

    def __eq__(
        self, other: builtins.object
    ) -> bool:  # builtins: a field may be called object
        if other.__class__ is not self.__class__:
            return NotImplemented
        return bool(_FIELDS_OF(self) == _FIELDS_OF(other))

    __hash__ = None  # type: ignore[assignment]  # mutable: compared by value, so not hashable

    @property
    def delta(self) -> ChatCompletionStreamResponseDelta:
        value = self._lazy_delta
        if value is PENDING:
            loaded = self._load("delta", _read_delta)
            value = self._lazy_delta
            if (
                value is PENDING
            ):  # else another thread read it meanwhile: every reader gets the same object
                value = self._lazy_delta = loaded
        return value

    @delta.setter
    def delta(self, value: ChatCompletionStreamResponseDelta) -> None:
        self._lazy_delta = value

    @property
    def logprobs(self) -> ChatCompletionChunkChoiceLogprobs | None:
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
    def logprobs(self, value: ChatCompletionChunkChoiceLogprobs | None) -> None:
        self._lazy_logprobs = value

    def to_dict(self) -> dict[str, Any]:
        """The object as JSON-ready data: every field with its API name, unknown fields included."""
        delta = self.delta.to_dict()

        index = self.index

        logprobs = self.logprobs

        finish_reason: None | str
        finish_reason = self.finish_reason

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "delta": delta,
                "index": index,
                "finish_reason": finish_reason,
            }
        )
        if logprobs is not None:
            if isinstance(logprobs, ChatCompletionChunkChoiceLogprobs):
                field_dict["logprobs"] = logprobs.to_dict()
            else:
                field_dict["logprobs"] = logprobs

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
        """The object from its JSON. With ``lazy``, the nested objects (delta, logprobs) are read
        when first used: the JSON is kept, and a malformed one fails when it is read."""
        # Read, not copied: the unknown fields are gathered into a new dict at the end. The locals of this
        # function that are not fields are in capitals: a field's locals are its snake_case name.
        _JSON = src_dict if src_dict.__class__ is dict else dict(src_dict)
        _LAZY = lazy
        _delta = _JSON["delta"]
        delta = PENDING if _LAZY else _read_delta(_delta)

        index = _JSON["index"]

        _logprobs = _JSON.get("logprobs")
        logprobs = (
            (None if _logprobs is None else PENDING)
            if _LAZY
            else _read_logprobs(_logprobs)
        )

        finish_reason = _JSON.get("finish_reason")

        # Positional, in __init__'s order: binding ten keywords costs more than building the object.
        chat_completion_chunk_choice = cls(
            delta,
            index,
            logprobs,
            finish_reason,
        )
        if _LAZY:
            chat_completion_chunk_choice._src = _JSON

        unknown = (
            {}
            if _WIRE_NAMES.issuperset(_JSON)
            else {k: v for k, v in _JSON.items() if k not in _WIRE_NAMES}
        )
        chat_completion_chunk_choice.additional_properties = unknown
        return chat_completion_chunk_choice

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


def _parse_logprobs(data: object) -> ChatCompletionChunkChoiceLogprobs | None:
    if data is None:
        return None
    try:
        if not isinstance(data, dict):
            raise TypeError()
        logprobs_type_0 = ChatCompletionChunkChoiceLogprobs.from_dict(data)

        return logprobs_type_0
    except (TypeError, ValueError, AttributeError, KeyError):
        pass
    return cast(ChatCompletionChunkChoiceLogprobs | None, data)


def _read_delta(_value: Any) -> ChatCompletionStreamResponseDelta:
    delta = ChatCompletionStreamResponseDelta.from_dict(_value)

    return delta


def _read_logprobs(_value: Any) -> ChatCompletionChunkChoiceLogprobs | None:
    logprobs = _parse_logprobs(_value)

    return logprobs


# What __eq__ compares: every field, unknown fields included.
_FIELDS_OF = attrgetter(
    "delta", "index", "logprobs", "finish_reason", "additional_properties"
)

# Imported once, after the class, rather than on every to_dict/from_dict call: models that refer to
# each other still load in any order, because each class exists before its module imports others.
from ..models.chat_completion_chunk_choice_logprobs import (
    ChatCompletionChunkChoiceLogprobs,  # noqa: E402
)
from ..models.chat_completion_stream_response_delta import (
    ChatCompletionStreamResponseDelta,  # noqa: E402
)
