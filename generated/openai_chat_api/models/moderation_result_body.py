from __future__ import annotations

import builtins
import json
from collections.abc import Mapping
from operator import attrgetter
from typing import TYPE_CHECKING, Any, TypeVar

from ..types import PENDING, LazyFields, model_repr

if TYPE_CHECKING:
    from ..models.moderation_result_body_categories import (
        ModerationResultBodyCategories,
    )
    from ..models.moderation_result_body_category_applied_input_types import (
        ModerationResultBodyCategoryAppliedInputTypes,
    )
    from ..models.moderation_result_body_category_scores import (
        ModerationResultBodyCategoryScores,
    )


T = TypeVar("T", bound="ModerationResultBody")
# The wire names of the fields: any other key of the JSON is an unknown field.
_WIRE_NAMES = frozenset(
    {
        "model",
        "flagged",
        "categories",
        "category_scores",
        "category_applied_input_types",
        "type",
    }
)


class ModerationResultBody(LazyFields):
    """The result of a moderation check.

    Attributes:
        model (str):
        flagged (bool):
        categories (ModerationResultBodyCategories):
        category_scores (ModerationResultBodyCategoryScores):
        category_applied_input_types (ModerationResultBodyCategoryAppliedInputTypes):
        type (str | None):
    """

    __slots__ = (
        "model",
        "flagged",
        "_categories",
        "_category_scores",
        "_category_applied_input_types",
        "type",
        "_src",
        "additional_properties",
        "__weakref__",
    )
    __match_args__ = (
        "model",
        "flagged",
        "categories",
        "category_scores",
        "category_applied_input_types",
        "type",
    )

    model: str
    flagged: bool
    type: str | None
    additional_properties: dict[str, Any]
    """The fields the document does not name, as the server sent them."""

    def __init__(
        self,
        model: str,
        flagged: bool,
        categories: ModerationResultBodyCategories,
        category_scores: ModerationResultBodyCategoryScores,
        category_applied_input_types: ModerationResultBodyCategoryAppliedInputTypes,
        type: str | None = None,
    ) -> None:
        self.model = model
        self.flagged = flagged
        self._categories = categories
        self._category_scores = category_scores
        self._category_applied_input_types = category_applied_input_types
        self.type = type
        self.additional_properties = {}

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return _FIELDS_OF(self) == _FIELDS_OF(other)  # type: ignore[no-any-return]

    __hash__ = None  # type: ignore[assignment]  # mutable: compared by value, so not hashable

    @property
    def categories(self) -> ModerationResultBodyCategories:
        value = self._categories
        if value is PENDING:
            value = self._categories = self._load("categories", _read_categories)
        return value  # type: ignore[no-any-return]

    @categories.setter
    def categories(self, value: ModerationResultBodyCategories) -> None:
        self._categories = value

    @property
    def category_scores(self) -> ModerationResultBodyCategoryScores:
        value = self._category_scores
        if value is PENDING:
            value = self._category_scores = self._load(
                "category_scores", _read_category_scores
            )
        return value  # type: ignore[no-any-return]

    @category_scores.setter
    def category_scores(self, value: ModerationResultBodyCategoryScores) -> None:
        self._category_scores = value

    @property
    def category_applied_input_types(
        self,
    ) -> ModerationResultBodyCategoryAppliedInputTypes:
        value = self._category_applied_input_types
        if value is PENDING:
            value = self._category_applied_input_types = self._load(
                "category_applied_input_types", _read_category_applied_input_types
            )
        return value  # type: ignore[no-any-return]

    @category_applied_input_types.setter
    def category_applied_input_types(
        self, value: ModerationResultBodyCategoryAppliedInputTypes
    ) -> None:
        self._category_applied_input_types = value

    def to_dict(self) -> dict[str, Any]:
        """The object as JSON-ready data: every field with its API name, unknown fields included."""
        model = self.model

        flagged = self.flagged

        categories = self.categories.to_dict()

        category_scores = self.category_scores.to_dict()

        category_applied_input_types = self.category_applied_input_types.to_dict()

        type_ = self.type

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "model": model,
                "flagged": flagged,
                "categories": categories,
                "category_scores": category_scores,
                "category_applied_input_types": category_applied_input_types,
            }
        )
        if type_ is not None:
            field_dict["type"] = type_

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
        """The object from its JSON. With ``lazy``, the nested objects (categories, category_scores, category_applied_input_types) are read
        when first used: the JSON is kept, and a malformed one fails when it is read."""
        # Read, not copied: the unknown fields are gathered into a new dict at the end.
        d = src_dict if src_dict.__class__ is dict else dict(src_dict)
        model = d["model"]

        flagged = d["flagged"]

        _categories = d["categories"]
        categories = PENDING if lazy else _read_categories(_categories)

        _category_scores = d["category_scores"]
        category_scores = PENDING if lazy else _read_category_scores(_category_scores)

        _category_applied_input_types = d["category_applied_input_types"]
        category_applied_input_types = (
            PENDING
            if lazy
            else _read_category_applied_input_types(_category_applied_input_types)
        )

        type_ = d.get("type")

        # Positional, in __init__'s order: binding ten keywords costs more than building the object.
        moderation_result_body = cls(
            model,
            flagged,
            categories,
            category_scores,
            category_applied_input_types,
            type_,
        )
        if lazy:
            moderation_result_body._src = d

        unknown = (
            {}
            if _WIRE_NAMES.issuperset(d)
            else {k: v for k, v in d.items() if k not in _WIRE_NAMES}
        )
        moderation_result_body.additional_properties = unknown
        return moderation_result_body

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


def _read_categories(_value: Any) -> ModerationResultBodyCategories:
    categories = ModerationResultBodyCategories.from_dict(_value)

    return categories


def _read_category_scores(_value: Any) -> ModerationResultBodyCategoryScores:
    category_scores = ModerationResultBodyCategoryScores.from_dict(_value)

    return category_scores


def _read_category_applied_input_types(
    _value: Any,
) -> ModerationResultBodyCategoryAppliedInputTypes:
    category_applied_input_types = (
        ModerationResultBodyCategoryAppliedInputTypes.from_dict(_value)
    )

    return category_applied_input_types


# What __eq__ compares: every field, unknown fields included.
_FIELDS_OF = attrgetter(
    "model",
    "flagged",
    "categories",
    "category_scores",
    "category_applied_input_types",
    "type",
    "additional_properties",
)

# Imported once, after the class, rather than on every to_dict/from_dict call: models that refer to
# each other still load in any order, because each class exists before its module imports others.
from ..models.moderation_result_body_categories import ModerationResultBodyCategories  # noqa: E402
from ..models.moderation_result_body_category_applied_input_types import (
    ModerationResultBodyCategoryAppliedInputTypes,  # noqa: E402
)
from ..models.moderation_result_body_category_scores import (
    ModerationResultBodyCategoryScores,  # noqa: E402
)
