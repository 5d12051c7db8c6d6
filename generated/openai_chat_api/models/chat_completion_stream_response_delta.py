from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.chat_completion_delta_function_call import (
        ChatCompletionDeltaFunctionCall,
    )
    from ..models.chat_completion_message_tool_call_chunk import (
        ChatCompletionMessageToolCallChunk,
    )


T = TypeVar("T", bound="ChatCompletionStreamResponseDelta")


@_attrs_define
class ChatCompletionStreamResponseDelta:
    """What one chunk adds to the message.

    Attributes:
        content (None | str | Unset):
        function_call (ChatCompletionDeltaFunctionCall | Unset):
        tool_calls (list[ChatCompletionMessageToolCallChunk] | Unset):
        role (str | Unset):
        refusal (None | str | Unset):
    """

    content: None | str | Unset = UNSET
    function_call: ChatCompletionDeltaFunctionCall | Unset = UNSET
    tool_calls: list[ChatCompletionMessageToolCallChunk] | Unset = UNSET
    role: str | Unset = UNSET
    refusal: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        content: None | str | Unset
        if isinstance(self.content, Unset):
            content = UNSET
        else:
            content = self.content

        function_call: dict[str, Any] | Unset = UNSET
        if not isinstance(self.function_call, Unset):
            function_call = self.function_call.to_dict()

        tool_calls: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.tool_calls, Unset):
            tool_calls = []
            for tool_calls_item_data in self.tool_calls:
                tool_calls_item = tool_calls_item_data.to_dict()
                tool_calls.append(tool_calls_item)

        role = self.role

        refusal: None | str | Unset
        if isinstance(self.refusal, Unset):
            refusal = UNSET
        else:
            refusal = self.refusal

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if content is not UNSET:
            field_dict["content"] = content
        if function_call is not UNSET:
            field_dict["function_call"] = function_call
        if tool_calls is not UNSET:
            field_dict["tool_calls"] = tool_calls
        if role is not UNSET:
            field_dict["role"] = role
        if refusal is not UNSET:
            field_dict["refusal"] = refusal

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_content(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        content = _parse_content(d.pop("content", UNSET))

        _function_call = UNSET if (_v := d.pop("function_call", UNSET)) is None else _v
        function_call: ChatCompletionDeltaFunctionCall | Unset
        if isinstance(_function_call, Unset):
            function_call = UNSET
        else:
            function_call = ChatCompletionDeltaFunctionCall.from_dict(_function_call)

        _tool_calls = UNSET if (_v := d.pop("tool_calls", UNSET)) is None else _v
        tool_calls: list[ChatCompletionMessageToolCallChunk] | Unset = UNSET
        if _tool_calls is not UNSET:
            tool_calls = []
            for tool_calls_item_data in _tool_calls:
                tool_calls_item = ChatCompletionMessageToolCallChunk.from_dict(
                    tool_calls_item_data
                )

                tool_calls.append(tool_calls_item)

        role = UNSET if (_v := d.pop("role", UNSET)) is None else _v

        def _parse_refusal(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        refusal = _parse_refusal(d.pop("refusal", UNSET))

        chat_completion_stream_response_delta = cls(
            content=content,
            function_call=function_call,
            tool_calls=tool_calls,
            role=role,
            refusal=refusal,
        )

        chat_completion_stream_response_delta.additional_properties = d
        return chat_completion_stream_response_delta

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
from ..models.chat_completion_delta_function_call import ChatCompletionDeltaFunctionCall  # noqa: E402
from ..models.chat_completion_message_tool_call_chunk import (
    ChatCompletionMessageToolCallChunk,  # noqa: E402
)
