from __future__ import annotations

import builtins
import json
from collections.abc import Mapping
from operator import attrgetter
from typing import TYPE_CHECKING, Any, TypeVar

from ..types import PENDING, LazyFields, model_repr

if TYPE_CHECKING:
    from ..models.error import Error


T = TypeVar("T", bound="ErrorResponse")
# The wire names of the fields: any other key of the JSON is an unknown field.
_WIRE_NAMES = frozenset(
    {
        "error",
    }
)


class ErrorResponse(LazyFields):
    """The body of an error answer.

    Attributes:
        error (Error): What went wrong.
    """

    __slots__ = (
        "_error",
        "_src",
        "additional_properties",
        "__weakref__",
    )
    __match_args__ = ("error",)

    additional_properties: dict[str, Any]
    """The fields the document does not name, as the server sent them."""

    def __init__(
        self,
        error: Error,
    ) -> None:
        self._error = error
        self.additional_properties = {}

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return _FIELDS_OF(self) == _FIELDS_OF(other)  # type: ignore[no-any-return]

    __hash__ = None  # type: ignore[assignment]  # mutable: compared by value, so not hashable

    @property
    def error(self) -> Error:
        value = self._error
        if value is PENDING:
            value = self._error = self._load("error", _read_error)
        return value  # type: ignore[no-any-return]

    @error.setter
    def error(self, value: Error) -> None:
        self._error = value

    def to_dict(self) -> dict[str, Any]:
        """The object as JSON-ready data: every field with its API name, unknown fields included."""
        error = self.error.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "error": error,
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
        """The object from its JSON. With ``lazy``, the nested objects (error) are read
        when first used: the JSON is kept, and a malformed one fails when it is read."""
        # Read, not copied: the unknown fields are gathered into a new dict at the end.
        d = src_dict if src_dict.__class__ is dict else dict(src_dict)
        _error = d["error"]
        error = PENDING if lazy else _read_error(_error)

        # Positional, in __init__'s order: binding ten keywords costs more than building the object.
        error_response = cls(
            error,
        )
        if lazy:
            error_response._src = d

        unknown = (
            {}
            if _WIRE_NAMES.issuperset(d)
            else {k: v for k, v in d.items() if k not in _WIRE_NAMES}
        )
        error_response.additional_properties = unknown
        return error_response

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


def _read_error(_value: Any) -> Error:
    error = Error.from_dict(_value)

    return error


# What __eq__ compares: every field, unknown fields included.
_FIELDS_OF = attrgetter("error", "additional_properties")

# Imported once, after the class, rather than on every to_dict/from_dict call: models that refer to
# each other still load in any order, because each class exists before its module imports others.
from ..models.error import Error  # noqa: E402
