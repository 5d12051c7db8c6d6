from __future__ import annotations

import builtins
import json
from collections.abc import Mapping
from operator import attrgetter
from typing import TYPE_CHECKING, Any, TypeVar

from ..models.chat_completion_moderation_results_type import (
    ChatCompletionModerationResultsType,
)
from ..types import PENDING, LazyFields, model_repr

if TYPE_CHECKING:
    from ..models.moderation_result_body import ModerationResultBody


T = TypeVar("T", bound="ChatCompletionModerationResults")
# The wire names of the fields: any other key of the JSON is an unknown field.
_WIRE_NAMES = frozenset(
    {
        "model",
        "results",
        "type",
    }
)


class ChatCompletionModerationResults(LazyFields):
    """Moderation results.

    Attributes:
        model (str):
        results (list[ModerationResultBody]):
        type (ChatCompletionModerationResultsType):
    """

    __slots__ = (
        "model",
        "_lazy_results",
        "type",
        "_src",
        "additional_properties",
        "__weakref__",
    )
    __match_args__ = (
        "model",
        "results",
        "type",
    )

    model: str
    type: ChatCompletionModerationResultsType
    additional_properties: dict[str, Any]
    """The fields the document does not name, as the server sent them."""

    def __init__(
        self,
        model: str,
        results: list[ModerationResultBody],
        type: ChatCompletionModerationResultsType = ChatCompletionModerationResultsType.MODERATION_RESULTS,
    ) -> None:
        self.model = model
        self._lazy_results = results
        self.type = type
        self.additional_properties = {}

    def __eq__(
        self, other: builtins.object
    ) -> bool:  # builtins: a field may be called object
        if other.__class__ is not self.__class__:
            return NotImplemented
        return bool(_FIELDS_OF(self) == _FIELDS_OF(other))

    __hash__ = None  # type: ignore[assignment]  # mutable: compared by value, so not hashable

    @property
    def results(self) -> list[ModerationResultBody]:
        value = self._lazy_results
        if value is PENDING:
            loaded = self._load("results", _read_results)
            value = self._lazy_results
            if (
                value is PENDING
            ):  # else another thread read it meanwhile: every reader gets the same object
                value = self._lazy_results = loaded
        return value

    @results.setter
    def results(self, value: list[ModerationResultBody]) -> None:
        self._lazy_results = value

    def to_dict(self) -> dict[str, Any]:
        """The object as JSON-ready data: every field with its API name, unknown fields included."""
        model = self.model

        results = []
        for results_item_data in self.results:
            results_item = results_item_data.to_dict()
            results.append(results_item)

        type_: str
        type_ = self.type.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "model": model,
                "results": results,
                "type": type_,
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
    def from_dict(
        cls: builtins.type[T], src_dict: Mapping[str, Any], *, lazy: bool = False
    ) -> T:
        """The object from its JSON. With ``lazy``, the nested objects (results) are read
        when first used: the JSON is kept, and a malformed one fails when it is read."""
        # Read, not copied: the unknown fields are gathered into a new dict at the end. The locals of this
        # function that are not fields are in capitals: a field's locals are its snake_case name.
        _JSON = src_dict if src_dict.__class__ is dict else dict(src_dict)
        _LAZY = lazy
        model = _JSON["model"]

        _results = _JSON["results"]
        results = PENDING if _LAZY else _read_results(_results)

        _type_ = _JSON.get("type")
        type_: ChatCompletionModerationResultsType = (
            ChatCompletionModerationResultsType.MODERATION_RESULTS
        )
        if _type_ is not None:
            type_ = ChatCompletionModerationResultsType(_type_)

        # Positional, in __init__'s order: binding ten keywords costs more than building the object.
        chat_completion_moderation_results = cls(
            model,
            results,
            type_,
        )
        if _LAZY:
            chat_completion_moderation_results._src = _JSON

        unknown = (
            {}
            if _WIRE_NAMES.issuperset(_JSON)
            else {k: v for k, v in _JSON.items() if k not in _WIRE_NAMES}
        )
        chat_completion_moderation_results.additional_properties = unknown
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


def _read_results(_value: Any) -> list[ModerationResultBody]:
    results = []
    for results_item_data in _value:
        results_item = ModerationResultBody.from_dict(results_item_data)

        results.append(results_item)

    return results


# What __eq__ compares: every field, unknown fields included.
_FIELDS_OF = attrgetter("model", "results", "type", "additional_properties")

# Imported once, after the class, rather than on every to_dict/from_dict call: models that refer to
# each other still load in any order, because each class exists before its module imports others.
from ..models.moderation_result_body import ModerationResultBody  # noqa: E402
