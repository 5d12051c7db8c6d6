"""Every operation's request and response survives ``from_dict`` → ``to_dict`` with all its values.

The payloads live in ``tests/fixtures/payloads/<name>.json`` as ``{"model": <class>, "cases": {...}}``.
They carry explicit nulls, fields no schema names (kept at every level) and enum values newer servers
send, because a client that drops or rejects those loses data its caller asked for. Requests come back
exactly (an explicit null is the caller's choice); in a response an optional field sent as null reads as
``None``, the same as one left out, and ``to_dict`` leaves it out.

The module imports ``openai_chat_api`` the ordinary way, so it can be pointed at a package generated from
another document by putting that package first on ``PYTHONPATH`` and naming its directory in
``OPENAI_CHAT_API_UNDER_TEST`` (tests/pipeline does this with OpenAI's published document).
"""

from __future__ import annotations

import copy
import json
import os
from pathlib import Path
from typing import Any

import openai_chat_api
import pytest
from openai_chat_api import models as m

ROOT = Path(__file__).resolve().parents[2]
PAYLOADS = ROOT / "tests" / "fixtures" / "payloads"


def _load(stem: str) -> dict[str, Any]:
    return json.loads((PAYLOADS / f"{stem}.json").read_text(encoding="utf-8"))


def _case(stem: str, name: str) -> dict[str, Any]:
    return copy.deepcopy(_load(stem)["cases"][name])


def _all_cases() -> list[Any]:
    params = []
    for path in sorted(PAYLOADS.glob("*.json")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        for name, payload in doc["cases"].items():
            params.append(pytest.param(doc["model"], payload, id=f"{path.stem}-{name}"))
    return params


def test_the_package_under_test_is_the_expected_one():
    expected = Path(os.environ.get("OPENAI_CHAT_API_UNDER_TEST", ROOT / "generated" / "openai_chat_api"))
    assert Path(openai_chat_api.__file__).resolve().parent == expected.resolve()


def test_every_operation_has_payloads():
    models = {json.loads(p.read_text(encoding="utf-8"))["model"] for p in PAYLOADS.glob("*.json")}
    assert models == {
        "CreateChatCompletionRequest",
        "CreateChatCompletionResponse",
        "CreateChatCompletionStreamResponse",
        "ChatCompletionList",
        "ChatCompletionMessageList",
        "ChatCompletionDeleted",
        "ErrorResponse",
        "UpdateChatCompletionRequest",
    }


REQUESTS = {"CreateChatCompletionRequest", "UpdateChatCompletionRequest"}


def _without_nulls(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _without_nulls(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_without_nulls(v) for v in value]
    return value


@pytest.mark.parametrize(("model_name", "payload"), _all_cases())
def test_round_trip(model_name: str, payload: dict[str, Any]):
    original = copy.deepcopy(payload)
    cls = getattr(m, model_name)
    parsed = cls.from_dict(payload)
    assert payload == original, "from_dict changed the caller's dict"
    # dict equality ignores key order; list order is part of the payload.
    if model_name in REQUESTS:
        assert parsed.to_dict() == original
    else:
        assert _without_nulls(parsed.to_dict()) == _without_nulls(original)
    assert cls.from_dict(parsed.to_dict()) == parsed
    assert cls.from_json(parsed.to_json()) == parsed


def test_round_trip_output_is_plain_json():
    parsed = m.CreateChatCompletionRequest.from_dict(_case("create_chat_completion_request", "every_setting"))
    assert json.loads(json.dumps(parsed.to_dict())) == parsed.to_dict()


# -- what users see after parsing --------------------------------------------------------------------------


def test_messages_parse_to_their_role_classes():
    request = m.CreateChatCompletionRequest.from_dict(
        _case("create_chat_completion_request", "every_role_and_part")
    )
    assert [type(msg) for msg in request.messages] == [
        m.ChatCompletionRequestDeveloperMessage,
        m.ChatCompletionRequestSystemMessage,
        m.ChatCompletionRequestUserMessage,
        m.ChatCompletionRequestAssistantMessage,
        m.ChatCompletionRequestAssistantMessage,
        m.ChatCompletionRequestAssistantMessage,
        m.ChatCompletionRequestAssistantMessage,
        m.ChatCompletionRequestToolMessage,
        m.ChatCompletionRequestToolMessage,
        m.ChatCompletionRequestFunctionMessage,
        m.ChatCompletionRequestFunctionMessage,
    ]
    assert request.messages[0].additional_properties == {"x_trace": "dev-1"}
    assert request.additional_properties == {"x_top_level": "kept"}


def test_user_content_parts_parse_to_their_part_classes():
    request = m.CreateChatCompletionRequest.from_dict(
        _case("create_chat_completion_request", "every_role_and_part")
    )
    parts = request.messages[2].content
    assert [type(part) for part in parts] == [
        m.ChatCompletionRequestMessageContentPartText,
        m.ChatCompletionRequestMessageContentPartImage,
        m.ChatCompletionRequestMessageContentPartImage,
        m.ChatCompletionRequestMessageContentPartAudio,
        m.ChatCompletionRequestMessageContentPartFile,
        m.ChatCompletionRequestMessageContentPartFile,
    ]
    assert parts[0].prompt_cache_breakpoint.mode == "explicit"
    assert parts[1].image_url.url == "https://example.com/cat.png"
    assert parts[1].image_url.detail == "high"
    assert parts[3].input_audio.format == "wav"
    assert parts[4].file.file_id == "file-abc123"
    assert parts[5].file.filename == "notes.pdf"


def test_assistant_and_tool_message_parts_parse_to_their_classes():
    request = m.CreateChatCompletionRequest.from_dict(
        _case("create_chat_completion_request", "every_role_and_part")
    )
    with_calls, with_parts, with_audio, with_function_call, tool_text, tool_parts = request.messages[3:9]
    assert with_calls.content is None and with_calls.refusal is None
    assert [type(call) for call in with_calls.tool_calls] == [
        m.ChatCompletionMessageToolCall,
        m.ChatCompletionMessageCustomToolCall,
    ]
    assert with_calls.tool_calls[0].function.name == "get_weather"
    assert with_calls.tool_calls[1].custom.input == "SELECT 1"
    assert [type(part) for part in with_parts.content] == [
        m.ChatCompletionRequestMessageContentPartText,
        m.ChatCompletionRequestMessageContentPartRefusal,
    ]
    assert with_audio.audio.id == "audio_abc"
    assert with_function_call.function_call.name == "lookup"
    assert tool_text.content == '{"temp": 18}'
    assert [type(part) for part in tool_parts.content] == [m.ChatCompletionRequestMessageContentPartText]


def test_tools_parse_to_function_and_custom_classes():
    request = m.CreateChatCompletionRequest.from_dict(
        _case("create_chat_completion_request", "tools_and_named_function_choice")
    )
    assert [type(tool) for tool in request.tools] == [
        m.ChatCompletionTool,
        m.ChatCompletionTool,
        m.CustomToolChatCompletions,
        m.CustomToolChatCompletions,
        m.CustomToolChatCompletions,
        m.CustomToolChatCompletions,
    ]
    assert request.tools[0].function.strict is True
    assert request.tools[0].function.parameters.additional_properties["required"] == ["city", "unit"]
    plain, lark, regex = (tool.custom.format for tool in request.tools[3:])
    assert type(plain).__name__ == "CustomToolChatCompletionsCustomToolPropertiesTextFormat"
    assert type(lark) is m.CustomToolChatCompletionsCustomToolPropertiesFormatType1
    assert lark.grammar.syntax == m.CustomToolChatCompletionsCustomToolPropertiesFormatType1GrammarSyntax.LARK
    assert regex.grammar.definition == r"\d{4}-\d{2}-\d{2}"
    assert type(request.tool_choice) is m.ChatCompletionNamedToolChoice
    assert request.tool_choice.function.name == "get_weather"


@pytest.mark.parametrize(
    ("case", "expected"),
    [
        ("tool_choice_none", m.ToolChoiceMode.NONE),
        ("tool_choice_auto", m.ToolChoiceMode.AUTO),
        ("tool_choice_required", m.ToolChoiceMode.REQUIRED),
        ("tool_choice_custom", m.ChatCompletionNamedToolChoiceCustom),
        ("tool_choice_allowed_tools", m.ChatCompletionAllowedToolsChoice),
        ("tools_and_named_function_choice", m.ChatCompletionNamedToolChoice),
    ],
)
def test_tool_choice_forms_parse_to_their_classes(case: str, expected: Any):
    choice = m.CreateChatCompletionRequest.from_dict(
        _case("create_chat_completion_request", case)
    ).tool_choice
    if isinstance(expected, m.ToolChoiceMode):
        assert choice is expected
    else:
        assert type(choice) is expected


def test_allowed_tools_keep_their_definitions():
    choice = m.CreateChatCompletionRequest.from_dict(
        _case("create_chat_completion_request", "tool_choice_allowed_tools")
    ).tool_choice
    assert choice.allowed_tools.mode == m.ChatCompletionAllowedToolsMode.REQUIRED
    assert [tool.to_dict() for tool in choice.allowed_tools.tools] == [
        {"type": "function", "function": {"name": "get_weather"}},
        {"type": "custom", "custom": {"name": "sql"}},
    ]


@pytest.mark.parametrize(
    ("case", "expected"),
    [
        ("every_setting", m.ResponseFormatText),
        ("response_format_json_object", m.ResponseFormatJsonObject),
        ("response_format_json_schema", m.ResponseFormatJsonSchema),
    ],
)
def test_response_formats_parse_to_their_classes(case: str, expected: type):
    request = m.CreateChatCompletionRequest.from_dict(_case("create_chat_completion_request", case))
    assert type(request.response_format) is expected


def test_settings_parse_to_python_values():
    request = m.CreateChatCompletionRequest.from_dict(
        _case("create_chat_completion_request", "every_setting")
    )
    assert request.metadata.additional_properties == {"session": "s-1", "team": "search"}
    assert request.logit_bias.additional_properties == {"50256": -100, "1234": 5}
    assert request.stop == ["\n\n", "END"]
    assert request.modalities == [m.ResponseModalitiesType0Item.TEXT, m.ResponseModalitiesType0Item.AUDIO]
    assert request.reasoning_effort == m.ReasoningEffortType0.LOW
    assert request.verbosity == m.VerbosityType0.HIGH
    assert request.stream_options.include_usage is True
    assert request.stream_options.include_obfuscation is False
    assert request.web_search_options.user_location.approximate.city == "Paris"
    assert request.audio.format == m.ChatCompletionAudioParamFormat.MP3
    assert type(request.prediction) is m.PredictionContent
    assert request.temperature == 0.7 and request.seed == 42 and request.n == 2
    assert request.service_tier == "flex"
    # A model id outside the known list is kept as the caller's string.
    assert request.model == "my-local-model"


def test_string_stop_custom_voice_and_prediction_parts():
    request = m.CreateChatCompletionRequest.from_dict(
        _case("create_chat_completion_request", "stop_string_and_prediction_parts")
    )
    assert request.stop == "\n"
    assert [type(p) for p in request.prediction.content] == [m.ChatCompletionRequestMessageContentPartText]
    assert request.audio.voice.to_dict() == {"id": "voice_custom_1", "x_voice": "kept"}


@pytest.mark.parametrize(
    ("case", "expected"),
    [
        ("deprecated_functions", m.ChatCompletionFunctionCallOption),
        ("deprecated_function_call_auto", m.CreateChatCompletionRequestFunctionCallType0.AUTO),
        ("deprecated_function_call_none", m.CreateChatCompletionRequestFunctionCallType0.NONE),
    ],
)
def test_deprecated_function_call_forms(case: str, expected: Any):
    request = m.CreateChatCompletionRequest.from_dict(_case("create_chat_completion_request", case))
    assert all(type(f) is m.ChatCompletionFunctions for f in request.functions)
    if isinstance(expected, type):
        assert type(request.function_call) is expected
    else:
        assert request.function_call is expected


def test_explicit_nulls_parse_to_none_not_unset():
    payload = _case("create_chat_completion_request", "explicit_nulls")
    request = m.CreateChatCompletionRequest.from_dict(payload)
    for key in payload:
        if key not in ("model", "messages"):
            assert getattr(request, key) is None, key


def test_response_tool_calls_usage_and_logprobs():
    response = m.CreateChatCompletionResponse.from_dict(
        _case("create_chat_completion_response", "tool_calls_usage_logprobs")
    )
    choice = response.choices[0]
    assert type(choice) is m.ChatCompletionChoice
    assert type(choice.message) is m.ChatCompletionResponseMessage
    assert type(choice.message.tool_calls[0]) is m.ChatCompletionMessageToolCall
    assert type(choice.message.tool_calls[1]) is m.ChatCompletionMessageCustomToolCall
    assert choice.message.tool_calls[1].custom.name == "sql"
    assert choice.finish_reason == "tool_calls"
    assert type(choice.logprobs) is m.ChatCompletionChoiceLogprobs
    token = choice.logprobs.content[0]
    assert type(token) is m.ChatCompletionTokenLogprob
    assert type(token.top_logprobs[1]) is m.ChatCompletionTopLogprob
    assert token.top_logprobs[1].bytes is None
    assert choice.logprobs.refusal is None
    assert response.usage.prompt_tokens_details.cached_tokens == 64
    assert response.usage.prompt_tokens_details.additional_properties == {"x_image_tokens_v2": 3}
    assert response.usage.completion_tokens_details.reasoning_tokens == 0
    assert response.created == 1741569952


def test_response_annotations_audio_and_refusal():
    response = m.CreateChatCompletionResponse.from_dict(
        _case("create_chat_completion_response", "annotations_audio_refusal")
    )
    cited, refused = response.choices
    annotation = cited.message.annotations[0]
    assert type(annotation) is m.ChatCompletionAnnotation
    assert annotation.url_citation.url == "https://weather.example/paris"
    assert annotation.url_citation.additional_properties == {"x_snippet": "sunny"}
    assert type(cited.message.audio) is m.ChatCompletionAudio
    assert cited.message.audio.transcript == "Paris is sunny today."
    assert cited.logprobs is None
    assert refused.message.refusal == "I can't help with that."
    assert refused.message.audio is None
    assert refused.finish_reason == "content_filter"


def test_unknown_enum_values_and_fields_in_a_response_are_kept():
    response = m.CreateChatCompletionResponse.from_dict(
        _case("create_chat_completion_response", "unknown_values_and_extras")
    )
    choice = response.choices[0]
    assert choice.finish_reason == "max_context_reached"
    assert choice.message.role == "narrator"
    assert response.service_tier == "ultra_priority"
    assert choice.additional_properties == {"x_choice_note": "kept"}
    assert choice.message.additional_properties == {"reasoning_content": "thinking..."}
    assert type(choice.message.function_call) is m.ChatCompletionFunctionCall
    assert response.additional_properties == {"x_server": {"backend": "llama.cpp", "slots": 4}}


def test_stream_chunks():
    first = m.CreateChatCompletionStreamResponse.from_dict(
        _case("create_chat_completion_stream_response", "first_chunk_role")
    )
    assert type(first.choices[0]) is m.ChatCompletionChunkChoice
    assert first.choices[0].finish_reason is None
    assert first.choices[0].delta.role == "assistant"
    assert first.obfuscation == "xY9"

    tools = m.CreateChatCompletionStreamResponse.from_dict(
        _case("create_chat_completion_stream_response", "tool_call_deltas")
    )
    calls = tools.choices[0].delta.tool_calls
    assert [type(c) for c in calls] == [m.ChatCompletionMessageToolCallChunk] * 2
    assert calls[1].function.arguments == '{"ci'

    legacy = m.CreateChatCompletionStreamResponse.from_dict(
        _case("create_chat_completion_stream_response", "function_call_delta_and_logprobs")
    )
    assert type(legacy.choices[0].delta.function_call) is m.ChatCompletionDeltaFunctionCall
    assert type(legacy.choices[0].logprobs) is m.ChatCompletionChunkChoiceLogprobs

    usage_only = m.CreateChatCompletionStreamResponse.from_dict(
        _case("create_chat_completion_stream_response", "usage_only")
    )
    assert usage_only.choices == []
    assert type(usage_only.usage) is m.CompletionUsage
    assert usage_only.usage.total_tokens == 21


def test_stream_chunk_without_object_and_with_unknown_values():
    payload = _case("create_chat_completion_stream_response", "no_object_unknown_values")
    chunk = m.CreateChatCompletionStreamResponse.from_dict(payload)
    assert "object" not in chunk.to_dict()
    assert chunk.service_tier == "on_demand"
    assert chunk.choices[0].finish_reason == "eos_token"
    assert chunk.choices[0].delta.role == "critic"
    assert chunk.choices[0].additional_properties == {"x_choice": 1}
    assert chunk.additional_properties == {"x_timings": {"prompt_n": 3}}


def test_pages():
    page = m.ChatCompletionList.from_dict(_case("chat_completion_list", "page"))
    assert [type(item) for item in page.data] == [m.CreateChatCompletionResponse]
    assert page.has_more is False and page.last_id == page.data[0].id

    messages = m.ChatCompletionMessageList.from_dict(_case("chat_completion_message_list", "page"))
    assert [type(item) for item in messages.data] == [m.ChatCompletionStoreMessage] * 3
    text_only, with_parts, with_calls = messages.data
    assert text_only.content_parts is None
    assert [type(p) for p in with_parts.content_parts] == [
        m.ChatCompletionRequestMessageContentPartText,
        m.ChatCompletionRequestMessageContentPartImage,
    ]
    assert [type(c) for c in with_calls.tool_calls] == [
        m.ChatCompletionMessageToolCall,
        m.ChatCompletionMessageCustomToolCall,
    ]
    assert type(with_calls.audio) is m.ChatCompletionStoreMessageAudio
    assert type(with_calls.annotations[0]) is m.ChatCompletionStoreMessageAnnotation
    assert messages.has_more is True


def test_deleted_error_and_update():
    deleted = m.ChatCompletionDeleted.from_dict(_case("chat_completion_deleted", "deleted"))
    assert deleted.deleted is True

    error = m.ErrorResponse.from_dict(_case("error_response", "rate_limit_nulls")).error
    assert type(error) is m.Error
    assert error.param is None and error.code is None

    update = m.UpdateChatCompletionRequest.from_dict(_case("update_chat_completion_request", "metadata"))
    assert type(update.metadata) is m.Metadata
    assert update.metadata.additional_properties == {"topic": "billing", "priority": "high"}
    assert m.UpdateChatCompletionRequest.from_dict({"metadata": None}).metadata is None


# -- nothing is sent that the caller did not set ----------------------------------------------------------


def test_a_minimal_request_dict_round_trips_to_exactly_its_keys():
    payload = {"model": "gpt-4o", "messages": [{"role": "user", "content": "Hi"}]}
    assert m.CreateChatCompletionRequest.from_dict(copy.deepcopy(payload)).to_dict() == payload


def test_a_request_built_with_model_and_messages_serialises_to_exactly_those_keys():
    request = m.CreateChatCompletionRequest(
        model="gpt-4o",
        messages=[
            m.ChatCompletionRequestDeveloperMessage(
                role=m.ChatCompletionRequestDeveloperMessageRole.DEVELOPER, content="Be brief."
            ),
            m.ChatCompletionRequestUserMessage(
                role=m.ChatCompletionRequestUserMessageRole.USER, content="Hi"
            ),
        ],
    )
    assert request.to_dict() == {
        "model": "gpt-4o",
        "messages": [{"role": "developer", "content": "Be brief."}, {"role": "user", "content": "Hi"}],
    }


def test_a_known_model_id_serialises_as_its_string():
    request = m.CreateChatCompletionRequest(
        model=m.ModelIdsSharedType1.GPT_4O,
        messages=[
            m.ChatCompletionRequestUserMessage(role=m.ChatCompletionRequestUserMessageRole.USER, content="Hi")
        ],
    )
    assert request.to_dict() == {"model": "gpt-4o", "messages": [{"role": "user", "content": "Hi"}]}


def test_moderation_results_and_error_parse_to_their_classes():
    moderation = m.CreateChatCompletionResponse.from_dict(
        _case("create_chat_completion_response", "moderation")
    ).moderation
    assert type(moderation.input) is m.ChatCompletionModerationResults
    assert type(moderation.output) is m.ChatCompletionModerationError
    result = moderation.input.results[0]
    assert result.flagged is False
    assert result.category_scores.additional_properties["violence"] == 0.0012
