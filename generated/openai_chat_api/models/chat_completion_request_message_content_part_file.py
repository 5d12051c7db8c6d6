from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.chat_completion_request_message_content_part_file_type import (
    ChatCompletionRequestMessageContentPartFileType,
)
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.chat_completion_request_message_content_part_file_file import (
        ChatCompletionRequestMessageContentPartFileFile,
    )
    from ..models.prompt_cache_breakpoint_param import PromptCacheBreakpointParam


T = TypeVar("T", bound="ChatCompletionRequestMessageContentPartFile")


@_attrs_define
class ChatCompletionRequestMessageContentPartFile:
    """A file, by id or inline.

    Attributes:
        type_ (ChatCompletionRequestMessageContentPartFileType):  Default:
            ChatCompletionRequestMessageContentPartFileType.FILE.
        file (ChatCompletionRequestMessageContentPartFileFile):
        prompt_cache_breakpoint (PromptCacheBreakpointParam | Unset): A point up to which the prompt may be cached.
    """

    file: ChatCompletionRequestMessageContentPartFileFile
    type_: ChatCompletionRequestMessageContentPartFileType = (
        ChatCompletionRequestMessageContentPartFileType.FILE
    )
    prompt_cache_breakpoint: PromptCacheBreakpointParam | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_.value

        file = self.file.to_dict()

        prompt_cache_breakpoint: dict[str, Any] | Unset = UNSET
        if not isinstance(self.prompt_cache_breakpoint, Unset):
            prompt_cache_breakpoint = self.prompt_cache_breakpoint.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "file": file,
            }
        )
        if prompt_cache_breakpoint is not UNSET:
            field_dict["prompt_cache_breakpoint"] = prompt_cache_breakpoint

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        type_ = ChatCompletionRequestMessageContentPartFileType(d.pop("type"))

        file = ChatCompletionRequestMessageContentPartFileFile.from_dict(d.pop("file"))

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

        chat_completion_request_message_content_part_file = cls(
            type_=type_,
            file=file,
            prompt_cache_breakpoint=prompt_cache_breakpoint,
        )

        chat_completion_request_message_content_part_file.additional_properties = d
        return chat_completion_request_message_content_part_file

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
from ..models.chat_completion_request_message_content_part_file_file import (
    ChatCompletionRequestMessageContentPartFileFile,  # noqa: E402
)
from ..models.prompt_cache_breakpoint_param import PromptCacheBreakpointParam  # noqa: E402
