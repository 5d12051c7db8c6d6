from __future__ import annotations

import builtins
import json
from collections.abc import Mapping
from operator import attrgetter
from typing import TYPE_CHECKING, Any, TypeVar, cast

from ..types import PENDING, LazyFields, model_repr

if TYPE_CHECKING:
    from ..models.chat_completion_choice import ChatCompletionChoice
    from ..models.chat_completion_moderation import ChatCompletionModeration
    from ..models.completion_usage import CompletionUsage
    from ..models.metadata import Metadata


T = TypeVar("T", bound="CreateChatCompletionResponse")
# The wire names of the fields: any other key of the JSON is an unknown field.
_WIRE_NAMES = frozenset(
    {
        "id",
        "choices",
        "created",
        "model",
        "metadata",
        "service_tier",
        "system_fingerprint",
        "object",
        "usage",
        "moderation",
    }
)


class CreateChatCompletionResponse(LazyFields):
    """A completion: the model's reply to a conversation.

    Attributes:
        id (str):
        choices (list[ChatCompletionChoice]):
        created (int):
        model (str):
        metadata (Metadata | None): Up to 16 string pairs attached to an object; keys up to 64 characters, values up to
            512.
        service_tier (None | str): The processing tier.
        system_fingerprint (str | None):
        object (str | None):
        usage (CompletionUsage | None): Token counts for the request.
        moderation (ChatCompletionModeration | None):
    """

    __slots__ = (
        "id",
        "_lazy_choices",
        "created",
        "model",
        "_lazy_metadata",
        "service_tier",
        "system_fingerprint",
        "object",
        "_lazy_usage",
        "_lazy_moderation",
        "_src",
        "additional_properties",
        "__weakref__",
    )
    __match_args__ = (
        "id",
        "choices",
        "created",
        "model",
        "metadata",
        "service_tier",
        "system_fingerprint",
        "object",
        "usage",
        "moderation",
    )

    id: str
    created: int
    model: str
    service_tier: None | str
    system_fingerprint: str | None
    object: str | None
    additional_properties: dict[str, Any]
    """The fields the document does not name, as the server sent them."""

    def __init__(
        self,
        id: str,
        choices: list[ChatCompletionChoice],
        created: int,
        model: str,
        metadata: Metadata | None = None,
        service_tier: None | str = None,
        system_fingerprint: str | None = None,
        object: str | None = None,
        usage: CompletionUsage | None = None,
        moderation: ChatCompletionModeration | None = None,
    ) -> None:
        self.id = id
        self._lazy_choices = choices
        self.created = created
        self.model = model
        self._lazy_metadata = metadata
        self.service_tier = service_tier
        self.system_fingerprint = system_fingerprint
        self.object = object
        self._lazy_usage = usage
        self._lazy_moderation = moderation
        self.additional_properties = {}

    def __eq__(
        self, other: builtins.object
    ) -> bool:  # builtins: a field may be called object
        if other.__class__ is not self.__class__:
            return NotImplemented
        return bool(_FIELDS_OF(self) == _FIELDS_OF(other))

    __hash__ = None  # type: ignore[assignment]  # mutable: compared by value, so not hashable

    @property
    def choices(self) -> list[ChatCompletionChoice]:
        value = self._lazy_choices
        if value is PENDING:
            loaded = self._load("choices", _read_choices)
            value = self._lazy_choices
            if (
                value is PENDING
            ):  # else another thread read it meanwhile: every reader gets the same object
                value = self._lazy_choices = loaded
        return value

    @choices.setter
    def choices(self, value: list[ChatCompletionChoice]) -> None:
        self._lazy_choices = value

    @property
    def metadata(self) -> Metadata | None:
        value = self._lazy_metadata
        if value is PENDING:
            loaded = self._load("metadata", _read_metadata)
            value = self._lazy_metadata
            if (
                value is PENDING
            ):  # else another thread read it meanwhile: every reader gets the same object
                value = self._lazy_metadata = loaded
        return value

    @metadata.setter
    def metadata(self, value: Metadata | None) -> None:
        self._lazy_metadata = value

    @property
    def usage(self) -> CompletionUsage | None:
        value = self._lazy_usage
        if value is PENDING:
            loaded = self._load("usage", _read_usage)
            value = self._lazy_usage
            if (
                value is PENDING
            ):  # else another thread read it meanwhile: every reader gets the same object
                value = self._lazy_usage = loaded
        return value

    @usage.setter
    def usage(self, value: CompletionUsage | None) -> None:
        self._lazy_usage = value

    @property
    def moderation(self) -> ChatCompletionModeration | None:
        value = self._lazy_moderation
        if value is PENDING:
            loaded = self._load("moderation", _read_moderation)
            value = self._lazy_moderation
            if (
                value is PENDING
            ):  # else another thread read it meanwhile: every reader gets the same object
                value = self._lazy_moderation = loaded
        return value

    @moderation.setter
    def moderation(self, value: ChatCompletionModeration | None) -> None:
        self._lazy_moderation = value

    def to_dict(self) -> dict[str, Any]:
        """The object as JSON-ready data: every field with its API name, unknown fields included."""
        id = self.id

        choices = []
        for choices_item_data in self.choices:
            choices_item = choices_item_data.to_dict()
            choices.append(choices_item)

        created = self.created

        model = self.model

        metadata = self.metadata

        service_tier = self.service_tier

        system_fingerprint = self.system_fingerprint

        object_ = self.object

        usage = self.usage

        moderation = self.moderation

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "choices": choices,
                "created": created,
                "model": model,
            }
        )
        if metadata is not None:
            if isinstance(metadata, Metadata):
                field_dict["metadata"] = metadata.to_dict()
            else:
                field_dict["metadata"] = metadata

        if service_tier is not None:
            field_dict["service_tier"] = service_tier

        if system_fingerprint is not None:
            field_dict["system_fingerprint"] = system_fingerprint

        if object_ is not None:
            field_dict["object"] = object_

        if usage is not None:
            field_dict["usage"] = usage.to_dict()

        if moderation is not None:
            if isinstance(moderation, ChatCompletionModeration):
                field_dict["moderation"] = moderation.to_dict()
            else:
                field_dict["moderation"] = moderation

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
        """The object from its JSON. With ``lazy``, the nested objects (choices, metadata, usage, moderation) are read
        when first used: the JSON is kept, and a malformed one fails when it is read."""
        # Read, not copied: the unknown fields are gathered into a new dict at the end. The locals of this
        # function that are not fields are in capitals: a field's locals are its snake_case name.
        _JSON = src_dict if src_dict.__class__ is dict else dict(src_dict)
        _LAZY = lazy
        id = _JSON["id"]

        _choices = _JSON["choices"]
        choices = PENDING if _LAZY else _read_choices(_choices)

        created = _JSON["created"]

        model = _JSON["model"]

        _metadata = _JSON.get("metadata")
        metadata = (
            (None if _metadata is None else PENDING)
            if _LAZY
            else _read_metadata(_metadata)
        )

        service_tier = _JSON.get("service_tier")

        system_fingerprint = _JSON.get("system_fingerprint")

        object_ = _JSON.get("object")

        _usage = _JSON.get("usage")
        usage = (None if _usage is None else PENDING) if _LAZY else _read_usage(_usage)

        _moderation = _JSON.get("moderation")
        moderation = (
            (None if _moderation is None else PENDING)
            if _LAZY
            else _read_moderation(_moderation)
        )

        # Positional, in __init__'s order: binding ten keywords costs more than building the object.
        create_chat_completion_response = cls(
            id,
            choices,
            created,
            model,
            metadata,
            service_tier,
            system_fingerprint,
            object_,
            usage,
            moderation,
        )
        if _LAZY:
            create_chat_completion_response._src = _JSON

        unknown = (
            {}
            if _WIRE_NAMES.issuperset(_JSON)
            else {k: v for k, v in _JSON.items() if k not in _WIRE_NAMES}
        )
        create_chat_completion_response.additional_properties = unknown
        return create_chat_completion_response

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


def _parse_metadata(data: object) -> Metadata | None:
    if data is None:
        return None
    try:
        if not isinstance(data, dict):
            raise TypeError()
        componentsschemas_metadata_type_0 = Metadata.from_dict(data)

        return componentsschemas_metadata_type_0
    except (TypeError, ValueError, AttributeError, KeyError):
        pass
    return cast(Metadata | None, data)


def _parse_moderation(data: object) -> ChatCompletionModeration | None:
    if data is None:
        return None
    try:
        if not isinstance(data, dict):
            raise TypeError()
        moderation_type_0 = ChatCompletionModeration.from_dict(data)

        return moderation_type_0
    except (TypeError, ValueError, AttributeError, KeyError):
        pass
    return cast(ChatCompletionModeration | None, data)


def _read_choices(_value: Any) -> list[ChatCompletionChoice]:
    choices = []
    for choices_item_data in _value:
        choices_item = ChatCompletionChoice.from_dict(choices_item_data)

        choices.append(choices_item)

    return choices


def _read_metadata(_value: Any) -> Metadata | None:
    metadata = _parse_metadata(_value)

    return metadata


def _read_usage(_value: Any) -> CompletionUsage | None:
    if _value is None:
        return None
    usage = CompletionUsage.from_dict(_value)

    return usage


def _read_moderation(_value: Any) -> ChatCompletionModeration | None:
    moderation = _parse_moderation(_value)

    return moderation


# What __eq__ compares: every field, unknown fields included.
_FIELDS_OF = attrgetter(
    "id",
    "choices",
    "created",
    "model",
    "metadata",
    "service_tier",
    "system_fingerprint",
    "object",
    "usage",
    "moderation",
    "additional_properties",
)

# Imported once, after the class, rather than on every to_dict/from_dict call: models that refer to
# each other still load in any order, because each class exists before its module imports others.
from ..models.chat_completion_choice import ChatCompletionChoice  # noqa: E402
from ..models.chat_completion_moderation import ChatCompletionModeration  # noqa: E402
from ..models.completion_usage import CompletionUsage  # noqa: E402
from ..models.metadata import Metadata  # noqa: E402
