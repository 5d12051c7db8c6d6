"""Function tools without I/O: definitions from Python functions, and tool-call arguments back into calls.

A tool's parameters come from the function's signature and type hints (the same types as structured
outputs, see ``_schema``); its description and the parameters' descriptions from the docstring, written
with an ``Args:`` section or ``:param name:`` lines.
"""

from __future__ import annotations

import dataclasses
import inspect
import json
import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any, overload

from ._schema import _NAME_RE, _NO_DEFAULT, _Field, _json_type, _parse_fields, _SchemaBuilder

__all__ = ["FunctionTool", "ToolLike", "function_tool", "decode_arguments", "prepare_tools"]

_SECTION_RE = re.compile(
    r"^(args|arguments|parameters|params|keyword args|keyword arguments|other parameters|returns?|yields?|"
    r"raises|examples?|notes?|attributes|see also|warnings?|todo|references)\s*:\s*$",
    re.IGNORECASE,
)
_PARAM_SECTIONS = frozenset(
    {"args", "arguments", "parameters", "params", "keyword args", "keyword arguments"}
)
_GOOGLE_ENTRY_RE = re.compile(r"^\*{0,2}(\w+)\s*(?:\([^)]*\))?\s*:\s*(.*)$")
_SPHINX_PARAM_RE = re.compile(r"^:param\s+(?:[^:]*\s)?\*{0,2}(\w+)\s*:\s*(.*)$")


def _parse_docstring(doc: str | None) -> tuple[str | None, dict[str, str]]:
    """The text before the first section, and each parameter's description."""
    if not doc:
        return None, {}
    summary: list[str] = []
    params: dict[str, str] = {}
    section: str | None = None  # None while still in the summary
    current: str | None = None
    entry_indent: int | None = None
    for line in inspect.cleandoc(doc).splitlines():
        stripped = line.strip()
        indent = len(line) - len(line.lstrip())
        sphinx = _SPHINX_PARAM_RE.match(stripped)
        if sphinx:
            section, current = "sphinx", sphinx[1]
            params[current] = sphinx[2].strip()
        elif stripped.startswith(":") and indent == 0:
            section, current = "sphinx-other", None
        elif indent == 0 and _SECTION_RE.match(stripped):
            section, current, entry_indent = stripped[:-1].strip().lower(), None, None
        elif section is None:
            summary.append(line)
        elif not stripped:
            continue
        elif section in _PARAM_SECTIONS:
            entry = _GOOGLE_ENTRY_RE.match(stripped)
            if indent == 0:
                section, current = "other", None
            elif entry and (entry_indent is None or indent <= entry_indent):
                entry_indent, current = indent, entry[1]
                params[current] = entry[2].strip()
            elif current:
                params[current] = f"{params[current]} {stripped}".strip()
        elif section == "sphinx" and current and indent > 0:
            params[current] = f"{params[current]} {stripped}".strip()
    text = "\n".join(summary).strip()
    return text or None, params


def _signature_fields(fn: Callable[..., Any], name: str) -> tuple[_Field, ...]:
    try:
        signature = inspect.signature(fn, eval_str=True)
    except NameError as exc:
        raise TypeError(f"tool {name!r}: cannot resolve the type hints: {exc}") from exc
    except ValueError as exc:
        raise TypeError(f"tool {name!r}: cannot read the signature of {fn!r}") from exc
    _, described = _parse_docstring(inspect.getdoc(fn))
    fields = []
    for param in signature.parameters.values():
        if param.kind in (param.VAR_POSITIONAL, param.VAR_KEYWORD):
            raise TypeError(
                f"tool {name!r}: parameter {param.name!r} is *args or **kwargs; tools take named parameters"
            )
        if param.kind is param.POSITIONAL_ONLY:
            raise TypeError(
                f"tool {name!r}: parameter {param.name!r} is positional-only; tools pass arguments by name"
            )
        if param.annotation is param.empty:
            raise TypeError(f"tool {name!r}: parameter {param.name!r} has no type hint")
        fields.append(
            _Field(
                key=param.name,
                arg=param.name,
                type=param.annotation,
                required=param.default is param.empty,
                description=described.get(param.name),
                default=_NO_DEFAULT if param.default is param.empty else param.default,
            )
        )
    return tuple(fields)


@dataclasses.dataclass(frozen=True, eq=False, slots=True, weakref_slot=True)
class FunctionTool:
    """A Python function offered to the model as a tool: ``definition`` is sent, ``call`` runs a tool call.

    >>> def add(a: int, b: int) -> int:
    ...     "Add two numbers."
    ...     return a + b
    >>> function_tool(add).call('{"a": 2, "b": 3}')
    5
    """

    fn: Callable[..., Any]
    name: str
    definition: dict[str, Any]
    _fields: tuple[_Field, ...] = dataclasses.field(init=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_fields", _signature_fields(self.fn, self.name))  # frozen: set once here

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return self.fn(*args, **kwargs)

    def call(self, arguments_json: str | bytes | Mapping[str, Any]) -> Any:
        """Run the function with a tool call's arguments (an awaitable for a coroutine function)."""
        return self.fn(**decode_arguments(self, arguments_json))


@overload
def function_tool(
    fn: Callable[..., Any], *, name: str | None = None, description: str | None = None, strict: bool = False
) -> FunctionTool: ...


@overload
def function_tool(
    fn: None = None, *, name: str | None = None, description: str | None = None, strict: bool = False
) -> Callable[[Callable[..., Any]], FunctionTool]: ...


def function_tool(
    fn: Callable[..., Any] | None = None,
    *,
    name: str | None = None,
    description: str | None = None,
    strict: bool = False,
) -> Any:
    """A :class:`FunctionTool` for ``fn``; without ``fn``, a decorator.

    >>> @function_tool(strict=True)
    ... def get_weather(city: str, unit: str = "celsius") -> str:
    ...     '''Current weather in a city.
    ...
    ...     Args:
    ...         city: The city name.
    ...     '''
    ...     return f"sunny in {city}"
    >>> get_weather.definition["function"]["parameters"]["required"]
    ['city', 'unit']
    """
    if fn is None:
        return lambda f: function_tool(f, name=name, description=description, strict=strict)
    if not callable(fn):
        raise TypeError(f"fn must be callable, got {type(fn).__name__}")
    if name is None:
        name = getattr(fn, "__name__", None)
        if not isinstance(name, str) or not _NAME_RE.match(name):
            raise ValueError(
                f"cannot name a tool after {fn!r}; pass name= (1-64 letters, digits, '_' or '-')"
            )
    elif not isinstance(name, str) or not _NAME_RE.match(name):
        raise ValueError(f"name must be 1-64 letters, digits, '_' or '-', got {name!r}")
    if description is None:
        description, _ = _parse_docstring(inspect.getdoc(fn))
    fields = _signature_fields(fn, name)
    builder = _SchemaBuilder(strict=strict)
    parameters = builder.fields_schema(fields, None, f"tool {name!r}: parameter {{key!r}}")
    if builder.defs:
        parameters["$defs"] = builder.defs
    function: dict[str, Any] = {"name": name}
    if description:
        function["description"] = description
    function["parameters"] = parameters
    if strict:
        function["strict"] = True
    return FunctionTool(fn, name, {"type": "function", "function": function})


def decode_arguments(tool: FunctionTool, arguments_json: str | bytes | Mapping[str, Any]) -> dict[str, Any]:
    """The typed keyword arguments of a tool call; ``ValueError`` names the tool and the argument.

    >>> def add(a: int, b: int = 1) -> int:
    ...     return a + b
    >>> decode_arguments(function_tool(add), '{"a": 2}')
    {'a': 2}
    """
    if isinstance(arguments_json, Mapping):
        data: Any = arguments_json
    elif isinstance(arguments_json, (str, bytes, bytearray)):
        if not arguments_json.strip():
            data = {}  # some servers send "" for a call without arguments
        else:
            try:
                data = json.loads(arguments_json)
            except json.JSONDecodeError as exc:
                raise ValueError(f"tool {tool.name!r}: arguments are not valid JSON: {exc}") from exc
    else:
        raise TypeError(f"arguments_json must be a JSON string, got {type(arguments_json).__name__}")
    if not isinstance(data, Mapping):
        raise ValueError(f"tool {tool.name!r}: arguments must be a JSON object, got {_json_type(data)}")
    try:
        return _parse_fields(tool._fields, data, "arguments", noun="argument")
    except ValueError as exc:
        raise ValueError(f"tool {tool.name!r}: {exc}") from exc


# What a tools list may hold: a plain function, a FunctionTool, or a tool definition (dict or model).
ToolLike = Callable[..., Any] | FunctionTool | Mapping[str, Any]


def _definition_name(definition: Mapping[str, Any], where: str) -> str | None:
    kind = definition.get("type")
    if not isinstance(kind, str):
        raise ValueError(f"{where}: a tool definition needs a 'type', got {dict(definition)!r}")
    inner = definition.get(kind)
    name = inner.get("name") if isinstance(inner, Mapping) else None
    if kind == "function" and not isinstance(name, str):
        raise ValueError(f"{where}: a function tool definition needs function.name")
    return name if isinstance(name, str) else None


def prepare_tools(
    tools: Iterable[ToolLike],
) -> tuple[list[dict[str, Any]], dict[str, FunctionTool]]:
    """The definitions to send for the caller's tools, and the tools that can run, by name.

    >>> def add(a: int, b: int) -> int:
    ...     return a + b
    >>> definitions, registry = prepare_tools([add])
    >>> registry["add"].call('{"a": 1, "b": 2}')
    3
    """
    if isinstance(tools, (str, bytes, Mapping, FunctionTool)) or callable(tools):
        raise TypeError(
            f"tools must be a list of functions, FunctionTools or definitions, got {type(tools).__name__}"
        )
    definitions: list[dict[str, Any]] = []
    registry: dict[str, FunctionTool] = {}
    seen: set[str] = set()
    for i, item in enumerate(tools):
        where = f"tools[{i}]"
        tool: FunctionTool | None = None
        if isinstance(item, FunctionTool):
            tool = item
        elif isinstance(item, Mapping):
            definition = dict(item)
        elif hasattr(item, "to_dict") and not isinstance(item, type):
            definition = item.to_dict()  # a generated model of a tool definition
        elif callable(item):
            tool = function_tool(item)
        else:
            raise TypeError(
                f"{where}: expected a function, a FunctionTool or a tool definition, got {type(item).__name__}"
            )
        name: str | None
        if tool is not None:
            definition, name = tool.definition, tool.name
            registry[name] = tool
        else:
            name = _definition_name(definition, where)
        if name is not None:
            if name in seen:
                raise ValueError(f"tools: duplicate tool name {name!r}")
            seen.add(name)
        definitions.append(definition)
    return definitions, registry
