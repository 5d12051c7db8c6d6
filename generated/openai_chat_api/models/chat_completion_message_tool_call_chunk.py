from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.chat_completion_message_tool_call_chunk_function import (
        ChatCompletionMessageToolCallChunkFunction,
    )


T = TypeVar("T", bound="ChatCompletionMessageToolCallChunk")


@_attrs_define
class ChatCompletionMessageToolCallChunk:
    """A piece of a tool call inside a streamed chunk.

    Attributes:
        index (int):
        id (str | Unset):
        type_ (str | Unset):
        function (ChatCompletionMessageToolCallChunkFunction | Unset):
    """

    index: int
    id: str | Unset = UNSET
    type_: str | Unset = UNSET
    function: ChatCompletionMessageToolCallChunkFunction | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        index = self.index

        id = self.id

        type_ = self.type_

        function: dict[str, Any] | Unset = UNSET
        if not isinstance(self.function, Unset):
            function = self.function.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "index": index,
            }
        )
        if id is not UNSET:
            field_dict["id"] = id
        if type_ is not UNSET:
            field_dict["type"] = type_
        if function is not UNSET:
            field_dict["function"] = function

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        index = d.pop("index")

        id = UNSET if (_v := d.pop("id", UNSET)) is None else _v

        type_ = UNSET if (_v := d.pop("type", UNSET)) is None else _v

        _function = UNSET if (_v := d.pop("function", UNSET)) is None else _v
        function: ChatCompletionMessageToolCallChunkFunction | Unset
        if isinstance(_function, Unset):
            function = UNSET
        else:
            function = ChatCompletionMessageToolCallChunkFunction.from_dict(_function)

        chat_completion_message_tool_call_chunk = cls(
            index=index,
            id=id,
            type_=type_,
            function=function,
        )

        chat_completion_message_tool_call_chunk.additional_properties = d
        return chat_completion_message_tool_call_chunk

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
from ..models.chat_completion_message_tool_call_chunk_function import (
    ChatCompletionMessageToolCallChunkFunction,  # noqa: E402
)
