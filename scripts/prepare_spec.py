"""Turn any OpenAPI document that describes Chat Completions into a generator-ready one.

Usage: python scripts/prepare_spec.py SOURCE.yaml OUT.yaml

The source may be our pinned ``openapi.yaml`` or OpenAI's whole published document. Every fix below is a
general rule about schema shapes, never a rule about one schema's name, so a newer upstream document gets
the same treatment:

1. keep only the ``/chat/completions`` paths and the components they reach;
2. ``nullable: true`` (the older spelling) becomes ``anyOf: [schema, {type: 'null'}]``, which the generator
   understands for enums too (otherwise a nullable enum rejects ``null``);
3. an ``allOf`` made of object schemas is merged into one object, and a property defined in several members
   stays nullable if any member allows null (the generator drops the whole operation otherwise);
4. component schemas are named by their component name, not their ``title``, and inline titles that would
   give two classes the same name are dropped (the generator keeps one and loses the other);
5. string enums with more than one value inside response bodies become plain strings, so a value a newer
   model or another server sends (an unknown ``finish_reason``) parses; single-value enums (``role``,
   ``type``, ``object`` constants) stay, because they are what lets union parsing pick the right member,
   but they are no longer required in responses (some servers omit ``object``), and neither are
   nullable fields (some servers leave out ``refusal`` rather than send ``null``); those are listed in
   the object's ``x-required-nullable``, so the model template reads a missing one as null and writes
   it back as null, the shape the document requires;
6. ``default`` values are removed, so the client never sends a value the caller did not set;
7. ``text/event-stream`` bodies are dropped (the generator has no support for them; the façade streams);
8. discriminated unions get the discriminator's constant on each member that lacks it, since the generator
   ignores discriminators and tries members in order;
9. ``additionalProperties: false`` is removed, because the generator then drops fields the schema does not
   name without a word; kept, they reach the caller and go back to the server unchanged;
10. object schemas reachable from responses but from no request body or parameter get
    ``x-response-only: true``. The model template (scripts/templates/model.py.jinja) holds an optional
    field as ``X | None = None`` (None is "absent", never sent) wherever null is not a value the caller
    could mean to send: every field the document does not let be null, and every field of a
    response-only model. Only a nullable field of a model that can be sent keeps three states, with
    ``UNSET`` for "not given" and ``None`` sent as ``null``. Schemas used on both sides (a tool call, a
    content part) are request-side: a result may be sent back.
"""

from __future__ import annotations

import copy
import json
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

PATH_PREFIX = "/chat/completions"
SCHEMA_PREFIX = "#/components/schemas/"
# Extensions the model template reads (scripts/templates/model.py.jinja).
REQUIRED_NULLABLE = "x-required-nullable"
RESPONSE_ONLY = "x-response-only"


class SpecError(SystemExit):
    """A document that cannot be used; the message is one line and is all the user sees (no traceback)."""


class _RedefiningLoader(yaml.SafeLoader):
    """YAML 1.2 lets an anchor be defined again (an alias means the latest one); PyYAML refuses that.

    OpenAI documents of 2024 reuse anchor names, so the pure-Python loader is taught the 1.2 rule and used
    when the fast loader stops at a duplicate anchor.
    """

    def compose_node(self, parent: Any, index: Any) -> Any:
        if not self.check_event(yaml.AliasEvent):
            anchor = self.peek_event().anchor
            if anchor is not None:
                self.anchors.pop(anchor, None)
        return super().compose_node(parent, index)


_FastLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load(path: str | Path, *, openapi: bool = True) -> Any:
    """An OpenAPI document (YAML or JSON) as plain data; :class:`SpecError` if it cannot be one.

    ``openapi=False`` reads any YAML or JSON file with the same care (a clear one-line error).
    """
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise SpecError(f"{path}: cannot read it ({exc.__class__.__name__}: {exc})") from None
    try:
        if text.lstrip()[:1] == "{":
            doc = json.loads(text)
        else:
            try:
                doc = yaml.load(text, Loader=_FastLoader)
            except yaml.composer.ComposerError as exc:
                if "duplicate anchor" not in str(exc):
                    raise
                doc = yaml.load(text, Loader=_RedefiningLoader)
    except json.JSONDecodeError as exc:
        raise SpecError(
            f"{path}: not valid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}"
        ) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1} column {mark.column + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise SpecError(f"{path}: not valid YAML: {problem}{where}") from None
    if not openapi:
        return doc
    if not isinstance(doc, dict):
        raise SpecError(f"{path}: not an OpenAPI document (its top level is not a mapping)")
    if "swagger" in doc or not str(doc.get("openapi", "")).startswith("3."):
        version = doc.get("openapi") or (f"swagger {doc['swagger']}" if "swagger" in doc else "none")
        raise SpecError(f"{path}: not an OpenAPI 3 document (version: {version})")
    return doc


def dump(doc: dict[str, Any], path: str | Path) -> None:
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8") as fh:
        yaml.safe_dump(doc, fh, sort_keys=False, allow_unicode=True, width=120)


# -- 1. subset ---------------------------------------------------------------------------------------------


def _refs(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str):
            yield ref
        for value in node.values():
            yield from _refs(value)
    elif isinstance(node, list):
        for value in node:
            yield from _refs(value)


def subset(doc: dict[str, Any], prefix: str = PATH_PREFIX) -> dict[str, Any]:
    """The paths under ``prefix`` and every component they reach, nothing else."""
    paths = {
        p: copy.deepcopy(v)
        for p, v in doc.get("paths", {}).items()
        if p == prefix or p.startswith(prefix + "/")
    }
    if not paths:
        raise SpecError(f"the document has no paths under {prefix}")
    components = doc.get("components", {})
    kept: dict[str, dict[str, Any]] = {}
    todo = list(_refs(paths))
    while todo:
        ref = todo.pop()
        if not ref.startswith("#/components/"):
            continue
        _, _, kind, name = ref.split("/", 3)
        if name in kept.get(kind, {}):
            continue
        try:
            target = copy.deepcopy(components[kind][name])
        except (KeyError, TypeError):
            raise SpecError(f"the document refers to {ref}, which it does not define") from None
        kept.setdefault(kind, {})[name] = target
        todo.extend(_refs(target))
    schemes = components.get("securitySchemes", {})
    used = {name for req in doc.get("security", []) for name in req}
    for op in _operations(paths):
        used |= {name for req in op.get("security", []) for name in req}
    if used:
        kept["securitySchemes"] = {n: copy.deepcopy(schemes[n]) for n in sorted(used) if n in schemes}
    out: dict[str, Any] = {"openapi": doc.get("openapi", "3.1.0"), "info": copy.deepcopy(doc.get("info", {}))}
    for key in ("servers", "security"):
        if key in doc:
            out[key] = copy.deepcopy(doc[key])
    out["paths"] = paths
    out["components"] = kept
    return out


def _operations(paths: dict[str, Any]) -> Iterator[dict[str, Any]]:
    for item in paths.values():
        for method in ("get", "put", "post", "delete", "patch", "options", "head"):
            if method in item:
                yield item[method]


# -- walking schemas ------------------------------------------------------------------------------------------

_SCHEMA_LISTS = ("allOf", "anyOf", "oneOf", "prefixItems")
_SCHEMA_SINGLES = ("items", "not", "additionalProperties", "contains", "if", "then", "else")
_SCHEMA_MAPS = ("properties", "patternProperties", "$defs", "definitions")


def _children(schema: dict[str, Any]) -> Iterator[tuple[Any, Any]]:
    """(container, key) pairs of the direct sub-schemas of ``schema``."""
    for key in _SCHEMA_LISTS:
        value = schema.get(key)
        if isinstance(value, list):
            for i, sub in enumerate(value):
                if isinstance(sub, dict):
                    yield value, i
    for key in _SCHEMA_SINGLES:
        if isinstance(schema.get(key), dict):
            yield schema, key
    for key in _SCHEMA_MAPS:
        value = schema.get(key)
        if isinstance(value, dict):
            for name, sub in value.items():
                if isinstance(sub, dict):
                    yield value, name


def _top_schemas(doc: dict[str, Any]) -> Iterator[tuple[Any, Any]]:
    """(container, key) pairs of every schema that is not inside another schema."""
    comps = doc.get("components", {})
    for name in comps.get("schemas", {}):
        yield comps["schemas"], name
    for holder in _media_holders(doc):
        for media in holder.get("content", {}).values():
            if isinstance(media.get("schema"), dict):
                yield media, "schema"
    for param in _parameters(doc):
        if isinstance(param.get("schema"), dict):
            yield param, "schema"
    for header_holder in _media_holders(doc):
        for header in header_holder.get("headers", {}).values():
            if isinstance(header, dict) and isinstance(header.get("schema"), dict):
                yield header, "schema"


def _media_holders(doc: dict[str, Any]) -> Iterator[dict[str, Any]]:
    comps = doc.get("components", {})
    yield from comps.get("responses", {}).values()
    yield from comps.get("requestBodies", {}).values()
    for op in _operations(doc.get("paths", {})):
        if "requestBody" in op:
            yield op["requestBody"]
        yield from op.get("responses", {}).values()


def _parameters(doc: dict[str, Any]) -> Iterator[dict[str, Any]]:
    yield from doc.get("components", {}).get("parameters", {}).values()
    for item in doc.get("paths", {}).values():
        yield from item.get("parameters", [])
        for op in _operations({"_": item}):
            yield from op.get("parameters", [])


def _transform(doc: dict[str, Any], fn) -> None:
    """Apply ``fn(schema) -> schema`` bottom-up to every schema in the document, in place."""

    def visit(container: Any, key: Any) -> None:
        schema = container[key]
        for sub_container, sub_key in list(_children(schema)):
            visit(sub_container, sub_key)
        container[key] = fn(schema)

    for container, key in list(_top_schemas(doc)):
        visit(container, key)


def _resolve(doc: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    seen = set()
    while isinstance(schema, dict) and "$ref" in schema and schema["$ref"].startswith(SCHEMA_PREFIX):
        ref = schema["$ref"]
        if ref in seen:
            break
        seen.add(ref)
        schema = doc["components"]["schemas"][ref[len(SCHEMA_PREFIX) :]]
    return schema


# -- 2. nullable ---------------------------------------------------------------------------------------------

_ANNOTATIONS = ("description", "title", "deprecated", "default", "examples", "example")


def _is_null(schema: Any) -> bool:
    return isinstance(schema, dict) and schema.get("type") == "null"


def _null_variant() -> dict[str, Any]:
    return {"type": "null"}


def normalize_nullable(schema: dict[str, Any]) -> dict[str, Any]:
    """``nullable: true`` and ``type: [X, 'null']`` become ``anyOf`` with a null member."""
    nullable = schema.pop("nullable", None)
    types = schema.get("type")
    if isinstance(types, list):
        non_null = [t for t in types if t != "null"]
        if "null" in types:
            nullable = True
        schema["type"] = non_null[0] if len(non_null) == 1 else non_null
        if len(non_null) > 1:
            rest = {k: v for k, v in schema.items() if k != "type"}
            schema = {"anyOf": [{**rest, "type": t} for t in non_null]}
    if not nullable:
        return schema
    if "enum" in schema:
        schema["enum"] = [v for v in schema["enum"] if v is not None]
    for key in ("anyOf", "oneOf"):
        if key in schema and len(schema) <= 1 + sum(k in schema for k in _ANNOTATIONS):
            if not any(_is_null(m) for m in schema[key]):
                schema[key] = [*schema[key], _null_variant()]
            return schema
    outer = {k: schema.pop(k) for k in _ANNOTATIONS if k in schema}
    if "$ref" in schema and len(schema) == 1 and not outer:
        return {"anyOf": [schema, _null_variant()]}
    return {**outer, "anyOf": [schema, _null_variant()]}


# -- 3. allOf --------------------------------------------------------------------------------------------------


def _allows_null(doc: dict[str, Any], schema: dict[str, Any]) -> bool:
    schema = _resolve(doc, schema)
    if _is_null(schema) or schema.get("nullable") is True:
        return True
    return any(_allows_null(doc, m) for key in ("anyOf", "oneOf") for m in schema.get(key, []))


def _as_object(doc: dict[str, Any], member: dict[str, Any]) -> dict[str, Any] | None:
    """The object schema a member stands for, with nested allOfs merged; None if it is not an object."""
    resolved = _resolve(doc, member)
    if "allOf" in resolved:
        resolved = flatten_allof(doc, copy.deepcopy(resolved))
    if "allOf" in resolved:
        return None
    if resolved.get("type") == "object" or "properties" in resolved:
        if any(k in resolved for k in ("anyOf", "oneOf")):
            return None
        return resolved
    return None


def flatten_allof(doc: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    members = schema.get("allOf")
    if not isinstance(members, list) or len(members) < 2:
        return schema
    objects = [_as_object(doc, m) for m in members]
    if any(o is None for o in objects):
        return schema
    merged: dict[str, Any] = {"type": "object"}
    props: dict[str, Any] = {}
    required: list[str] = []
    for obj in objects:
        for name, prop in obj.get("properties", {}).items():
            earlier = props.get(name)
            prop = copy.deepcopy(prop)
            if earlier is not None and _allows_null(doc, earlier) and not _allows_null(doc, prop):
                prop = (
                    normalize_nullable({**prop, "nullable": True})
                    if "$ref" not in prop
                    else {"anyOf": [prop, _null_variant()]}
                )
            props[name] = prop
        for name in obj.get("required", []):
            if name not in required:
                required.append(name)
        if "additionalProperties" in obj:
            merged["additionalProperties"] = copy.deepcopy(obj["additionalProperties"])
    for key, value in schema.items():
        if key not in ("allOf", "type", "properties", "required"):
            merged[key] = value
    for key in ("properties", "required"):
        if key in schema:
            extra = schema[key]
            if key == "properties":
                props.update(copy.deepcopy(extra))
            else:
                required.extend(n for n in extra if n not in required)
    merged["properties"] = props
    if required:
        merged["required"] = required
    return merged


# -- 4. titles ------------------------------------------------------------------------------------------------


def _class_name(text: str) -> str:
    words = re.split(r"[^0-9A-Za-z]+", text)
    return "".join(w[:1].upper() + w[1:] for w in words if w)


def fix_titles(doc: dict[str, Any]) -> None:
    schemas = doc.get("components", {}).get("schemas", {})
    for schema in schemas.values():
        schema.pop("title", None)
    taken = {_class_name(name) for name in schemas}
    counts: dict[str, int] = {}
    titled: list[dict[str, Any]] = []

    def collect(schema: dict[str, Any]) -> dict[str, Any]:
        if isinstance(schema.get("title"), str) and schema is not None:
            titled.append(schema)
            counts[_class_name(schema["title"])] = counts.get(_class_name(schema["title"]), 0) + 1
        return schema

    _transform(doc, collect)
    for schema in titled:
        name = _class_name(schema["title"])
        if name in taken or counts[name] > 1 or not name:
            del schema["title"]


# -- 5. open enums in responses, optional constants -------------------------------------------------------------


def _response_schema_names(doc: dict[str, Any]) -> set[str]:
    """Component schemas reachable from any response body."""
    roots: list[Any] = []
    for op in _operations(doc.get("paths", {})):
        for response in op.get("responses", {}).values():
            roots.append(response)
    for ref in list(_refs(roots)):
        if ref.startswith("#/components/responses/"):
            roots.append(doc["components"]["responses"][ref.rsplit("/", 1)[1]])
    return _reachable(doc, roots)


def _request_schema_names(doc: dict[str, Any]) -> set[str]:
    """Component schemas reachable from any request body or parameter."""
    roots: list[Any] = []
    for item in doc.get("paths", {}).values():
        roots.append(item.get("parameters", []))
        for op in _operations({"_": item}):
            roots.append(op.get("requestBody", {}))
            roots.append(op.get("parameters", []))
    for ref in list(_refs(roots)):
        for kind in ("requestBodies", "parameters"):
            prefix = f"#/components/{kind}/"
            if ref.startswith(prefix):
                roots.append(doc["components"][kind][ref[len(prefix) :]])
    return _reachable(doc, roots)


def _reachable(doc: dict[str, Any], roots: list[Any]) -> set[str]:
    names: set[str] = set()
    todo = [r for r in _refs(roots) if r.startswith(SCHEMA_PREFIX)]
    while todo:
        name = todo.pop()[len(SCHEMA_PREFIX) :]
        if name in names:
            continue
        names.add(name)
        todo.extend(r for r in _refs(doc["components"]["schemas"][name]) if r.startswith(SCHEMA_PREFIX))
    return names


def _is_constant(schema: Any) -> bool:
    return isinstance(schema, dict) and isinstance(schema.get("enum"), list) and len(schema["enum"]) == 1


def _union_members(doc: dict[str, Any]) -> set[int]:
    """ids of the schemas that are members of a oneOf/anyOf (resolved through $ref)."""
    members: set[int] = set()

    def collect(schema: dict[str, Any]) -> dict[str, Any]:
        for key in ("oneOf", "anyOf"):
            for member in schema.get(key, []):
                if isinstance(member, dict):
                    members.add(id(_resolve(doc, member)))
        return schema

    _transform(doc, collect)
    return members


def open_response_enums(doc: dict[str, Any]) -> None:
    """Response enums accept any string; constants stay only where union parsing needs them."""
    members = _union_members(doc)

    def relax(schema: dict[str, Any]) -> dict[str, Any]:
        enum = schema.get("enum")
        if isinstance(enum, list) and len(enum) > 1 and schema.get("type", "string") == "string":
            del schema["enum"]
            schema["type"] = "string"
        props = schema.get("properties")
        if not isinstance(props, dict):
            return schema
        constants = [name for name, prop in props.items() if _is_constant(prop)]
        if id(schema) not in members:
            for name in constants:
                props[name] = {k: v for k, v in props[name].items() if k != "enum"}
                props[name].setdefault("type", "string")
        if "required" in schema:
            # Constants and nullable fields may be left out by other servers (a missing ``refusal``
            # means the same as ``null``), so neither is required to parse a response.
            nullable = [n for n in schema["required"] if _allows_null(doc, props.get(n, {}))]
            required = [n for n in schema["required"] if n not in constants and n not in nullable]
            if nullable:
                schema[REQUIRED_NULLABLE] = nullable
            if required:
                schema["required"] = required
            else:
                del schema["required"]
        return schema

    schemas = doc["components"]["schemas"]
    for name in sorted(_response_schema_names(doc)):
        _transform_one(schemas, name, relax)
    for op in _operations(doc.get("paths", {})):
        for response in op.get("responses", {}).values():
            for media in response.get("content", {}).values():
                if isinstance(media.get("schema"), dict):
                    _transform_one(media, "schema", relax)


def _transform_one(container: Any, key: Any, fn) -> None:
    schema = container[key]
    for sub_container, sub_key in list(_children(schema)):
        _transform_one(sub_container, sub_key, fn)
    container[key] = fn(schema)


# -- 6. defaults, 7. event streams, 8. discriminators, 9. closed objects -------------------------------------


def strip_defaults(schema: dict[str, Any]) -> dict[str, Any]:
    schema.pop("default", None)
    if _is_constant(schema):
        # A constant is no choice of the caller's: constructors fill it in, and parsing still
        # tolerates its absence where rule 5 made it optional.
        schema["default"] = schema["enum"][0]
    return schema


def open_objects(schema: dict[str, Any]) -> dict[str, Any]:
    if schema.get("additionalProperties") is False:
        del schema["additionalProperties"]
    return schema


def drop_event_streams(doc: dict[str, Any]) -> None:
    for holder in _media_holders(doc):
        content = holder.get("content")
        if isinstance(content, dict) and "text/event-stream" in content:
            del content["text/event-stream"]
            if not content:
                del holder["content"]


def _tag_discriminated(doc: dict[str, Any]):
    def tag(schema: dict[str, Any]) -> dict[str, Any]:
        disc = schema.get("discriminator")
        if not isinstance(disc, dict):
            return schema
        prop = disc.get("propertyName")
        mapping = disc.get("mapping", {})
        by_ref = {ref: value for value, ref in mapping.items()}
        for key in ("oneOf", "anyOf"):
            for member in schema.get(key, []):
                ref = member.get("$ref") if isinstance(member, dict) else None
                if not ref or not ref.startswith(SCHEMA_PREFIX):
                    continue
                target = _resolve(doc, member)
                props = target.get("properties", {})
                if prop in props and props[prop].get("enum"):
                    continue
                value = by_ref.get(ref)
                if value is not None:
                    target.setdefault("properties", {})[prop] = {"type": "string", "enum": [value]}
        schema.pop("discriminator", None)
        return schema

    return tag


def mark_response_only(doc: dict[str, Any]) -> None:
    """Object schemas that only ever arrive in responses get ``x-response-only`` (rule 10).

    A shared schema stays unmarked: its instances may be sent back, so its nullable fields need "not given".
    """

    def mark(schema: dict[str, Any]) -> dict[str, Any]:
        if schema.get("type") == "object" or "properties" in schema:
            schema[RESPONSE_ONLY] = True
        return schema

    schemas = doc["components"]["schemas"]
    for name in sorted(_response_schema_names(doc) - _request_schema_names(doc)):
        _transform_one(schemas, name, mark)
    for op in _operations(doc.get("paths", {})):
        for response in op.get("responses", {}).values():
            for media in response.get("content", {}).values():
                if isinstance(media.get("schema"), dict) and "$ref" not in media["schema"]:
                    _transform_one(media, "schema", mark)


def _check_query_objects(doc: dict[str, Any]) -> None:
    """Object query parameters are encoded deepObject-style by our endpoint template; say so if not."""
    for param in _parameters(doc):
        if param.get("in") != "query":
            continue
        schema = _resolve(doc, param.get("schema", {}))
        is_object = schema.get("type") == "object" or any(
            _resolve(doc, m).get("type") == "object"
            for m in schema.get("anyOf", []) + schema.get("oneOf", [])
        )
        if is_object and param.get("style", "form") != "deepObject":
            print(
                f"prepare_spec: warning: query parameter {param.get('name')!r} is an object with style "
                f"{param.get('style', 'form')!r}; it will be sent deepObject-style",
                file=sys.stderr,
            )


# -- the whole preparation ------------------------------------------------------------------------------------


def prepare(doc: dict[str, Any], *, for_requests: bool = False) -> dict[str, Any]:
    """The generator-ready document; ``for_requests`` keeps what only responses must loosen.

    The request checks and parameter types (``scripts/gen_request.py``) read the same document without
    rules 5 and 9, which exist so that *responses* from newer or other servers parse: a request is
    checked against exactly what the spec allows (closed objects, every enum).
    """
    out = subset(doc)
    _transform(out, _tag_discriminated(out))
    _transform(out, normalize_nullable)
    _transform(out, lambda s: flatten_allof(out, s))
    out = subset(out)  # merged allOf members may no longer be referenced
    fix_titles(out)
    if not for_requests:
        open_response_enums(out)
        mark_response_only(out)
    _transform(out, strip_defaults)
    if not for_requests:
        _transform(out, open_objects)
    for param in _parameters(out):
        param.pop("default", None)
    drop_event_streams(out)
    _check_query_objects(out)
    return out


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__.splitlines()[2], file=sys.stderr)
        return 2
    dump(prepare(load(argv[0])), argv[1])
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
