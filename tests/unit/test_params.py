from __future__ import annotations

import copy
import math
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openai_chat._messages import assistant, image, system, tool, user
from openai_chat._params import CREATE_FIELDS, NULLABLE_FIELDS, build_create_body, check_metadata
from openai_chat._tools import function_tool
from openai_chat_api.models import (
    ChatCompletionAudioParam,
    ChatCompletionAudioParamFormat,
    ChatCompletionNamedToolChoice,
    ChatCompletionNamedToolChoiceFunction,
    ChatCompletionNamedToolChoiceType,
    ChatCompletionStreamOptions,
    ChatCompletionTool,
    ChatCompletionToolType,
    FunctionObject,
    FunctionParameters,
    ResponseFormatJsonObject,
    ResponseFormatJsonObjectType,
    ResponseFormatJsonSchema,
    ResponseFormatJsonSchemaJSONSchema,
    ResponseFormatJsonSchemaSchema,
    ResponseFormatJsonSchemaType,
)
from openai_chat_api.types import UNSET

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from openapi_contract import ContractError, load_spec_document, validate_request  # noqa: E402

BASE: dict[str, Any] = {"model": "gpt-4o-mini", "messages": "hi"}


def echo(city: str) -> str:
    """Say the city back."""
    return city


def body_of(**params: Any) -> dict[str, Any]:
    return build_create_body({**BASE, **params})


def assert_valid(body: dict[str, Any]) -> None:
    validate_request("post", "/chat/completions", body)


# -- the shape of the table ------------------------------------------------------------------------------------


def _spec_request_fields() -> list[str]:
    doc = load_spec_document()
    schemas = doc["components"]["schemas"]
    fields: list[str] = []

    def walk(schema: dict[str, Any]) -> None:
        while "$ref" in schema:
            schema = schemas[schema["$ref"].rsplit("/", 1)[1]]
        for member in schema.get("allOf", []):
            walk(member)
        fields.extend(name for name in schema.get("properties", {}) if name not in fields)

    walk(schemas["CreateChatCompletionRequest"])
    return fields


def test_create_fields_are_the_spec_fields_in_spec_order():
    assert CREATE_FIELDS == tuple(_spec_request_fields())


@pytest.mark.parametrize("field", [f for f in CREATE_FIELDS if f not in ("model", "messages")])
def test_none_is_accepted_exactly_where_the_spec_allows_null(field):
    params = {**BASE, field: None}
    try:
        validate_request(
            "post",
            "/chat/completions",
            {"model": "m", "messages": [{"role": "user", "content": "x"}], field: None},
        )
        spec_allows = True
    except ContractError:
        spec_allows = False
    assert (field in NULLABLE_FIELDS) is spec_allows
    if spec_allows:
        assert build_create_body(params)[field] is None
    else:
        with pytest.raises((TypeError, ValueError), match=field):
            build_create_body(params)


@pytest.mark.parametrize("field", ["model", "messages"])
def test_model_and_messages_are_required_and_not_null(field):
    with pytest.raises(TypeError, match=f"missing required argument: '{field}'"):
        build_create_body({k: v for k, v in BASE.items() if k != field})
    with pytest.raises((TypeError, ValueError), match=field):
        build_create_body({**BASE, field: None})


# -- bodies ----------------------------------------------------------------------------------------------------


def test_the_smallest_body():
    assert build_create_body({"model": "m", "messages": "hi"}) == {
        "model": "m",
        "messages": [{"role": "user", "content": "hi"}],
    }


def test_unset_values_are_left_out_and_unknown_names_rejected():
    assert body_of(temperature=UNSET) == build_create_body(BASE)
    with pytest.raises(TypeError, match="unexpected argument 'temprature'"):
        body_of(temprature=1)


def test_a_body_with_every_field_fits_the_spec(tmp_path):
    png = tmp_path / "a.png"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(8))
    body = build_create_body(
        {
            "model": "gpt-4o",
            "messages": [
                system("Be brief."),
                user("What is this?", image(png)),
                assistant(
                    tool_calls=[{"id": "c", "type": "function", "function": {"name": "f", "arguments": "{}"}}]
                ),
                tool("c", "a cat"),
            ],
            "metadata": {"run": "1"},
            "top_logprobs": 2,
            "temperature": 0.5,
            "top_p": 1,
            "user": "u-1",
            "safety_identifier": "hash",
            "prompt_cache_key": "k",
            "prompt_cache_retention": "24h",
            "prompt_cache_options": {"ttl": "30m", "mode": "explicit"},
            "service_tier": "flex",
            "modalities": ["text", "audio"],
            "verbosity": "low",
            "reasoning_effort": "minimal",
            "max_completion_tokens": 100,
            "frequency_penalty": -2,
            "presence_penalty": 2.0,
            "web_search_options": {
                "search_context_size": "low",
                "user_location": {"type": "approximate", "approximate": {"city": "Lyon", "country": "FR"}},
            },
            "response_format": {
                "type": "json_schema",
                "json_schema": {"name": "Answer", "schema": {"type": "object"}, "strict": True},
            },
            "audio": {"voice": "alloy", "format": "wav"},
            "store": True,
            "moderation": {"model": "omni-moderation-latest", "policy": None},
            "stream": True,
            "stop": ("END", "STOP"),
            "logit_bias": {50256: -100, "15": 5},
            "logprobs": True,
            "max_tokens": 5,
            "n": 2,
            "prediction": {"type": "content", "content": [{"type": "text", "text": "x"}]},
            "seed": -(2**63),
            "stream_options": {"include_usage": True, "include_obfuscation": False},
            "tools": [
                {
                    "type": "function",
                    "function": {"name": "f", "parameters": {"type": "object"}, "strict": None},
                },
                {"type": "custom", "custom": {"name": "sql", "format": {"type": "text"}}},
            ],
            "tool_choice": {
                "type": "allowed_tools",
                "allowed_tools": {"mode": "auto", "tools": [{"type": "function", "function": {"name": "f"}}]},
            },
            "parallel_tool_calls": False,
            "function_call": {"name": "f"},
            "functions": [{"name": "f", "parameters": {"type": "object"}}],
        }
    )
    assert set(body) == set(CREATE_FIELDS)
    assert body["stop"] == ["END", "STOP"]
    assert body["logit_bias"] == {"50256": -100, "15": 5}
    assert body["messages"][1]["content"][1]["image_url"]["url"].startswith("data:image/png;base64,")
    assert_valid(body)


def test_generated_models_become_dicts():
    schema = ResponseFormatJsonSchema(
        type=ResponseFormatJsonSchemaType.JSON_SCHEMA,
        json_schema=ResponseFormatJsonSchemaJSONSchema(
            name="Answer", schema=ResponseFormatJsonSchemaSchema.from_dict({"type": "object"}), strict=True
        ),
    )
    fn = ChatCompletionTool(
        type=ChatCompletionToolType.FUNCTION,
        function=FunctionObject(name="lookup", parameters=FunctionParameters.from_dict({"type": "object"})),
    )
    body = body_of(
        response_format=schema,
        tools=[fn, function_tool(echo)],
        tool_choice=ChatCompletionNamedToolChoice(
            type=ChatCompletionNamedToolChoiceType.FUNCTION,
            function=ChatCompletionNamedToolChoiceFunction(name="lookup"),
        ),
        stream=True,
        stream_options=ChatCompletionStreamOptions(include_usage=True),
        audio=ChatCompletionAudioParam(voice="verse", format=ChatCompletionAudioParamFormat.MP3),
    )
    assert body["response_format"] == {
        "type": "json_schema",
        "json_schema": {"name": "Answer", "schema": {"type": "object"}, "strict": True},
    }
    assert body["tools"][0] == {
        "type": "function",
        "function": {"name": "lookup", "parameters": {"type": "object"}},
    }
    assert body["tools"][1]["function"]["name"] == "echo"
    assert body["tool_choice"] == {"type": "function", "function": {"name": "lookup"}}
    assert body["stream_options"] == {"include_usage": True}
    assert body["audio"] == {"voice": "verse", "format": "mp3"}
    assert_valid(body)
    assert body_of(response_format=ResponseFormatJsonObject(type=ResponseFormatJsonObjectType.JSON_OBJECT))[
        "response_format"
    ] == {"type": "json_object"}


def test_callers_values_are_not_mutated():
    params = {
        "model": "m",
        "messages": [
            {"role": "user", "content": "hi"},
            {"role": "user", "content": ["a", image("https://x/y.png")]},
        ],
        "metadata": {"a": "b"},
        "logit_bias": {1: 2},
        "stop": ["x"],
        "modalities": ["text"],
        "response_format": {
            "type": "json_schema",
            "json_schema": {"name": "n", "schema": {"type": "object"}},
        },
        "tools": [{"type": "function", "function": {"name": "f"}}],
        "prediction": {"type": "content", "content": [{"type": "text", "text": "x"}]},
        "stream": True,
        "stream_options": {"include_usage": True},
    }
    snapshot = {k: (copy.deepcopy(v) if k != "messages" else [dict(m) for m in v]) for k, v in params.items()}
    inner = list(params["messages"][1]["content"])
    build_create_body(params)
    assert params == snapshot
    assert params["messages"][1]["content"] == inner


# -- one rule at a time ----------------------------------------------------------------------------------------

BAD: list[tuple[dict[str, Any], type[Exception], str]] = [
    ({"model": 4}, TypeError, r"model must be a str, got 4"),
    ({"messages": []}, ValueError, r"messages must hold at least 1 item, got 0"),
    ({"messages": [{"role": "robot", "content": "x"}]}, ValueError, r"messages\[0\]\.role must be one of"),
    ({"messages": [3]}, TypeError, r"messages\[0\] must be"),
    ({"temperature": 2.5}, ValueError, r"temperature must be a number from 0 to 2, got 2\.5"),
    ({"temperature": -0.1}, ValueError, r"temperature must be a number from 0 to 2"),
    ({"temperature": math.nan}, ValueError, r"temperature must be a number from 0 to 2"),
    ({"temperature": "1"}, TypeError, r"temperature must be a number"),
    ({"temperature": True}, TypeError, r"temperature must be a number"),
    ({"top_p": 1.01}, ValueError, r"top_p must be a number from 0 to 1"),
    ({"frequency_penalty": -2.1}, ValueError, r"frequency_penalty must be a number from -2 to 2"),
    ({"presence_penalty": 3}, ValueError, r"presence_penalty must be a number from -2 to 2"),
    ({"top_logprobs": 21, "logprobs": True}, ValueError, r"top_logprobs must be an int from 0 to 20"),
    ({"top_logprobs": 1.0, "logprobs": True}, TypeError, r"top_logprobs must be an int"),
    ({"top_logprobs": 3}, ValueError, r"top_logprobs needs logprobs=True"),
    ({"top_logprobs": 3, "logprobs": False}, ValueError, r"top_logprobs needs logprobs=True"),
    ({"n": 0}, ValueError, r"n must be an int from 1 to 128"),
    ({"n": 129}, ValueError, r"n must be an int from 1 to 128"),
    ({"n": True}, TypeError, r"n must be an int"),
    ({"n": 2.0}, TypeError, r"n must be an int"),
    ({"max_tokens": 1.5}, TypeError, r"max_tokens must be an int or None, got 1\.5"),
    ({"max_completion_tokens": "10"}, TypeError, r"max_completion_tokens must be an int or None, got '10'"),
    ({"stop": []}, ValueError, r"stop must hold from 1 to 4 items, got 0"),
    ({"stop": ["a", "b", "c", "d", "e"]}, ValueError, r"stop must hold from 1 to 4 items, got 5"),
    ({"stop": ["a", 1]}, TypeError, r"stop\[1\] must be a str, got 1"),
    (
        {"metadata": {str(i): "v" for i in range(17)}},
        ValueError,
        r"metadata may hold at most 16 pairs, got 17",
    ),
    ({"metadata": {"k" * 65: "v"}}, ValueError, r"metadata keys must be at most 64 characters"),
    ({"metadata": {"k": "v" * 513}}, ValueError, r"metadata\['k'\] must be a str of at most 512 characters"),
    ({"metadata": {"k": 1}}, TypeError, r"metadata\['k'\] must be a str"),
    ({"metadata": {(1,): "v"}}, TypeError, r"metadata keys must be str"),
    ({"metadata": ["k", "v"]}, TypeError, r"metadata must be a dict"),
    ({"logit_bias": {"abc": 1}}, ValueError, r"logit_bias keys must match \^\[0-9\]\+\$, got 'abc'"),
    ({"logit_bias": {-1: 1}}, ValueError, r"logit_bias keys must match .*, got '-1'"),
    ({"logit_bias": {True: 1}}, TypeError, r"logit_bias keys must be str, got True"),
    ({"logit_bias": {5: 101}}, ValueError, r"logit_bias\['5'\] must be an int from -100 to 100, got 101"),
    ({"logit_bias": {"5": 1.5}}, TypeError, r"logit_bias\['5'\] must be an int"),
    ({"seed": 1.0}, TypeError, r"seed must be an int"),
    ({"stream": "yes"}, TypeError, r"stream must be True or False"),
    ({"store": 1}, TypeError, r"store must be True or False"),
    ({"logprobs": 0}, TypeError, r"logprobs must be True or False"),
    ({"parallel_tool_calls": None}, TypeError, r"parallel_tool_calls must be True or False"),
    ({"reasoning_effort": "extreme"}, ValueError, r"reasoning_effort must be one of 'none', 'minimal'"),
    ({"verbosity": "loud"}, ValueError, r"verbosity must be one of 'low', 'medium', 'high'"),
    ({"service_tier": "gold"}, ValueError, r"service_tier must be one of 'auto', 'default'"),
    ({"modalities": ["video"]}, ValueError, r"modalities\[0\] must be one of 'text', 'audio', got 'video'"),
    ({"modalities": "text"}, TypeError, r"modalities must be a list"),
    (
        {"response_format": {"type": "xml"}},
        ValueError,
        r"response_format\.type must be one of 'text', 'json_schema', 'json_object', got 'xml'",
    ),
    (
        {"response_format": "json"},
        TypeError,
        r"response_format must be a dict with type='text' or .* got 'json'",
    ),
    (
        {"response_format": {"type": "json_schema"}},
        ValueError,
        r"response_format\.json_schema is required \(a dict with name\)",
    ),
    (
        {"response_format": {"type": "json_schema", "json_schema": {"name": "a b"}}},
        ValueError,
        r"response_format\.json_schema\.name must match",
    ),
    (
        {"response_format": {"type": "json_schema", "json_schema": {"name": "a", "schema": "{}"}}},
        TypeError,
        r"response_format\.json_schema\.schema must be a dict, got '\{\}'",
    ),
    (
        {"tools": {"type": "function"}},
        TypeError,
        r"tools must be a list of a dict with type='function' or a dict with type='custom'",
    ),
    ({"tools": [{"function": {"name": "f"}}]}, ValueError, r"tools\[0\]\.type is required"),
    (
        {"tools": [{"type": "function", "function": {"name": "has space"}}]},
        ValueError,
        r"tools\[0\]\.function\.name must match",
    ),
    (
        {"tools": [{"type": "function", "function": {"name": "x" * 65}}]},
        ValueError,
        r"tools\[0\]\.function\.name must match",
    ),
    (
        {"tools": [{"type": "function", "function": {"name": "f", "parameters": "{}"}}]},
        TypeError,
        r"tools\[0\]\.function\.parameters must be a dict, got '\{\}'",
    ),
    (
        {"tools": [{"type": "function", "function": {"name": "f"}}, {"type": "custom", "custom": {}}]},
        ValueError,
        r"tools\[1\]\.custom\.name is required \(a str\)",
    ),
    ({"tools": [{"type": "custom"}]}, ValueError, r"tools\[0\]\.custom is required \(a dict with name\)"),
    (
        {"tools": [print]},
        TypeError,
        r"tools\[0\] must be a dict with type='function' or a dict with type='custom', got <built-in function print>",
    ),
    ({"tool_choice": "any"}, ValueError, r"tool_choice must be one of 'none', 'auto', 'required'"),
    (
        {"tool_choice": {"type": "function", "function": {}}},
        ValueError,
        r"tool_choice\.function\.name is required \(a str\)",
    ),
    (
        {"tool_choice": {"type": "allowed_tools", "allowed_tools": {"mode": "any", "tools": []}}},
        ValueError,
        r"tool_choice\.allowed_tools\.mode must be one of 'auto', 'required'",
    ),
    ({"tool_choice": 1}, TypeError, r"tool_choice must be one of"),
    (
        {"stream": True, "stream_options": {"include_usage": "yes"}},
        TypeError,
        r"stream_options\.include_usage must be True or False, got 'yes'",
    ),
    ({"stream_options": {"include_usage": True}}, ValueError, r"stream_options needs stream=True"),
    (
        {"audio": {"voice": "alloy", "format": "ogg"}},
        ValueError,
        r"audio\.format must be one of 'wav', 'aac'",
    ),
    ({"audio": {"format": "wav"}}, ValueError, r"audio\.voice is required \(a str or a dict with id\)"),
    (
        {"audio": {"voice": {"name": "x"}, "format": "wav"}},
        ValueError,
        r"audio\.voice may only hold 'id', got 'name'",
    ),
    (
        {"prediction": {"type": "content", "content": []}},
        ValueError,
        r"prediction\.content must hold at least 1 item, got 0",
    ),
    (
        {"prediction": {"type": "text", "content": "x"}},
        ValueError,
        r"prediction\.type must be one of 'content'",
    ),
    (
        {"prediction": {"type": "content", "content": [{"type": "image_url"}]}},
        ValueError,
        r"prediction\.content\[0\]\.type must be one of 'text', got 'image_url'",
    ),
    (
        {"web_search_options": {"search_context_size": "huge"}},
        ValueError,
        r"web_search_options\.search_context_size must be one of",
    ),
    (
        {"web_search_options": {"user_location": {"type": "exact", "approximate": {}}}},
        ValueError,
        r"web_search_options\.user_location\.type must be one of 'approximate'",
    ),
    ({"web_search_options": None}, TypeError, r"web_search_options must be a dict"),
    ({"user": 5}, TypeError, r"user must be a str"),
    (
        {"safety_identifier": "x" * 65},
        ValueError,
        r"safety_identifier must be a str of at most 64 characters",
    ),
    ({"prompt_cache_key": 1}, TypeError, r"prompt_cache_key must be a str"),
    (
        {"prompt_cache_retention": "1h"},
        ValueError,
        r"prompt_cache_retention must be one of 'in_memory', '24h'",
    ),
    ({"prompt_cache_options": {"ttl": "1h"}}, ValueError, r"prompt_cache_options\.ttl must be one of '30m'"),
    ({"moderation": {}}, ValueError, r"moderation\.model is required \(a str\)"),
    ({"functions": []}, ValueError, r"functions must hold from 1 to 128 items, got 0"),
    ({"functions": [{"parameters": {}}]}, ValueError, r"functions\[0\]\.name is required \(a str\)"),
    (
        {"function_call": "required"},
        ValueError,
        r"function_call must be one of 'none', 'auto', got 'required'",
    ),
    ({"function_call": {}}, ValueError, r"function_call\.name is required \(a str\)"),
]


@pytest.mark.parametrize(("params", "error", "match"), BAD, ids=[m for _, _, m in BAD])
def test_each_rule(params, error, match):
    with pytest.raises(error, match=match):
        body_of(**params)


def test_check_metadata():
    assert check_metadata(None) is None
    data = {"k" * 64: "v" * 512}
    assert check_metadata(data) is data
    with pytest.raises(ValueError, match=r"^filter may hold at most 16 pairs"):
        check_metadata({str(i): "" for i in range(17)}, name="filter")
    with pytest.raises(TypeError, match=r"^metadata must be a dict"):
        check_metadata("a=b")


# -- random parameter sets against the spec ----------------------------------------------------------------------

NAME = st.from_regex(r"[a-zA-Z0-9_-]{1,64}", fullmatch=True)
SHORT = st.text(max_size=12)


def nullable(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.one_of(st.none(), strategy)


MESSAGES = st.one_of(
    st.text(),
    st.lists(
        st.one_of(
            SHORT.map(user),
            SHORT.map(system),
            SHORT.map(lambda s: assistant(s)),
            st.tuples(NAME, SHORT).map(lambda t: tool(t[0], t[1])),
            st.tuples(SHORT, SHORT).map(lambda t: user(t[0], t[1])),
            SHORT.map(lambda s: {"role": "developer", "content": s}),
        ),
        min_size=1,
        max_size=4,
    ),
)
FUNCTION_TOOL = NAME.map(
    lambda n: {"type": "function", "function": {"name": n, "parameters": {"type": "object"}}}
)
CUSTOM_TOOL = st.text(min_size=1, max_size=10).map(lambda n: {"type": "custom", "custom": {"name": n}})
VALID: dict[str, st.SearchStrategy[Any]] = {
    "metadata": nullable(st.dictionaries(st.text(max_size=64), st.text(max_size=512), max_size=16)),
    "top_logprobs": st.integers(0, 20),
    "temperature": nullable(st.one_of(st.floats(0, 2), st.integers(0, 2))),
    "top_p": nullable(st.floats(0, 1)),
    "user": SHORT,
    "safety_identifier": nullable(st.text(max_size=64)),
    "prompt_cache_key": nullable(SHORT),
    "prompt_cache_retention": nullable(st.sampled_from(["in_memory", "24h"])),
    "prompt_cache_options": st.fixed_dictionaries(
        {}, optional={"ttl": st.just("30m"), "mode": st.sampled_from(["implicit", "explicit"])}
    ),
    "service_tier": nullable(st.sampled_from(["auto", "default", "flex", "scale", "priority", "fast"])),
    "modalities": nullable(st.lists(st.sampled_from(["text", "audio"]), max_size=2)),
    "verbosity": nullable(st.sampled_from(["low", "medium", "high"])),
    "reasoning_effort": nullable(
        st.sampled_from(["none", "minimal", "low", "medium", "high", "xhigh", "max"])
    ),
    "max_completion_tokens": nullable(st.integers(1, 10**6)),
    "frequency_penalty": nullable(st.floats(-2, 2)),
    "presence_penalty": nullable(st.floats(-2, 2)),
    "web_search_options": st.fixed_dictionaries(
        {},
        optional={
            "search_context_size": st.sampled_from(["low", "medium", "high"]),
            "user_location": nullable(
                st.fixed_dictionaries(
                    {
                        "type": st.just("approximate"),
                        "approximate": st.dictionaries(
                            st.sampled_from(["city", "country", "region", "timezone"]), SHORT
                        ),
                    }
                )
            ),
        },
    ),
    "response_format": st.one_of(
        st.just({"type": "text"}),
        st.just({"type": "json_object"}),
        NAME.map(
            lambda n: {
                "type": "json_schema",
                "json_schema": {"name": n, "schema": {"type": "object"}, "strict": True},
            }
        ),
    ),
    "audio": nullable(
        st.fixed_dictionaries(
            {
                "voice": st.one_of(
                    st.sampled_from(["alloy", "verse", "cedar"]),
                    st.text(min_size=1),
                    SHORT.map(lambda i: {"id": i}),
                ),
                "format": st.sampled_from(["wav", "aac", "mp3", "flac", "opus", "pcm16"]),
            }
        )
    ),
    "store": nullable(st.booleans()),
    "moderation": nullable(st.text(min_size=1, max_size=10).map(lambda m: {"model": m})),
    "stream": nullable(st.booleans()),
    "stop": nullable(st.one_of(SHORT, st.lists(SHORT, min_size=1, max_size=4))),
    "logit_bias": nullable(
        st.dictionaries(
            st.one_of(st.integers(0, 10**6), st.integers(0, 10**6).map(str)),
            st.integers(-100, 100),
            max_size=5,
        )
    ),
    "logprobs": nullable(st.booleans()),
    "max_tokens": nullable(st.integers(1, 10**6)),
    "n": nullable(st.integers(1, 128)),
    "prediction": nullable(
        st.one_of(
            SHORT.map(lambda s: {"type": "content", "content": s}),
            st.lists(SHORT, min_size=1, max_size=3).map(
                lambda xs: {"type": "content", "content": [{"type": "text", "text": x} for x in xs]}
            ),
        )
    ),
    "seed": nullable(st.integers(-(2**63), 2**63 - 1)),
    "stream_options": nullable(
        st.fixed_dictionaries(
            {}, optional={"include_usage": st.booleans(), "include_obfuscation": st.booleans()}
        )
    ),
    "tools": st.lists(st.one_of(FUNCTION_TOOL, CUSTOM_TOOL), min_size=1, max_size=3),
    "tool_choice": st.one_of(
        st.sampled_from(["none", "auto", "required"]),
        NAME.map(lambda n: {"type": "function", "function": {"name": n}}),
        NAME.map(lambda n: {"type": "custom", "custom": {"name": n}}),
        st.lists(FUNCTION_TOOL, max_size=2).map(
            lambda ts: {"type": "allowed_tools", "allowed_tools": {"mode": "required", "tools": ts}}
        ),
    ),
    "parallel_tool_calls": st.booleans(),
    "function_call": st.one_of(st.sampled_from(["none", "auto"]), NAME.map(lambda n: {"name": n})),
    "functions": st.lists(
        NAME.map(lambda n: {"name": n, "parameters": {"type": "object"}}), min_size=1, max_size=3
    ),
}
assert set(VALID) | {"model", "messages"} == set(CREATE_FIELDS)


def _consistent(params: dict[str, Any]) -> dict[str, Any]:
    """Apply the rules that tie two arguments together."""
    if "top_logprobs" in params:
        params["logprobs"] = True
    if params.get("stream_options") is not None:
        params["stream"] = True
    return params


VALID_PARAMS = st.fixed_dictionaries(
    {"model": st.text(min_size=1, max_size=20), "messages": MESSAGES}, optional=VALID
).map(_consistent)

SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(VALID_PARAMS)
def test_random_valid_parameters_make_bodies_that_fit_the_spec(params):
    snapshot = copy.deepcopy({k: v for k, v in params.items() if k != "messages"})
    body = build_create_body(params)
    assert set(body) == set(params)
    assert_valid(body)
    assert {k: v for k, v in params.items() if k != "messages"} == snapshot


INVALID: dict[str, st.SearchStrategy[Any]] = {
    "model": st.one_of(st.integers(), st.none()),
    "messages": st.one_of(
        st.just([]),
        st.integers(),
        st.just([{"role": "bot", "content": "x"}]),
        st.just([{"role": "tool", "content": "x"}]),
    ),
    "metadata": st.one_of(
        st.dictionaries(st.text(max_size=3), st.text(max_size=3), min_size=17, max_size=20),
        st.dictionaries(st.text(min_size=65, max_size=70), st.text(max_size=3), min_size=1, max_size=1),
        st.dictionaries(st.text(max_size=3), st.integers(), min_size=1, max_size=2),
        st.integers(),
    ),
    "top_logprobs": st.one_of(st.integers(21, 1000), st.integers(max_value=-1), st.floats()),
    "temperature": st.one_of(
        st.floats(min_value=2, exclude_min=True),
        st.floats(max_value=0, exclude_max=True),
        st.just(math.nan),
        st.text(),
        st.booleans(),
    ),
    "top_p": st.one_of(
        st.floats(min_value=1, exclude_min=True), st.floats(max_value=0, exclude_max=True), st.text()
    ),
    "frequency_penalty": st.one_of(
        st.floats(min_value=2, exclude_min=True), st.floats(max_value=-2, exclude_max=True)
    ),
    "presence_penalty": st.one_of(st.integers(3, 100), st.integers(-100, -3), st.just([1])),
    "user": st.one_of(st.integers(), st.none()),
    "safety_identifier": st.one_of(st.text(min_size=65, max_size=80), st.integers()),
    "prompt_cache_key": st.integers(),
    "prompt_cache_retention": st.text().filter(lambda s: s not in ("in_memory", "24h")),
    "prompt_cache_options": st.one_of(st.just({"ttl": "1d"}), st.just({"mode": "always"}), st.none()),
    "service_tier": st.text().filter(
        lambda s: s not in ("auto", "default", "flex", "scale", "priority", "fast")
    ),
    "modalities": st.one_of(st.just(["image"]), st.just("text"), st.just([None])),
    "verbosity": st.one_of(st.text().filter(lambda s: s not in ("low", "medium", "high")), st.integers()),
    "reasoning_effort": st.text().filter(
        lambda s: s not in ("none", "minimal", "low", "medium", "high", "xhigh", "max")
    ),
    "max_completion_tokens": st.one_of(st.just(1.5), st.floats(), st.booleans()),
    "web_search_options": st.one_of(
        st.none(), st.just({"search_context_size": "max"}), st.just({"user_location": {"type": "city"}})
    ),
    "response_format": st.one_of(st.just({"type": "yaml"}), st.just({}), st.text(), st.none()),
    "audio": st.one_of(
        st.just({"voice": "alloy"}),
        st.just({"voice": 7, "format": "wav"}),
        st.just({"voice": "alloy", "format": "ogg"}),
        st.integers(),
    ),
    "store": st.one_of(st.integers(), st.text()),
    "moderation": st.one_of(st.just({}), st.just({"model": 1}), st.just([])),
    "stream": st.one_of(st.integers(), st.text()),
    "stop": st.one_of(st.just([]), st.lists(SHORT, min_size=5, max_size=8), st.integers(), st.just([1])),
    "logit_bias": st.one_of(
        st.dictionaries(st.integers(0, 100), st.integers(101, 1000), min_size=1, max_size=2),
        st.dictionaries(st.text(alphabet="abc", min_size=1), st.integers(-1, 1), min_size=1, max_size=2),
        st.dictionaries(st.integers(0, 100), st.floats(), min_size=1, max_size=2),
    ),
    "logprobs": st.one_of(st.integers(), st.text()),
    "max_tokens": st.one_of(st.floats(), st.text()),
    "n": st.one_of(st.integers(max_value=0), st.integers(min_value=129), st.booleans(), st.floats()),
    "prediction": st.one_of(
        st.just({"type": "content"}),
        st.just({"type": "content", "content": []}),
        st.just({"content": "x"}),
        st.text(),
    ),
    "seed": st.one_of(st.floats(), st.text(), st.booleans()),
    "stream_options": st.one_of(
        st.just({"include_usage": 1}), st.just({"include_obfuscation": "no"}), st.integers()
    ),
    "tools": st.one_of(
        st.just([{"type": "function", "function": {"name": "bad name"}}]),
        st.just([{"type": "custom", "custom": {"name": 5}}]),
        st.just([{"type": "web"}]),
        st.none(),
        st.text(),
    ),
    "tool_choice": st.one_of(
        st.text().filter(lambda s: s not in ("none", "auto", "required")),
        st.just({"type": "function"}),
        st.none(),
    ),
    "parallel_tool_calls": st.one_of(st.none(), st.integers(), st.text()),
    "function_call": st.one_of(st.just("required"), st.just({"arguments": "{}"}), st.none()),
    "functions": st.one_of(
        st.just([]),
        st.just([{"name": "a b"}]),
        st.lists(st.just({"name": "f"}), min_size=129, max_size=130),
        st.none(),
    ),
}
assert set(INVALID) == set(CREATE_FIELDS)


@SETTINGS
@given(VALID_PARAMS, st.sampled_from(sorted(INVALID)).flatmap(lambda f: st.tuples(st.just(f), INVALID[f])))
def test_random_invalid_values_raise_naming_the_argument(params, bad):
    field, value = bad
    params = {**params, field: value}
    if field == "top_logprobs":
        params["logprobs"] = True  # so the value itself is what is wrong
    with pytest.raises((TypeError, ValueError)) as info:
        build_create_body(params)
    assert field in str(info.value)


def test_create_keyword_types_name_every_optional_request_field() -> None:
    from openai_chat import CreateParams

    assert set(CreateParams.__annotations__) == set(CREATE_FIELDS) - {"model", "messages", "stream"}
