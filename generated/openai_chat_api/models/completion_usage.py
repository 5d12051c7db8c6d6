from __future__ import annotations

import builtins
import json
from collections.abc import Mapping
from operator import attrgetter
from typing import TYPE_CHECKING, Any, TypeVar

from ..types import PENDING, LazyFields, model_repr

if TYPE_CHECKING:
    from ..models.completion_usage_completion_tokens_details import (
        CompletionUsageCompletionTokensDetails,
    )
    from ..models.completion_usage_prompt_tokens_details import (
        CompletionUsagePromptTokensDetails,
    )


T = TypeVar("T", bound="CompletionUsage")
# The wire names of the fields: any other key of the JSON is an unknown field.
_WIRE_NAMES = frozenset(
    {
        "completion_tokens",
        "prompt_tokens",
        "total_tokens",
        "completion_tokens_details",
        "prompt_tokens_details",
    }
)


class CompletionUsage(LazyFields):
    """Token counts for the request.

    Attributes:
        completion_tokens (int):
        prompt_tokens (int):
        total_tokens (int):
        completion_tokens_details (CompletionUsageCompletionTokensDetails | None):
        prompt_tokens_details (CompletionUsagePromptTokensDetails | None):
    """

    __slots__ = (
        "completion_tokens",
        "prompt_tokens",
        "total_tokens",
        "_lazy_completion_tokens_details",
        "_lazy_prompt_tokens_details",
        "_src",
        "additional_properties",
        "__weakref__",
    )
    __match_args__ = (
        "completion_tokens",
        "prompt_tokens",
        "total_tokens",
        "completion_tokens_details",
        "prompt_tokens_details",
    )

    completion_tokens: int
    prompt_tokens: int
    total_tokens: int
    additional_properties: dict[str, Any]
    """The fields the document does not name, as the server sent them."""

    def __init__(
        self,
        completion_tokens: int,
        prompt_tokens: int,
        total_tokens: int,
        completion_tokens_details: CompletionUsageCompletionTokensDetails | None = None,
        prompt_tokens_details: CompletionUsagePromptTokensDetails | None = None,
    ) -> None:
        self.completion_tokens = completion_tokens
        self.prompt_tokens = prompt_tokens
        self.total_tokens = total_tokens
        self._lazy_completion_tokens_details = completion_tokens_details
        self._lazy_prompt_tokens_details = prompt_tokens_details
        self.additional_properties = {}

    def __eq__(
        self, other: builtins.object
    ) -> bool:  # builtins: a field may be called object
        if other.__class__ is not self.__class__:
            return NotImplemented
        return bool(_FIELDS_OF(self) == _FIELDS_OF(other))

    __hash__ = None  # type: ignore[assignment]  # mutable: compared by value, so not hashable

    @property
    def completion_tokens_details(
        self,
    ) -> CompletionUsageCompletionTokensDetails | None:
        value = self._lazy_completion_tokens_details
        if value is PENDING:
            loaded = self._load(
                "completion_tokens_details", _read_completion_tokens_details
            )
            value = self._lazy_completion_tokens_details
            if (
                value is PENDING
            ):  # else another thread read it meanwhile: every reader gets the same object
                value = self._lazy_completion_tokens_details = loaded
        return value

    @completion_tokens_details.setter
    def completion_tokens_details(
        self, value: CompletionUsageCompletionTokensDetails | None
    ) -> None:
        self._lazy_completion_tokens_details = value

    @property
    def prompt_tokens_details(self) -> CompletionUsagePromptTokensDetails | None:
        value = self._lazy_prompt_tokens_details
        if value is PENDING:
            loaded = self._load("prompt_tokens_details", _read_prompt_tokens_details)
            value = self._lazy_prompt_tokens_details
            if (
                value is PENDING
            ):  # else another thread read it meanwhile: every reader gets the same object
                value = self._lazy_prompt_tokens_details = loaded
        return value

    @prompt_tokens_details.setter
    def prompt_tokens_details(
        self, value: CompletionUsagePromptTokensDetails | None
    ) -> None:
        self._lazy_prompt_tokens_details = value

    def to_dict(self) -> dict[str, Any]:
        """The object as JSON-ready data: every field with its API name, unknown fields included."""
        completion_tokens = self.completion_tokens

        prompt_tokens = self.prompt_tokens

        total_tokens = self.total_tokens

        completion_tokens_details = self.completion_tokens_details

        prompt_tokens_details = self.prompt_tokens_details

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "completion_tokens": completion_tokens,
                "prompt_tokens": prompt_tokens,
                "total_tokens": total_tokens,
            }
        )
        if completion_tokens_details is not None:
            field_dict["completion_tokens_details"] = (
                completion_tokens_details.to_dict()
            )

        if prompt_tokens_details is not None:
            field_dict["prompt_tokens_details"] = prompt_tokens_details.to_dict()

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
        """The object from its JSON. With ``lazy``, the nested objects (completion_tokens_details, prompt_tokens_details) are read
        when first used: the JSON is kept, and a malformed one fails when it is read."""
        # Read, not copied: the unknown fields are gathered into a new dict at the end. The locals of this
        # function that are not fields are in capitals: a field's locals are its snake_case name.
        _JSON = src_dict if src_dict.__class__ is dict else dict(src_dict)
        _LAZY = lazy
        completion_tokens = _JSON["completion_tokens"]

        prompt_tokens = _JSON["prompt_tokens"]

        total_tokens = _JSON["total_tokens"]

        _completion_tokens_details = _JSON.get("completion_tokens_details")
        completion_tokens_details = (
            (None if _completion_tokens_details is None else PENDING)
            if _LAZY
            else _read_completion_tokens_details(_completion_tokens_details)
        )

        _prompt_tokens_details = _JSON.get("prompt_tokens_details")
        prompt_tokens_details = (
            (None if _prompt_tokens_details is None else PENDING)
            if _LAZY
            else _read_prompt_tokens_details(_prompt_tokens_details)
        )

        # Positional, in __init__'s order: binding ten keywords costs more than building the object.
        completion_usage = cls(
            completion_tokens,
            prompt_tokens,
            total_tokens,
            completion_tokens_details,
            prompt_tokens_details,
        )
        if _LAZY:
            completion_usage._src = _JSON

        unknown = (
            {}
            if _WIRE_NAMES.issuperset(_JSON)
            else {k: v for k, v in _JSON.items() if k not in _WIRE_NAMES}
        )
        completion_usage.additional_properties = unknown
        return completion_usage

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


def _read_completion_tokens_details(
    _value: Any,
) -> CompletionUsageCompletionTokensDetails | None:
    if _value is None:
        return None
    completion_tokens_details = CompletionUsageCompletionTokensDetails.from_dict(_value)

    return completion_tokens_details


def _read_prompt_tokens_details(
    _value: Any,
) -> CompletionUsagePromptTokensDetails | None:
    if _value is None:
        return None
    prompt_tokens_details = CompletionUsagePromptTokensDetails.from_dict(_value)

    return prompt_tokens_details


# What __eq__ compares: every field, unknown fields included.
_FIELDS_OF = attrgetter(
    "completion_tokens",
    "prompt_tokens",
    "total_tokens",
    "completion_tokens_details",
    "prompt_tokens_details",
    "additional_properties",
)

# Imported once, after the class, rather than on every to_dict/from_dict call: models that refer to
# each other still load in any order, because each class exists before its module imports others.
from ..models.completion_usage_completion_tokens_details import (
    CompletionUsageCompletionTokensDetails,  # noqa: E402
)
from ..models.completion_usage_prompt_tokens_details import (
    CompletionUsagePromptTokensDetails,  # noqa: E402
)
