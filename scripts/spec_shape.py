"""How ``make sync-spec`` turns an OpenAI document into our ``openapi.yaml``: pure functions, no I/O.

    new, warnings = rebuild(source_doc, our_doc, overrides)

The facts come from the source: the ``/chat/completions`` operations and every component they reach (paths,
operation ids, parameters, schema names, fields, types, enums, nullability, bounds, discriminators). The
words come from our document: where the same item (same JSON path) exists there, its description, summary
and title are kept; a new item gets none, or a short neutral one where OpenAPI requires it. The source's
prose, examples and vendor ``x-`` keys are never copied. Our ``info``, ``servers`` and ``security`` stay.
General rules make the source read the way our file is written:

1. ``nullable: true`` becomes the 3.1 spelling: ``type: [T, 'null']`` (with ``null`` in an ``enum``), a
   ``{type: 'null'}`` member in a union, or ``anyOf: [$ref, {type: 'null'}]``; a union member's
   ``nullable`` moves to the union, and a member's ``default`` goes when it is null or the union has one;
2. a ``discriminator`` without ``mapping`` gets one from each member's constant;
3. an object query parameter is sent deepObject-style (``metadata[key]=value``), as the client does.

What no general rule covers is in the overrides file (``spec-overrides.yaml``), each entry named and
explained, applied after the rules so it survives every sync.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from typing import Any

import prepare_spec
from prepare_spec import SpecError

METHODS = ("get", "put", "post", "delete", "patch", "options", "head", "trace")
# Words: ours are kept, the source's are dropped.
PROSE = ("description", "summary", "title")
DROPPED = frozenset({*PROSE, "example", "examples", "externalDocs"})
# Keys whose value is a mapping of names chosen by the document (not keywords).
NAME_MAPS = frozenset(
    {
        "paths",
        "responses",
        "content",
        "headers",
        "properties",
        "patternProperties",
        "$defs",
        "definitions",
        "schemas",
        "parameters",
        "requestBodies",
        "securitySchemes",
        "links",
        "callbacks",
        "encoding",
        "variables",
    }
)
# Keys whose value is data, kept verbatim.
VALUES = frozenset({"enum", "const", "default", "required", "mapping", "security", "tags", "scopes"})


# -- words out -------------------------------------------------------------------------------------------------


def strip_words(node: Any, names: bool = False) -> Any:
    """``node`` without prose, examples and vendor keys; ``names``: the keys of ``node`` are names."""
    if isinstance(node, list):
        return [strip_words(v) for v in node]
    if not isinstance(node, dict):
        return node
    out: dict[Any, Any] = {}
    for key, value in node.items():
        if names:
            out[str(key)] = strip_words(value)
        elif key in DROPPED or str(key).startswith("x-"):
            continue
        elif key in VALUES:
            out[key] = copy.deepcopy(value)
        else:
            out[key] = strip_words(value, names=key in NAME_MAPS and isinstance(value, dict))
    return out


# -- rule 1: nullability, 3.1 style ------------------------------------------------------------------------------


def _union_key(schema: dict[str, Any]) -> str | None:
    return next((k for k in ("oneOf", "anyOf") if isinstance(schema.get(k), list)), None)


def _has_null_member(members: list[Any]) -> bool:
    return any(isinstance(m, dict) and m.get("type") == "null" for m in members)


def nullable_31(schema: dict[str, Any]) -> dict[str, Any]:
    """One schema (not its children) with ``nullable`` spelled the 3.1 way."""
    union = _union_key(schema)
    if union:
        for member in schema[union]:
            if isinstance(member, dict):
                if "default" in schema or member.get("default", 0) is None:
                    member.pop("default", None)
                if member.pop("nullable", None) is True:
                    schema["nullable"] = True
    if schema.pop("nullable", None) is not True:
        return schema
    if union:
        if not _has_null_member(schema[union]):
            schema[union].append({"type": "null"})
        return schema
    kind = schema.get("type")
    if isinstance(kind, str):
        schema["type"] = [kind, "null"]
    elif isinstance(kind, list):
        if "null" not in kind:
            kind.append("null")
    else:
        inner = {k: v for k, v in schema.items() if k != "default"}
        if not inner:
            return schema
        outer = {"anyOf": [inner, {"type": "null"}]}
        if "default" in schema:
            outer["default"] = schema["default"]
        return outer
    if isinstance(schema.get("enum"), list) and None not in schema["enum"]:
        schema["enum"].append(None)
    return schema


def _each_schema(doc: dict[str, Any]) -> Iterator[tuple[Any, Any]]:
    """(container, key) of every schema, parents before children, live (a replaced schema is walked)."""
    stack = list(reversed(list(prepare_spec._top_schemas(doc))))
    while stack:
        container, key = stack.pop()
        yield container, key
        schema = container[key]
        if isinstance(schema, dict):
            stack.extend(reversed(list(prepare_spec._children(schema))))


def apply_nullable(doc: dict[str, Any]) -> None:
    for container, key in _each_schema(doc):
        container[key] = nullable_31(container[key])


# -- rule 2: discriminator mappings ------------------------------------------------------------------------------


def _constant(doc: dict[str, Any], member: dict[str, Any], prop: str) -> Any:
    target = prepare_spec._resolve(doc, member)
    spec = target.get("properties", {}).get(prop, {}) if isinstance(target, dict) else {}
    if "const" in spec:
        return spec["const"]
    enum = [v for v in spec.get("enum", []) if v is not None]
    return enum[0] if len(enum) == 1 else None


def fill_mappings(doc: dict[str, Any]) -> None:
    for container, key in _each_schema(doc):
        schema = container[key]
        disc = schema.get("discriminator") if isinstance(schema, dict) else None
        union = _union_key(schema) if isinstance(schema, dict) else None
        if not isinstance(disc, dict) or "mapping" in disc or not union:
            continue
        mapping: dict[str, str] = {}
        for member in schema[union]:
            ref = member.get("$ref") if isinstance(member, dict) else None
            value = _constant(doc, member, disc.get("propertyName", "")) if ref else None
            if value is None:
                break
            mapping[str(value)] = ref
        else:
            disc["mapping"] = mapping


# -- rule 3: object query parameters ---------------------------------------------------------------------------


def deep_object_queries(doc: dict[str, Any]) -> None:
    for param in prepare_spec._parameters(doc):
        if param.get("in") != "query" or "style" in param:
            continue
        schema = prepare_spec._resolve(doc, param.get("schema", {}))
        members = [schema, *schema.get("anyOf", []), *schema.get("oneOf", [])]
        if any(prepare_spec._resolve(doc, m).get("type") in ("object", ["object", "null"]) for m in members):
            param["style"] = "deepObject"
            param["explode"] = True


# -- overrides -----------------------------------------------------------------------------------------------------


def _pointer(text: str) -> list[str]:
    if not text.startswith("/"):
        raise SpecError(f"override pointer {text!r} must start with '/'")
    return [p.replace("~1", "/").replace("~0", "~") for p in text[1:].split("/")]


def _walk(node: Any, parts: list[str]) -> Any:
    for part in parts:
        if isinstance(node, list) and part.isdigit() and int(part) < len(node):
            node = node[int(part)]
        elif isinstance(node, dict) and part in node:
            node = node[part]
        else:
            return None
    return node


def check_overrides(entries: Any, where: str) -> list[dict[str, Any]]:
    """The overrides file's entries, or :class:`SpecError` naming what is wrong with them."""
    if entries is None:
        return []
    if not isinstance(entries, list):
        raise SpecError(f"{where}: expected a list of overrides")
    for entry in entries:
        if not isinstance(entry, dict) or not {"name", "why", "at"} <= set(entry):
            raise SpecError(f"{where}: every override needs name, why and at: {entry!r}")
        if not isinstance(entry.get("set", {}), dict) or not isinstance(entry.get("unset", []), list):
            raise SpecError(f"{where}: override {entry['name']!r}: set is a mapping, unset a list")
    return entries


def apply_overrides(doc: dict[str, Any], entries: list[dict[str, Any]]) -> list[str]:
    """Apply each override in place; return one warning per target that is missing or does not match."""
    warnings = []
    for entry in entries:
        pointers = entry["at"] if isinstance(entry["at"], list) else [entry["at"]]
        for pointer in pointers:
            parts = _pointer(pointer)
            target = _walk(doc, parts)
            if target is None and entry.get("set"):
                parent = _walk(doc, parts[:-1])
                if isinstance(parent, dict):
                    target = parent[parts[-1]] = {}
            when = entry.get("when", {})
            if not isinstance(target, dict) or any(target.get(k) != v for k, v in when.items()):
                warnings.append(
                    f"override {entry['name']!r} not applied: {pointer} is not in the source as expected"
                )
                continue
            target.update(copy.deepcopy(entry.get("set", {})))
            for key in entry.get("unset", []):
                target.pop(key, None)
    return warnings


# -- words in: ours, in our order --------------------------------------------------------------------------------


def _signature(node: Any) -> Any:
    if not isinstance(node, dict):
        return node
    kind = node.get("type")
    return (node.get("name"), node.get("in"), node.get("$ref"), str(kind) if kind is not None else None)


def _counterparts(new: list[Any], ours: list[Any]) -> list[Any]:
    """For each item of ``new``, the item of ``ours`` that stands for it (same place and kind), or None."""
    used: set[int] = set()
    out: list[Any] = []
    for i, item in enumerate(new):
        sig = _signature(item)
        if i < len(ours) and _signature(ours[i]) == sig and i not in used:
            match: int | None = i
        else:
            match = next((j for j, o in enumerate(ours) if j not in used and _signature(o) == sig), None)
        if match is None:
            out.append(None)
        else:
            used.add(match)
            out.append(ours[match])
    return out


def _order(new_keys: list[Any], ours_keys: list[Any]) -> list[Any]:
    """``ours_keys`` in their order; a key only ``new_keys`` has goes right after its predecessor there."""
    placed = list(ours_keys)
    for i, key in enumerate(new_keys):
        if key in placed:
            continue
        before = next((k for k in reversed(new_keys[:i]) if k in placed), None)
        placed.insert(placed.index(before) + 1 if before is not None else 0, key)
    return placed


def with_our_words(new: Any, ours: Any, names: bool = False, member_of: str | None = None) -> Any:
    """``new`` with our prose where ``ours`` has the same item, in our key order; neutral words where required.

    ``names``: the keys of ``new`` are names (properties, paths, status codes), not keywords; ``member_of``:
    the keyword that holds that name map, or, for a value in it, the keyword that holds its map.
    """
    if isinstance(new, list):
        pairs = _counterparts(new, ours if isinstance(ours, list) else [])
        return [with_our_words(n, o) for n, o in zip(new, pairs, strict=True)]
    if not isinstance(new, dict):
        return new
    ours = ours if isinstance(ours, dict) else {}
    out: dict[Any, Any] = {}
    kept_words = [] if names else [k for k in PROSE if isinstance(ours.get(k), str)]
    for key in _order(list(new), [k for k in ours if k in new or k in kept_words]):
        if key not in new:
            out[key] = ours[key]
        elif names:
            out[key] = with_our_words(new[key], ours.get(key), member_of=member_of)
        elif key in VALUES:
            out[key] = new[key]
        else:
            child_names = key in NAME_MAPS and isinstance(new[key], dict)
            out[key] = with_our_words(new[key], ours.get(key), names=child_names, member_of=key)
    if not names and member_of == "responses" and "$ref" not in out and "description" not in out:
        out["description"] = "A response."  # OpenAPI requires one; the source's words are not ours to copy
    return out


# -- the whole sync (pure) ------------------------------------------------------------------------------------------


def operation_names(doc: dict[str, Any]) -> dict[str, str]:
    """``{"DELETE /chat/completions/{completion_id}": "deleteChatCompletion", ...}`` for the chat paths."""
    out = {}
    for path, item in doc.get("paths", {}).items():
        if path == prepare_spec.PATH_PREFIX or path.startswith(prepare_spec.PATH_PREFIX + "/"):
            for method in METHODS:
                if isinstance(item, dict) and isinstance(item.get(method), dict):
                    out[f"{method.upper()} {path}"] = item[method].get("operationId", "?")
    return out


def rebuild(
    source: dict[str, Any], ours: dict[str, Any], overrides: list[dict[str, Any]]
) -> tuple[dict[str, Any], list[str]]:
    """Our spec rebuilt from the facts of ``source``; and the warnings to show."""
    doc = strip_words(prepare_spec.subset(source))
    apply_nullable(doc)
    fill_mappings(doc)
    deep_object_queries(doc)
    warnings = apply_overrides(doc, overrides)
    doc = prepare_spec.subset(doc)  # components an override stopped using go
    for key in ("info", "servers", "security"):
        if key in ours:
            doc[key] = copy.deepcopy(ours[key])
        else:
            doc.pop(key, None)
    doc["openapi"] = ours.get("openapi", doc.get("openapi"))
    return with_our_words(doc, ours), warnings


def missing_operations(source: dict[str, Any], ours: dict[str, Any]) -> list[str]:
    have = operation_names(source)
    return [f"{name} ({where})" for where, name in operation_names(ours).items() if where not in have]
