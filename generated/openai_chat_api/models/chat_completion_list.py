from __future__ import annotations

import builtins
import json
from collections.abc import Mapping
from operator import attrgetter
from typing import TYPE_CHECKING, Any, TypeVar

from ..types import PENDING, LazyFields, model_repr

if TYPE_CHECKING:
    from ..models.create_chat_completion_response import CreateChatCompletionResponse


T = TypeVar("T", bound="ChatCompletionList")
# The wire names of the fields: any other key of the JSON is an unknown field.
_WIRE_NAMES = frozenset(
    {
        "data",
        "first_id",
        "last_id",
        "has_more",
        "object",
    }
)


class ChatCompletionList(LazyFields):
    """A page of stored completions.

    Attributes:
        data (list[CreateChatCompletionResponse]):
        first_id (str):
        last_id (str):
        has_more (bool):
        object (str | None):
    """

    __slots__ = (
        "_lazy_data",
        "first_id",
        "last_id",
        "has_more",
        "object",
        "_src",
        "additional_properties",
        "__weakref__",
    )
    __match_args__ = (
        "data",
        "first_id",
        "last_id",
        "has_more",
        "object",
    )

    first_id: str
    last_id: str
    has_more: bool
    object: str | None
    additional_properties: dict[str, Any]
    """The fields the document does not name, as the server sent them."""

    def __init__(
        self,
        data: list[CreateChatCompletionResponse],
        first_id: str,
        last_id: str,
        has_more: bool,
        object: str | None = None,
    ) -> None:
        self._lazy_data = data
        self.first_id = first_id
        self.last_id = last_id
        self.has_more = has_more
        self.object = object
        self.additional_properties = {}

    def __eq__(
        self, other: builtins.object
    ) -> bool:  # builtins: a field may be called object
        if other.__class__ is not self.__class__:
            return NotImplemented
        return bool(_FIELDS_OF(self) == _FIELDS_OF(other))

    __hash__ = None  # type: ignore[assignment]  # mutable: compared by value, so not hashable

    @property
    def data(self) -> list[CreateChatCompletionResponse]:
        value = self._lazy_data
        if value is PENDING:
            loaded = self._load("data", _read_data)
            value = self._lazy_data
            if (
                value is PENDING
            ):  # else another thread read it meanwhile: every reader gets the same object
                value = self._lazy_data = loaded
        return value

    @data.setter
    def data(self, value: list[CreateChatCompletionResponse]) -> None:
        self._lazy_data = value

    def to_dict(self) -> dict[str, Any]:
        """The object as JSON-ready data: every field with its API name, unknown fields included."""
        data = []
        for data_item_data in self.data:
            data_item = data_item_data.to_dict()
            data.append(data_item)

        first_id = self.first_id

        last_id = self.last_id

        has_more = self.has_more

        object_ = self.object

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "data": data,
                "first_id": first_id,
                "last_id": last_id,
                "has_more": has_more,
            }
        )
        if object_ is not None:
            field_dict["object"] = object_

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
        """The object from its JSON. With ``lazy``, the nested objects (data) are read
        when first used: the JSON is kept, and a malformed one fails when it is read."""
        # Read, not copied: the unknown fields are gathered into a new dict at the end. The locals of this
        # function that are not fields are in capitals: a field's locals are its snake_case name.
        _JSON = src_dict if src_dict.__class__ is dict else dict(src_dict)
        _LAZY = lazy
        _data = _JSON["data"]
        data = PENDING if _LAZY else _read_data(_data)

        first_id = _JSON["first_id"]

        last_id = _JSON["last_id"]

        has_more = _JSON["has_more"]

        object_ = _JSON.get("object")

        # Positional, in __init__'s order: binding ten keywords costs more than building the object.
        chat_completion_list = cls(
            data,
            first_id,
            last_id,
            has_more,
            object_,
        )
        if _LAZY:
            chat_completion_list._src = _JSON

        unknown = (
            {}
            if _WIRE_NAMES.issuperset(_JSON)
            else {k: v for k, v in _JSON.items() if k not in _WIRE_NAMES}
        )
        chat_completion_list.additional_properties = unknown
        return chat_completion_list

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


def _read_data(_value: Any) -> list[CreateChatCompletionResponse]:
    data = []
    for data_item_data in _value:
        data_item = CreateChatCompletionResponse.from_dict(data_item_data)

        data.append(data_item)

    return data


# What __eq__ compares: every field, unknown fields included.
_FIELDS_OF = attrgetter(
    "data", "first_id", "last_id", "has_more", "object", "additional_properties"
)

# Imported once, after the class, rather than on every to_dict/from_dict call: models that refer to
# each other still load in any order, because each class exists before its module imports others.
from ..models.create_chat_completion_response import CreateChatCompletionResponse  # noqa: E402
