from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.custom_tool_chat_completions_custom_tool_properties_format_type_1 import (
        CustomToolChatCompletionsCustomToolPropertiesFormatType1,
    )
    from ..models.custom_tool_chat_completions_custom_tool_properties_text_format import (
        CustomToolChatCompletionsCustomToolPropertiesTextFormat,
    )


T = TypeVar("T", bound="CustomToolChatCompletionsCustomToolProperties")


@_attrs_define
class CustomToolChatCompletionsCustomToolProperties:
    """
    Attributes:
        name (str):
        description (str | Unset): What the custom tool is for.
        format_ (CustomToolChatCompletionsCustomToolPropertiesFormatType1 |
            CustomToolChatCompletionsCustomToolPropertiesTextFormat | Unset):
    """

    name: str
    description: str | Unset = UNSET
    format_: (
        CustomToolChatCompletionsCustomToolPropertiesFormatType1
        | CustomToolChatCompletionsCustomToolPropertiesTextFormat
        | Unset
    ) = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        description = self.description

        format_: dict[str, Any] | Unset
        if isinstance(self.format_, Unset):
            format_ = UNSET
        elif isinstance(
            self.format_, CustomToolChatCompletionsCustomToolPropertiesTextFormat
        ):
            format_ = self.format_.to_dict()
        else:
            format_ = self.format_.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description
        if format_ is not UNSET:
            field_dict["format"] = format_

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        description = UNSET if (_v := d.pop("description", UNSET)) is None else _v

        def _parse_format_(
            data: object,
        ) -> (
            CustomToolChatCompletionsCustomToolPropertiesFormatType1
            | CustomToolChatCompletionsCustomToolPropertiesTextFormat
            | Unset
        ):
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                format_text_format = (
                    CustomToolChatCompletionsCustomToolPropertiesTextFormat.from_dict(
                        data
                    )
                )

                return format_text_format
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            format_type_1 = (
                CustomToolChatCompletionsCustomToolPropertiesFormatType1.from_dict(data)
            )

            return format_type_1

        format_ = _parse_format_(
            UNSET if (_v := d.pop("format", UNSET)) is None else _v
        )

        custom_tool_chat_completions_custom_tool_properties = cls(
            name=name,
            description=description,
            format_=format_,
        )

        custom_tool_chat_completions_custom_tool_properties.additional_properties = d
        return custom_tool_chat_completions_custom_tool_properties

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
from ..models.custom_tool_chat_completions_custom_tool_properties_format_type_1 import (
    CustomToolChatCompletionsCustomToolPropertiesFormatType1,  # noqa: E402
)
from ..models.custom_tool_chat_completions_custom_tool_properties_text_format import (
    CustomToolChatCompletionsCustomToolPropertiesTextFormat,  # noqa: E402
)
