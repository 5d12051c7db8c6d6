"""Check a request value against the spec's rules, as the generated table states them.

The table (``openai_chat_api.request_rules``) is generated from ``openapi.yaml``; this module knows JSON
Schema keywords, never field names. Each check returns the value as JSON-ready data (generated models
and tools become dicts, tuples lists, integer map keys strings; the caller's own dicts are never
changed) or raises ``TypeError`` (wrong kind of value) / ``ValueError`` (right kind, not allowed) with a
message that names the argument by its path (``tools[0].function.name``).

>>> check_value("temperature", {"type": "number", "minimum": 0, "maximum": 2}, 3)
Traceback (most recent call last):
...
ValueError: temperature must be a number from 0 to 2, got 3
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from functools import cache
from typing import Any

from openai_chat_api.request_rules import SCHEMAS

__all__ = ["check_value", "allows_null", "members", "resolve", "describe", "short"]

_JSON_KINDS: dict[str, tuple[type, ...]] = {
    "string": (str,),
    "integer": (int,),
    "number": (int, float),
    "boolean": (bool,),
    "array": (list, tuple),
    "object": (Mapping,),
}


def short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 80 else text[:77] + "..."


def resolve(schema: Any) -> dict[str, Any]:
    while isinstance(schema, dict) and "$ref" in schema:
        schema = SCHEMAS[schema["$ref"]]
    return schema if isinstance(schema, dict) else {}


def members(schema: dict[str, Any]) -> list[dict[str, Any]] | None:
    found = schema.get("anyOf") or schema.get("oneOf")
    return None if found is None else [resolve(m) for m in found]


def _types(schema: dict[str, Any]) -> list[str]:
    kind = schema.get("type")
    if kind is None:
        return []
    return list(kind) if isinstance(kind, list) else [kind]


def allows_null(schema: Any) -> bool:
    schema = resolve(schema)
    if "null" in _types(schema) or (isinstance(schema.get("enum"), list) and None in schema["enum"]):
        return True
    return any(allows_null(m) for m in members(schema) or ())


def _choices(values: list[Any]) -> str:
    return ", ".join(repr(v) for v in values)


def _span(schema: dict[str, Any]) -> str:
    lo, hi = schema.get("minimum"), schema.get("maximum")
    if lo is not None and hi is not None:
        return f" from {lo} to {hi}"
    if lo is not None:
        return f" >= {lo}"
    if hi is not None:
        return f" <= {hi}"
    return ""


def describe(schema: Any, depth: int = 0) -> str:
    """What a value of ``schema`` is, in a few words (for error messages)."""
    schema = resolve(schema)
    union = members(schema)
    if union is not None:
        if any(_types(m) == ["string"] and "enum" not in m for m in union):  # any str: the enums add nothing
            union = [m for m in union if not (m.get("enum") and all(isinstance(v, str) for v in m["enum"]))]
        words = [describe(m, depth + 1) for m in union if depth < 2]
        return " or ".join(dict.fromkeys(w for w in words if w)) or "a value"
    if "enum" in schema:
        values = [v for v in schema["enum"] if v is not None]
        return f"one of {_choices(values)}" if len(values) > 1 else repr(values[0]) if values else "None"
    words = []
    for kind in _types(schema) or ["any"]:
        if kind == "string":
            words.append(
                "a str" + (f" of at most {schema['maxLength']} characters" if "maxLength" in schema else "")
            )
        elif kind == "integer":
            words.append("an int" + _span(schema))
        elif kind == "number":
            words.append("a number" + _span(schema))
        elif kind == "boolean":
            words.append("True or False")
        elif kind == "null":
            words.append("None")
        elif kind == "array":
            inner = describe(schema.get("items", {}), depth + 1) if depth < 2 else "a value"
            words.append("a list" if inner == "a value" else f"a list of {inner}")
        elif kind == "object":
            words.append("a dict" + _dict_hint(schema))
        else:
            words.append("a value")
    return " or ".join(words)


def _dict_hint(schema: dict[str, Any]) -> str:
    for key, sub in (schema.get("properties") or {}).items():
        constant = resolve(sub).get("enum")
        if constant and len(constant) == 1:  # a union member told apart by a constant: say which
            return f" with {key}={constant[0]!r}"
    required = schema.get("required") or []
    if required:
        return " with " + ", ".join(required)
    extra = schema.get("additionalProperties")
    if isinstance(extra, dict) and extra:
        return f" of str to {describe(extra, 2).removeprefix('a ').removeprefix('an ')}"
    return ""


@cache
def _pattern(text: str) -> re.Pattern[str]:
    return re.compile(text)


def _plain(value: Any) -> Any:
    """A generated model (or anything with ``to_dict``) as its dict; other values as they are."""
    if not isinstance(value, (str, int, float, list, dict, tuple)) and value is not None:
        to_dict = getattr(value, "to_dict", None)
        if to_dict is not None and not isinstance(value, type):
            return to_dict()
    return value


def check_value(path: str, schema: Any, value: Any) -> Any:
    """``value`` as JSON-ready data if ``schema`` allows it; else TypeError/ValueError naming ``path``."""
    schema = resolve(schema)
    value = _plain(value)
    union = members(schema)
    if union is not None:
        return _check_union(path, schema, union, value)
    if "enum" in schema:
        if not any(value == v and type(value) is type(v) for v in schema["enum"]):
            values = [v for v in schema["enum"] if v is not None]
            raise ValueError(f"{path} must be one of {_choices(values)}, got {short(value)}")
        return value
    kinds = _types(schema)
    if not kinds:
        return value
    if value is None:
        if "null" in kinds:
            return None
        raise TypeError(f"{path} must be {describe(schema)}, got None")
    for kind in kinds:
        expected = _JSON_KINDS.get(kind)
        if expected is None or not isinstance(value, expected):
            continue
        if isinstance(value, bool) and kind in ("integer", "number"):
            continue
        return _CHECKS[kind](path, schema, value)
    raise TypeError(f"{path} must be {describe(schema)}, got {short(value)}")


def _check_string(path: str, schema: dict[str, Any], value: str) -> str:
    if ("maxLength" in schema and len(value) > schema["maxLength"]) or (
        "minLength" in schema and len(value) < schema["minLength"]
    ):
        raise ValueError(f"{path} must be {describe(schema)}, got {short(value)}")
    pattern = schema.get("pattern")
    if pattern is not None and not _pattern(pattern).search(value):
        raise ValueError(f"{path} must match {pattern}, got {short(value)}")
    return value


def _check_number(path: str, schema: dict[str, Any], value: float) -> float:
    lo, hi = schema.get("minimum"), schema.get("maximum")
    if value != value or (lo is not None and value < lo) or (hi is not None and value > hi):  # NaN too
        raise ValueError(f"{path} must be {describe(schema)}, got {value!r}")
    if ("exclusiveMinimum" in schema and value <= schema["exclusiveMinimum"]) or (
        "exclusiveMaximum" in schema and value >= schema["exclusiveMaximum"]
    ):
        raise ValueError(f"{path} is out of range, got {value!r}")
    return value


def _check_bool(path: str, schema: dict[str, Any], value: bool) -> bool:
    return value


def _check_array(path: str, schema: dict[str, Any], value: Any) -> list[Any]:
    lo, hi = schema.get("minItems"), schema.get("maxItems")
    if (lo is not None and len(value) < lo) or (hi is not None and len(value) > hi):
        if lo is not None and hi is not None:
            span = f"from {lo} to {hi} items"
        else:
            span = (
                f"at least {lo} item{'s' * (lo != 1)}"
                if hi is None
                else f"at most {hi} item{'s' * (hi != 1)}"
            )
        raise ValueError(f"{path} must hold {span}, got {len(value)}")
    items = schema.get("items", {})
    out = [check_value(f"{path}[{i}]", items, item) for i, item in enumerate(value)]
    if type(value) is list and all(a is b for a, b in zip(out, value, strict=True)):
        return value  # the caller's list as it is: nothing in it needed converting
    return out


def _check_object(path: str, schema: dict[str, Any], value: Mapping[Any, Any]) -> dict[str, Any]:
    properties: dict[str, Any] = schema.get("properties") or {}
    extra = schema.get("additionalProperties", True)
    names = schema.get("propertyNames")
    if "maxProperties" in schema and len(value) > schema["maxProperties"]:
        raise ValueError(f"{path} may hold at most {schema['maxProperties']} pairs, got {len(value)}")
    if "minProperties" in schema and len(value) < schema["minProperties"]:
        raise ValueError(f"{path} must hold at least {schema['minProperties']} pairs, got {len(value)}")
    out: dict[str, Any] = {}
    same = type(value) is dict
    for key, item in value.items():
        if not properties and isinstance(key, int) and not isinstance(key, bool):
            key = str(key)  # a map keyed by numbers (token ids): JSON keys are strings
            same = False
        if not isinstance(key, str):
            raise TypeError(f"{path} keys must be str, got {short(key)}")
        if key in properties:
            checked = check_value(f"{path}.{key}", properties[key], item)
        elif extra is False:
            raise ValueError(f"{path} may only hold {_choices(list(properties))}, got {key!r}")
        else:
            if names is not None:
                _check_key(path, names, key)
            checked = check_value(f"{path}[{key!r}]", extra, item) if isinstance(extra, dict) else item
        same = same and checked is item
        out[key] = checked
    for key in schema.get("required") or ():  # after the given fields: a wrong `type` says so first
        if key not in value:
            raise ValueError(f"{path}.{key} is required ({describe(properties.get(key, {}))})")
    # the caller's dict is never changed; copied only when converted
    return value if same and isinstance(value, dict) else out


def _check_key(path: str, names: dict[str, Any], key: str) -> None:
    if "maxLength" in names and len(key) > names["maxLength"]:
        raise ValueError(f"{path} keys must be at most {names['maxLength']} characters, got {short(key)}")
    pattern = names.get("pattern")
    if pattern is not None and not _pattern(pattern).search(key):
        raise ValueError(f"{path} keys must match {pattern}, got {short(key)}")


_CHECKS: dict[str, Callable[[str, dict[str, Any], Any], Any]] = {
    "string": _check_string,
    "integer": _check_number,
    "number": _check_number,
    "boolean": _check_bool,
    "array": _check_array,
    "object": _check_object,
}


def _discriminator(union: list[dict[str, Any]]) -> str | None:
    """A property every object member pins to one constant (``type``, ``role``), if there is one."""
    objects = [m for m in union if "object" in _types(m) or m.get("properties")]
    if len(objects) < 2:
        return None
    common: set[str] = set.intersection(*(set(m.get("properties") or {}) for m in objects))
    for key in sorted(common):
        if all(len(resolve(m["properties"][key]).get("enum") or ()) == 1 for m in objects):
            return key
    return None


def _check_union(path: str, schema: dict[str, Any], union: list[dict[str, Any]], value: Any) -> Any:
    if value is None:
        if allows_null(schema):
            return None
        raise TypeError(f"{path} must be {describe(schema)}, got None")
    key = _discriminator(union) if isinstance(value, Mapping) else None
    if key is not None and key in value:
        for member in union:
            constant = resolve((member.get("properties") or {}).get(key, {})).get("enum")
            if constant and value[key] == constant[0]:
                return check_value(path, member, value)
        tags = [resolve(m["properties"][key])["enum"][0] for m in union if key in (m.get("properties") or {})]
        raise ValueError(f"{path}.{key} must be one of {_choices(tags)}, got {short(value[key])}")
    errors: list[Exception] = []
    fits: list[Exception] = []
    for member in union:
        try:
            return check_value(path, member, value)
        except (TypeError, ValueError) as exc:
            errors.append(exc)
            if _kind_fits(member, value):
                fits.append(exc)
    if len(fits) == 1:  # one member is of the value's kind: its complaint is the useful one
        raise fits[0]
    if key is not None:
        tags = [resolve(m["properties"][key])["enum"][0] for m in union if key in (m.get("properties") or {})]
        raise ValueError(f"{path}.{key} is required (one of {_choices(tags)})")
    raise TypeError(f"{path} must be {describe(schema)}, got {short(value)}")


def _kind_fits(schema: dict[str, Any], value: Any) -> bool:
    if "enum" in schema:
        return any(type(value) is type(v) for v in schema["enum"])
    union = members(schema)
    if union is not None:
        return any(_kind_fits(m, value) for m in union)
    for kind in _types(schema):
        expected = _JSON_KINDS.get(kind)
        if (
            expected is not None
            and isinstance(value, expected)
            and not (isinstance(value, bool) and kind in ("integer", "number"))
        ):
            return True
    return False
