"""Structured outputs without I/O: strict JSON schemas from Python types, and decoded JSON back into them.

The types a caller may use are attrs classes, dataclasses and TypedDicts, built from ``bool``, ``int``,
``float``, ``str``, ``datetime``/``date``/``time``, ``UUID``, ``Enum``, ``Literal``, unions, lists, tuples,
sets, and (outside strict mode) ``dict[str, X]``. ``Annotated[X, "text"]`` adds a description.

Strict mode follows the structured-outputs rules: every object is closed (``additionalProperties: false``)
and lists every property in ``required``; a field that may be left out (it has a default, or is a
``NotRequired`` key) is made nullable instead, and a ``null`` coming back means "use the default".
"""

from __future__ import annotations

import collections.abc
import dataclasses
import datetime as dt
import enum
import inspect
import json
import re
import types
import typing
import uuid
import weakref
from collections.abc import Callable, Iterable, Mapping
from typing import Annotated, Any, Literal, NamedTuple, TypeVar, Union, get_args, get_origin

from ._exceptions import ContentFilterFinishReasonError, LengthFinishReasonError, StructuredOutputError

__all__ = ["json_schema_for", "response_format_for", "parse_as", "parse_content"]

T = TypeVar("T")

_NONE_TYPE = type(None)
_UNION_ORIGINS = (Union, types.UnionType)
_QUALIFIERS = frozenset({"Required", "NotRequired", "ReadOnly"})
_SEQUENCE_ORIGINS = (list, collections.abc.Sequence, collections.abc.MutableSequence)
_SET_ORIGINS = (set, frozenset, collections.abc.Set, collections.abc.MutableSet)
_MAPPING_ORIGINS = (dict, collections.abc.Mapping, collections.abc.MutableMapping)
_NAME_RE = re.compile(r"^[a-zA-Z0-9_-]{1,64}$")
_NO_DEFAULT: Any = object()

# Formats are checked before the plain types because datetime is a subclass of date.
_FORMATS: tuple[tuple[type, str], ...] = (
    (dt.datetime, "date-time"),
    (dt.date, "date"),
    (dt.time, "time"),
    (uuid.UUID, "uuid"),
)
_SCALARS: dict[type, str] = {bool: "boolean", int: "integer", float: "number", str: "string"}


# --- Introspection shared by schema building and parsing ---------------------------------------------


class _Field(NamedTuple):
    """One property of an object: a class field, a TypedDict key or a function parameter."""

    key: str  # the JSON property name
    arg: str  # the constructor keyword (attrs strips a leading underscore)
    type: Any
    required: bool  # False when it may be left out: a default, or a NotRequired key
    description: str | None = None
    default: Any = _NO_DEFAULT


def is_attrs_class(tp: Any) -> bool:
    """Whether ``tp`` is an attrs class, told without importing attrs (a caller with one has loaded it)."""
    return isinstance(tp, type) and getattr(tp, "__attrs_attrs__", None) is not None


def _kind(tp: Any) -> str | None:
    if not isinstance(tp, type):
        return None
    if is_attrs_class(tp):
        return "attrs"
    if dataclasses.is_dataclass(tp):
        return "dataclass"
    if issubclass(tp, dict) and hasattr(tp, "__required_keys__") and hasattr(tp, "__total__"):
        return "typeddict"
    return None


def _strip_qualifiers(tp: Any) -> tuple[Any, str | None]:
    """``NotRequired[Annotated[int, "d"]]`` → (``Annotated[int, "d"]``, "NotRequired")."""
    qualifier = None
    while True:
        origin = get_origin(tp)
        if getattr(origin, "_name", None) in _QUALIFIERS:
            if origin._name != "ReadOnly":
                qualifier = origin._name
            tp = get_args(tp)[0]
        elif origin is Annotated:
            inner, *meta = get_args(tp)
            stripped, inner_qualifier = _strip_qualifiers(inner)
            if inner_qualifier is None and stripped is inner:
                return tp, qualifier
            return Annotated[(stripped, *meta)], inner_qualifier or qualifier
        else:
            return tp, qualifier


def _type_hints(cls: type) -> dict[str, Any]:
    try:
        return typing.get_type_hints(cls, include_extras=True)
    except NameError as exc:
        raise TypeError(f"cannot resolve the type hints of {cls.__qualname__}: {exc}") from exc


def _class_doc(cls: type) -> str | None:
    doc = cls.__dict__.get("__doc__")
    if not isinstance(doc, str) or not doc.strip():
        return None
    if dataclasses.is_dataclass(cls) and doc.startswith(f"{cls.__name__}("):
        return None  # the signature dataclasses write when there is no docstring
    if issubclass(cls, enum.Enum) and doc == "An enumeration.":
        return None  # what older versions write when there is no docstring
    return inspect.cleandoc(doc)


_FIELDS_CACHE: weakref.WeakKeyDictionary[type, tuple[_Field, ...]] = weakref.WeakKeyDictionary()


def _fields_of(cls: type) -> tuple[_Field, ...]:
    cached = _FIELDS_CACHE.get(cls)
    if cached is None:
        cached = _FIELDS_CACHE[cls] = tuple(_introspect(cls))
    return cached


def _introspect(cls: type) -> Iterable[_Field]:
    kind = _kind(cls)
    hints = _type_hints(cls)
    if kind == "attrs":
        import attrs  # loaded already: the caller's class is one

        factory: type = type(attrs.Factory(list))  # the class of attrs.Factory(...) defaults
        for f in attrs.fields(cls):
            if not f.init:
                continue
            tp = hints.get(f.name, f.type)
            if tp is None:
                raise TypeError(f"{cls.__qualname__}.{f.name} has no type")
            default = f.default
            yield _Field(
                key=f.name,
                arg=getattr(f, "alias", None) or f.name.lstrip("_"),
                type=tp,
                required=default is attrs.NOTHING,
                description=f.metadata.get("description"),
                default=_NO_DEFAULT if default is attrs.NOTHING or isinstance(default, factory) else default,
            )
    elif kind == "dataclass":
        for f in dataclasses.fields(cls):
            if not f.init:
                continue
            has_default = f.default is not dataclasses.MISSING or f.default_factory is not dataclasses.MISSING
            yield _Field(
                key=f.name,
                arg=f.name,
                type=hints.get(f.name, f.type),
                required=not has_default,
                description=f.metadata.get("description"),
                default=_NO_DEFAULT if f.default is dataclasses.MISSING else f.default,
            )
    elif kind == "typeddict":
        required_keys = cls.__required_keys__  # type: ignore[attr-defined]
        for key, hint in hints.items():
            tp, qualifier = _strip_qualifiers(hint)
            required = qualifier == "Required" if qualifier else key in required_keys
            yield _Field(key=key, arg=key, type=tp, required=required)
    else:
        raise TypeError(f"{cls!r} is not an attrs class, a dataclass or a TypedDict")


def _accepts_none(tp: Any) -> bool:
    origin = get_origin(tp)
    if origin is Annotated:
        return _accepts_none(get_args(tp)[0])
    if tp is None or tp is _NONE_TYPE or tp is Any or tp is object:
        return True
    if origin in _UNION_ORIGINS:
        return any(_accepts_none(arg) for arg in get_args(tp))
    if origin is Literal:
        return None in get_args(tp)
    return False


# --- Schemas ------------------------------------------------------------------------------------------


def _json_type(value: Any) -> str | None:
    """The JSON type of a decoded value (None for things JSON cannot hold)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    if isinstance(value, dict):
        return "object"
    return None


def _is_nullable(schema: Mapping[str, Any]) -> bool:
    kind = schema.get("type")
    if kind == "null" or (isinstance(kind, list) and "null" in kind) or not schema:
        return True
    return any(_is_nullable(s) for s in schema.get("anyOf", ()))


def _nullable(schema: dict[str, Any]) -> dict[str, Any]:
    if _is_nullable(schema):
        return schema
    kind = schema.get("type")
    if kind in ("string", "number", "integer", "boolean") and "enum" not in schema:
        return {**schema, "type": [kind, "null"]}
    if "anyOf" in schema:
        return {**schema, "anyOf": [*schema["anyOf"], {"type": "null"}]}
    inner = {k: v for k, v in schema.items() if k != "description"}
    out: dict[str, Any] = {"anyOf": [inner, {"type": "null"}]}
    if "description" in schema:
        out["description"] = schema["description"]
    return out


def _describe(schema: dict[str, Any], description: str) -> dict[str, Any]:
    if "$ref" in schema:
        # A $ref with sibling keywords is not accepted everywhere; a one-branch anyOf carries the text.
        return {"anyOf": [schema], "description": description}
    return {**schema, "description": description}


def _annotated_description(tp: Any) -> str | None:
    if get_origin(tp) is not Annotated:
        return None
    text = next((m for m in tp.__metadata__ if isinstance(m, str)), None)
    return inspect.cleandoc(text) if text else None


def _enum_schema(values: Iterable[Any], where: str) -> dict[str, Any]:
    groups: dict[str, list[Any]] = {}
    for value in values:
        kind = _json_type(value)
        if kind is None or kind in ("array", "object"):
            raise TypeError(f"{where}: enum value {value!r} is not a JSON string, number, boolean or null")
        groups.setdefault(kind, []).append(value)
    schemas = [
        {"type": "null"} if kind == "null" else {"type": kind, "enum": vals} for kind, vals in groups.items()
    ]
    return schemas[0] if len(schemas) == 1 else {"anyOf": schemas}


class _SchemaBuilder:
    """Builds one schema; nested classes go to ``$defs`` once each, so recursion terminates."""

    def __init__(self, *, strict: bool, root: type | None = None) -> None:
        self.strict = strict
        self.root = root
        self.defs: dict[str, dict[str, Any]] = {}
        self.names: dict[type, str] = {}

    def ref(self, cls: type) -> dict[str, Any]:
        if cls is self.root:
            return {"$ref": "#"}
        name = self.names.get(cls)
        if name is None:
            name, n = cls.__name__, 1
            while name in self.defs:  # two classes of one name, from different scopes
                n += 1
                name = f"{cls.__name__}_{n}"
            self.names[cls] = name
            self.defs[name] = {}  # reserve the name before recursing
            self.defs[name] = self.object_schema(cls)
        return {"$ref": f"#/$defs/{name}"}

    def object_schema(self, cls: type) -> dict[str, Any]:
        return self.fields_schema(_fields_of(cls), _class_doc(cls), f"{cls.__qualname__}.{{key}}")

    def fields_schema(self, fields: Iterable[_Field], description: str | None, where: str) -> dict[str, Any]:
        properties: dict[str, Any] = {}
        required: list[str] = []
        for field in fields:
            schema = self.schema(field.type, where.format(key=field.key))
            # The field's own words win over the docstring of its type.
            text = _annotated_description(field.type) or field.description
            if text:
                schema = _describe(schema, text)
            if field.required or self.strict:
                required.append(field.key)
            if not field.required and self.strict:
                schema = _nullable(schema)
            elif field.default is not _NO_DEFAULT and "$ref" not in schema:
                if type(field.default) in (str, int, float, bool, _NONE_TYPE):
                    schema = {**schema, "default": field.default}
            properties[field.key] = schema
        out: dict[str, Any] = {"type": "object"}
        if description:
            out["description"] = description
        out.update(properties=properties, required=required, additionalProperties=False)
        return out

    def schema(self, tp: Any, where: str) -> dict[str, Any]:
        origin = get_origin(tp)
        args = get_args(tp)
        if origin is Annotated:
            schema = self.schema(args[0], where)
            text = _annotated_description(tp)
            return _describe(schema, text) if text else schema
        if tp is Any or tp is object:
            if self.strict:
                raise TypeError(f"{where}: Any cannot be expressed in a strict schema; give a concrete type")
            return {}
        if tp is None or tp is _NONE_TYPE:
            return {"type": "null"}
        if hasattr(tp, "__supertype__"):  # NewType
            return self.schema(tp.__supertype__, where)
        if origin in _UNION_ORIGINS:
            schemas = [self.schema(arg, where) for arg in args if arg is not _NONE_TYPE]
            schema = schemas[0] if len(schemas) == 1 else {"anyOf": schemas}
            return _nullable(schema) if _NONE_TYPE in args else schema
        if origin is Literal:
            return _enum_schema(args, where)
        if isinstance(tp, type):
            if issubclass(tp, enum.Enum):
                schema = _enum_schema((member.value for member in tp), where)
                doc = _class_doc(tp)
                return {**schema, "description": doc} if doc else schema
            for base, fmt in _FORMATS:
                if issubclass(tp, base):
                    return {"type": "string", "format": fmt}
            if tp in _SCALARS:
                return {"type": _SCALARS[tp]}
            if _kind(tp):
                return self.ref(tp)
        if origin in _SEQUENCE_ORIGINS or origin in _SET_ORIGINS or tp in (list, set, frozenset):
            if not args:
                return self._untyped(where, "array", "a list needs an item type, e.g. list[str]")
            return {"type": "array", "items": self.schema(args[0], where)}
        if origin is tuple or tp is tuple:
            if not args:
                return self._untyped(where, "array", "a tuple needs item types, e.g. tuple[int, ...]")
            if len(args) == 2 and args[1] is Ellipsis:
                return {"type": "array", "items": self.schema(args[0], where)}
            items = [self.schema(arg, where) for arg in args]
            unique = [s for i, s in enumerate(items) if s not in items[:i]]
            item = unique[0] if len(unique) == 1 else {"anyOf": unique}
            return {"type": "array", "items": item, "minItems": len(args), "maxItems": len(args)}
        if origin in _MAPPING_ORIGINS or tp is dict:
            if self.strict:
                raise TypeError(
                    f"{where}: {_type_label(tp)} is an open map, and strict schemas allow only objects with "
                    "fixed properties; use a class, a list of key/value items, or strict=False"
                )
            if not args:
                return {"type": "object"}
            if args[0] is not str:
                raise TypeError(f"{where}: JSON object keys are strings, got {_type_label(tp)}")
            return {"type": "object", "additionalProperties": self.schema(args[1], where)}
        raise TypeError(f"{where}: unsupported type {_type_label(tp)}")

    def _untyped(self, where: str, kind: str, hint: str) -> dict[str, Any]:
        if self.strict:
            raise TypeError(f"{where}: {hint}")
        return {"type": kind}


def _type_label(tp: Any) -> str:
    return tp.__qualname__ if isinstance(tp, type) else repr(tp).replace("typing.", "")


def json_schema_for(tp: Any, *, strict: bool = True) -> dict[str, Any]:
    """A JSON schema for an attrs class, dataclass or TypedDict (a schema dict is returned as given).

    >>> @attrs.define
    ... class City:
    ...     name: str
    ...     population: int | None = None
    >>> json_schema_for(City)["required"]
    ['name', 'population']
    """
    if isinstance(tp, dict):
        return tp
    if not _kind(tp):
        raise TypeError(
            f"tp must be an attrs class, a dataclass, a TypedDict or a JSON-schema dict, got {_type_label(tp)}"
        )
    builder = _SchemaBuilder(strict=strict, root=tp)
    schema = builder.object_schema(tp)
    if builder.defs:
        schema["$defs"] = builder.defs
    return schema


def response_format_for(tp: Any, *, name: str | None = None, strict: bool = True) -> dict[str, Any]:
    """The ``response_format`` request value asking for JSON that matches ``tp``.

    >>> @attrs.define
    ... class City:
    ...     name: str
    >>> response_format_for(City)["json_schema"]["name"]
    'City'
    """
    if name is None:
        raw = "response" if isinstance(tp, dict) else getattr(tp, "__name__", "response")
        name = re.sub(r"[^a-zA-Z0-9_-]", "_", raw)[:64] or "response"
    elif not isinstance(name, str) or not _NAME_RE.match(name):
        raise ValueError(f"name must be 1-64 letters, digits, '_' or '-', got {name!r}")
    return {
        "type": "json_schema",
        "json_schema": {"name": name, "schema": json_schema_for(tp, strict=strict), "strict": strict},
    }


# --- Parsing ------------------------------------------------------------------------------------------


def _at(path: str, key: str) -> str:
    return f"{path}.{key}" if key.isidentifier() else f"{path}[{json.dumps(key)}]"


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _mismatch(path: str, expected: str, value: Any) -> ValueError:
    return ValueError(f"{path}: expected {expected}, got {_json_type(value) or type(value).__name__}")


def _expected(tp: Any) -> str:
    origin = get_origin(tp)
    if origin is Annotated:
        return _expected(get_args(tp)[0])
    if tp is None or tp is _NONE_TYPE:
        return "null"
    if tp in _SCALARS:
        return _SCALARS[tp]
    if origin in _SEQUENCE_ORIGINS or origin in _SET_ORIGINS or origin is tuple:
        return "array"
    if _kind(tp) or origin in _MAPPING_ORIGINS:
        return "object"
    return _type_label(tp)


def _parse_datetime(text: str) -> dt.datetime:
    try:
        value = dt.datetime.fromisoformat(text[:-1] + "+00:00" if text[-1:] in ("Z", "z") else text)
    except ValueError:
        from dateutil.parser import isoparse  # loaded only when a date-time is parsed

        value = isoparse(text)  # the ISO 8601 forms fromisoformat does not take on every version
    offset = value.utcoffset()
    if offset is not None and not isinstance(value.tzinfo, dt.timezone):
        value = value.replace(tzinfo=dt.timezone(offset))  # fixed offsets as the standard library's type
    return value


def _parse_time(text: str) -> dt.time:
    from dateutil.parser import isoparser

    return isoparser().parse_isotime(text)


_TEMPORAL: tuple[tuple[type, str, Callable[[str], Any]], ...] = (
    (dt.datetime, "an ISO 8601 date-time", _parse_datetime),
    (dt.date, "an ISO 8601 date", dt.date.fromisoformat),
    (dt.time, "an ISO 8601 time", _parse_time),
    (uuid.UUID, "a UUID", uuid.UUID),
)


def _parse(tp: Any, data: Any, path: str) -> Any:
    origin = get_origin(tp)
    args = get_args(tp)
    if origin is Annotated:
        return _parse(args[0], data, path)
    if tp is Any or tp is object:
        return data
    if tp is None or tp is _NONE_TYPE:
        if data is None:
            return None
        raise _mismatch(path, "null", data)
    if hasattr(tp, "__supertype__"):  # NewType
        return _parse(tp.__supertype__, data, path)
    if origin in _UNION_ORIGINS:
        if data is None and _NONE_TYPE in args:
            return None
        options = [arg for arg in args if arg is not _NONE_TYPE]
        if len(options) == 1:
            return _parse(options[0], data, path)
        for option in options:
            try:
                return _parse(option, data, path)
            except ValueError:
                continue
        raise _mismatch(path, " or ".join(_expected(arg) for arg in args), data)
    if origin is Literal:
        for value in args:
            if value == data and _json_type(value) == _json_type(data):
                return value
        raise ValueError(f"{path}: expected one of {list(args)!r}, got {_short(data)}")
    if isinstance(tp, type):
        if issubclass(tp, enum.Enum):
            for member in tp:
                if member.value == data and _json_type(member.value) == _json_type(data):
                    return member
            raise ValueError(f"{path}: expected one of {[m.value for m in tp]!r}, got {_short(data)}")
        if tp is bool:
            if isinstance(data, bool):
                return data
            raise _mismatch(path, "boolean", data)
        if tp is int:
            if isinstance(data, int) and not isinstance(data, bool):
                return data
            if isinstance(data, float) and data.is_integer():
                return int(data)
            raise _mismatch(path, "integer", data)
        if tp is float:
            if isinstance(data, (int, float)) and not isinstance(data, bool):
                try:
                    return float(data)
                except OverflowError:
                    raise ValueError(f"{path}: number {_short(data)} is too large") from None
            raise _mismatch(path, "number", data)
        if tp is str:
            if isinstance(data, str):
                return data
            raise _mismatch(path, "string", data)
        for base, expected, convert in _TEMPORAL:
            if issubclass(tp, base):
                if not isinstance(data, str):
                    raise _mismatch(path, expected, data)
                try:
                    return convert(data)
                except ValueError:
                    raise ValueError(f"{path}: expected {expected}, got {_short(data)}") from None
        kind = _kind(tp)
        if kind:
            if not isinstance(data, dict):
                raise _mismatch(path, "object", data)
            values = _parse_fields(_fields_of(tp), data, path)
            if kind == "typeddict":
                return values
            try:
                return tp(**values)
            except (TypeError, ValueError) as exc:
                raise ValueError(f"{path}: {tp.__qualname__} rejected the values: {exc}") from exc
    if (
        origin in _SEQUENCE_ORIGINS
        or origin in _SET_ORIGINS
        or origin is tuple
        or tp in (list, tuple, set, frozenset)
    ):
        if not isinstance(data, list):
            raise _mismatch(path, "array", data)
        container = origin or tp
        if not args:
            items = list(data)
        elif container is tuple and not (len(args) == 2 and args[1] is Ellipsis):
            if len(data) != len(args):
                raise ValueError(f"{path}: expected an array of {len(args)} items, got {len(data)}")
            items = [
                _parse(arg, item, f"{path}[{i}]")
                for i, (arg, item) in enumerate(zip(args, data, strict=True))
            ]
        else:
            items = [_parse(args[0], item, f"{path}[{i}]") for i, item in enumerate(data)]
        if container in (tuple, set, frozenset):
            return container(items)
        if container in _SET_ORIGINS:
            return set(items)
        return items
    if origin in _MAPPING_ORIGINS or tp is dict:
        if not isinstance(data, dict):
            raise _mismatch(path, "object", data)
        if not args:
            return dict(data)
        return {key: _parse(args[1], value, _at(path, key)) for key, value in data.items()}
    raise TypeError(f"cannot parse into unsupported type {_type_label(tp)}")


def _parse_fields(
    fields: Iterable[_Field], data: Mapping[str, Any], path: str, noun: str = "property"
) -> dict[str, Any]:
    """Keyword arguments for the fields; a missing or null optional field is left out, so its default applies."""
    fields = tuple(fields)
    known = {field.key for field in fields}
    for key in data:
        if key not in known:
            raise ValueError(f"{_at(path, key)}: unexpected {noun}")
    values: dict[str, Any] = {}
    for field in fields:
        where = _at(path, field.key)
        value = data.get(field.key, _NO_DEFAULT)
        if value is _NO_DEFAULT or (value is None and not field.required and not _accepts_none(field.type)):
            if field.required:
                raise ValueError(f"{where}: missing required {noun}")
            continue
        values[field.arg] = _parse(field.type, value, where)
    return values


def parse_as(tp: Any, data: Any) -> Any:
    """Turn decoded JSON into an instance of ``tp``; a JSON-schema dict returns ``data`` unchanged.

    Raises ``ValueError`` naming the path of the first mismatch, e.g. ``$.items[2].price: expected number,
    got string``.

    >>> @attrs.define
    ... class City:
    ...     name: str
    >>> parse_as(City, {"name": "Oslo"})
    City(name='Oslo')
    """
    if isinstance(tp, dict):
        return data
    return _parse(tp, data, "$")


def parse_content(
    tp: Any,
    content: str | None,
    refusal: str | None = None,
    finish_reason: str | None = None,
    *,
    completion: Any = None,
) -> Any:
    """The parsed structured output of one choice's message, or ``None`` if the model refused or sent none.

    >>> @attrs.define
    ... class City:
    ...     name: str
    >>> parse_content(City, '{"name": "Oslo"}', None, "stop")
    City(name='Oslo')
    """
    if finish_reason == "length":
        raise LengthFinishReasonError(
            "the answer hit the token limit (finish_reason 'length') before the structured output was complete",
            completion=completion,
            raw=content,
        )
    if finish_reason == "content_filter":
        raise ContentFilterFinishReasonError(
            "the content filter stopped the answer (finish_reason 'content_filter') "
            "before the structured output was complete",
            completion=completion,
            raw=content,
        )
    if refusal or content is None:
        return None
    try:
        data = json.loads(content)
    except json.JSONDecodeError as exc:
        raise StructuredOutputError(
            f"structured output is not valid JSON: {exc}", completion=completion, raw=content
        ) from exc
    try:
        return parse_as(tp, data)
    except ValueError as exc:
        target = "the schema" if isinstance(tp, dict) else _type_label(tp)
        raise StructuredOutputError(
            f"structured output does not match {target}: {exc}", completion=completion, raw=content
        ) from exc
