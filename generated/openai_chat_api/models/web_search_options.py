from __future__ import annotations

import builtins
import json
from collections.abc import Mapping
from operator import attrgetter
from typing import TYPE_CHECKING, Any, TypeVar, cast

from ..models.web_search_context_size import WebSearchContextSize
from ..types import UNSET, Unset, model_repr

if TYPE_CHECKING:
    from ..models.web_search_user_location import WebSearchUserLocation


T = TypeVar("T", bound="WebSearchOptions")
# The wire names of the fields: any other key of the JSON is an unknown field.
_WIRE_NAMES = frozenset(
    {
        "user_location",
        "search_context_size",
    }
)


class WebSearchOptions:
    """
    Attributes:
        user_location (None | WebSearchUserLocation | Unset):
        search_context_size (WebSearchContextSize | None): How much search context to use.
    """

    __slots__ = (
        "user_location",
        "search_context_size",
        "additional_properties",
        "__weakref__",
    )
    __match_args__ = (
        "user_location",
        "search_context_size",
    )

    user_location: None | WebSearchUserLocation | Unset
    search_context_size: WebSearchContextSize | None
    additional_properties: dict[str, Any]
    """The fields the document does not name, as the server sent them."""

    def __init__(
        self,
        user_location: None | WebSearchUserLocation | Unset = UNSET,
        search_context_size: WebSearchContextSize | None = None,
    ) -> None:
        self.user_location = user_location
        self.search_context_size = search_context_size
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
        user_location: dict[str, Any] | None | Unset
        if isinstance(self.user_location, Unset):
            user_location = UNSET
        elif isinstance(self.user_location, WebSearchUserLocation):
            user_location = self.user_location.to_dict()
        else:
            user_location = self.user_location

        search_context_size = self.search_context_size

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if user_location is not UNSET:
            field_dict["user_location"] = user_location
        if search_context_size is not None:
            field_dict["search_context_size"] = search_context_size.value

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

        def _parse_user_location(data: object) -> None | Unset | WebSearchUserLocation:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                user_location_type_0 = WebSearchUserLocation.from_dict(data)

                return user_location_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | WebSearchUserLocation, data)

        user_location = _parse_user_location(_JSON.get("user_location", UNSET))

        _search_context_size = _JSON.get("search_context_size")
        search_context_size: WebSearchContextSize | None = None
        if _search_context_size is not None:
            search_context_size = WebSearchContextSize(_search_context_size)

        # Positional, in __init__'s order: binding ten keywords costs more than building the object.
        web_search_options = cls(
            user_location,
            search_context_size,
        )

        unknown = (
            {}
            if _WIRE_NAMES.issuperset(_JSON)
            else {k: v for k, v in _JSON.items() if k not in _WIRE_NAMES}
        )
        web_search_options.additional_properties = unknown
        return web_search_options

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
_FIELDS_OF = attrgetter("user_location", "search_context_size", "additional_properties")

# Imported once, after the class, rather than on every to_dict/from_dict call: models that refer to
# each other still load in any order, because each class exists before its module imports others.
from ..models.web_search_user_location import WebSearchUserLocation  # noqa: E402
