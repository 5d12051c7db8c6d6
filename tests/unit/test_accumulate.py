"""The chunk accumulator on plain dicts: what the final completion looks like to a user."""

from __future__ import annotations

from typing import Any

import pytest
from openai_chat._accumulate import ChatCompletionAccumulator
from openai_chat._events import (
    ContentDelta,
    FinishEvent,
    ReasoningDelta,
    RefusalDelta,
    ToolCallArgumentsDelta,
)
from openai_chat._exceptions import APIResponseValidationError, StreamError


def chunk(delta: dict[str, Any] | None = None, finish: str | None = None, index: int = 0, **top: Any) -> dict:
    out: dict[str, Any] = {
        "id": "chatcmpl-1",
        "object": "chat.completion.chunk",
        "created": 1700,
        "model": "m",
        "choices": [{"index": index, "delta": delta or {}, "logprobs": None, "finish_reason": finish}],
    }
    out.update(top)
    return out


def run(*chunks: dict, events: bool = False) -> ChatCompletionAccumulator:
    acc = ChatCompletionAccumulator(events=events)
    for c in chunks:
        acc.add(c)
    return acc


def message(acc: ChatCompletionAccumulator, index: int = 0) -> dict:
    return acc.result_dict()["choices"][index]["message"]


def test_text_stream_becomes_a_completion() -> None:
    acc = run(
        chunk({"role": "assistant", "content": "", "refusal": None}),
        chunk({"content": "Hel"}),
        chunk({"content": "lo"}),
        chunk({}, "stop"),
    )
    assert acc.finished
    assert acc.result_dict() == {
        "id": "chatcmpl-1",
        "object": "chat.completion",
        "created": 1700,
        "model": "m",
        "choices": [
            {
                "index": 0,
                "message": {"role": "assistant", "content": "Hello", "refusal": None},
                "finish_reason": "stop",
                "logprobs": None,
            }
        ],
    }


def test_content_is_none_until_something_arrives() -> None:
    acc = run(chunk({"role": "assistant", "content": None}))
    assert message(acc)["content"] is None
    assert not acc.finished


def test_snapshot_grows_and_does_not_freeze_the_accumulator() -> None:
    acc = run(chunk({"content": "a"}))
    assert message(acc)["content"] == "a"
    acc.add(chunk({"content": "b"}))
    assert acc.snapshot_dict()["choices"][0]["message"]["content"] == "ab"


def test_refusal_concatenates() -> None:
    acc = run(chunk({"refusal": "I can't"}), chunk({"refusal": " do that"}), chunk({}, "stop"))
    assert message(acc)["refusal"] == "I can't do that"
    assert message(acc)["content"] is None


def test_parallel_tool_calls_merge_by_index() -> None:
    acc = run(
        chunk(
            {
                "tool_calls": [
                    {"index": 0, "id": "a", "type": "function", "function": {"name": "f", "arguments": ""}}
                ]
            }
        ),
        chunk(
            {
                "tool_calls": [
                    {"index": 1, "id": "b", "type": "function", "function": {"name": "g", "arguments": "{"}}
                ]
            }
        ),
        chunk({"tool_calls": [{"index": 0, "function": {"arguments": '{"x":'}}]}),
        chunk({"tool_calls": [{"index": 1, "function": {"arguments": "}"}}]}),
        chunk({"tool_calls": [{"index": 0, "function": {"arguments": " 1}"}}]}),
        chunk({}, "tool_calls"),
    )
    assert message(acc)["tool_calls"] == [
        {"id": "a", "type": "function", "function": {"name": "f", "arguments": '{"x": 1}'}},
        {"id": "b", "type": "function", "function": {"name": "g", "arguments": "{}"}},
    ]


def test_tool_call_without_index_is_matched_by_id_or_continues_the_last_call() -> None:
    acc = run(
        chunk({"tool_calls": [{"id": "a", "type": "function", "function": {"name": "f", "arguments": "{"}}]}),
        chunk({"tool_calls": [{"function": {"arguments": "}"}}]}),
        chunk({"tool_calls": [{"id": "b", "type": "function", "function": {"name": "g", "arguments": "["}}]}),
        chunk({"tool_calls": [{"id": "a", "function": {"arguments": " "}}]}),
        chunk({"tool_calls": [{"id": "b", "function": {"arguments": "]"}}]}),
    )
    calls = message(acc)["tool_calls"]
    assert [(c["id"], c["function"]["name"], c["function"]["arguments"]) for c in calls] == [
        ("a", "f", "{} "),
        ("b", "g", "[]"),
    ]


def test_every_call_numbered_zero_is_split_by_id() -> None:
    acc = run(
        chunk({"tool_calls": [{"index": 0, "id": "a", "function": {"name": "f", "arguments": "1"}}]}),
        chunk({"tool_calls": [{"index": 0, "id": "b", "function": {"name": "g", "arguments": "2"}}]}),
        chunk({"tool_calls": [{"index": 0, "function": {"arguments": "3"}}]}),
    )
    calls = message(acc)["tool_calls"]
    assert [(c["id"], c["function"]["arguments"]) for c in calls] == [("a", "1"), ("b", "23")]


def test_whole_tool_call_in_one_chunk() -> None:
    call = {"index": 0, "id": "a", "type": "function", "function": {"name": "f", "arguments": '{"k": 2}'}}
    acc = run(chunk({"role": "assistant", "tool_calls": [call]}, "tool_calls"))
    assert message(acc)["tool_calls"][0]["function"] == {"name": "f", "arguments": '{"k": 2}'}


def test_custom_tool_call_input_concatenates() -> None:
    acc = run(
        chunk(
            {
                "tool_calls": [
                    {"index": 0, "id": "c", "type": "custom", "custom": {"name": "sql", "input": "SEL"}}
                ]
            }
        ),
        chunk({"tool_calls": [{"index": 0, "custom": {"input": "ECT 1"}}]}),
    )
    assert message(acc)["tool_calls"] == [
        {"id": "c", "type": "custom", "custom": {"name": "sql", "input": "SELECT 1"}}
    ]


def test_deprecated_function_call() -> None:
    acc = run(
        chunk({"function_call": {"name": "f", "arguments": ""}}),
        chunk({"function_call": {"arguments": '{"a"'}}),
        chunk({"function_call": {"arguments": ": 1}"}}),
        chunk({}, "function_call"),
    )
    assert message(acc)["function_call"] == {"name": "f", "arguments": '{"a": 1}'}
    assert "tool_calls" not in message(acc)


def test_logprobs_lists_extend() -> None:
    first = {"token": "a", "logprob": -1.0, "bytes": [97], "top_logprobs": []}
    second = {"token": "b", "logprob": -2.0, "bytes": [98], "top_logprobs": []}
    c1, c2 = chunk({"content": "a"}), chunk({"content": "b"}, "stop")
    c1["choices"][0]["logprobs"] = {"content": [first], "refusal": None}
    c2["choices"][0]["logprobs"] = {"content": [second], "refusal": None}
    acc = run(c1, c2)
    assert acc.result_dict()["choices"][0]["logprobs"] == {"content": [first, second], "refusal": None}


def test_unexpected_logprobs_fields_are_kept() -> None:
    c1 = chunk({"content": "a"})
    c1["choices"][0]["logprobs"] = {"content": None, "refusal": None, "scale": 2}
    assert run(c1).result_dict()["choices"][0]["logprobs"] == {"content": None, "refusal": None, "scale": 2}


def test_annotations_collect() -> None:
    note = {"type": "url_citation", "url_citation": {"url": "https://example.com", "title": "E"}}
    acc = run(chunk({"content": "See"}), chunk({"annotations": [note]}))
    assert message(acc)["annotations"] == [note]


def test_audio_parts_concatenate() -> None:
    acc = run(
        chunk({"audio": {"id": "au_1", "transcript": "Hi"}}),
        chunk({"audio": {"transcript": " you", "data": "AAA"}}),
        chunk({"audio": {"data": "BBB", "expires_at": 99}}),
    )
    assert message(acc)["audio"] == {"id": "au_1", "transcript": "Hi you", "data": "AAABBB", "expires_at": 99}


def test_n_choices_interleaved_are_sorted_by_index() -> None:
    acc = run(chunk({"content": "b"}, index=1), chunk({"content": "a"}, index=0), chunk({}, "stop", index=1))
    assert [c["index"] for c in acc.result_dict()["choices"]] == [0, 1]
    assert [c["message"]["content"] for c in acc.result_dict()["choices"]] == ["a", "b"]
    assert not acc.finished
    acc.add(chunk({}, "length", index=0))
    assert acc.finished


def test_usage_chunk_without_choices() -> None:
    usage = {"prompt_tokens": 1, "completion_tokens": 2, "total_tokens": 3}
    acc = run(chunk({"content": "x"}, "stop"), {"id": "chatcmpl-1", "choices": [], "usage": usage})
    assert acc.result_dict()["usage"] == usage
    assert acc.usage == usage
    assert acc.finished


def test_top_level_fields_and_unknown_fields_are_kept() -> None:
    filter_chunk = {
        "id": "",
        "object": "",
        "created": 0,
        "model": "",
        "choices": [],
        "prompt_filter_results": [1],
    }
    acc = run(
        filter_chunk,
        chunk({"content": "x"}, system_fingerprint="fp_1", service_tier="default", x_extra={"a": 1}),
        chunk({}, "stop", id="other-id", model="m-2"),
    )
    result = acc.result_dict()
    assert (result["id"], result["model"], result["created"]) == ("chatcmpl-1", "m-2", 1700)
    assert result["object"] == "chat.completion"
    assert result["system_fingerprint"] == "fp_1"
    assert result["service_tier"] == "default"
    assert result["prompt_filter_results"] == [1]
    assert result["x_extra"] == {"a": 1}


def test_unknown_delta_text_concatenates_and_choice_extras_are_kept() -> None:
    c1 = chunk({"reasoning_content": "think", "role": "assistant"})
    c1["choices"][0]["content_filter_results"] = {"hate": {"filtered": False}}
    acc = run(c1, chunk({"reasoning_content": "ing", "role": "assistant", "content": "ok"}, "stop"))
    choice = acc.result_dict()["choices"][0]
    assert choice["message"]["reasoning_content"] == "thinking"
    assert choice["message"]["role"] == "assistant"
    assert choice["content_filter_results"] == {"hate": {"filtered": False}}


@pytest.mark.parametrize("field", ["reasoning_content", "reasoning"])
def test_reasoning_deltas_are_events_and_text_in_the_spelling_used(field: str) -> None:
    acc = ChatCompletionAccumulator(events=True)
    seen = []
    for c in (
        chunk({"role": "assistant", field: ""}),
        chunk({field: "Two "}),
        chunk({field: "and two", "content": None}),
        chunk({"content": "4", field: None}),
        chunk({}, "stop"),
    ):
        acc.add(c)
        seen.extend(acc.events)
    assert seen == [
        ReasoningDelta(0, "Two ", [], 0),
        ReasoningDelta(0, "and two", [], 0),
        ContentDelta(0, "4", [], 0),
        FinishEvent(0, "stop"),
    ]
    assert [e.snapshot for e in seen[:2]] == ["Two ", "Two and two"]
    assert not isinstance(seen[0], ContentDelta)
    assert message(acc) == {"role": "assistant", "content": "4", "refusal": None, field: "Two and two"}


def test_both_spellings_in_one_delta_give_one_event() -> None:
    acc = ChatCompletionAccumulator(events=True)
    acc.add(chunk({"reasoning": "same", "reasoning_content": "same"}))
    assert acc.events == [ReasoningDelta(0, "same", [], 0)]
    assert (message(acc)["reasoning_content"], message(acc)["reasoning"]) == ("same", "same")


def test_reasoning_that_is_not_text_is_kept_as_it_came() -> None:
    acc = run(chunk({"reasoning": {"effort": "low"}}), chunk({"content": "ok"}, "stop"), events=True)
    assert message(acc)["reasoning"] == {"effort": "low"}
    assert acc.events == [ContentDelta(0, "ok", [], 0), FinishEvent(0, "stop")]


def test_content_filter_results_update_by_category() -> None:
    safe = {"filtered": False, "severity": "safe"}
    chunks = [chunk({"content": "a"}), chunk({"content": "b"}), chunk({"content": "c"}), chunk({}, "stop")]
    low = {"filtered": False, "severity": "low"}
    for c, filters in zip(chunks, [{}, {"hate": safe, "violence": safe}, {"violence": low}, {}], strict=True):
        c["choices"][0]["content_filter_results"] = filters
    choice = run(*chunks).result_dict()["choices"][0]
    assert choice["content_filter_results"] == {
        "hate": safe,
        "violence": {"filtered": False, "severity": "low"},
    }
    assert chunks[1]["choices"][0]["content_filter_results"] == {"hate": safe, "violence": safe}, (
        "input untouched"
    )


def test_chunk_without_object_and_nonstandard_finish_reason() -> None:
    acc = run({"id": "x", "choices": [{"index": 0, "delta": {"content": "p"}, "finish_reason": "abort"}]})
    assert acc.finished
    assert acc.result_dict()["choices"][0]["finish_reason"] == "abort"


def test_later_null_finish_reason_does_not_unfinish() -> None:
    acc = run(chunk({}, "stop"), chunk({}, None))
    assert acc.finished


def test_no_choices_is_not_finished() -> None:
    acc = run({"id": "x", "choices": []})
    assert not acc.finished
    assert acc.result_dict()["choices"] == []


@pytest.mark.parametrize(
    ("error_chunk", "message", "code"),
    [
        (
            {"error": {"message": "overloaded", "type": "server_error", "code": "overloaded"}},
            "overloaded",
            "overloaded",
        ),
        (
            {"object": "error", "message": "bad things", "type": "BadRequestError", "code": 400},
            "bad things",
            "400",
        ),
        ({"error": "plain text"}, "plain text", None),
    ],
)
def test_in_band_error_raises_with_the_partial(error_chunk: dict, message: str, code: str | None) -> None:
    acc = run(chunk({"content": "so far"}))
    with pytest.raises(StreamError) as info:
        acc.add(error_chunk)
    assert info.value.message == message
    assert info.value.code == code
    assert info.value.partial_dict["choices"][0]["message"]["content"] == "so far"


def test_null_error_field_is_not_an_error() -> None:
    acc = run(chunk({"content": "x"}, error=None))
    assert message(acc)["content"] == "x"


@pytest.mark.parametrize(
    "bad",
    [
        {"choices": "nope"},
        {"choices": [{"index": "0", "delta": {"content": "x"}}]},
        {"choices": [{"index": 0, "delta": {"content": 5}}]},
        {"choices": [{"index": 0, "delta": {"tool_calls": [{"index": 0, "function": {"arguments": 1}}]}}]},
        {"choices": [{"index": 0, "delta": {"annotations": "x"}}]},
        {"choices": [{"index": 0, "delta": ["content"]}]},
    ],
)
def test_wrong_shapes_raise_a_validation_error(bad: dict) -> None:
    with pytest.raises(APIResponseValidationError):
        run(bad)


@pytest.mark.parametrize(
    "bad",
    [
        {"choices": [{"index": 0, "delta": {"content": 5}}]},
        {"choices": [{"index": 0, "delta": {"tool_calls": [{"index": 0, "function": {"arguments": 1}}]}}]},
        {"choices": [{"index": 0, "delta": {"tool_calls": [{"index": 0, "function": "x"}]}}]},
        {"choices": [{"index": 0, "delta": {"tool_calls": {"index": 0}}}]},
    ],
)
def test_wrong_shapes_raise_a_validation_error_once_text_is_streaming(bad: dict) -> None:
    started = (
        chunk({"role": "assistant", "content": "a"}),
        chunk({"tool_calls": [{"index": 0, "id": "c", "function": {"name": "f", "arguments": "{"}}]}),
        chunk({"tool_calls": [{"index": 0, "function": {"arguments": "}"}}]}),
    )
    assert message(run(*started))["tool_calls"][0]["function"]["arguments"] == "{}"
    with pytest.raises(APIResponseValidationError):
        run(*started, bad)


def test_events_for_each_chunk() -> None:
    acc = ChatCompletionAccumulator(events=True)
    acc.add(chunk({"role": "assistant", "content": "He"}))
    assert acc.events == [ContentDelta(0, "He", [], 0)]
    first = acc.events[0]
    acc.add(chunk({"content": "llo"}))
    assert acc.events[0].snapshot == "Hello"
    assert first.snapshot == "He"  # a snapshot is the text at the time of its delta
    acc.add(chunk({"refusal": "no"}))
    assert acc.events == [RefusalDelta(0, "no", [], 0)]
    acc.add(chunk({"tool_calls": [{"index": 0, "id": "a", "function": {"name": "f", "arguments": "{"}}]}))
    acc.add(chunk({"tool_calls": [{"index": 0, "function": {"arguments": "}"}}]}, "tool_calls"))
    assert acc.events == [ToolCallArgumentsDelta(0, 0, "f", "}"), FinishEvent(0, "tool_calls")]
    acc.add({"id": "x", "choices": [], "usage": {"total_tokens": 1}})
    assert acc.events == []


def test_without_events_nothing_is_recorded() -> None:
    acc = run(chunk({"content": "x"}))
    assert acc.events == []
