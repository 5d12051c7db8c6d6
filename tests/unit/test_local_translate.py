"""What the local stack changes in a request for the bundled model server."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from openai_chat._local_rules import RequestError
from openai_chat._local_translate import DEFAULT_MAX_TOKENS, translate_messages, translate_request

CALL = {
    "id": "call_1",
    "type": "function",
    "function": {"name": "get_weather", "arguments": '{"city": "Oslo"}'},
}


def test_instructions_open_the_next_user_turn() -> None:
    messages = [
        {"role": "system", "content": "You are terse."},
        {"role": "developer", "content": "Answer in one line."},
        {"role": "user", "content": "Hi"},
        {"role": "assistant", "content": "Hello."},
        {"role": "developer", "content": "Now in French."},
        {"role": "user", "content": "Again"},
    ]
    assert translate_messages(messages) == [
        {"role": "user", "content": "You are terse.\n\nAnswer in one line.\n\nHi"},
        {"role": "assistant", "content": "Hello."},
        {"role": "user", "content": "Now in French.\n\nAgain"},
    ]


def test_trailing_instructions_become_a_user_turn() -> None:
    assert translate_messages([{"role": "system", "content": "Be brief."}]) == [
        {"role": "user", "content": "Be brief."}
    ]


def test_a_tool_round_trip_reads_as_turns_the_model_sees() -> None:
    messages = [
        {"role": "user", "content": "Weather in Oslo?"},
        {"role": "assistant", "content": None, "tool_calls": [CALL]},
        {"role": "tool", "tool_call_id": "call_1", "content": '{"sky": "sunny"}'},
        {"role": "tool", "tool_call_id": "unknown", "content": "2"},
    ]
    assert translate_messages(messages) == [
        {"role": "user", "content": "Weather in Oslo?"},
        {"role": "assistant", "content": 'get_weather({"city": "Oslo"})'},
        {"role": "user", "content": 'Result of get_weather: {"sky": "sunny"}\n\nResult of the tool: 2'},
    ]


def test_text_parts_are_joined_and_other_parts_refused() -> None:
    parts = [{"type": "text", "text": "one"}, {"type": "text", "text": "two"}]
    assert translate_messages([{"role": "user", "content": parts}]) == [
        {"role": "user", "content": "one\ntwo"}
    ]
    image = {"type": "image_url", "image_url": {"url": "https://example.com/a.png"}}
    with pytest.raises(RequestError) as caught:
        translate_messages(
            [{"role": "user", "content": "hi"}, {"role": "user", "content": [parts[0], image]}]
        )
    assert caught.value.status == 400 and caught.value.param == "messages[1].content"
    assert "'image_url' part" in caught.value.message


def test_an_unreadable_conversation_is_left_for_the_server() -> None:
    for messages in ([{"role": "robot", "content": "x"}], ["not a message"]):
        assert translate_messages(messages) == messages


def test_json_schema_becomes_json_object_with_the_schema() -> None:
    schema = {"type": "object", "properties": {"name": {"type": "string"}}}
    body = {"response_format": {"type": "json_schema", "json_schema": {"name": "City", "schema": schema}}}
    assert translate_request(body)["response_format"] == {"type": "json_object", "schema": schema}
    bare = {"response_format": {"type": "json_schema", "json_schema": {"name": "Any"}}}
    assert translate_request(bare)["response_format"] == {"type": "json_object"}
    text = {"response_format": {"type": "text"}}
    assert translate_request(text)["response_format"] == {"type": "text"}


@pytest.mark.parametrize(
    ("given", "sent"),
    [
        ({}, DEFAULT_MAX_TOKENS),
        ({"max_tokens": None}, DEFAULT_MAX_TOKENS),
        ({"max_tokens": 5}, 5),
        ({"max_completion_tokens": 7}, 7),
        ({"max_completion_tokens": 7, "max_tokens": 5}, 5),
    ],
)
def test_max_tokens(given: dict[str, Any], sent: int) -> None:
    out = translate_request({"messages": [], **given})
    assert out["max_tokens"] == sent and "max_completion_tokens" not in out


def test_the_default_is_configurable() -> None:
    assert translate_request({}, default_max_tokens=12)["max_tokens"] == 12


def test_the_request_given_is_not_changed() -> None:
    body = {
        "model": "m",
        "messages": [{"role": "developer", "content": "x"}, {"role": "user", "content": "y"}],
        "max_completion_tokens": 3,
        "response_format": {"type": "json_schema", "json_schema": {"name": "n", "schema": {}}},
        "store": True,
    }
    before = copy.deepcopy(body)
    out = translate_request(body)
    assert body == before
    assert out["store"] is True and out["model"] == "m"
