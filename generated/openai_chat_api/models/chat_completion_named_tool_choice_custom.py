from __future__ import annotations

import builtins
import json
from collections.abc import Mapping
from operator import attrgetter
from typing import TYPE_CHECKING, Any, TypeVar

from ..models.chat_completion_named_tool_choice_custom_type import (
    ChatCompletionNamedToolChoiceCustomType,
)
from ..types import model_repr

if TYPE_CHECKING:
    from ..models.chat_completion_named_tool_choice_custom_custom import (
        ChatCompletionNamedToolChoiceCustomCustom,
    )


T = TypeVar("T", bound="ChatCompletionNamedToolChoiceCustom")
# The wire names of the fields: any other key of the JSON is an unknown field.
_WIRE_NAMES = frozenset(
    {
        "type",
        "custom",
    }
)


class ChatCompletionNamedToolChoiceCustom:
    """Forces a call of one custom tool.

    Attributes:
        type (ChatCompletionNamedToolChoiceCustomType):
        custom (ChatCompletionNamedToolChoiceCustomCustom):
    """

    __slots__ = (
        "custom",
        "type",
        "additional_properties",
        "__weakref__",
    )
    __match_args__ = (
        "custom",
        "type",
    )

    custom: ChatCompletionNamedToolChoiceCustomCustom
    type: ChatCompletionNamedToolChoiceCustomType
    additional_properties: dict[str, Any]
    """The fields the document does not name, as the server sent them."""

    def __init__(
        self,
        custom: ChatCompletionNamedToolChoiceCustomCustom,
        type: ChatCompletionNamedToolChoiceCustomType = ChatCompletionNamedToolChoiceCustomType.CUSTOM,
    ) -> None:
        self.custom = custom
        self.type = type
        self.additional_properties = {}

    def __eq__(
        self, other: builtins.object
    ) -> bool:  # builtins: a field may be called object
        if other.__class__ is not self.__class__:
            return NotImplemented
        return bool(_FIELDS_OF(self) == _FIELDS_OF(other))

    __hash__ = None  # type: ignore[assignment]  # mutable: compared by value, so not hashable

    def to_dict(self) -> dict[str, Any]:
        """The object as JSON-ready data: every field with its API name, unknown fields included."""
        type_ = self.type.value

        custom = self.custom.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "custom": custom,
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
    def from_dict(cls: builtins.type[T], src_dict: Mapping[str, Any]) -> T:
        # Read, not copied: the unknown fields are gathered into a new dict at the end. The locals of this
        # function that are not fields are in capitals: a field's locals are its snake_case name.
        _JSON = src_dict if src_dict.__class__ is dict else dict(src_dict)
        type_ = ChatCompletionNamedToolChoiceCustomType(_JSON["type"])

        custom = ChatCompletionNamedToolChoiceCustomCustom.from_dict(_JSON["custom"])

        # Positional, in __init__'s order: binding ten keywords costs more than building the object.
        chat_completion_named_tool_choice_custom = cls(
            custom,
            type_,
        )

        unknown = (
            {}
            if _WIRE_NAMES.issuperset(_JSON)
            else {k: v for k, v in _JSON.items() if k not in _WIRE_NAMES}
        )
        chat_completion_named_tool_choice_custom.additional_properties = unknown
        return chat_completion_named_tool_choice_custom

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


# What __eq__ compares: every field, unknown fields included.
_FIELDS_OF = attrgetter("custom", "type", "additional_properties")

# Imported once, after the class, rather than on every to_dict/from_dict call: models that refer to
# each other still load in any order, because each class exists before its module imports others.
from ..models.chat_completion_named_tool_choice_custom_custom import (
    ChatCompletionNamedToolChoiceCustomCustom,  # noqa: E402
)
