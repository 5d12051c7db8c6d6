from __future__ import annotations

import builtins
import json
from collections.abc import Mapping
from operator import attrgetter
from typing import TYPE_CHECKING, Any, TypeVar, cast

from ..models.chat_completion_request_assistant_message_role import (
    ChatCompletionRequestAssistantMessageRole,
)
from ..types import UNSET, Unset, model_repr

if TYPE_CHECKING:
    from ..models.chat_completion_assistant_message_audio import (
        ChatCompletionAssistantMessageAudio,
    )
    from ..models.chat_completion_assistant_message_function_call import (
        ChatCompletionAssistantMessageFunctionCall,
    )
    from ..models.chat_completion_message_custom_tool_call import (
        ChatCompletionMessageCustomToolCall,
    )
    from ..models.chat_completion_message_tool_call import ChatCompletionMessageToolCall
    from ..models.chat_completion_request_message_content_part_refusal import (
        ChatCompletionRequestMessageContentPartRefusal,
    )
    from ..models.chat_completion_request_message_content_part_text import (
        ChatCompletionRequestMessageContentPartText,
    )


T = TypeVar("T", bound="ChatCompletionRequestAssistantMessage")
# The wire names of the fields: any other key of the JSON is an unknown field.
_WIRE_NAMES = frozenset(
    {
        "role",
        "content",
        "refusal",
        "name",
        "audio",
        "tool_calls",
        "function_call",
    }
)


class ChatCompletionRequestAssistantMessage:
    """A message the model wrote earlier, sent back as part of the conversation.

    Attributes:
        role (ChatCompletionRequestAssistantMessageRole):
        content (list[ChatCompletionRequestMessageContentPartRefusal | ChatCompletionRequestMessageContentPartText] |
            None | str | Unset):
        refusal (None | str | Unset):
        name (str | None):
        audio (ChatCompletionAssistantMessageAudio | None | Unset):
        tool_calls (list[ChatCompletionMessageCustomToolCall | ChatCompletionMessageToolCall] | None): The tool calls
            the model asks for.
        function_call (ChatCompletionAssistantMessageFunctionCall | None | Unset):
    """

    __slots__ = (
        "role",
        "content",
        "refusal",
        "name",
        "audio",
        "tool_calls",
        "function_call",
        "additional_properties",
        "__weakref__",
    )
    __match_args__ = (
        "role",
        "content",
        "refusal",
        "name",
        "audio",
        "tool_calls",
        "function_call",
    )

    role: ChatCompletionRequestAssistantMessageRole
    content: (
        list[
            ChatCompletionRequestMessageContentPartRefusal
            | ChatCompletionRequestMessageContentPartText
        ]
        | None
        | str
        | Unset
    )
    refusal: None | str | Unset
    name: str | None
    audio: ChatCompletionAssistantMessageAudio | None | Unset
    tool_calls: (
        list[ChatCompletionMessageCustomToolCall | ChatCompletionMessageToolCall] | None
    )
    function_call: ChatCompletionAssistantMessageFunctionCall | None | Unset
    additional_properties: dict[str, Any]
    """The fields the document does not name, as the server sent them."""

    def __init__(
        self,
        role: ChatCompletionRequestAssistantMessageRole = ChatCompletionRequestAssistantMessageRole.ASSISTANT,
        content: list[
            ChatCompletionRequestMessageContentPartRefusal
            | ChatCompletionRequestMessageContentPartText
        ]
        | None
        | str
        | Unset = UNSET,
        refusal: None | str | Unset = UNSET,
        name: str | None = None,
        audio: ChatCompletionAssistantMessageAudio | None | Unset = UNSET,
        tool_calls: list[
            ChatCompletionMessageCustomToolCall | ChatCompletionMessageToolCall
        ]
        | None = None,
        function_call: ChatCompletionAssistantMessageFunctionCall
        | None
        | Unset = UNSET,
    ) -> None:
        self.role = role
        self.content = content
        self.refusal = refusal
        self.name = name
        self.audio = audio
        self.tool_calls = tool_calls
        self.function_call = function_call
        self.additional_properties = {}

    def __eq__(
        self, other: builtins.object
    ) -> bool:  # builtins: a field may be called object
        if other.__class__ is not self.__class__:
            return NotImplemented
        return bool(_FIELDS_OF(self) == _FIELDS_OF(other))

    __hash__ = None  # type: ignore[assignment]  # mutable: compared by value, so not hashable

    def to_dict(self) -> dict[str, Any]:
        """The object as JSON-ready data: every field with its API name, unknown fields included."""
        role = self.role.value

        content: list[dict[str, Any]] | None | str | Unset
        if isinstance(self.content, Unset):
            content = UNSET
        elif isinstance(self.content, list):
            content = []
            for content_type_0_type_1_item_data in self.content:
                content_type_0_type_1_item: dict[str, Any]
                if isinstance(
                    content_type_0_type_1_item_data,
                    ChatCompletionRequestMessageContentPartText,
                ):
                    content_type_0_type_1_item = (
                        content_type_0_type_1_item_data.to_dict()
                    )
                else:
                    content_type_0_type_1_item = (
                        content_type_0_type_1_item_data.to_dict()
                    )

                content.append(content_type_0_type_1_item)

        else:
            content = self.content

        refusal: None | str | Unset
        if isinstance(self.refusal, Unset):
            refusal = UNSET
        else:
            refusal = self.refusal

        name = self.name

        audio: dict[str, Any] | None | Unset
        if isinstance(self.audio, Unset):
            audio = UNSET
        elif isinstance(self.audio, ChatCompletionAssistantMessageAudio):
            audio = self.audio.to_dict()
        else:
            audio = self.audio

        tool_calls = self.tool_calls

        function_call: dict[str, Any] | None | Unset
        if isinstance(self.function_call, Unset):
            function_call = UNSET
        elif isinstance(self.function_call, ChatCompletionAssistantMessageFunctionCall):
            function_call = self.function_call.to_dict()
        else:
            function_call = self.function_call

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "role": role,
            }
        )
        if content is not UNSET:
            field_dict["content"] = content
        if refusal is not UNSET:
            field_dict["refusal"] = refusal
        if name is not None:
            field_dict["name"] = name

        if audio is not UNSET:
            field_dict["audio"] = audio
        if tool_calls is not None:
            field_dict["tool_calls"] = []
            for (
                componentsschemas_chat_completion_message_tool_calls_item_data
            ) in tool_calls:
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

                field_dict["tool_calls"].append(
                    componentsschemas_chat_completion_message_tool_calls_item
                )

        if function_call is not UNSET:
            field_dict["function_call"] = function_call

        return field_dict

    def to_json(self, *, indent: int | None = None) -> str:
        """The object as JSON text (what :meth:`to_dict` gives); :meth:`from_json` reads it back."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    def __repr__(self) -> str:
        return model_repr(self)

    @classmethod
    def from_json(cls: builtins.type[T], text: str | builtins.bytes) -> T:
        """Read what :meth:`to_json` wrote."""
        return cls.from_dict(json.loads(text))

    @classmethod
    def from_dict(cls: builtins.type[T], src_dict: Mapping[str, Any]) -> T:
        # Read, not copied: the unknown fields are gathered into a new dict at the end. The locals of this
        # function that are not fields are in capitals: a field's locals are its snake_case name.
        _JSON = src_dict if src_dict.__class__ is dict else dict(src_dict)
        role = ChatCompletionRequestAssistantMessageRole(_JSON["role"])

        def _parse_content(
            data: object,
        ) -> (
            list[
                ChatCompletionRequestMessageContentPartRefusal
                | ChatCompletionRequestMessageContentPartText
            ]
            | None
            | str
            | Unset
        ):
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                content_type_0_type_1 = []
                _content_type_0_type_1 = data
                for content_type_0_type_1_item_data in _content_type_0_type_1:

                    def _parse_content_type_0_type_1_item(
                        data: object,
                    ) -> (
                        ChatCompletionRequestMessageContentPartRefusal
                        | ChatCompletionRequestMessageContentPartText
                    ):
                        try:
                            if not isinstance(data, dict):
                                raise TypeError()
                            componentsschemas_chat_completion_request_assistant_message_content_part_type_0 = ChatCompletionRequestMessageContentPartText.from_dict(
                                data
                            )

                            return componentsschemas_chat_completion_request_assistant_message_content_part_type_0
                        except (TypeError, ValueError, AttributeError, KeyError):
                            pass
                        if not isinstance(data, dict):
                            raise TypeError()
                        componentsschemas_chat_completion_request_assistant_message_content_part_type_1 = ChatCompletionRequestMessageContentPartRefusal.from_dict(
                            data
                        )

                        return componentsschemas_chat_completion_request_assistant_message_content_part_type_1

                    content_type_0_type_1_item = _parse_content_type_0_type_1_item(
                        content_type_0_type_1_item_data
                    )

                    content_type_0_type_1.append(content_type_0_type_1_item)

                return content_type_0_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(
                list[
                    ChatCompletionRequestMessageContentPartRefusal
                    | ChatCompletionRequestMessageContentPartText
                ]
                | None
                | str
                | Unset,
                data,
            )

        content = _parse_content(_JSON.get("content", UNSET))

        def _parse_refusal(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        refusal = _parse_refusal(_JSON.get("refusal", UNSET))

        name = _JSON.get("name")

        def _parse_audio(
            data: object,
        ) -> ChatCompletionAssistantMessageAudio | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                audio_type_0 = ChatCompletionAssistantMessageAudio.from_dict(data)

                return audio_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ChatCompletionAssistantMessageAudio | None | Unset, data)

        audio = _parse_audio(_JSON.get("audio", UNSET))

        _tool_calls = _JSON.get("tool_calls")
        tool_calls: (
            list[ChatCompletionMessageCustomToolCall | ChatCompletionMessageToolCall]
            | None
        ) = None
        if _tool_calls is not None:
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

        def _parse_function_call(
            data: object,
        ) -> ChatCompletionAssistantMessageFunctionCall | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                function_call_type_0 = (
                    ChatCompletionAssistantMessageFunctionCall.from_dict(data)
                )

                return function_call_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ChatCompletionAssistantMessageFunctionCall | None | Unset, data)

        function_call = _parse_function_call(_JSON.get("function_call", UNSET))

        # Positional, in __init__'s order: binding ten keywords costs more than building the object.
        chat_completion_request_assistant_message = cls(
            role,
            content,
            refusal,
            name,
            audio,
            tool_calls,
            function_call,
        )

        unknown = (
            {}
            if _WIRE_NAMES.issuperset(_JSON)
            else {k: v for k, v in _JSON.items() if k not in _WIRE_NAMES}
        )
        chat_completion_request_assistant_message.additional_properties = unknown
        return chat_completion_request_assistant_message

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


# What __eq__ compares: every field, unknown fields included.
_FIELDS_OF = attrgetter(
    "role",
    "content",
    "refusal",
    "name",
    "audio",
    "tool_calls",
    "function_call",
    "additional_properties",
)

# Imported once, after the class, rather than on every to_dict/from_dict call: models that refer to
# each other still load in any order, because each class exists before its module imports others.
from ..models.chat_completion_assistant_message_audio import (
    ChatCompletionAssistantMessageAudio,  # noqa: E402
)
from ..models.chat_completion_assistant_message_function_call import (
    ChatCompletionAssistantMessageFunctionCall,  # noqa: E402
)
from ..models.chat_completion_message_custom_tool_call import (
    ChatCompletionMessageCustomToolCall,  # noqa: E402
)
from ..models.chat_completion_message_tool_call import ChatCompletionMessageToolCall  # noqa: E402
from ..models.chat_completion_request_message_content_part_refusal import (
    ChatCompletionRequestMessageContentPartRefusal,  # noqa: E402
)
from ..models.chat_completion_request_message_content_part_text import (
    ChatCompletionRequestMessageContentPartText,  # noqa: E402
)
