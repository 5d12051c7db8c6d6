"""``request_types.py`` as scripts/gen_request.py writes it: evaluated when it loads, unless a schema
refers back to itself."""

from __future__ import annotations

import importlib.util
import typing
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("gen_request", ROOT / "scripts" / "gen_request.py")
gen_request = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(gen_request)


def _doc(schemas: dict[str, Any]) -> dict[str, Any]:
    body = {"$ref": "#/components/schemas/CreateChatCompletionRequest"}
    return {
        "paths": {
            "/chat/completions": {
                "post": {
                    "operationId": "createChatCompletion",
                    "requestBody": {"content": {"application/json": {"schema": body}}},
                }
            }
        },
        "components": {"schemas": schemas},
    }


def _load(source: str) -> dict[str, Any]:
    namespace: dict[str, Any] = {"__name__": "request_types"}
    exec(compile(source, "request_types.py", "exec", dont_inherit=True), namespace)
    return namespace


def test_without_a_cycle_the_annotations_are_types_not_strings():
    doc = _doc(
        {
            "CreateChatCompletionRequest": {
                "type": "object",
                "required": ["model", "messages"],
                "properties": {
                    "model": {"type": "string"},
                    "messages": {"type": "array", "items": {"$ref": "#/components/schemas/Message"}},
                },
            },
            "Message": {"type": "object", "properties": {"role": {"type": "string", "enum": ["user"]}}},
        }
    )
    source = gen_request.types_source(doc)
    assert "from __future__ import annotations" not in source
    ns = _load(source)
    messages = ns["CreateChatCompletionRequestParam"].__annotations__["messages"]
    assert not isinstance(messages, typing.ForwardRef)  # evaluated when the class was made
    assert typing.get_args(typing.get_args(messages)[0]) == (ns["MessageParam"],)
    assert ns["CreateChatCompletionRequestParam"].__required_keys__ == {"model", "messages"}


def test_a_schema_that_refers_to_itself_makes_the_module_hold_strings():
    node = {
        "type": "object",
        "properties": {
            "name": {"type": "string"},
            "children": {"type": "array", "items": {"$ref": "#/components/schemas/Node"}},
        },
    }
    doc = _doc(
        {
            "CreateChatCompletionRequest": {
                "type": "object",
                "required": ["model"],
                "properties": {"model": {"type": "string"}, "tree": {"$ref": "#/components/schemas/Node"}},
            },
            "Node": node,
        }
    )
    source = gen_request.types_source(doc)
    assert "from __future__ import annotations" in source
    ns = _load(source)  # loads although NodeParam names itself
    children = typing.get_type_hints(ns["NodeParam"], localns=ns)["children"]
    assert typing.get_args(children) == (ns["NodeParam"],)
