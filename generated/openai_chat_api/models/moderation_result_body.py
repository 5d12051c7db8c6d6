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
        "_lazy_categories",
        "_lazy_category_scores",
        "_lazy_category_applied_input_types",
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
        self._lazy_categories = categories
        self._lazy_category_scores = category_scores
        self._lazy_category_applied_input_types = category_applied_input_types
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
    def categories(self) -> ModerationResultBodyCategories:
        value = self._lazy_categories
        if value is PENDING:
            loaded = self._load("categories", _read_categories)
            value = self._lazy_categories
            if (
                value is PENDING
            ):  # else another thread read it meanwhile: every reader gets the same object
                value = self._lazy_categories = loaded
        return value

    @categories.setter
    def categories(self, value: ModerationResultBodyCategories) -> None:
        self._lazy_categories = value

    @property
    def category_scores(self) -> ModerationResultBodyCategoryScores:
        value = self._lazy_category_scores
        if value is PENDING:
            loaded = self._load("category_scores", _read_category_scores)
            value = self._lazy_category_scores
            if (
                value is PENDING
            ):  # else another thread read it meanwhile: every reader gets the same object
                value = self._lazy_category_scores = loaded
        return value

    @category_scores.setter
    def category_scores(self, value: ModerationResultBodyCategoryScores) -> None:
        self._lazy_category_scores = value

    @property
    def category_applied_input_types(
        self,
    ) -> ModerationResultBodyCategoryAppliedInputTypes:
        value = self._lazy_category_applied_input_types
        if value is PENDING:
            loaded = self._load(
                "category_applied_input_types", _read_category_applied_input_types
            )
            value = self._lazy_category_applied_input_types
            if (
                value is PENDING
            ):  # else another thread read it meanwhile: every reader gets the same object
                value = self._lazy_category_applied_input_types = loaded
        return value

    @category_applied_input_types.setter
    def category_applied_input_types(
        self, value: ModerationResultBodyCategoryAppliedInputTypes
    ) -> None:
        self._lazy_category_applied_input_types = value

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
        # Read, not copied: the unknown fields are gathered into a new dict at the end. The locals of this
        # function that are not fields are in capitals: a field's locals are its snake_case name.
        _JSON = src_dict if src_dict.__class__ is dict else dict(src_dict)
        _LAZY = lazy
        model = _JSON["model"]

        flagged = _JSON["flagged"]

        _categories = _JSON["categories"]
        categories = PENDING if _LAZY else _read_categories(_categories)

        _category_scores = _JSON["category_scores"]
        category_scores = PENDING if _LAZY else _read_category_scores(_category_scores)

        _category_applied_input_types = _JSON["category_applied_input_types"]
        category_applied_input_types = (
            PENDING
            if _LAZY
            else _read_category_applied_input_types(_category_applied_input_types)
        )

        type_ = _JSON.get("type")

        # Positional, in __init__'s order: binding ten keywords costs more than building the object.
        moderation_result_body = cls(
            model,
            flagged,
            categories,
            category_scores,
            category_applied_input_types,
            type_,
        )
        if _LAZY:
            moderation_result_body._src = _JSON

        unknown = (
            {}
            if _WIRE_NAMES.issuperset(_JSON)
            else {k: v for k, v in _JSON.items() if k not in _WIRE_NAMES}
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
