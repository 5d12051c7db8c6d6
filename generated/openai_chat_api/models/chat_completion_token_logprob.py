from __future__ import annotations

import builtins
import json
from collections.abc import Mapping
from operator import attrgetter
from typing import TYPE_CHECKING, Any, TypeVar, cast

from ..types import PENDING, LazyFields, model_repr

if TYPE_CHECKING:
    from ..models.chat_completion_top_logprob import ChatCompletionTopLogprob


T = TypeVar("T", bound="ChatCompletionTokenLogprob")
# The wire names of the fields: any other key of the JSON is an unknown field.
_WIRE_NAMES = frozenset(
    {
        "token",
        "logprob",
        "top_logprobs",
        "bytes",
    }
)


class ChatCompletionTokenLogprob(LazyFields):
    """A token with its log probability and the likeliest alternatives.

    Attributes:
        token (str):
        logprob (float):
        top_logprobs (list[ChatCompletionTopLogprob]):
        bytes (list[int] | None):
    """

    __slots__ = (
        "token",
        "logprob",
        "_lazy_top_logprobs",
        "bytes",
        "_src",
        "additional_properties",
        "__weakref__",
    )
    __match_args__ = (
        "token",
        "logprob",
        "top_logprobs",
        "bytes",
    )

    token: str
    logprob: float
    bytes: list[int] | None
    additional_properties: dict[str, Any]
    """The fields the document does not name, as the server sent them."""

    def __init__(
        self,
        token: str,
        logprob: float,
        top_logprobs: list[ChatCompletionTopLogprob],
        bytes: list[int] | None = None,
    ) -> None:
        self.token = token
        self.logprob = logprob
        self._lazy_top_logprobs = top_logprobs
        self.bytes = bytes
        self.additional_properties = {}

    def __eq__(
        self, other: builtins.object
    ) -> bool:  # builtins: a field may be called object
        if other.__class__ is not self.__class__:
            return NotImplemented
        return bool(_FIELDS_OF(self) == _FIELDS_OF(other))

    __hash__ = None  # type: ignore[assignment]  # mutable: compared by value, so not hashable

    @property
    def top_logprobs(self) -> list[ChatCompletionTopLogprob]:
        value = self._lazy_top_logprobs
        if value is PENDING:
            loaded = self._load("top_logprobs", _read_top_logprobs)
            value = self._lazy_top_logprobs
            if (
                value is PENDING
            ):  # else another thread read it meanwhile: every reader gets the same object
                value = self._lazy_top_logprobs = loaded
        return value

    @top_logprobs.setter
    def top_logprobs(self, value: list[ChatCompletionTopLogprob]) -> None:
        self._lazy_top_logprobs = value

    def to_dict(self) -> dict[str, Any]:
        """The object as JSON-ready data: every field with its API name, unknown fields included."""
        token = self.token

        logprob = self.logprob

        top_logprobs = []
        for top_logprobs_item_data in self.top_logprobs:
            top_logprobs_item = top_logprobs_item_data.to_dict()
            top_logprobs.append(top_logprobs_item)

        bytes_: list[int] | None
        if isinstance(self.bytes, list):
            bytes_ = self.bytes

        else:
            bytes_ = self.bytes

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "token": token,
                "logprob": logprob,
                "top_logprobs": top_logprobs,
                "bytes": bytes_,
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
        """The object from its JSON. With ``lazy``, the nested objects (top_logprobs) are read
        when first used: the JSON is kept, and a malformed one fails when it is read."""
        # Read, not copied: the unknown fields are gathered into a new dict at the end. The locals of this
        # function that are not fields are in capitals: a field's locals are its snake_case name.
        _JSON = src_dict if src_dict.__class__ is dict else dict(src_dict)
        _LAZY = lazy
        token = _JSON["token"]

        logprob = _JSON["logprob"]

        _top_logprobs = _JSON["top_logprobs"]
        top_logprobs = PENDING if _LAZY else _read_top_logprobs(_top_logprobs)

        bytes_ = _parse_bytes_(_JSON.get("bytes"))

        # Positional, in __init__'s order: binding ten keywords costs more than building the object.
        chat_completion_token_logprob = cls(
            token,
            logprob,
            top_logprobs,
            bytes_,
        )
        if _LAZY:
            chat_completion_token_logprob._src = _JSON

        unknown = (
            {}
            if _WIRE_NAMES.issuperset(_JSON)
            else {k: v for k, v in _JSON.items() if k not in _WIRE_NAMES}
        )
        chat_completion_token_logprob.additional_properties = unknown
        return chat_completion_token_logprob

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


def _parse_bytes_(data: object) -> list[int] | None:
    if data is None:
        return None
    try:
        if not isinstance(data, list):
            raise TypeError()
        bytes_type_0 = cast(list[int], data)

        return bytes_type_0
    except (TypeError, ValueError, AttributeError, KeyError):
        pass
    return cast(list[int] | None, data)


def _read_top_logprobs(_value: Any) -> list[ChatCompletionTopLogprob]:
    top_logprobs = []
    for top_logprobs_item_data in _value:
        top_logprobs_item = ChatCompletionTopLogprob.from_dict(top_logprobs_item_data)

        top_logprobs.append(top_logprobs_item)

    return top_logprobs


# What __eq__ compares: every field, unknown fields included.
_FIELDS_OF = attrgetter(
    "token", "logprob", "top_logprobs", "bytes", "additional_properties"
)

# Imported once, after the class, rather than on every to_dict/from_dict call: models that refer to
# each other still load in any order, because each class exists before its module imports others.
from ..models.chat_completion_top_logprob import ChatCompletionTopLogprob  # noqa: E402
