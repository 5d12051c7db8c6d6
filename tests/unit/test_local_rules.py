"""The local stack's pure decisions: list queries, page bodies, stored shapes, and streams passed on."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openai_chat._chunks import accumulate_sse_dict as accumulate_sse
from openai_chat._local_rules import (
    PageQuery,
    RequestError,
    StreamRecorder,
    page_body,
    parse_page_query,
    stored_messages,
    stored_metadata,
)

FIXTURES = Path(__file__).parent.parent / "fixtures" / "sse"


# -- list queries -------------------------------------------------------------------------------------------


def test_a_query_without_parameters_is_the_api_default() -> None:
    assert parse_page_query([], filters=True) == PageQuery(after=None, limit=20, order="asc")


def test_filters_and_cursor_are_read() -> None:
    pairs = [
        ("model", "m"),
        ("metadata[topic]", "sea"),
        ("metadata[a b]", "c"),
        ("after", "x"),
        ("order", "desc"),
    ]
    query = parse_page_query([*pairs, ("limit", "100"), ("unknown", "ignored")], filters=True)
    assert query == PageQuery("x", 100, "desc", "m", {"topic": "sea", "a b": "c"})


def test_messages_take_no_filters() -> None:
    query = parse_page_query([("model", "m"), ("metadata[k]", "v")], filters=False)
    assert (query.model, query.metadata) == (None, {})


@pytest.mark.parametrize(
    ("pair", "param"),
    [
        (("limit", "0"), "limit"),
        (("limit", "101"), "limit"),
        (("limit", "ten"), "limit"),
        (("order", "up"), "order"),
    ],
)
def test_a_bad_parameter_is_a_400_naming_it(pair: tuple[str, str], param: str) -> None:
    with pytest.raises(RequestError) as caught:
        parse_page_query([pair], filters=True)
    assert caught.value.status == 400
    assert caught.value.body()["error"]["param"] == param
    assert caught.value.body()["error"]["type"] == "invalid_request_error"


def test_page_bodies() -> None:
    assert page_body([{"id": "a"}, {"id": "b"}], True) == {
        "object": "list",
        "data": [{"id": "a"}, {"id": "b"}],
        "first_id": "a",
        "last_id": "b",
        "has_more": True,
    }
    empty = page_body([], False)
    assert (empty["first_id"], empty["last_id"], empty["has_more"]) == (None, None, False)


# -- stored shapes ------------------------------------------------------------------------------------------


def test_stored_messages_keep_text_parts_and_calls() -> None:
    call = {"id": "c1", "type": "function", "function": {"name": "f", "arguments": "{}"}}
    image = {"type": "image_url", "image_url": {"url": "https://example.com/a.png"}}
    messages = [
        {"role": "developer", "content": "Be brief."},
        {"role": "user", "content": [{"type": "text", "text": "Look:"}, image], "name": "ann"},
        {"role": "assistant", "content": None, "tool_calls": [call]},
        {"role": "tool", "tool_call_id": "c1", "content": "42"},
    ]
    stored = stored_messages("chatcmpl-1", messages)
    assert [m["id"] for m in stored] == [f"chatcmpl-1-{i}" for i in range(4)]
    assert stored[0] == {
        "id": "chatcmpl-1-0",
        "role": "developer",
        "content": "Be brief.",
        "name": None,
        "content_parts": None,
    }
    assert (stored[1]["content"], stored[1]["content_parts"], stored[1]["name"]) == (
        "Look:",
        messages[1]["content"],
        "ann",
    )
    assert stored[2]["tool_calls"] == [call] and stored[2]["content"] is None
    assert stored[3]["tool_call_id"] == "c1"


@pytest.mark.parametrize("metadata", [{"k": 1}, ["k"], {"k" * 65: "v"}, {str(i): "v" for i in range(17)}])
def test_bad_metadata_is_a_400(metadata: object) -> None:
    with pytest.raises(RequestError) as caught:
        stored_metadata(metadata)
    assert (caught.value.status, caught.value.param) == (400, "metadata")


def test_no_metadata_is_empty() -> None:
    assert stored_metadata(None) == {}


# -- streams passed on and recorded --------------------------------------------------------------------------


def _pieces(body: bytes, size: int) -> list[bytes]:
    return [body[i : i + size] for i in range(0, len(body), size)]


def _run(recorder: StreamRecorder, pieces: list[bytes]) -> bytes:
    out = b"".join(recorder.feed(piece) for piece in pieces)
    return out + recorder.end()


@pytest.mark.parametrize("name", sorted(p.name for p in FIXTURES.glob("*.sse")))
@pytest.mark.parametrize("size", [1, 7, 4096])
def test_a_stream_passes_unchanged_and_accumulates_like_the_client(name: str, size: int) -> None:
    body = (FIXTURES / name).read_bytes()
    recorder = StreamRecorder(claim=lambda upstream_id: upstream_id or "chatcmpl-fresh")
    assert _run(recorder, _pieces(body, size)) == body
    expected = accumulate_sse(body)
    if not expected["id"]:
        expected["id"] = "chatcmpl-fresh"
    assert recorder.completion() == expected


def test_nothing_is_sent_before_the_first_chunk() -> None:
    recorder = StreamRecorder()
    assert recorder.feed(b": keep-alive\n\n") == b""
    assert recorder.feed(b'data: {"id": "c", "choices": [{"index": 0, "delta": {"content": "Hi"}}]}') == b""
    out = recorder.feed(b"\n\n")
    assert out.startswith(b": keep-alive\n\ndata: ") and recorder.started


def test_an_empty_stream_never_starts() -> None:
    recorder = StreamRecorder()
    assert _run(recorder, [b": ping\n\n"]) == b": ping\n\n"
    assert not recorder.started and recorder.completion() is None


def test_a_taken_id_is_replaced_in_every_chunk() -> None:
    body = (FIXTURES / "plain_text_usage.sse").read_bytes()
    recorder = StreamRecorder(claim=lambda upstream_id: "chatcmpl-new")
    out = _run(recorder, _pieces(body, 5))
    events = [line[len(b"data: ") :] for line in out.split(b"\n\n") if line.startswith(b"data: ")]
    assert events[-1] == b"[DONE]"
    assert {json.loads(e)["id"] for e in events[:-1]} == {"chatcmpl-new"}
    assert accumulate_sse(out) == {**accumulate_sse(body), "id": "chatcmpl-new"}
    assert recorder.completion()["id"] == "chatcmpl-new"


def test_an_error_event_is_passed_on_and_nothing_is_recorded() -> None:
    body = b'data: {"id": "c", "choices": [{"index": 0, "delta": {"content": "Hi"}}]}\n\ndata: {"error": {"message": "boom"}}\n\n'
    recorder = StreamRecorder(claim=lambda upstream_id: upstream_id or "x")
    assert _run(recorder, _pieces(body, 3)) == body
    assert recorder.completion() is None and recorder.failure == "boom"


def test_a_stream_cut_short_is_not_recorded() -> None:
    body = b'data: {"id": "c", "choices": [{"index": 0, "delta": {"content": "Hi"}}]}\n\n'
    recorder = StreamRecorder(claim=lambda upstream_id: upstream_id or "x")
    assert _run(recorder, [body]) == body
    assert recorder.completion() is None and "finish reason" in (recorder.failure or "")
