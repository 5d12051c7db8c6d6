from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.chat_completion_request_message_content_part_image_type import (
    ChatCompletionRequestMessageContentPartImageType,
)
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.chat_completion_request_message_content_part_image_image_url import (
        ChatCompletionRequestMessageContentPartImageImageUrl,
    )
    from ..models.prompt_cache_breakpoint_param import PromptCacheBreakpointParam


T = TypeVar("T", bound="ChatCompletionRequestMessageContentPartImage")


@_attrs_define
class ChatCompletionRequestMessageContentPartImage:
    """An image, by URL or as a data URL.

    Attributes:
        image_url (ChatCompletionRequestMessageContentPartImageImageUrl):
        type_ (ChatCompletionRequestMessageContentPartImageType | Unset):  Default:
            ChatCompletionRequestMessageContentPartImageType.IMAGE_URL.
        prompt_cache_breakpoint (PromptCacheBreakpointParam | Unset): A point up to which the prompt may be cached.
    """

    image_url: ChatCompletionRequestMessageContentPartImageImageUrl
    type_: ChatCompletionRequestMessageContentPartImageType | Unset = (
        ChatCompletionRequestMessageContentPartImageType.IMAGE_URL
    )
    prompt_cache_breakpoint: PromptCacheBreakpointParam | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        image_url = self.image_url.to_dict()

        type_: str | Unset = UNSET
        if not isinstance(self.type_, Unset):
            type_ = self.type_.value

        prompt_cache_breakpoint: dict[str, Any] | Unset = UNSET
        if not isinstance(self.prompt_cache_breakpoint, Unset):
            prompt_cache_breakpoint = self.prompt_cache_breakpoint.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "image_url": image_url,
            }
        )
        if type_ is not UNSET:
            field_dict["type"] = type_
        if prompt_cache_breakpoint is not UNSET:
            field_dict["prompt_cache_breakpoint"] = prompt_cache_breakpoint

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        image_url = ChatCompletionRequestMessageContentPartImageImageUrl.from_dict(
            d.pop("image_url")
        )

        _type_ = UNSET if (_v := d.pop("type", UNSET)) is None else _v
        type_: ChatCompletionRequestMessageContentPartImageType | Unset
        if isinstance(_type_, Unset):
            type_ = UNSET
        else:
            type_ = ChatCompletionRequestMessageContentPartImageType(_type_)

        _prompt_cache_breakpoint = (
            UNSET if (_v := d.pop("prompt_cache_breakpoint", UNSET)) is None else _v
        )
        prompt_cache_breakpoint: PromptCacheBreakpointParam | Unset
        if isinstance(_prompt_cache_breakpoint, Unset):
            prompt_cache_breakpoint = UNSET
        else:
            prompt_cache_breakpoint = PromptCacheBreakpointParam.from_dict(
                _prompt_cache_breakpoint
            )

        chat_completion_request_message_content_part_image = cls(
            image_url=image_url,
            type_=type_,
            prompt_cache_breakpoint=prompt_cache_breakpoint,
        )

        chat_completion_request_message_content_part_image.additional_properties = d
        return chat_completion_request_message_content_part_image

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
from ..models.chat_completion_request_message_content_part_image_image_url import (
    ChatCompletionRequestMessageContentPartImageImageUrl,  # noqa: E402
)
from ..models.prompt_cache_breakpoint_param import PromptCacheBreakpointParam  # noqa: E402
