from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.chat_completion_annotation import ChatCompletionAnnotation
    from ..models.chat_completion_audio import ChatCompletionAudio
    from ..models.chat_completion_function_call import ChatCompletionFunctionCall
    from ..models.chat_completion_message_custom_tool_call import (
        ChatCompletionMessageCustomToolCall,
    )
    from ..models.chat_completion_message_tool_call import ChatCompletionMessageToolCall


T = TypeVar("T", bound="ChatCompletionResponseMessage")


@_attrs_define
class ChatCompletionResponseMessage:
    """The message the model produced.

    Attributes:
        content (None | str | Unset):
        refusal (None | str | Unset):
        tool_calls (list[ChatCompletionMessageCustomToolCall | ChatCompletionMessageToolCall] | Unset): The tool calls
            the model asks for.
        annotations (list[ChatCompletionAnnotation] | Unset):
        role (str | Unset):
        function_call (ChatCompletionFunctionCall | Unset):
        audio (ChatCompletionAudio | None | Unset):
    """

    content: None | str | Unset = UNSET
    refusal: None | str | Unset = UNSET
    tool_calls: (
        list[ChatCompletionMessageCustomToolCall | ChatCompletionMessageToolCall]
        | Unset
    ) = UNSET
    annotations: list[ChatCompletionAnnotation] | Unset = UNSET
    role: str | Unset = UNSET
    function_call: ChatCompletionFunctionCall | Unset = UNSET
    audio: ChatCompletionAudio | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        content: None | str | Unset
        if isinstance(self.content, Unset):
            content = UNSET
        else:
            content = self.content

        refusal: None | str | Unset
        if isinstance(self.refusal, Unset):
            refusal = UNSET
        else:
            refusal = self.refusal

        tool_calls: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.tool_calls, Unset):
            tool_calls = []
            for (
                componentsschemas_chat_completion_message_tool_calls_item_data
            ) in self.tool_calls:
                componentsschemas_chat_completion_message_tool_calls_item: dict[
                    str, Any
                ]
                if isinstance(
                    componentsschemas_chat_completion_message_tool_calls_item_data,
                    ChatCompletionMessageToolCall,
                ):
                    componentsschemas_chat_completion_message_tool_calls_item = componentsschemas_chat_completion_message_tool_calls_item_data.to_dict()
                else:
                    componentsschemas_chat_completion_message_tool_calls_item = componentsschemas_chat_completion_message_tool_calls_item_data.to_dict()

                tool_calls.append(
                    componentsschemas_chat_completion_message_tool_calls_item
                )

        annotations: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.annotations, Unset):
            annotations = []
            for annotations_item_data in self.annotations:
                annotations_item = annotations_item_data.to_dict()
                annotations.append(annotations_item)

        role = self.role

        function_call: dict[str, Any] | Unset = UNSET
        if not isinstance(self.function_call, Unset):
            function_call = self.function_call.to_dict()

        audio: dict[str, Any] | None | Unset
        if isinstance(self.audio, Unset):
            audio = UNSET
        elif isinstance(self.audio, ChatCompletionAudio):
            audio = self.audio.to_dict()
        else:
            audio = self.audio

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if content is not UNSET:
            field_dict["content"] = content
        if refusal is not UNSET:
            field_dict["refusal"] = refusal
        if tool_calls is not UNSET:
            field_dict["tool_calls"] = tool_calls
        if annotations is not UNSET:
            field_dict["annotations"] = annotations
        if role is not UNSET:
            field_dict["role"] = role
        if function_call is not UNSET:
            field_dict["function_call"] = function_call
        if audio is not UNSET:
            field_dict["audio"] = audio

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

        def _parse_refusal(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        refusal = _parse_refusal(d.pop("refusal", UNSET))

        _tool_calls = UNSET if (_v := d.pop("tool_calls", UNSET)) is None else _v
        tool_calls: (
            list[ChatCompletionMessageCustomToolCall | ChatCompletionMessageToolCall]
            | Unset
        ) = UNSET
        if _tool_calls is not UNSET:
            tool_calls = []
            for (
                componentsschemas_chat_completion_message_tool_calls_item_data
            ) in _tool_calls:

                def _parse_componentsschemas_chat_completion_message_tool_calls_item(
                    data: object,
                ) -> (
                    ChatCompletionMessageCustomToolCall | ChatCompletionMessageToolCall
                ):
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        componentsschemas_chat_completion_message_tool_calls_item_type_0 = ChatCompletionMessageToolCall.from_dict(
                            data
                        )

                        return componentsschemas_chat_completion_message_tool_calls_item_type_0
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_chat_completion_message_tool_calls_item_type_1 = (
                        ChatCompletionMessageCustomToolCall.from_dict(data)
                    )

                    return (
                        componentsschemas_chat_completion_message_tool_calls_item_type_1
                    )

                componentsschemas_chat_completion_message_tool_calls_item = (
                    _parse_componentsschemas_chat_completion_message_tool_calls_item(
                        componentsschemas_chat_completion_message_tool_calls_item_data
                    )
                )

                tool_calls.append(
                    componentsschemas_chat_completion_message_tool_calls_item
                )

        _annotations = UNSET if (_v := d.pop("annotations", UNSET)) is None else _v
        annotations: list[ChatCompletionAnnotation] | Unset = UNSET
        if _annotations is not UNSET:
            annotations = []
            for annotations_item_data in _annotations:
                annotations_item = ChatCompletionAnnotation.from_dict(
                    annotations_item_data
                )

                annotations.append(annotations_item)

        role = UNSET if (_v := d.pop("role", UNSET)) is None else _v

        _function_call = UNSET if (_v := d.pop("function_call", UNSET)) is None else _v
        function_call: ChatCompletionFunctionCall | Unset
        if isinstance(_function_call, Unset):
            function_call = UNSET
        else:
            function_call = ChatCompletionFunctionCall.from_dict(_function_call)

        def _parse_audio(data: object) -> ChatCompletionAudio | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                audio_type_0 = ChatCompletionAudio.from_dict(data)

                return audio_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ChatCompletionAudio | None | Unset, data)

        audio = _parse_audio(d.pop("audio", UNSET))

        chat_completion_response_message = cls(
            content=content,
            refusal=refusal,
            tool_calls=tool_calls,
            annotations=annotations,
            role=role,
            function_call=function_call,
            audio=audio,
        )

        chat_completion_response_message.additional_properties = d
        return chat_completion_response_message

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
from ..models.chat_completion_annotation import ChatCompletionAnnotation  # noqa: E402
from ..models.chat_completion_audio import ChatCompletionAudio  # noqa: E402
from ..models.chat_completion_function_call import ChatCompletionFunctionCall  # noqa: E402
from ..models.chat_completion_message_custom_tool_call import (
    ChatCompletionMessageCustomToolCall,  # noqa: E402
)
from ..models.chat_completion_message_tool_call import ChatCompletionMessageToolCall  # noqa: E402
