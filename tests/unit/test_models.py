"""Results users hold: absent fields are None, names are the API's, and copies and pickles stay usable.

A conversation is saved and restored (``copy.deepcopy``, ``pickle``) and sent again through a client
whose fake checks every request against ``openapi.yaml``; what reaches the wire must be what the
original conversation sends.
"""

from __future__ import annotations

import copy
import json
import pickle
from collections.abc import Iterator
from typing import Any

import openai_chat as oc
import pytest
from fakes import MODEL, Canned, Harness
from openai_chat_api.types import UNSET, Unset

COMPLETION: dict[str, Any] = {
    "id": "chatcmpl-1",
    "object": "chat.completion",
    "created": 1,
    "model": MODEL,
    "choices": [
        {
            "index": 0,
            "finish_reason": "tool_calls",
            "logprobs": None,
            "message": {
                "role": "assistant",
                "content": None,
                "refusal": None,
                "tool_calls": [
                    {"id": "call_1", "type": "function", "function": {"name": "f", "arguments": '{"x": 1}'}}
                ],
                "reasoning_content": "thinking",
            },
        }
    ],
    "x_server": {"slots": 4},
}

# What a small compatible server sends: no usage, no object, no refusal, a tool call without "type".
SPARSE: dict[str, Any] = {
    "id": "c-2",
    "created": 2,
    "model": "local",
    "choices": [
        {
            "index": 0,
            "finish_reason": "tool_calls",
            "message": {
                "role": "assistant",
                "tool_calls": [{"id": "t1", "function": {"name": "g", "arguments": "{}"}}],
            },
        }
    ],
}


@pytest.fixture(params=["sync", "async"])
def h(request: pytest.FixtureRequest) -> Iterator[Harness]:
    harness = Harness(request.param)
    yield harness
    harness.close()


def _conversation(completion: oc.ChatCompletion) -> list[Any]:
    return [
        oc.system("Be brief."),
        oc.user("What is in this picture?", oc.image("https://example.com/cat.png")),
        completion.message,
        oc.tool("call_1", "22 degrees"),
        oc.assistant("Noted.", name="helper"),
        {"role": "user", "content": [oc.text("And now?")]},
    ]


def _sent_messages(h: Harness, messages: list[Any]) -> list[Any]:
    h.call(h.client.chat.create, model=MODEL, messages=messages)
    assert not h.fake.violations
    return h.fake.last.json["messages"]


# -- absent fields and names ---------------------------------------------------------------------------------


def test_what_a_server_leaves_out_reads_as_none(h: Harness) -> None:
    h.fake.enqueue(Canned(200, SPARSE))
    completion = h.call(h.client.chat.create, model=MODEL, messages="Hi")
    assert completion.usage is None
    assert completion.object is None
    assert completion.message.refusal is None and completion.message.content is None
    assert completion.tool_calls[0].type == "function"  # the constant is filled in
    assert "Unset" not in repr(completion) and "UNSET" not in repr(completion)


def test_results_use_the_api_names_and_keep_unknown_fields(h: Harness) -> None:
    completion = h.call(h.client.chat.create, model=MODEL, messages="Hi")
    assert completion.object == "chat.completion"
    assert (
        completion.usage.total_tokens == completion.usage.prompt_tokens + completion.usage.completion_tokens
    )
    parsed = oc.ChatCompletion.from_dict(COMPLETION)
    call = parsed.tool_calls[0]
    assert call.type == "function" and call.function.name == "f"
    assert parsed["x_server"] == {"slots": 4}
    assert parsed.message["reasoning_content"] == "thinking"
    assert "Unset" not in repr(parsed)


def test_unset_is_one_object_through_copies_and_pickles() -> None:
    assert Unset() is UNSET
    assert copy.copy(UNSET) is UNSET and copy.deepcopy(UNSET) is UNSET
    assert pickle.loads(pickle.dumps(UNSET)) is UNSET
    assert repr(UNSET) == "UNSET" and not UNSET


# -- copies, pickles, JSON -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "restore", [copy.deepcopy, lambda x: pickle.loads(pickle.dumps(x))], ids=["deepcopy", "pickle"]
)
def test_a_restored_conversation_is_equal_and_sends_the_same_request(h: Harness, restore: Any) -> None:
    completion = oc.ChatCompletion.from_dict(COMPLETION)
    conversation = _conversation(completion)
    restored = restore(conversation)
    assert restored == conversation
    assert (
        restored[4].content == "Noted." and restored[4].refusal is UNSET
    )  # a request's "not given" survives
    assert _sent_messages(h, restored) == _sent_messages(h, conversation)


@pytest.mark.parametrize(
    "restore", [copy.deepcopy, lambda x: pickle.loads(pickle.dumps(x))], ids=["deepcopy", "pickle"]
)
def test_a_restored_completion_is_equal_and_serialises(restore: Any) -> None:
    completion = oc.ChatCompletion.from_dict(COMPLETION)
    completion.request_id = "req_1"
    restored = restore(completion)
    assert restored == completion and restored.request_id == "req_1"
    assert restored.message == completion.message
    assert json.loads(json.dumps(restored.to_dict())) == completion.to_dict()
    assert restored["x_server"] == {"slots": 4}


def test_to_json_round_trips() -> None:
    completion = oc.ChatCompletion.from_dict(SPARSE)
    assert oc.ChatCompletion.from_json(completion.to_json()) == completion
    assert json.loads(completion.to_json()) == completion.to_dict()
    message = oc.assistant("Hi", name="bot")
    assert type(message).from_json(message.to_json()) == message
    assert json.loads(message.to_json()) == {"role": "assistant", "content": "Hi", "name": "bot"}


def test_a_sparse_completion_replays_as_a_valid_assistant_message(h: Harness) -> None:
    completion = oc.ChatCompletion.from_dict(SPARSE)
    sent = _sent_messages(h, [oc.user("Hi"), pickle.loads(pickle.dumps(completion.message))])
    assert sent[1:] == [
        {
            "role": "assistant",
            "content": None,
            "tool_calls": [{"id": "t1", "type": "function", "function": {"name": "g", "arguments": "{}"}}],
        }
    ]


def test_the_generated_layer_reads_nested_objects_lazily_on_request() -> None:
    from openai_chat_api.models import CreateChatCompletionResponse

    body = {"id": "c1", "object": "chat.completion", "created": 0, "model": "m", "usage": None,
            "choices": [{"index": 0, "finish_reason": "stop", "logprobs": None, "message": "not an object"}]}  # fmt: skip
    with pytest.raises(ValueError):
        CreateChatCompletionResponse.from_dict(body)  # eager, as by default: fails at once
    lazy = CreateChatCompletionResponse.from_dict(body, lazy=True)
    assert (lazy.id, lazy.usage) == ("c1", None)
    with pytest.raises(ValueError, match=r"CreateChatCompletionResponse\.choices does not match"):
        _ = lazy.choices  # a ValueError, so getattr(..., default) does not swallow it
    with pytest.raises(KeyError, match="choices"):
        CreateChatCompletionResponse.from_dict({"id": "c1", "created": 0, "model": "m"}, lazy=True)


def test_what_the_facade_adds_shows_in_the_repr_and_records_take_weak_references() -> None:
    import weakref

    body = {"id": "c1", "object": "chat.completion", "created": 0, "model": "m",
            "choices": [{"index": 0, "finish_reason": "stop", "logprobs": None,
                         "message": {"role": "assistant", "content": "4", "refusal": None}}]}  # fmt: skip
    parsed = oc.ParsedChatCompletion[int].from_dict(body)
    parsed.parsed, parsed.request_id = 4, "req_1"
    assert repr(parsed).endswith(", request_id='req_1', parsed=4)")
    assert "request_id" not in repr(oc.ChatCompletion.from_dict(body))  # shown only when it holds one
    options = oc.ClientOptions.create(api_key="k", base_url="https://api.example/v1")
    assert weakref.ref(options)() is options
