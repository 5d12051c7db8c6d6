from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.response_format_json_schema_type import ResponseFormatJsonSchemaType

if TYPE_CHECKING:
    from ..models.response_format_json_schema_json_schema import (
        ResponseFormatJsonSchemaJSONSchema,
    )


T = TypeVar("T", bound="ResponseFormatJsonSchema")


@_attrs_define
class ResponseFormatJsonSchema:
    """Answer with JSON that matches the given schema.

    Attributes:
        type_ (ResponseFormatJsonSchemaType):  Default: ResponseFormatJsonSchemaType.JSON_SCHEMA.
        json_schema (ResponseFormatJsonSchemaJSONSchema):
    """

    json_schema: ResponseFormatJsonSchemaJSONSchema
    type_: ResponseFormatJsonSchemaType = ResponseFormatJsonSchemaType.JSON_SCHEMA
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_.value

        json_schema = self.json_schema.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "json_schema": json_schema,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        type_ = ResponseFormatJsonSchemaType(d.pop("type"))

        json_schema = ResponseFormatJsonSchemaJSONSchema.from_dict(d.pop("json_schema"))

        response_format_json_schema = cls(
            type_=type_,
            json_schema=json_schema,
        )

        response_format_json_schema.additional_properties = d
        return response_format_json_schema

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
from ..models.response_format_json_schema_json_schema import (
    ResponseFormatJsonSchemaJSONSchema,  # noqa: E402
)
