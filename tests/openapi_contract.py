"""Check requests against ``openapi.yaml`` with openapi-core, for tests that want the contract as the judge.

``validate_request("post", "/chat/completions", body={...})`` raises ``ContractError`` when the request
breaks the spec, and returns ``None`` otherwise. The spec is loaded once per process.

Two things in the pinned spec that openapi-core reads differently from the API are adapted here, in a
copy of the document (``openapi.yaml`` itself is not touched):

* a ``discriminator`` without ``mapping`` makes openapi-core look the value up as a schema *name*
  (``role: user`` → ``#/components/schemas/user``), so every message would fail; the mapping is filled
  in from each member's one-value enum, which is what the discriminator means;
* a ``deepObject`` query parameter whose schema is ``anyOf [object, null]`` (``metadata``) cannot be
  deserialized by openapi-core (it only does ``type: object``), so the null member is dropped there — a
  query string cannot carry a null anyway.
"""

from __future__ import annotations

import copy
import functools
import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml
from openapi_core import OpenAPI
from openapi_core.testing import MockRequest

SPEC_PATH = Path(__file__).resolve().parents[1] / "openapi.yaml"
HOST = "https://api.openai.com"
_SCHEMA_PREFIX = "#/components/schemas/"

__all__ = ["ContractError", "SPEC_PATH", "load_spec_document", "spec", "validate_request"]


class ContractError(AssertionError):
    """A request that ``openapi.yaml`` does not allow; ``errors`` lists the schema errors found."""

    def __init__(self, message: str, errors: list[str]) -> None:
        super().__init__(message + ("\n" + "\n".join(errors) if errors else ""))
        self.errors = errors


@functools.lru_cache(maxsize=1)
def load_spec_document() -> dict[str, Any]:
    """The pinned spec as plain data (not adapted; callers must not mutate it)."""
    with SPEC_PATH.open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def _resolve(doc: dict[str, Any], schema: Any) -> Any:
    while isinstance(schema, dict) and schema.get("$ref", "").startswith(_SCHEMA_PREFIX):
        schema = doc["components"]["schemas"][schema["$ref"][len(_SCHEMA_PREFIX) :]]
    return schema


def _fill_discriminator_mappings(doc: dict[str, Any], node: Any) -> None:
    if isinstance(node, dict):
        disc = node.get("discriminator")
        members = node.get("oneOf") or node.get("anyOf")
        if isinstance(disc, dict) and "mapping" not in disc and members:
            prop = disc["propertyName"]
            mapping = {}
            for member in members:
                ref = member.get("$ref") if isinstance(member, dict) else None
                enum = _resolve(doc, member).get("properties", {}).get(prop, {}).get("enum", [])
                if ref and len(enum) == 1:
                    mapping[enum[0]] = ref
            if len(mapping) == len(members):
                disc["mapping"] = mapping
            else:  # members we cannot map: let oneOf decide on its own
                del node["discriminator"]
        for value in node.values():
            _fill_discriminator_mappings(doc, value)
    elif isinstance(node, list):
        for value in node:
            _fill_discriminator_mappings(doc, value)


def _object_deep_object_params(doc: dict[str, Any]) -> None:
    for path_item in doc["paths"].values():
        for operation in path_item.values():
            for param in operation.get("parameters", []) if isinstance(operation, dict) else []:
                if param.get("style") != "deepObject":
                    continue
                schema = _resolve(doc, param["schema"])
                objects = [m for m in schema.get("anyOf", []) if m.get("type") != "null"]
                if len(objects) == 1:
                    param["schema"] = copy.deepcopy(objects[0])


@functools.lru_cache(maxsize=1)
def spec() -> OpenAPI:
    """The openapi-core view of the adapted spec (built once)."""
    doc = copy.deepcopy(load_spec_document())
    _fill_discriminator_mappings(doc, doc)
    _object_deep_object_params(doc)
    return OpenAPI.from_dict(doc, base_uri=SPEC_PATH.as_uri())


def _query_args(query: Mapping[str, Any] | None) -> dict[str, Any]:
    """Flatten ``{"metadata": {"k": "v"}, "limit": 3}`` the way the client sends it."""
    args: dict[str, Any] = {}
    for key, value in (query or {}).items():
        if isinstance(value, Mapping):
            for sub, subvalue in value.items():
                args[f"{key}[{sub}]"] = str(subvalue)
        elif isinstance(value, bool):
            args[key] = "true" if value else "false"
        else:
            args[key] = str(value)
    return args


def validate_request(
    method: str,
    url_path: str,
    body: Any = None,
    query: Mapping[str, Any] | None = None,
) -> None:
    """Raise ``ContractError`` unless ``method url_path`` with this JSON body and query fits the spec.

    ``url_path`` is the path below the server URL, e.g. ``"/chat/completions"`` or
    ``"/chat/completions/abc/messages"``; ``query`` values that are dicts are sent as deep objects.

    >>> validate_request("post", "/chat/completions", {"model": "m", "messages": [{"role": "user", "content": "hi"}]})
    """
    data = None if body is None else json.dumps(body).encode("utf-8")
    request = MockRequest(
        HOST,
        method.lower(),
        "/v1" + url_path,
        args=_query_args(query),
        data=data,
        content_type="application/json",
        headers={"Authorization": "Bearer sk-contract-test"},
    )
    try:
        spec().validate_request(request)
    except Exception as exc:  # openapi-core raises several unrelated classes
        cause = exc.__cause__
        errors = [str(e).split("\n", 1)[0] for e in getattr(cause, "schema_errors", ()) or ()]
        raise ContractError(f"{method.upper()} {url_path}: {exc}", errors) from exc
