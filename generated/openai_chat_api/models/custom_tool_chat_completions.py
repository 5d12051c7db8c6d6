from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.custom_tool_chat_completions_type import CustomToolChatCompletionsType

if TYPE_CHECKING:
    from ..models.custom_tool_chat_completions_custom_tool_properties import (
        CustomToolChatCompletionsCustomToolProperties,
    )


T = TypeVar("T", bound="CustomToolChatCompletions")


@_attrs_define
class CustomToolChatCompletions:
    """A custom tool the model may call with free-form input.

    Attributes:
        type_ (CustomToolChatCompletionsType):  Default: CustomToolChatCompletionsType.CUSTOM.
        custom (CustomToolChatCompletionsCustomToolProperties):
    """

    custom: CustomToolChatCompletionsCustomToolProperties
    type_: CustomToolChatCompletionsType = CustomToolChatCompletionsType.CUSTOM
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_.value

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

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        type_ = CustomToolChatCompletionsType(d.pop("type"))

        custom = CustomToolChatCompletionsCustomToolProperties.from_dict(
            d.pop("custom")
        )

        custom_tool_chat_completions = cls(
            type_=type_,
            custom=custom,
        )

        custom_tool_chat_completions.additional_properties = d
        return custom_tool_chat_completions

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


# Imported once, after the class, rather than on every to_dict/from_dict call: models that refer to
# each other still load in any order, because each class exists before its module imports others.
from ..models.custom_tool_chat_completions_custom_tool_properties import (
    CustomToolChatCompletionsCustomToolProperties,  # noqa: E402
)
