from __future__ import annotations

import builtins
import json
from collections.abc import Mapping
from operator import attrgetter
from typing import TYPE_CHECKING, Any, TypeVar, cast

from ..types import UNSET, Unset, model_repr

if TYPE_CHECKING:
    from ..models.response_format_json_schema_schema import (
        ResponseFormatJsonSchemaSchema,
    )


T = TypeVar("T", bound="ResponseFormatJsonSchemaJSONSchema")
# The wire names of the fields: any other key of the JSON is an unknown field.
_WIRE_NAMES = frozenset(
    {
        "name",
        "description",
        "schema",
        "strict",
    }
)


class ResponseFormatJsonSchemaJSONSchema:
    """
    Attributes:
        name (str):
        description (str | None): What the response format is for; the model reads it.
        schema (ResponseFormatJsonSchemaSchema | None): A JSON Schema object.
        strict (bool | None | Unset):
    """

    __slots__ = (
        "name",
        "description",
        "schema",
        "strict",
        "additional_properties",
        "__weakref__",
    )
    __match_args__ = (
        "name",
        "description",
        "schema",
        "strict",
    )

    name: str
    description: str | None
    schema: ResponseFormatJsonSchemaSchema | None
    strict: bool | None | Unset
    additional_properties: dict[str, Any]
    """The fields the document does not name, as the server sent them."""

    def __init__(
        self,
        name: str,
        description: str | None = None,
        schema: ResponseFormatJsonSchemaSchema | None = None,
        strict: bool | None | Unset = UNSET,
    ) -> None:
        self.name = name
        self.description = description
        self.schema = schema
        self.strict = strict
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
        name = self.name

        description = self.description

        schema = self.schema

        strict: bool | None | Unset
        if isinstance(self.strict, Unset):
            strict = UNSET
        else:
            strict = self.strict

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
            }
        )
        if description is not None:
            field_dict["description"] = description

        if schema is not None:
            field_dict["schema"] = schema.to_dict()

        if strict is not UNSET:
            field_dict["strict"] = strict

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
        name = _JSON["name"]

        description = _JSON.get("description")

        _schema = _JSON.get("schema")
        schema: ResponseFormatJsonSchemaSchema | None = None
        if _schema is not None:
            schema = ResponseFormatJsonSchemaSchema.from_dict(_schema)

        def _parse_strict(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        strict = _parse_strict(_JSON.get("strict", UNSET))

        # Positional, in __init__'s order: binding ten keywords costs more than building the object.
        response_format_json_schema_json_schema = cls(
            name,
            description,
            schema,
            strict,
        )

        unknown = (
            {}
            if _WIRE_NAMES.issuperset(_JSON)
            else {k: v for k, v in _JSON.items() if k not in _WIRE_NAMES}
        )
        response_format_json_schema_json_schema.additional_properties = unknown
        return response_format_json_schema_json_schema

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
_FIELDS_OF = attrgetter(
    "name", "description", "schema", "strict", "additional_properties"
)

# Imported once, after the class, rather than on every to_dict/from_dict call: models that refer to
# each other still load in any order, because each class exists before its module imports others.
from ..models.response_format_json_schema_schema import ResponseFormatJsonSchemaSchema  # noqa: E402
