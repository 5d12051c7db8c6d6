from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.chat_completion_moderation_error_type import (
    ChatCompletionModerationErrorType,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="ChatCompletionModerationError")


@_attrs_define
class ChatCompletionModerationError:
    """Why moderation could not run.

    Attributes:
        code (str):
        message (str):
        type_ (ChatCompletionModerationErrorType | Unset):  Default: ChatCompletionModerationErrorType.ERROR.
    """

    code: str
    message: str
    type_: ChatCompletionModerationErrorType | Unset = (
        ChatCompletionModerationErrorType.ERROR
    )
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        message = self.message

        type_: str | Unset = UNSET
        if not isinstance(self.type_, Unset):
            type_ = self.type_.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "message": message,
            }
        )
        if type_ is not UNSET:
            field_dict["type"] = type_

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = d.pop("code")

        message = d.pop("message")

        _type_ = UNSET if (_v := d.pop("type", UNSET)) is None else _v
        type_: ChatCompletionModerationErrorType | Unset
        if isinstance(_type_, Unset):
            type_ = UNSET
        else:
            type_ = ChatCompletionModerationErrorType(_type_)

        chat_completion_moderation_error = cls(
            code=code,
            message=message,
            type_=type_,
        )

        chat_completion_moderation_error.additional_properties = d
        return chat_completion_moderation_error

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
