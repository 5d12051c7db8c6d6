"""Structured outputs in the client: a caller's type becomes ``response_format``, the answer its instance."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, Generic, TypeVar, overload

from ._models import (
    ChatCompletion,
    ParsedChatCompletion,
    ParsedChatCompletionMessage,
    build_completion,
    completion_from_dict,
)
from ._response import ResponseInfo

__all__ = ["Structured", "split_response_format", "completion_finisher", "parsed_finisher", "Finisher"]

T = TypeVar("T")
# Builds the final typed completion from its dict and the response it came in.
Finisher = Callable[[dict[str, Any], ResponseInfo | None], ChatCompletion]
ParsedFinisher = Callable[[dict[str, Any], ResponseInfo | None], ParsedChatCompletion[Any]]

_WIRE_TYPES = frozenset({"text", "json_object", "json_schema"})
_SCHEMA_TYPES = frozenset({"object", "array", "string", "number", "integer", "boolean", "null"})
_SCHEMA_KEYS = ("properties", "$schema", "$ref", "anyOf", "oneOf", "allOf", "items", "enum")


class Structured(Generic[T]):
    """A type (or JSON schema) to parse the answer into, with the schema name and strictness to send.

    >>> client.chat.parse(messages="A city?", response_format=Structured(City, name="city"))  # doctest: +SKIP
    """

    __slots__ = ("type", "name", "strict")

    @overload
    def __init__(
        self: Structured[T], tp: type[T], *, name: str | None = None, strict: bool = True
    ) -> None: ...
    @overload
    def __init__(
        self: Structured[Any], tp: Mapping[str, Any], *, name: str | None = None, strict: bool = True
    ) -> None: ...
    def __init__(self, tp: Any, *, name: str | None = None, strict: bool = True) -> None:
        self.type, self.name, self.strict = tp, name, strict


def split_response_format(value: Any) -> tuple[Any, Any]:
    """The wire ``response_format`` and the type to parse answers into (None for plain formats)."""
    if value is None:
        return None, None
    from ._schema import response_format_for  # loaded only for structured outputs

    if isinstance(value, Structured):
        return response_format_for(value.type, name=value.name, strict=value.strict), value.type
    if hasattr(value, "to_dict") and not isinstance(value, type):
        return value.to_dict(), None  # a generated ResponseFormat* model
    if isinstance(value, Mapping):
        kind = value.get("type")
        if kind in _WIRE_TYPES:
            if kind == "json_schema" and not isinstance(value.get("json_schema"), Mapping):
                raise ValueError(
                    "response_format: type 'json_schema' needs a 'json_schema' object (name, schema)"
                )
            return value, None  # already the wire form
        if isinstance(kind, str) and kind not in _SCHEMA_TYPES:
            raise ValueError(
                "response_format: 'type' must be 'text', 'json_object' or 'json_schema' "
                f"(or pass a JSON schema), got {kind!r}"
            )
        if kind is None and not any(key in value for key in _SCHEMA_KEYS):
            raise ValueError(
                "response_format must be a response_format dict (with 'type') or a JSON schema, got a dict "
                f"with keys {sorted(value)!r}"
            )
        return response_format_for(dict(value)), dict(value)  # a bare JSON schema
    if isinstance(value, type):
        return response_format_for(value), value
    raise TypeError(
        "response_format must be a class (attrs, dataclass, TypedDict), a JSON schema dict, "
        f"or a response_format dict, got {type(value).__name__}"
    )


def completion_finisher(output_type: Any) -> Finisher:
    """Builds the typed completion from its dict, parsing each choice's answer when a type was given."""
    return completion_from_dict if output_type is None else parsed_finisher(output_type)


def parsed_finisher(output_type: Any) -> ParsedFinisher:
    """Builds the :class:`ParsedChatCompletion` from its dict, each choice's answer parsed into ``output_type``."""
    from ._schema import parse_content

    def finish(data: dict[str, Any], info: ResponseInfo | None) -> ParsedChatCompletion[Any]:
        completion: ParsedChatCompletion[Any] = build_completion(ParsedChatCompletion, data, info)
        for raw, choice in zip(data.get("choices") or (), completion.choices, strict=False):
            message = raw.get("message") or {}
            parsed_message: ParsedChatCompletionMessage[Any] = ParsedChatCompletionMessage.from_dict(message)
            parsed_message.parsed = parse_content(
                output_type,
                message.get("content"),
                message.get("refusal"),
                raw.get("finish_reason"),
                completion=completion,
            )
            choice.message = parsed_message
        if completion.choices:
            completion.parsed = completion.message.parsed
        return completion

    return finish
