from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.chat_completion_message_custom_tool_call_type import (
    ChatCompletionMessageCustomToolCallType,
)
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.chat_completion_message_custom_tool_call_custom import (
        ChatCompletionMessageCustomToolCallCustom,
    )


T = TypeVar("T", bound="ChatCompletionMessageCustomToolCall")


@_attrs_define
class ChatCompletionMessageCustomToolCall:
    """A call of a custom tool that the model asks for.

    Attributes:
        id (str):
        custom (ChatCompletionMessageCustomToolCallCustom):
        type_ (ChatCompletionMessageCustomToolCallType | Unset):  Default:
            ChatCompletionMessageCustomToolCallType.CUSTOM.
    """

    id: str
    custom: ChatCompletionMessageCustomToolCallCustom
    type_: ChatCompletionMessageCustomToolCallType | Unset = (
        ChatCompletionMessageCustomToolCallType.CUSTOM
    )
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        custom = self.custom.to_dict()

        type_: str | Unset = UNSET
        if not isinstance(self.type_, Unset):
            type_ = self.type_.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "custom": custom,
            }
        )
        if type_ is not UNSET:
            field_dict["type"] = type_

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        custom = ChatCompletionMessageCustomToolCallCustom.from_dict(d.pop("custom"))

        _type_ = UNSET if (_v := d.pop("type", UNSET)) is None else _v
        type_: ChatCompletionMessageCustomToolCallType | Unset
        if isinstance(_type_, Unset):
            type_ = UNSET
        else:
            type_ = ChatCompletionMessageCustomToolCallType(_type_)

        chat_completion_message_custom_tool_call = cls(
            id=id,
            custom=custom,
            type_=type_,
        )

        chat_completion_message_custom_tool_call.additional_properties = d
        return chat_completion_message_custom_tool_call

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
from ..models.chat_completion_message_custom_tool_call_custom import (
    ChatCompletionMessageCustomToolCallCustom,  # noqa: E402
)
