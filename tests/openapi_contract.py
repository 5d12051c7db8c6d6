"""Check requests against ``openapi.yaml`` with openapi-core, for tests that want the contract as the judge.

``validate_request("post", "/chat/completions", body={...})`` raises ``ContractError`` when the request
breaks the spec, and returns ``None`` otherwise. ``spec_path=`` judges by another document, such as OpenAI's
own (the whole API: only its ``/chat/completions`` part is read). Each document is loaded and checked once
per process, on first use.

The document is read the way ``make sync-spec`` reads a source (``scripts/spec_shape.py``), in a copy
(the file is not touched): ``nullable: true`` in its 3.1 spelling, and each ``discriminator`` given the
``mapping`` its members' constants imply — without one, openapi-core looks the value up as a schema *name*
(``role: user`` → ``#/components/schemas/user``). Two more adaptations are for openapi-core alone:

* a discriminator whose members cannot all be mapped is dropped, so ``oneOf`` decides on its own;
* a ``deepObject`` query parameter whose schema is ``anyOf [object, null]`` (``metadata``) cannot be
  deserialized by openapi-core (it only does ``type: object``), so the null member is dropped there — a
  query string cannot carry a null anyway.
"""

from __future__ import annotations

import copy
import functools
import json
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from openapi_core import OpenAPI
from openapi_core.testing import MockRequest

ROOT = Path(__file__).resolve().parents[1]
SPEC_PATH = ROOT / "openapi.yaml"
HOST = "https://api.openai.com"

if str(ROOT / "scripts") not in sys.path:
    sys.path.append(str(ROOT / "scripts"))

import prepare_spec  # noqa: E402
import spec_shape  # noqa: E402

__all__ = ["ContractError", "SPEC_PATH", "load_spec_document", "spec", "validate_request"]


class ContractError(AssertionError):
    """A request that the spec does not allow; ``errors`` lists the schema errors found."""

    def __init__(self, message: str, errors: list[str]) -> None:
        super().__init__(message + ("\n" + "\n".join(errors) if errors else ""))
        self.errors = errors


@functools.lru_cache(maxsize=4)
def load_spec_document(path: Path = SPEC_PATH) -> dict[str, Any]:
    """The chat part of the document at ``path`` as plain data (not adapted; callers must not mutate it)."""
    return prepare_spec.subset(prepare_spec.load(path))


def _drop_unmapped_discriminators(node: Any) -> None:
    if isinstance(node, dict):
        disc = node.get("discriminator")
        if isinstance(disc, dict) and "mapping" not in disc:
            del node["discriminator"]
        for value in node.values():
            _drop_unmapped_discriminators(value)
    elif isinstance(node, list):
        for value in node:
            _drop_unmapped_discriminators(value)


def _object_deep_object_params(doc: dict[str, Any]) -> None:
    for param in prepare_spec._parameters(doc):
        if param.get("style") != "deepObject":
            continue
        schema = prepare_spec._resolve(doc, param["schema"])
        objects = [m for m in schema.get("anyOf", []) if m.get("type") != "null"]
        if len(objects) == 1:
            param["schema"] = copy.deepcopy(objects[0])


@functools.lru_cache(maxsize=4)
def spec(path: Path = SPEC_PATH) -> OpenAPI:
    """The openapi-core view of the adapted document (built once per path)."""
    doc = copy.deepcopy(load_spec_document(path))
    spec_shape.apply_nullable(doc)
    spec_shape.fill_mappings(doc)
    spec_shape.deep_object_queries(doc)
    _drop_unmapped_discriminators(doc)
    _object_deep_object_params(doc)
    return OpenAPI.from_dict(doc, base_uri=path.as_uri())


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
    *,
    spec_path: Path = SPEC_PATH,
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
        spec(spec_path).validate_request(request)
    except Exception as exc:  # openapi-core raises several unrelated classes
        cause = exc.__cause__
        errors = [str(e).split("\n", 1)[0] for e in getattr(cause, "schema_errors", ()) or ()]
        raise ContractError(f"{method.upper()} {url_path}: {exc}", errors) from exc
