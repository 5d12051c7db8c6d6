from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.chat_completion_choice import ChatCompletionChoice
    from ..models.chat_completion_moderation import ChatCompletionModeration
    from ..models.completion_usage import CompletionUsage
    from ..models.metadata import Metadata


T = TypeVar("T", bound="CreateChatCompletionResponse")


@_attrs_define
class CreateChatCompletionResponse:
    """A completion: the model's reply to a conversation.

    Attributes:
        id (str):
        choices (list[ChatCompletionChoice]):
        created (int):
        model (str):
        metadata (Metadata | None | Unset): Up to 16 string pairs attached to an object; keys up to 64 characters,
            values up to 512.
        service_tier (None | str | Unset): The processing tier.
        system_fingerprint (str | Unset):
        object_ (str | Unset):
        usage (CompletionUsage | Unset): Token counts for the request.
        moderation (ChatCompletionModeration | None | Unset):
    """

    id: str
    choices: list[ChatCompletionChoice]
    created: int
    model: str
    metadata: Metadata | None | Unset = UNSET
    service_tier: None | str | Unset = UNSET
    system_fingerprint: str | Unset = UNSET
    object_: str | Unset = UNSET
    usage: CompletionUsage | Unset = UNSET
    moderation: ChatCompletionModeration | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        choices = []
        for choices_item_data in self.choices:
            choices_item = choices_item_data.to_dict()
            choices.append(choices_item)

        created = self.created

        model = self.model

        metadata: dict[str, Any] | None | Unset
        if isinstance(self.metadata, Unset):
            metadata = UNSET
        elif isinstance(self.metadata, Metadata):
            metadata = self.metadata.to_dict()
        else:
            metadata = self.metadata

        service_tier: None | str | Unset
        if isinstance(self.service_tier, Unset):
            service_tier = UNSET
        else:
            service_tier = self.service_tier

        system_fingerprint = self.system_fingerprint

        object_ = self.object_

        usage: dict[str, Any] | Unset = UNSET
        if not isinstance(self.usage, Unset):
            usage = self.usage.to_dict()

        moderation: dict[str, Any] | None | Unset
        if isinstance(self.moderation, Unset):
            moderation = UNSET
        elif isinstance(self.moderation, ChatCompletionModeration):
            moderation = self.moderation.to_dict()
        else:
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
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if service_tier is not UNSET:
            field_dict["service_tier"] = service_tier
        if system_fingerprint is not UNSET:
            field_dict["system_fingerprint"] = system_fingerprint
        if object_ is not UNSET:
            field_dict["object"] = object_
        if usage is not UNSET:
            field_dict["usage"] = usage
        if moderation is not UNSET:
            field_dict["moderation"] = moderation

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        choices = []
        _choices = d.pop("choices")
        for choices_item_data in _choices:
            choices_item = ChatCompletionChoice.from_dict(choices_item_data)

            choices.append(choices_item)

        created = d.pop("created")

        model = d.pop("model")

        def _parse_metadata(data: object) -> Metadata | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_metadata_type_0 = Metadata.from_dict(data)

                return componentsschemas_metadata_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Metadata | None | Unset, data)

        metadata = _parse_metadata(d.pop("metadata", UNSET))

        def _parse_service_tier(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        service_tier = _parse_service_tier(d.pop("service_tier", UNSET))

        system_fingerprint = (
            UNSET if (_v := d.pop("system_fingerprint", UNSET)) is None else _v
        )

        object_ = UNSET if (_v := d.pop("object", UNSET)) is None else _v

        _usage = UNSET if (_v := d.pop("usage", UNSET)) is None else _v
        usage: CompletionUsage | Unset
        if isinstance(_usage, Unset):
            usage = UNSET
        else:
            usage = CompletionUsage.from_dict(_usage)

        def _parse_moderation(data: object) -> ChatCompletionModeration | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                moderation_type_0 = ChatCompletionModeration.from_dict(data)

                return moderation_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ChatCompletionModeration | None | Unset, data)

        moderation = _parse_moderation(d.pop("moderation", UNSET))

        create_chat_completion_response = cls(
            id=id,
            choices=choices,
            created=created,
            model=model,
            metadata=metadata,
            service_tier=service_tier,
            system_fingerprint=system_fingerprint,
            object_=object_,
            usage=usage,
            moderation=moderation,
        )

        create_chat_completion_response.additional_properties = d
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


# Imported once, after the class, rather than on every to_dict/from_dict call: models that refer to
# each other still load in any order, because each class exists before its module imports others.
from ..models.chat_completion_choice import ChatCompletionChoice  # noqa: E402
from ..models.chat_completion_moderation import ChatCompletionModeration  # noqa: E402
from ..models.completion_usage import CompletionUsage  # noqa: E402
from ..models.metadata import Metadata  # noqa: E402
