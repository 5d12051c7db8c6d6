from __future__ import annotations

import builtins
import json
from collections.abc import Mapping
from operator import attrgetter
from typing import TYPE_CHECKING, Any, TypeVar, cast

from ..types import PENDING, LazyFields, model_repr

if TYPE_CHECKING:
    from ..models.chat_completion_annotation import ChatCompletionAnnotation
    from ..models.chat_completion_audio import ChatCompletionAudio
    from ..models.chat_completion_function_call import ChatCompletionFunctionCall
    from ..models.chat_completion_message_custom_tool_call import (
        ChatCompletionMessageCustomToolCall,
    )
    from ..models.chat_completion_message_tool_call import ChatCompletionMessageToolCall


T = TypeVar("T", bound="ChatCompletionResponseMessage")
# The wire names of the fields: any other key of the JSON is an unknown field.
_WIRE_NAMES = frozenset(
    {
        "content",
        "refusal",
        "tool_calls",
        "annotations",
        "role",
        "function_call",
        "audio",
    }
)


class ChatCompletionResponseMessage(LazyFields):
    """The message the model produced.

    Attributes:
        content (None | str):
        refusal (None | str):
        tool_calls (list[ChatCompletionMessageCustomToolCall | ChatCompletionMessageToolCall] | None): The tool calls
            the model asks for.
        annotations (list[ChatCompletionAnnotation] | None):
        role (str | None):
        function_call (ChatCompletionFunctionCall | None):
        audio (ChatCompletionAudio | None):
    """

    __slots__ = (
        "content",
        "refusal",
        "tool_calls",
        "_lazy_annotations",
        "role",
        "_lazy_function_call",
        "_lazy_audio",
        "_src",
        "additional_properties",
        "__weakref__",
    )
    __match_args__ = (
        "content",
        "refusal",
        "tool_calls",
        "annotations",
        "role",
        "function_call",
        "audio",
    )

    content: None | str
    refusal: None | str
    tool_calls: (
        list[ChatCompletionMessageCustomToolCall | ChatCompletionMessageToolCall] | None
    )
    role: str | None
    additional_properties: dict[str, Any]
    """The fields the document does not name, as the server sent them."""

    def __init__(
        self,
        content: None | str = None,
        refusal: None | str = None,
        tool_calls: list[
            ChatCompletionMessageCustomToolCall | ChatCompletionMessageToolCall
        ]
        | None = None,
        annotations: list[ChatCompletionAnnotation] | None = None,
        role: str | None = None,
        function_call: ChatCompletionFunctionCall | None = None,
        audio: ChatCompletionAudio | None = None,
    ) -> None:
        self.content = content
        self.refusal = refusal
        self.tool_calls = tool_calls
        self._lazy_annotations = annotations
        self.role = role
        self._lazy_function_call = function_call
        self._lazy_audio = audio
        self.additional_properties = {}

    def __eq__(
        self, other: builtins.object
    ) -> bool:  # builtins: a field may be called object
        if other.__class__ is not self.__class__:
            return NotImplemented
        return bool(_FIELDS_OF(self) == _FIELDS_OF(other))

    __hash__ = None  # type: ignore[assignment]  # mutable: compared by value, so not hashable

    @property
    def annotations(self) -> list[ChatCompletionAnnotation] | None:
        value = self._lazy_annotations
        if value is PENDING:
            loaded = self._load("annotations", _read_annotations)
            value = self._lazy_annotations
            if (
                value is PENDING
            ):  # else another thread read it meanwhile: every reader gets the same object
                value = self._lazy_annotations = loaded
        return value

    @annotations.setter
    def annotations(self, value: list[ChatCompletionAnnotation] | None) -> None:
        self._lazy_annotations = value

    @property
    def function_call(self) -> ChatCompletionFunctionCall | None:
        value = self._lazy_function_call
        if value is PENDING:
            loaded = self._load("function_call", _read_function_call)
            value = self._lazy_function_call
            if (
                value is PENDING
            ):  # else another thread read it meanwhile: every reader gets the same object
                value = self._lazy_function_call = loaded
        return value

    @function_call.setter
    def function_call(self, value: ChatCompletionFunctionCall | None) -> None:
        self._lazy_function_call = value

    @property
    def audio(self) -> ChatCompletionAudio | None:
        value = self._lazy_audio
        if value is PENDING:
            loaded = self._load("audio", _read_audio)
            value = self._lazy_audio
            if (
                value is PENDING
            ):  # else another thread read it meanwhile: every reader gets the same object
                value = self._lazy_audio = loaded
        return value

    @audio.setter
    def audio(self, value: ChatCompletionAudio | None) -> None:
        self._lazy_audio = value

    def to_dict(self) -> dict[str, Any]:
        """The object as JSON-ready data: every field with its API name, unknown fields included."""
        content: None | str
        content = self.content

        refusal: None | str
        refusal = self.refusal

        tool_calls = self.tool_calls

        annotations = self.annotations

        role = self.role

        function_call = self.function_call

        audio = self.audio

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "content": content,
                "refusal": refusal,
            }
        )
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

        if annotations is not None:
            field_dict["annotations"] = []
            for annotations_item_data in annotations:
                annotations_item = annotations_item_data.to_dict()
                field_dict["annotations"].append(annotations_item)

        if role is not None:
            field_dict["role"] = role

        if function_call is not None:
            field_dict["function_call"] = function_call.to_dict()

        if audio is not None:
            if isinstance(audio, ChatCompletionAudio):
                field_dict["audio"] = audio.to_dict()
            else:
                field_dict["audio"] = audio

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
    def from_dict(
        cls: builtins.type[T], src_dict: Mapping[str, Any], *, lazy: bool = False
    ) -> T:
        """The object from its JSON. With ``lazy``, the nested objects (annotations, function_call, audio) are read
        when first used: the JSON is kept, and a malformed one fails when it is read."""
        # Read, not copied: the unknown fields are gathered into a new dict at the end. The locals of this
        # function that are not fields are in capitals: a field's locals are its snake_case name.
        _JSON = src_dict if src_dict.__class__ is dict else dict(src_dict)
        _LAZY = lazy
        content = _JSON.get("content")

        refusal = _JSON.get("refusal")

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

        _annotations = _JSON.get("annotations")
        annotations = (
            (None if _annotations is None else PENDING)
            if _LAZY
            else _read_annotations(_annotations)
        )

        role = _JSON.get("role")

        _function_call = _JSON.get("function_call")
        function_call = (
            (None if _function_call is None else PENDING)
            if _LAZY
            else _read_function_call(_function_call)
        )

        _audio = _JSON.get("audio")
        audio = (None if _audio is None else PENDING) if _LAZY else _read_audio(_audio)

        # Positional, in __init__'s order: binding ten keywords costs more than building the object.
        chat_completion_response_message = cls(
            content,
            refusal,
            tool_calls,
            annotations,
            role,
            function_call,
            audio,
        )
        if _LAZY:
            chat_completion_response_message._src = _JSON

        unknown = (
            {}
            if _WIRE_NAMES.issuperset(_JSON)
            else {k: v for k, v in _JSON.items() if k not in _WIRE_NAMES}
        )
        chat_completion_response_message.additional_properties = unknown
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


def _parse_audio(data: object) -> ChatCompletionAudio | None:
    if data is None:
        return None
    try:
        if not isinstance(data, dict):
            raise TypeError()
        audio_type_0 = ChatCompletionAudio.from_dict(data)

        return audio_type_0
    except (TypeError, ValueError, AttributeError, KeyError):
        pass
    return cast(ChatCompletionAudio | None, data)


def _read_annotations(_value: Any) -> list[ChatCompletionAnnotation] | None:
    if _value is None:
        return None
    annotations = []
    for annotations_item_data in _value:
        annotations_item = ChatCompletionAnnotation.from_dict(annotations_item_data)

        annotations.append(annotations_item)

    return annotations


def _read_function_call(_value: Any) -> ChatCompletionFunctionCall | None:
    if _value is None:
        return None
    function_call = ChatCompletionFunctionCall.from_dict(_value)

    return function_call


def _read_audio(_value: Any) -> ChatCompletionAudio | None:
    audio = _parse_audio(_value)

    return audio


# What __eq__ compares: every field, unknown fields included.
_FIELDS_OF = attrgetter(
    "content",
    "refusal",
    "tool_calls",
    "annotations",
    "role",
    "function_call",
    "audio",
    "additional_properties",
)

# Imported once, after the class, rather than on every to_dict/from_dict call: models that refer to
# each other still load in any order, because each class exists before its module imports others.
from ..models.chat_completion_annotation import ChatCompletionAnnotation  # noqa: E402
from ..models.chat_completion_audio import ChatCompletionAudio  # noqa: E402
from ..models.chat_completion_function_call import ChatCompletionFunctionCall  # noqa: E402
from ..models.chat_completion_message_custom_tool_call import (
    ChatCompletionMessageCustomToolCall,  # noqa: E402
)
from ..models.chat_completion_message_tool_call import ChatCompletionMessageToolCall  # noqa: E402
