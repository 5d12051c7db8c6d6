from __future__ import annotations

import builtins
import json
from collections.abc import Mapping
from operator import attrgetter
from typing import TYPE_CHECKING, Any, TypeVar

from ..types import model_repr

if TYPE_CHECKING:
    from ..models.chat_completion_moderation_error import ChatCompletionModerationError
    from ..models.chat_completion_moderation_results import (
        ChatCompletionModerationResults,
    )


T = TypeVar("T", bound="ChatCompletionModeration")
# The wire names of the fields: any other key of the JSON is an unknown field.
_WIRE_NAMES = frozenset(
    {
        "input",
        "output",
    }
)


class ChatCompletionModeration:
    """Moderation results for the completion.

    Attributes:
        input (ChatCompletionModerationError | ChatCompletionModerationResults):
        output (ChatCompletionModerationError | ChatCompletionModerationResults):
    """

    __slots__ = (
        "input",
        "output",
        "additional_properties",
        "__weakref__",
    )
    __match_args__ = (
        "input",
        "output",
    )

    input: ChatCompletionModerationError | ChatCompletionModerationResults
    output: ChatCompletionModerationError | ChatCompletionModerationResults
    additional_properties: dict[str, Any]
    """The fields the document does not name, as the server sent them."""

    def __init__(
        self,
        input: ChatCompletionModerationError | ChatCompletionModerationResults,
        output: ChatCompletionModerationError | ChatCompletionModerationResults,
    ) -> None:
        self.input = input
        self.output = output
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
        input_: dict[str, Any]
        if isinstance(self.input, ChatCompletionModerationResults):
            input_ = self.input.to_dict()
        else:
            input_ = self.input.to_dict()

        output: dict[str, Any]
        if isinstance(self.output, ChatCompletionModerationResults):
            output = self.output.to_dict()
        else:
            output = self.output.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "input": input_,
                "output": output,
            }
        )

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

        def _parse_input_(
            data: object,
        ) -> ChatCompletionModerationError | ChatCompletionModerationResults:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                input_type_0 = ChatCompletionModerationResults.from_dict(data)

                return input_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            input_type_1 = ChatCompletionModerationError.from_dict(data)

            return input_type_1

        input_ = _parse_input_(_JSON["input"])

        def _parse_output(
            data: object,
        ) -> ChatCompletionModerationError | ChatCompletionModerationResults:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                output_type_0 = ChatCompletionModerationResults.from_dict(data)

                return output_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            output_type_1 = ChatCompletionModerationError.from_dict(data)

            return output_type_1

        output = _parse_output(_JSON["output"])

        # Positional, in __init__'s order: binding ten keywords costs more than building the object.
        chat_completion_moderation = cls(
            input_,
            output,
        )

        unknown = (
            {}
            if _WIRE_NAMES.issuperset(_JSON)
            else {k: v for k, v in _JSON.items() if k not in _WIRE_NAMES}
        )
        chat_completion_moderation.additional_properties = unknown
        return chat_completion_moderation

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
_FIELDS_OF = attrgetter("input", "output", "additional_properties")

# Imported once, after the class, rather than on every to_dict/from_dict call: models that refer to
# each other still load in any order, because each class exists before its module imports others.
from ..models.chat_completion_moderation_error import ChatCompletionModerationError  # noqa: E402
from ..models.chat_completion_moderation_results import ChatCompletionModerationResults  # noqa: E402
