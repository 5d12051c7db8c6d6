"""The API change report between two Chat Completions specs: operations, request and response fields, enums.

Both documents are prepared the same way first (``prepare_spec.prepare(..., for_requests=True)``: merged
``allOf``, one spelling of nullability, no defaults), so only facts a client would notice are compared:

    changes = compare(old_doc, new_doc)
    print(render(changes, source="upstream.yaml", target="openapi.yaml"))
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

import prepare_spec

REF = prepare_spec.SCHEMA_PREFIX
_WORDS = ("description", "summary", "title", "example", "examples", "default")


@dataclass
class Changes:
    operations: list[str] = field(default_factory=list)
    request: list[str] = field(default_factory=list)
    response: list[str] = field(default_factory=list)
    enums: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.operations or self.request or self.response or self.enums)


@dataclass
class Facts:
    operations: dict[str, str]  # "POST /chat/completions" -> "createChatCompletion; params: ..."
    fields: dict[str, dict[str, str]]  # side -> {"Schema.field[]": "integer 0..10, optional"}
    enums: dict[str, dict[str, list[Any]]]  # side -> {"Schema.field": [values]}


# -- facts ------------------------------------------------------------------------------------------------------


def _bounds(schema: dict[str, Any]) -> str:
    parts = []
    for low, high, what in (
        ("minimum", "maximum", ""),
        ("minLength", "maxLength", " chars"),
        ("minItems", "maxItems", " items"),
        ("minProperties", "maxProperties", " pairs"),
    ):
        if low in schema or high in schema:
            parts.append(f"{schema.get(low, '')}..{schema.get(high, '')}{what}")
    for key in ("exclusiveMinimum", "exclusiveMaximum", "pattern", "format"):
        if key in schema:
            parts.append(f"{key} {schema[key]}")
    return " ".join(parts)


def _describe(schema: dict[str, Any], required: bool | None) -> str:
    """A one-line summary of a field's facts, without its enum values (those are compared on their own)."""
    members = schema.get("anyOf") or schema.get("oneOf") or []
    nullable = any(m.get("type") == "null" for m in members if isinstance(m, dict))
    rest = [m for m in members if not (isinstance(m, dict) and m.get("type") == "null")]
    if nullable and len(rest) == 1 and len(schema) == 1:
        schema = rest[0]
    words = []
    if "$ref" in schema:
        words.append(schema["$ref"][len(REF) :])
    elif rest and schema is not rest[0]:
        words.append(" | ".join(_describe(m, None) for m in rest))
    else:
        kind = schema.get("type", "any")
        words.append("/".join(kind) if isinstance(kind, list) else str(kind))
        if schema.get("enum") is not None:
            words.append("enum" if len(schema["enum"]) > 1 else f"= {schema['enum'][0]!r}")
        if "items" in schema and isinstance(schema["items"], dict) and "$ref" in schema["items"]:
            words.append(f"of {schema['items']['$ref'][len(REF) :]}")
        bounds = _bounds(schema)
        if bounds:
            words.append(bounds)
    if nullable:
        words.append("nullable")
    if required is not None:
        words.append("required" if required else "optional")
    return ", ".join(words)


def _label(member: dict[str, Any], i: int) -> str:
    for prop in ("type", "role"):
        enum = member.get("properties", {}).get(prop, {}).get("enum", [])
        if len(enum) == 1:
            return f"<{enum[0]}>"
    return f"<{i + 1}>"


def _walk(schema: Any, label: str, fields: dict[str, str], enums: dict[str, list[Any]]) -> None:
    """Record the fields and enums of one schema (not following references)."""
    if not isinstance(schema, dict) or "$ref" in schema:
        return
    enum = schema.get("enum")
    if isinstance(enum, list) and enum:
        enums[label] = [v for v in enum if v is not None]
    required = set(schema.get("required", []))
    for name, prop in (schema.get("properties") or {}).items():
        if isinstance(prop, dict):
            where = f"{label}.{name}"
            fields[where] = _describe(prop, name in required)
            _walk(prop, where, fields, enums)
    if isinstance(schema.get("items"), dict):
        _walk(schema["items"], label + "[]", fields, enums)
    if isinstance(schema.get("additionalProperties"), dict):
        _walk(schema["additionalProperties"], label + "{}", fields, enums)
    for key in ("anyOf", "oneOf"):
        members = [m for m in schema.get(key, []) if isinstance(m, dict) and m.get("type") != "null"]
        for i, member in enumerate(members):
            _walk(member, label if len(members) == 1 else label + _label(member, i), fields, enums)


def _reach(doc: dict[str, Any], roots: list[Any]) -> set[str]:
    names: set[str] = set()
    todo = [r for r in prepare_spec._refs(roots) if r.startswith(REF)]
    while todo:
        name = todo.pop()[len(REF) :]
        if name not in names:
            names.add(name)
            todo.extend(
                r for r in prepare_spec._refs(doc["components"]["schemas"][name]) if r.startswith(REF)
            )
    return names


def _params(op: dict[str, Any]) -> str:
    parts = []
    for param in op.get("parameters", []):
        schema = {k: v for k, v in param.get("schema", {}).items() if k not in _WORDS}
        parts.append(
            f"{param.get('name')} ({param.get('in')}, {_describe(schema, param.get('required', False))})"
        )
    return "; ".join(parts)


def facts(doc: dict[str, Any]) -> Facts:
    prepared = prepare_spec.prepare(doc, for_requests=True)
    roots: dict[str, list[Any]] = {"request": [], "response": []}
    inline: list[tuple[str, Any]] = []
    operations: dict[str, str] = {}
    for where, op in _each_op(prepared):
        name = op.get("operationId", "?")
        operations[where] = name + (f" — {_params(op)}" if op.get("parameters") else "")
        for param in op.get("parameters", []):
            roots["request"].append(param)
            inline.append((f"{name}({param.get('name')})", param.get("schema")))
        body = op.get("requestBody", {}).get("content", {}).get("application/json", {}).get("schema")
        if body is not None:
            roots["request"].append(body)
            inline.append((f"{name} body", body))
    # Responses as the source has them: the preparation drops event-stream bodies, whose chunks matter here.
    raw = prepare_spec.subset(doc)
    for _, op in _each_op(raw):
        roots["response"].extend(op.get("responses", {}).values())
    responses = raw["components"].get("responses", {})
    roots["response"] += [
        responses[r.rsplit("/", 1)[1]] for r in prepare_spec._refs(roots["response"]) if "/responses/" in r
    ]
    result = Facts(operations, {}, {})
    for side in ("request", "response"):
        fields: dict[str, str] = {}
        enums: dict[str, list[Any]] = {}
        for name in sorted(_reach(prepared, roots[side])):
            fields[name] = "schema"
            _walk(prepared["components"]["schemas"][name], name, fields, enums)
        for label, schema in inline if side == "request" else ():
            _walk(schema, label, fields, enums)
        result.fields[side], result.enums[side] = fields, enums
    return result


def _each_op(doc: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    for path, item in doc["paths"].items():
        for method in ("get", "put", "post", "delete", "patch"):
            if isinstance(item.get(method), dict):
                yield f"{method.upper()} {path}", item[method]


# -- comparison -------------------------------------------------------------------------------------------------


def _under_new(name: str, added: set[str]) -> bool:
    """``name`` belongs to something added as a whole (a new schema or field), so it is not listed itself."""
    return any(
        name.startswith(a + ".") or name.startswith(a + "[") or name.startswith(a + "<") for a in added
    )


def _diff(old: dict[str, str], new: dict[str, str]) -> list[str]:
    lines = []
    added = {k for k in new if k not in old}
    removed = {k for k in old if k not in new}
    for name in sorted(added):
        if not _under_new(name, added - {name}):
            what = "new schema" if new[name] == "schema" else new[name]
            lines.append(f"+ {name}: {what}")
    for name in sorted(removed):
        if not _under_new(name, removed - {name}):
            lines.append(f"- {name}")
    for name in sorted(set(old) & set(new)):
        if old[name] != new[name]:
            lines.append(f"~ {name}: {old[name]} → {new[name]}")
    return lines


def _enum_diff(old: dict[str, list[Any]], new: dict[str, list[Any]], fields_added: set[str]) -> list[str]:
    lines = []
    for name in sorted(set(old) | set(new)):
        if name not in old and (name in fields_added or _under_new(name, fields_added)):
            continue  # described with its new field
        before, after = old.get(name, []), new.get(name, [])
        plus = [v for v in after if v not in before]
        minus = [v for v in before if v not in after]
        if plus or minus:
            words = [f"+ {v}" for v in plus] + [f"- {v}" for v in minus]
            lines.append(f"{name}: {', '.join(words)}")
    return lines


def compare(old_doc: dict[str, Any], new_doc: dict[str, Any]) -> Changes:
    old, new = facts(old_doc), facts(new_doc)
    changes = Changes(operations=_diff(old.operations, new.operations))
    changes.request = _diff(old.fields["request"], new.fields["request"])
    changes.response = _diff(old.fields["response"], new.fields["response"])
    seen: set[str] = set()
    for side in ("request", "response"):
        added = {k for k in new.fields[side] if k not in old.fields[side]}
        for line in _enum_diff(old.enums[side], new.enums[side], added):
            if line not in seen:
                seen.add(line)
                changes.enums.append(line)
    return changes


def render(
    changes: Changes,
    *,
    source: str,
    target: str,
    overrides: Sequence[str] = (),
    warnings: Sequence[str] = (),
) -> str:
    lines = [f"# API changes: {source} against {target}", ""]
    if not changes:
        lines.append("No API changes.")
    for title, items in (
        ("Operations", changes.operations),
        ("Request fields", changes.request),
        ("Response fields", changes.response),
        ("Enum values", changes.enums),
    ):
        if changes:
            lines.append(f"- {title}: none" if not items else f"- {title}:")
            lines.extend(f"  - {item}" for item in items)
    if overrides:
        lines += ["", f"Overrides kept on top of the source: {', '.join(overrides)}."]
    lines += [f"Warning: {w}" for w in warnings]
    return "\n".join(lines) + "\n"
