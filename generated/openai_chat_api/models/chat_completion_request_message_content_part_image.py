from __future__ import annotations

import builtins
import json
from collections.abc import Mapping
from operator import attrgetter
from typing import TYPE_CHECKING, Any, TypeVar

from ..models.chat_completion_request_message_content_part_image_type import (
    ChatCompletionRequestMessageContentPartImageType,
)
from ..types import model_repr

if TYPE_CHECKING:
    from ..models.chat_completion_request_message_content_part_image_image_url import (
        ChatCompletionRequestMessageContentPartImageImageUrl,
    )
    from ..models.prompt_cache_breakpoint_param import PromptCacheBreakpointParam


T = TypeVar("T", bound="ChatCompletionRequestMessageContentPartImage")
# The wire names of the fields: any other key of the JSON is an unknown field.
_WIRE_NAMES = frozenset(
    {
        "image_url",
        "type",
        "prompt_cache_breakpoint",
    }
)


class ChatCompletionRequestMessageContentPartImage:
    """An image, by URL or as a data URL.

    Attributes:
        image_url (ChatCompletionRequestMessageContentPartImageImageUrl):
        type (ChatCompletionRequestMessageContentPartImageType):
        prompt_cache_breakpoint (PromptCacheBreakpointParam | None): A point up to which the prompt may be cached.
    """

    __slots__ = (
        "image_url",
        "type",
        "prompt_cache_breakpoint",
        "additional_properties",
        "__weakref__",
    )
    __match_args__ = (
        "image_url",
        "type",
        "prompt_cache_breakpoint",
    )

    image_url: ChatCompletionRequestMessageContentPartImageImageUrl
    type: ChatCompletionRequestMessageContentPartImageType
    prompt_cache_breakpoint: PromptCacheBreakpointParam | None
    additional_properties: dict[str, Any]
    """The fields the document does not name, as the server sent them."""

    def __init__(
        self,
        image_url: ChatCompletionRequestMessageContentPartImageImageUrl,
        type: ChatCompletionRequestMessageContentPartImageType = ChatCompletionRequestMessageContentPartImageType.IMAGE_URL,
        prompt_cache_breakpoint: PromptCacheBreakpointParam | None = None,
    ) -> None:
        self.image_url = image_url
        self.type = type
        self.prompt_cache_breakpoint = prompt_cache_breakpoint
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
        image_url = self.image_url.to_dict()

        type_: str
        type_ = self.type.value

        prompt_cache_breakpoint = self.prompt_cache_breakpoint

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "image_url": image_url,
                "type": type_,
            }
        )
        if prompt_cache_breakpoint is not None:
            field_dict["prompt_cache_breakpoint"] = prompt_cache_breakpoint.to_dict()

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
        image_url = ChatCompletionRequestMessageContentPartImageImageUrl.from_dict(
            _JSON["image_url"]
        )

        _type_ = _JSON.get("type")
        type_: ChatCompletionRequestMessageContentPartImageType = (
            ChatCompletionRequestMessageContentPartImageType.IMAGE_URL
        )
        if _type_ is not None:
            type_ = ChatCompletionRequestMessageContentPartImageType(_type_)

        _prompt_cache_breakpoint = _JSON.get("prompt_cache_breakpoint")
        prompt_cache_breakpoint: PromptCacheBreakpointParam | None = None
        if _prompt_cache_breakpoint is not None:
            prompt_cache_breakpoint = PromptCacheBreakpointParam.from_dict(
                _prompt_cache_breakpoint
            )

        # Positional, in __init__'s order: binding ten keywords costs more than building the object.
        chat_completion_request_message_content_part_image = cls(
            image_url,
            type_,
            prompt_cache_breakpoint,
        )

        unknown = (
            {}
            if _WIRE_NAMES.issuperset(_JSON)
            else {k: v for k, v in _JSON.items() if k not in _WIRE_NAMES}
        )
        chat_completion_request_message_content_part_image.additional_properties = (
            unknown
        )
        return chat_completion_request_message_content_part_image

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
    "image_url", "type", "prompt_cache_breakpoint", "additional_properties"
)

# Imported once, after the class, rather than on every to_dict/from_dict call: models that refer to
# each other still load in any order, because each class exists before its module imports others.
from ..models.chat_completion_request_message_content_part_image_image_url import (
    ChatCompletionRequestMessageContentPartImageImageUrl,  # noqa: E402
)
from ..models.prompt_cache_breakpoint_param import PromptCacheBreakpointParam  # noqa: E402
