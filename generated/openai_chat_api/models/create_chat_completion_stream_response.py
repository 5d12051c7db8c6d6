from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.chat_completion_chunk_choice import ChatCompletionChunkChoice
    from ..models.chat_completion_moderation import ChatCompletionModeration
    from ..models.completion_usage import CompletionUsage


T = TypeVar("T", bound="CreateChatCompletionStreamResponse")


@_attrs_define
class CreateChatCompletionStreamResponse:
    """One chunk of a streamed completion.

    Attributes:
        id (str):
        choices (list[ChatCompletionChunkChoice]):
        created (int):
        model (str):
        obfuscation (str | Unset):
        service_tier (None | str | Unset): The processing tier.
        system_fingerprint (str | Unset):
        object_ (str | Unset):
        usage (CompletionUsage | None | Unset):
        moderation (ChatCompletionModeration | None | Unset):
    """

    id: str
    choices: list[ChatCompletionChunkChoice]
    created: int
    model: str
    obfuscation: str | Unset = UNSET
    service_tier: None | str | Unset = UNSET
    system_fingerprint: str | Unset = UNSET
    object_: str | Unset = UNSET
    usage: CompletionUsage | None | Unset = UNSET
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

        obfuscation = self.obfuscation

        service_tier: None | str | Unset
        if isinstance(self.service_tier, Unset):
            service_tier = UNSET
        else:
            service_tier = self.service_tier

        system_fingerprint = self.system_fingerprint

        object_ = self.object_

        usage: dict[str, Any] | None | Unset
        if isinstance(self.usage, Unset):
            usage = UNSET
        elif isinstance(self.usage, CompletionUsage):
            usage = self.usage.to_dict()
        else:
            usage = self.usage

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
        if obfuscation is not UNSET:
            field_dict["obfuscation"] = obfuscation
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
            choices_item = ChatCompletionChunkChoice.from_dict(choices_item_data)

            choices.append(choices_item)

        created = d.pop("created")

        model = d.pop("model")

        obfuscation = UNSET if (_v := d.pop("obfuscation", UNSET)) is None else _v

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

        def _parse_usage(data: object) -> CompletionUsage | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                usage_type_0 = CompletionUsage.from_dict(data)

                return usage_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CompletionUsage | None | Unset, data)

        usage = _parse_usage(d.pop("usage", UNSET))

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

        create_chat_completion_stream_response = cls(
            id=id,
            choices=choices,
            created=created,
            model=model,
            obfuscation=obfuscation,
            service_tier=service_tier,
            system_fingerprint=system_fingerprint,
            object_=object_,
            usage=usage,
            moderation=moderation,
        )

        create_chat_completion_stream_response.additional_properties = d
        return create_chat_completion_stream_response

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
from ..models.chat_completion_chunk_choice import ChatCompletionChunkChoice  # noqa: E402
from ..models.chat_completion_moderation import ChatCompletionModeration  # noqa: E402
from ..models.completion_usage import CompletionUsage  # noqa: E402
