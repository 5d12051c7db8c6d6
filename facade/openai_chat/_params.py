"""The JSON body of ``chat.create``, checked argument by argument before anything is sent.

Each argument has one checker that either returns its JSON value or raises ``TypeError`` (wrong kind of
value) or ``ValueError`` (right kind, not allowed) with a message that names the argument. ``None`` is
sent as ``null`` for the arguments whose schema allows null and rejected for the others.

>>> build_create_body({"model": "gpt-4o-mini", "messages": "Hi", "temperature": 0})
{'model': 'gpt-4o-mini', 'messages': [{'role': 'user', 'content': 'Hi'}], 'temperature': 0}
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

from openai_chat_api.types import Unset

from ._messages import normalize_messages

__all__ = ["CREATE_FIELDS", "NULLABLE_FIELDS", "build_create_body", "check_metadata"]

# The request's fields in the order of CreateChatCompletionRequest (allOf members first, depth first);
# tests/unit/test_params.py recomputes it from openapi.yaml.
CREATE_FIELDS: tuple[str, ...] = (
    "metadata",
    "top_logprobs",
    "temperature",
    "top_p",
    "user",
    "safety_identifier",
    "prompt_cache_key",
    "prompt_cache_retention",
    "prompt_cache_options",
    "messages",
    "model",
    "service_tier",
    "modalities",
    "verbosity",
    "reasoning_effort",
    "max_completion_tokens",
    "frequency_penalty",
    "presence_penalty",
    "web_search_options",
    "response_format",
    "audio",
    "store",
    "moderation",
    "stream",
    "stop",
    "logit_bias",
    "logprobs",
    "max_tokens",
    "n",
    "prediction",
    "seed",
    "stream_options",
    "tools",
    "tool_choice",
    "parallel_tool_calls",
    "function_call",
    "functions",
)

# Where the spec allows null.
NULLABLE_FIELDS = frozenset(
    {
        "metadata",
        "top_logprobs",
        "temperature",
        "top_p",
        "safety_identifier",
        "prompt_cache_key",
        "prompt_cache_retention",
        "service_tier",
        "modalities",
        "verbosity",
        "reasoning_effort",
        "max_completion_tokens",
        "frequency_penalty",
        "presence_penalty",
        "audio",
        "store",
        "moderation",
        "stream",
        "stop",
        "logit_bias",
        "logprobs",
        "max_tokens",
        "n",
        "prediction",
        "seed",
        "stream_options",
    }
)

_NAME_RE = re.compile(r"^[a-zA-Z0-9_-]{1,64}$")
_INT64 = 2**63

Check = Callable[[str, Any], Any]


def _choices(values: tuple[str, ...]) -> str:
    return ", ".join(repr(v) for v in values)


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 80 else text[:77] + "..."


# -- small checkers ----------------------------------------------------------------------------------------------


def _number(lo: float, hi: float) -> Check:
    def check(name: str, value: Any) -> Any:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise TypeError(f"{name} must be a number from {lo} to {hi}, got {_short(value)}")
        if not lo <= value <= hi:  # also rejects NaN
            raise ValueError(f"{name} must be from {lo} to {hi}, got {value!r}")
        return value

    return check


def _integer(lo: int, hi: int | None = None, hint: str = "") -> Check:
    span = f"from {lo} to {hi}" if hi is not None else f">= {lo}"

    def check(name: str, value: Any) -> Any:
        if isinstance(value, bool) or not isinstance(value, int):
            raise TypeError(f"{name} must be an int {span}{hint}, got {_short(value)}")
        if value < lo or (hi is not None and value > hi):
            raise ValueError(f"{name} must be an int {span}{hint}, got {value!r}")
        return value

    return check


def _bool(name: str, value: Any) -> Any:
    if not isinstance(value, bool):
        raise TypeError(f"{name} must be True or False, got {_short(value)}")
    return value


def _string(max_length: int | None = None, non_empty: bool = False) -> Check:
    what = "a non-empty str" if non_empty else "a str"
    if max_length is not None:
        what += f" of at most {max_length} characters"

    def check(name: str, value: Any) -> Any:
        if not isinstance(value, str):
            raise TypeError(f"{name} must be {what}, got {_short(value)}")
        if (non_empty and not value) or (max_length is not None and len(value) > max_length):
            raise ValueError(f"{name} must be {what}, got {_short(value)}")
        return value

    return check


def _enum(*values: str) -> Check:
    def check(name: str, value: Any) -> Any:
        if value not in values or not isinstance(value, str):
            raise ValueError(f"{name} must be one of {_choices(values)}, got {_short(value)}")
        return value

    return check


def _object(name: str, value: Any, what: str) -> dict[str, Any]:
    """A dict as it is (never copied or changed), or a generated model's ``to_dict()``."""
    if isinstance(value, dict):
        return value
    if isinstance(value, Mapping):
        return dict(value)
    if hasattr(value, "to_dict") and not isinstance(value, type):
        return value.to_dict()
    raise TypeError(f"{name} must be {what}, got {_short(value)}")


def _list(name: str, value: Any, what: str) -> list[Any] | tuple[Any, ...]:
    if not isinstance(value, (list, tuple)):
        raise TypeError(f"{name} must be a list of {what}, got {_short(value)}")
    return value


def _field_enum(
    where: str, obj: Mapping[str, Any], key: str, values: tuple[str, ...], required: bool
) -> None:
    if key not in obj:
        if required:
            raise ValueError(f"{where}.{key} is required (one of {_choices(values)})")
        return
    if obj[key] not in values or not isinstance(obj[key], str):
        raise ValueError(f"{where}.{key} must be one of {_choices(values)}, got {_short(obj[key])}")


def _field_str(where: str, obj: Mapping[str, Any], key: str, pattern: re.Pattern[str] | None = None) -> None:
    value = obj.get(key)
    if not isinstance(value, str) or not value:
        got = "missing" if key not in obj else _short(value)
        raise ValueError(f"{where}.{key} must be a non-empty str, got {got}")
    if pattern is not None and not pattern.match(value):
        raise ValueError(
            f"{where}.{key} must match {pattern.pattern} (letters, digits, _ and -), got {value!r}"
        )


def _field_dict(where: str, obj: Mapping[str, Any], key: str) -> None:
    if key in obj and not isinstance(obj[key], Mapping):
        raise ValueError(f"{where}.{key} must be a dict, got {_short(obj[key])}")


# -- the argument checkers -----------------------------------------------------------------------------------


def check_metadata(metadata: Any, name: str = "metadata") -> dict[str, str] | None:
    """Check up to 16 str → str pairs (keys up to 64 characters, values up to 512); return them, or None.

    >>> check_metadata({"user": "42"})
    {'user': '42'}
    """
    if metadata is None:
        return None
    metadata = _object(name, metadata, "a dict of str to str")
    if len(metadata) > 16:
        raise ValueError(f"{name} may hold at most 16 pairs, got {len(metadata)}")
    for key, value in metadata.items():
        if not isinstance(key, str):
            raise TypeError(f"{name} keys must be str, got {_short(key)}")
        if len(key) > 64:
            raise ValueError(f"{name} keys must be at most 64 characters, got {len(key)} in {key[:20]!r}...")
        if not isinstance(value, str):
            raise TypeError(f"{name}[{key!r}] must be a str, got {_short(value)}")
        if len(value) > 512:
            raise ValueError(f"{name}[{key!r}] must be at most 512 characters, got {len(value)}")
    return metadata


def _model(name: str, value: Any) -> Any:
    if not isinstance(value, str) or not value:
        raise (TypeError if not isinstance(value, str) else ValueError)(
            f"{name} must be a non-empty str (a model id), got {_short(value)}"
        )
    return value


def _messages(name: str, value: Any) -> Any:
    return normalize_messages(value)


def _metadata(name: str, value: Any) -> Any:
    return check_metadata(value, name)


def _stop(name: str, value: Any) -> Any:
    if isinstance(value, str):
        return value
    if isinstance(value, (list, tuple)) and all(isinstance(s, str) for s in value):
        if not 1 <= len(value) <= 4:
            raise ValueError(f"{name} must be a str or a list of 1 to 4 str, got {len(value)} items")
        return list(value)
    raise TypeError(f"{name} must be a str or a list of 1 to 4 str, got {_short(value)}")


def _logit_bias(name: str, value: Any) -> Any:
    if not isinstance(value, Mapping):
        value = _object(name, value, "a dict of token id to bias")
    out: dict[str, int] = {}
    for token, bias in value.items():
        if isinstance(token, bool) or not (
            (isinstance(token, int) and token >= 0) or (isinstance(token, str) and token.isdecimal())
        ):
            raise TypeError(f"{name} keys must be token ids (int or numeric str), got {_short(token)}")
        if isinstance(bias, bool) or not isinstance(bias, int):
            raise TypeError(f"{name}[{token!r}] must be an int from -100 to 100, got {_short(bias)}")
        if not -100 <= bias <= 100:
            raise ValueError(f"{name}[{token!r}] must be an int from -100 to 100, got {bias!r}")
        out[str(token)] = bias
    return out


def _seed(name: str, value: Any) -> Any:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{name} must be an int, got {_short(value)}")
    if not -_INT64 <= value < _INT64:
        raise ValueError(f"{name} must fit in 64 bits, got {value!r}")
    return value


def _modalities(name: str, value: Any) -> Any:
    items = _list(name, value, "'text' and 'audio'")
    for i, item in enumerate(items):
        if item not in ("text", "audio") or not isinstance(item, str):
            raise ValueError(f"{name}[{i}] must be 'text' or 'audio', got {_short(item)}")
    return list(items)


_RESPONSE_FORMATS = ("text", "json_object", "json_schema")


def _response_format(name: str, value: Any) -> Any:
    obj = _object(
        name,
        value,
        "a dict or a generated ResponseFormat model of type 'text', 'json_object' or 'json_schema'",
    )
    _field_enum(name, obj, "type", _RESPONSE_FORMATS, required=True)
    if obj["type"] == "json_schema":
        schema = obj.get("json_schema")
        if not isinstance(schema, Mapping):
            raise ValueError(
                f"{name}.json_schema must be a dict with a name and a schema, got {_short(schema)}"
            )
        _field_str(f"{name}.json_schema", schema, "name", _NAME_RE)
        _field_dict(f"{name}.json_schema", schema, "schema")
        if schema.get("strict") not in (None, True, False):
            raise ValueError(f"{name}.json_schema.strict must be True, False or None")
    return obj


def _tool(where: str, item: Any) -> dict[str, Any]:
    from ._tools import FunctionTool  # loaded only when tools are given

    if isinstance(item, FunctionTool):
        return item.definition
    obj = _object(where, item, "a tool definition (dict or generated ChatCompletionTool / CustomTool model)")
    _field_enum(where, obj, "type", ("function", "custom"), required=True)
    kind = obj["type"]
    spec = obj.get(kind)
    if not isinstance(spec, Mapping):
        raise ValueError(f"{where}.{kind} must be a dict with the tool's name, got {_short(spec)}")
    if kind == "function":
        _field_str(f"{where}.function", spec, "name", _NAME_RE)
        _field_dict(f"{where}.function", spec, "parameters")
        if spec.get("strict") not in (None, True, False):
            raise ValueError(f"{where}.function.strict must be True, False or None")
    else:
        _field_str(f"{where}.custom", spec, "name")
    return obj


def _tools(name: str, value: Any) -> Any:
    items = _list(name, value, "tool definitions")
    if not items:
        raise ValueError(f"{name} must hold at least one tool (leave it out for none)")
    return [_tool(f"{name}[{i}]", item) for i, item in enumerate(items)]


_TOOL_CHOICE_MODES = ("none", "auto", "required")


def _tool_choice(name: str, value: Any) -> Any:
    if isinstance(value, str):
        if value not in _TOOL_CHOICE_MODES:
            raise ValueError(
                f"{name} must be one of {_choices(_TOOL_CHOICE_MODES)} or a dict naming a tool, got {value!r}"
            )
        return value
    obj = _object(name, value, f"one of {_choices(_TOOL_CHOICE_MODES)} or a dict naming a tool")
    _field_enum(name, obj, "type", ("function", "custom", "allowed_tools"), required=True)
    kind = obj["type"]
    inner = obj.get(kind)
    if not isinstance(inner, Mapping):
        raise ValueError(f"{name}.{kind} must be a dict, got {_short(inner)}")
    if kind == "allowed_tools":
        _field_enum(f"{name}.allowed_tools", inner, "mode", ("auto", "required"), required=True)
        tools = inner.get("tools")
        if not isinstance(tools, list) or not all(isinstance(t, Mapping) for t in tools):
            raise ValueError(f"{name}.allowed_tools.tools must be a list of dicts, got {_short(tools)}")
    else:
        _field_str(f"{name}.{kind}", inner, "name")
    return obj


_STREAM_OPTIONS = ("include_usage", "include_obfuscation")


def _stream_options(name: str, value: Any) -> Any:
    obj = _object(name, value, "a dict with include_usage and/or include_obfuscation")
    for key, flag in obj.items():
        if key not in _STREAM_OPTIONS:
            raise ValueError(f"{name} may only hold {_choices(_STREAM_OPTIONS)}, got {key!r}")
        if not isinstance(flag, bool):
            raise TypeError(f"{name}[{key!r}] must be True or False, got {_short(flag)}")
    return obj


_AUDIO_FORMATS = ("wav", "aac", "mp3", "flac", "opus", "pcm16")


def _audio(name: str, value: Any) -> Any:
    obj = _object(name, value, "a dict with voice and format")
    voice = obj.get("voice")
    if not (isinstance(voice, str) and voice) and not (
        isinstance(voice, Mapping) and set(voice) == {"id"} and isinstance(voice["id"], str)
    ):
        got = "missing" if "voice" not in obj else _short(voice)
        raise ValueError(f"{name}.voice must be a voice name or {{'id': custom voice id}}, got {got}")
    _field_enum(name, obj, "format", _AUDIO_FORMATS, required=True)
    return obj


def _prediction(name: str, value: Any) -> Any:
    obj = _object(name, value, "a dict {'type': 'content', 'content': ...}")
    _field_enum(name, obj, "type", ("content",), required=True)
    content = obj.get("content")
    if isinstance(content, str):
        return obj
    if isinstance(content, (list, tuple)) and content:
        parts = [p.to_dict() if hasattr(p, "to_dict") else p for p in content]
        for i, part in enumerate(parts):
            if (
                not isinstance(part, Mapping)
                or part.get("type") != "text"
                or not isinstance(part.get("text"), str)
            ):
                raise ValueError(f"{name}.content[{i}] must be a text part, got {_short(part)}")
        if isinstance(content, tuple) or any(hasattr(p, "to_dict") for p in content):
            obj = {**obj, "content": parts}  # a copy: the caller's dict stays as it was
        return obj
    raise ValueError(f"{name}.content must be a str or a non-empty list of text parts, got {_short(content)}")


def _web_search_options(name: str, value: Any) -> Any:
    obj = _object(name, value, "a dict with search_context_size and/or user_location")
    _field_enum(name, obj, "search_context_size", ("low", "medium", "high"), required=False)
    location = obj.get("user_location")
    if location is not None:
        if not isinstance(location, Mapping):
            raise ValueError(f"{name}.user_location must be a dict or None, got {_short(location)}")
        _field_enum(f"{name}.user_location", location, "type", ("approximate",), required=True)
        approximate = location.get("approximate")
        if not isinstance(approximate, Mapping):
            raise ValueError(f"{name}.user_location.approximate must be a dict, got {_short(approximate)}")
        for key, part in approximate.items():
            if not isinstance(part, str):
                raise ValueError(f"{name}.user_location.approximate.{key} must be a str, got {_short(part)}")
    return obj


def _prompt_cache_options(name: str, value: Any) -> Any:
    obj = _object(name, value, "a dict with ttl and/or mode")
    _field_enum(name, obj, "ttl", ("30m",), required=False)
    _field_enum(name, obj, "mode", ("implicit", "explicit"), required=False)
    return obj


def _moderation(name: str, value: Any) -> Any:
    obj = _object(name, value, "a dict with a moderation model")
    _field_str(name, obj, "model")
    policy = obj.get("policy")
    if policy is not None and not isinstance(policy, Mapping):
        raise ValueError(f"{name}.policy must be a dict or None, got {_short(policy)}")
    return obj


def _functions(name: str, value: Any) -> Any:
    items = _list(name, value, "function definitions")
    if not 1 <= len(items) <= 128:
        raise ValueError(f"{name} must hold 1 to 128 functions, got {len(items)}")
    out = []
    for i, item in enumerate(items):
        where = f"{name}[{i}]"
        obj = _object(where, item, "a function definition (dict with a name)")
        _field_str(where, obj, "name", _NAME_RE)
        _field_dict(where, obj, "parameters")
        out.append(obj)
    return out


def _function_call(name: str, value: Any) -> Any:
    if isinstance(value, str):
        if value not in ("none", "auto"):
            raise ValueError(f"{name} must be 'none', 'auto' or {{'name': function name}}, got {value!r}")
        return value
    obj = _object(name, value, "'none', 'auto' or {'name': function name}")
    _field_str(name, obj, "name")
    return obj


_CHECKS: dict[str, Check] = {
    "metadata": _metadata,
    "top_logprobs": _integer(0, 20),
    "temperature": _number(0, 2),
    "top_p": _number(0, 1),
    "user": _string(),
    "safety_identifier": _string(max_length=64),
    "prompt_cache_key": _string(),
    "prompt_cache_retention": _enum("in_memory", "24h"),
    "prompt_cache_options": _prompt_cache_options,
    "messages": _messages,
    "model": _model,
    "service_tier": _enum("auto", "default", "flex", "scale", "priority", "fast"),
    "modalities": _modalities,
    "verbosity": _enum("low", "medium", "high"),
    "reasoning_effort": _enum("none", "minimal", "low", "medium", "high", "xhigh", "max"),
    "max_completion_tokens": _integer(1),
    "frequency_penalty": _number(-2, 2),
    "presence_penalty": _number(-2, 2),
    "web_search_options": _web_search_options,
    "response_format": _response_format,
    "audio": _audio,
    "store": _bool,
    "moderation": _moderation,
    "stream": _bool,
    "stop": _stop,
    "logit_bias": _logit_bias,
    "logprobs": _bool,
    "max_tokens": _integer(1),
    "n": _integer(1, 128),
    "prediction": _prediction,
    "seed": _seed,
    "stream_options": _stream_options,
    "tools": _tools,
    "tool_choice": _tool_choice,
    "parallel_tool_calls": _bool,
    "function_call": _function_call,
    "functions": _functions,
}


def build_create_body(params: Mapping[str, Any]) -> dict[str, Any]:
    """The JSON body for ``POST /chat/completions`` from the arguments the caller set.

    Raises ``TypeError`` / ``ValueError`` naming the argument for anything the API would refuse.

    >>> build_create_body({"model": "m", "messages": "hi"})
    {'model': 'm', 'messages': [{'role': 'user', 'content': 'hi'}]}
    """
    for required in ("model", "messages"):
        if required not in params or isinstance(params[required], Unset):
            raise TypeError(f"chat.create() missing required argument: {required!r}")
    body: dict[str, Any] = {}
    for name, value in params.items():
        if isinstance(value, Unset):
            continue
        check = _CHECKS.get(name)
        if check is None:
            raise TypeError(f"chat.create() got an unexpected argument {name!r}")
        if value is None and name in NULLABLE_FIELDS:
            body[name] = None
        else:
            body[name] = check(name, value)
    if body.get("top_logprobs") is not None and body.get("logprobs") is not True:
        raise ValueError("top_logprobs needs logprobs=True")
    if body.get("stream_options") is not None and body.get("stream") is not True:
        raise ValueError("stream_options needs stream=True")
    return body
