from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="WebSearchLocation")


@_attrs_define
class WebSearchLocation:
    """An approximate location for web search.

    Attributes:
        country (str | Unset):
        region (str | Unset):
        city (str | Unset):
        timezone (str | Unset):
    """

    country: str | Unset = UNSET
    region: str | Unset = UNSET
    city: str | Unset = UNSET
    timezone: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        country = self.country

        region = self.region

        city = self.city

        timezone = self.timezone

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if country is not UNSET:
            field_dict["country"] = country
        if region is not UNSET:
            field_dict["region"] = region
        if city is not UNSET:
            field_dict["city"] = city
        if timezone is not UNSET:
            field_dict["timezone"] = timezone

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        country = UNSET if (_v := d.pop("country", UNSET)) is None else _v

        region = UNSET if (_v := d.pop("region", UNSET)) is None else _v

        city = UNSET if (_v := d.pop("city", UNSET)) is None else _v

        timezone = UNSET if (_v := d.pop("timezone", UNSET)) is None else _v

        web_search_location = cls(
            country=country,
            region=region,
            city=city,
            timezone=timezone,
        )

        web_search_location.additional_properties = d
        return web_search_location

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
