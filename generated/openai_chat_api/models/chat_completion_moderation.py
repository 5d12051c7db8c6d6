from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.chat_completion_moderation_error import ChatCompletionModerationError
    from ..models.chat_completion_moderation_results import (
        ChatCompletionModerationResults,
    )


T = TypeVar("T", bound="ChatCompletionModeration")


@_attrs_define
class ChatCompletionModeration:
    """Moderation results for the completion.

    Attributes:
        input_ (ChatCompletionModerationError | ChatCompletionModerationResults):
        output (ChatCompletionModerationError | ChatCompletionModerationResults):
    """

    input_: ChatCompletionModerationError | ChatCompletionModerationResults
    output: ChatCompletionModerationError | ChatCompletionModerationResults
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        input_: dict[str, Any]
        if isinstance(self.input_, ChatCompletionModerationResults):
            input_ = self.input_.to_dict()
        else:
            input_ = self.input_.to_dict()

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

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

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

        input_ = _parse_input_(d.pop("input"))

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

        output = _parse_output(d.pop("output"))

        chat_completion_moderation = cls(
            input_=input_,
            output=output,
        )

        chat_completion_moderation.additional_properties = d
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


# Imported once, after the class, rather than on every to_dict/from_dict call: models that refer to
# each other still load in any order, because each class exists before its module imports others.
from ..models.chat_completion_moderation_error import ChatCompletionModerationError  # noqa: E402
from ..models.chat_completion_moderation_results import ChatCompletionModerationResults  # noqa: E402
