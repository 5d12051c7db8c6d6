from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.chat_completion_request_message_content_part_audio_input_audio_format import (
    ChatCompletionRequestMessageContentPartAudioInputAudioFormat,
)

T = TypeVar("T", bound="ChatCompletionRequestMessageContentPartAudioInputAudio")


@_attrs_define
class ChatCompletionRequestMessageContentPartAudioInputAudio:
    """
    Attributes:
        data (str):
        format_ (ChatCompletionRequestMessageContentPartAudioInputAudioFormat):
    """

    data: str
    format_: ChatCompletionRequestMessageContentPartAudioInputAudioFormat
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        data = self.data

        format_ = self.format_.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "data": data,
                "format": format_,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        data = d.pop("data")

        format_ = ChatCompletionRequestMessageContentPartAudioInputAudioFormat(
            d.pop("format")
        )

        chat_completion_request_message_content_part_audio_input_audio = cls(
            data=data,
            format_=format_,
        )

        chat_completion_request_message_content_part_audio_input_audio.additional_properties = d
        return chat_completion_request_message_content_part_audio_input_audio

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
