from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.chat_completion_moderation_results_type import (
    ChatCompletionModerationResultsType,
)
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.moderation_result_body import ModerationResultBody


T = TypeVar("T", bound="ChatCompletionModerationResults")


@_attrs_define
class ChatCompletionModerationResults:
    """Moderation results.

    Attributes:
        model (str):
        results (list[ModerationResultBody]):
        type_ (ChatCompletionModerationResultsType | Unset):  Default:
            ChatCompletionModerationResultsType.MODERATION_RESULTS.
    """

    model: str
    results: list[ModerationResultBody]
    type_: ChatCompletionModerationResultsType | Unset = (
        ChatCompletionModerationResultsType.MODERATION_RESULTS
    )
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        model = self.model

        results = []
        for results_item_data in self.results:
            results_item = results_item_data.to_dict()
            results.append(results_item)

        type_: str | Unset = UNSET
        if not isinstance(self.type_, Unset):
            type_ = self.type_.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "model": model,
                "results": results,
            }
        )
        if type_ is not UNSET:
            field_dict["type"] = type_

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        model = d.pop("model")

        results = []
        _results = d.pop("results")
        for results_item_data in _results:
            results_item = ModerationResultBody.from_dict(results_item_data)

            results.append(results_item)

        _type_ = UNSET if (_v := d.pop("type", UNSET)) is None else _v
        type_: ChatCompletionModerationResultsType | Unset
        if isinstance(_type_, Unset):
            type_ = UNSET
        else:
            type_ = ChatCompletionModerationResultsType(_type_)

        chat_completion_moderation_results = cls(
            model=model,
            results=results,
            type_=type_,
        )

        chat_completion_moderation_results.additional_properties = d
        return chat_completion_moderation_results

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
from ..models.moderation_result_body import ModerationResultBody  # noqa: E402
