from __future__ import annotations

import builtins
import json
from collections.abc import Mapping
from operator import attrgetter
from typing import TYPE_CHECKING, Any, TypeVar

from ..types import PENDING, LazyFields, model_repr

if TYPE_CHECKING:
    from ..models.chat_completion_delta_function_call import (
        ChatCompletionDeltaFunctionCall,
    )
    from ..models.chat_completion_message_tool_call_chunk import (
        ChatCompletionMessageToolCallChunk,
    )


T = TypeVar("T", bound="ChatCompletionStreamResponseDelta")
# The wire names of the fields: any other key of the JSON is an unknown field.
_WIRE_NAMES = frozenset(
    {
        "content",
        "function_call",
        "tool_calls",
        "role",
        "refusal",
    }
)


class ChatCompletionStreamResponseDelta(LazyFields):
    """What one chunk adds to the message.

    Attributes:
        content (None | str):
        function_call (ChatCompletionDeltaFunctionCall | None):
        tool_calls (list[ChatCompletionMessageToolCallChunk] | None):
        role (str | None):
        refusal (None | str):
    """

    __slots__ = (
        "content",
        "_lazy_function_call",
        "_lazy_tool_calls",
        "role",
        "refusal",
        "_src",
        "additional_properties",
        "__weakref__",
    )
    __match_args__ = (
        "content",
        "function_call",
        "tool_calls",
        "role",
        "refusal",
    )

    content: None | str
    role: str | None
    refusal: None | str
    additional_properties: dict[str, Any]
    """The fields the document does not name, as the server sent them."""

    def __init__(
        self,
        content: None | str = None,
        function_call: ChatCompletionDeltaFunctionCall | None = None,
        tool_calls: list[ChatCompletionMessageToolCallChunk] | None = None,
        role: str | None = None,
        refusal: None | str = None,
    ) -> None:
        self.content = content
        self._lazy_function_call = function_call
        self._lazy_tool_calls = tool_calls
        self.role = role
        self.refusal = refusal
        self.additional_properties = {}

    def __eq__(
        self, other: builtins.object
    ) -> bool:  # builtins: a field may be called object
        if other.__class__ is not self.__class__:
            return NotImplemented
        return bool(_FIELDS_OF(self) == _FIELDS_OF(other))

    __hash__ = None  # type: ignore[assignment]  # mutable: compared by value, so not hashable

    @property
    def function_call(self) -> ChatCompletionDeltaFunctionCall | None:
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
    def function_call(self, value: ChatCompletionDeltaFunctionCall | None) -> None:
        self._lazy_function_call = value

    @property
    def tool_calls(self) -> list[ChatCompletionMessageToolCallChunk] | None:
        value = self._lazy_tool_calls
        if value is PENDING:
            loaded = self._load("tool_calls", _read_tool_calls)
            value = self._lazy_tool_calls
            if (
                value is PENDING
            ):  # else another thread read it meanwhile: every reader gets the same object
                value = self._lazy_tool_calls = loaded
        return value

    @tool_calls.setter
    def tool_calls(
        self, value: list[ChatCompletionMessageToolCallChunk] | None
    ) -> None:
        self._lazy_tool_calls = value

    def to_dict(self) -> dict[str, Any]:
        """The object as JSON-ready data: every field with its API name, unknown fields included."""
        content = self.content

        function_call = self.function_call

        tool_calls = self.tool_calls

        role = self.role

        refusal = self.refusal

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if content is not None:
            field_dict["content"] = content

        if function_call is not None:
            field_dict["function_call"] = function_call.to_dict()

        if tool_calls is not None:
            field_dict["tool_calls"] = []
            for tool_calls_item_data in tool_calls:
                tool_calls_item = tool_calls_item_data.to_dict()
                field_dict["tool_calls"].append(tool_calls_item)

        if role is not None:
            field_dict["role"] = role

        if refusal is not None:
            field_dict["refusal"] = refusal

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
        """The object from its JSON. With ``lazy``, the nested objects (function_call, tool_calls) are read
        when first used: the JSON is kept, and a malformed one fails when it is read."""
        # Read, not copied: the unknown fields are gathered into a new dict at the end. The locals of this
        # function that are not fields are in capitals: a field's locals are its snake_case name.
        _JSON = src_dict if src_dict.__class__ is dict else dict(src_dict)
        _LAZY = lazy
        content = _JSON.get("content")

        _function_call = _JSON.get("function_call")
        function_call = (
            (None if _function_call is None else PENDING)
            if _LAZY
            else _read_function_call(_function_call)
        )

        _tool_calls = _JSON.get("tool_calls")
        tool_calls = (
            (None if _tool_calls is None else PENDING)
            if _LAZY
            else _read_tool_calls(_tool_calls)
        )

        role = _JSON.get("role")

        refusal = _JSON.get("refusal")

        # Positional, in __init__'s order: binding ten keywords costs more than building the object.
        chat_completion_stream_response_delta = cls(
            content,
            function_call,
            tool_calls,
            role,
            refusal,
        )
        if _LAZY:
            chat_completion_stream_response_delta._src = _JSON

        unknown = (
            {}
            if _WIRE_NAMES.issuperset(_JSON)
            else {k: v for k, v in _JSON.items() if k not in _WIRE_NAMES}
        )
        chat_completion_stream_response_delta.additional_properties = unknown
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


def _read_function_call(_value: Any) -> ChatCompletionDeltaFunctionCall | None:
    if _value is None:
        return None
    function_call = ChatCompletionDeltaFunctionCall.from_dict(_value)

    return function_call


def _read_tool_calls(_value: Any) -> list[ChatCompletionMessageToolCallChunk] | None:
    if _value is None:
        return None
    tool_calls = []
    for tool_calls_item_data in _value:
        tool_calls_item = ChatCompletionMessageToolCallChunk.from_dict(
            tool_calls_item_data
        )

        tool_calls.append(tool_calls_item)

    return tool_calls


# What __eq__ compares: every field, unknown fields included.
_FIELDS_OF = attrgetter(
    "content", "function_call", "tool_calls", "role", "refusal", "additional_properties"
)

# Imported once, after the class, rather than on every to_dict/from_dict call: models that refer to
# each other still load in any order, because each class exists before its module imports others.
from ..models.chat_completion_delta_function_call import ChatCompletionDeltaFunctionCall  # noqa: E402
from ..models.chat_completion_message_tool_call_chunk import (
    ChatCompletionMessageToolCallChunk,  # noqa: E402
)
