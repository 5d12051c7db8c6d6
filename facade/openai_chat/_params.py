"""The JSON body of ``chat.create`` and the queries of the list calls, checked before anything is sent.

Every rule comes from the spec through the generated table (``openai_chat_api.request_rules``): the
fields and their order, which allow null, enum values, bounds, lengths and limits. Only rules that link
two fields are written here. Values may be plain data or generated models; ``messages`` also takes the
builders' results and a completion's message, and ``tools`` plain functions wrapped by ``function_tool``.

>>> build_create_body({"model": "gpt-4o-mini", "messages": "Hi", "temperature": 0})
{'model': 'gpt-4o-mini', 'messages': [{'role': 'user', 'content': 'Hi'}], 'temperature': 0}
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from typing import Any

from openai_chat_api.request_rules import BODIES, QUERIES, SCHEMAS
from openai_chat_api.types import Unset

from ._messages import normalize_messages
from ._rules import allows_null, check_value, resolve, short

__all__ = ["CREATE_FIELDS", "NULLABLE_FIELDS", "build_create_body", "check_metadata", "check_query"]

_CREATE = resolve(SCHEMAS[BODIES["createChatCompletion"]])
_CREATE_PROPERTIES: dict[str, Any] = _CREATE["properties"]
_UPDATE = resolve(SCHEMAS[BODIES["updateChatCompletion"]])

# The request's fields in the spec's order, and those whose schema allows null.
CREATE_FIELDS: tuple[str, ...] = tuple(_CREATE_PROPERTIES)
NULLABLE_FIELDS = frozenset(name for name, schema in _CREATE_PROPERTIES.items() if allows_null(schema))
_REQUIRED: tuple[str, ...] = tuple(_CREATE.get("required", ()))


def unexpected(where: str, key: str, fields: Any) -> TypeError:
    close = difflib.get_close_matches(key, fields, n=1)
    hint = f"; did you mean {close[0]!r}?" if close else ""
    return TypeError(f"{where}() got an unexpected argument {key!r}{hint}")


def check_metadata(metadata: Any, name: str = "metadata") -> dict[str, str] | None:
    """Metadata as the update request's schema allows it (pairs, key and value lengths); or None.

    >>> check_metadata({"user": "42"})
    {'user': '42'}
    """
    if metadata is not None and not isinstance(metadata, Mapping) and not hasattr(metadata, "to_dict"):
        raise TypeError(f"{name} must be a dict of str to str, got {short(metadata)}")
    return check_value(name, _UPDATE["properties"]["metadata"], metadata)  # type: ignore[no-any-return]


def check_query(operation: str, query: Mapping[str, Any]) -> dict[str, Any]:
    """The query of ``operation`` (an operationId) with each given parameter checked by its schema."""
    params = QUERIES.get(operation, {})
    out: dict[str, Any] = {}
    for name, value in query.items():
        if value is None:
            continue
        schema = params.get(name)
        if schema is None:
            raise unexpected(operation, name, params)
        out[name] = check_value(name, schema, value)
    return out


def _tool_definition(item: Any) -> Any:
    definition = getattr(item, "definition", None)  # a FunctionTool made by function_tool()
    return definition if isinstance(definition, dict) else item


def build_create_body(params: Mapping[str, Any], where: str = "chat.create") -> dict[str, Any]:
    """The JSON body for ``POST /chat/completions`` from the arguments the caller set.

    Raises ``TypeError`` / ``ValueError`` naming the argument for anything the spec does not allow.

    >>> build_create_body({"model": "m", "messages": "hi"})
    {'model': 'm', 'messages': [{'role': 'user', 'content': 'hi'}]}
    """
    for required in _REQUIRED:
        if required not in params or isinstance(params[required], Unset):
            raise TypeError(f"{where}() missing required argument: {required!r}")
    body: dict[str, Any] = {}
    for name, value in params.items():
        if isinstance(value, Unset):
            continue
        schema = _CREATE_PROPERTIES.get(name)
        if schema is None:
            raise unexpected(where, name, _CREATE_PROPERTIES)
        if name == "messages":
            body[name] = normalize_messages(value)  # checked there, message by message
            continue
        if name == "tools" and isinstance(value, (list, tuple)):
            value = [_tool_definition(item) for item in value]
        body[name] = check_value(name, schema, value)
    # the rules that link two fields
    if body.get("top_logprobs") is not None and body.get("logprobs") is not True:
        raise ValueError("top_logprobs needs logprobs=True")
    if body.get("stream_options") is not None and body.get("stream") is not True:
        raise ValueError("stream_options needs stream=True")
    return body
