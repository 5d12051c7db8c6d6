from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.chat_completion_store_message import ChatCompletionStoreMessage


T = TypeVar("T", bound="ChatCompletionMessageList")


@_attrs_define
class ChatCompletionMessageList:
    """A page of the messages of a stored completion.

    Attributes:
        data (list[ChatCompletionStoreMessage]):
        first_id (str):
        last_id (str):
        has_more (bool):
        object_ (str | Unset):
    """

    data: list[ChatCompletionStoreMessage]
    first_id: str
    last_id: str
    has_more: bool
    object_: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        data = []
        for data_item_data in self.data:
            data_item = data_item_data.to_dict()
            data.append(data_item)

        first_id = self.first_id

        last_id = self.last_id

        has_more = self.has_more

        object_ = self.object_

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "data": data,
                "first_id": first_id,
                "last_id": last_id,
                "has_more": has_more,
            }
        )
        if object_ is not UNSET:
            field_dict["object"] = object_

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        data = []
        _data = d.pop("data")
        for data_item_data in _data:
            data_item = ChatCompletionStoreMessage.from_dict(data_item_data)

            data.append(data_item)

        first_id = d.pop("first_id")

        last_id = d.pop("last_id")

        has_more = d.pop("has_more")

        object_ = UNSET if (_v := d.pop("object", UNSET)) is None else _v

        chat_completion_message_list = cls(
            data=data,
            first_id=first_id,
            last_id=last_id,
            has_more=has_more,
            object_=object_,
        )

        chat_completion_message_list.additional_properties = d
        return chat_completion_message_list

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
from ..models.chat_completion_store_message import ChatCompletionStoreMessage  # noqa: E402
