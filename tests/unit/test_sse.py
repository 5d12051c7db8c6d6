"""The SSE decoder against the event stream rules of the HTML living standard."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openai_chat._sse import ServerSentEvent, SSEDecoder

FIXTURES = Path(__file__).parent.parent / "fixtures" / "sse"


def decode(*pieces: bytes) -> list[ServerSentEvent]:
    decoder = SSEDecoder()
    events = []
    for piece in pieces:
        events.extend(decoder.feed(piece))
    events.extend(decoder.flush())
    return events


def split_every_byte(body: bytes):
    for cut in range(len(body) + 1):
        yield body[:cut], body[cut:]


def test_data_lines_become_events() -> None:
    assert decode(b"data: one\n\ndata: two\n\n") == [
        ServerSentEvent(data="one"),
        ServerSentEvent(data="two"),
    ]


def test_multi_line_data_is_joined_with_newlines() -> None:
    assert decode(b"data: first\ndata:\ndata: third\n\n") == [ServerSentEvent(data="first\n\nthird")]


def test_only_one_space_after_the_colon_is_dropped() -> None:
    assert decode(b"data:no-space\n\ndata:  two-spaces\n\n") == [
        ServerSentEvent(data="no-space"),
        ServerSentEvent(data=" two-spaces"),
    ]


def test_comments_are_ignored() -> None:
    assert decode(b": keep-alive\n\n:\ndata: x\n: inside\n\n") == [ServerSentEvent(data="x")]


def test_event_id_and_retry_fields() -> None:
    decoder = SSEDecoder()
    events = decoder.feed(b"retry: 2500\nevent: update\nid: 7\ndata: a\n\ndata: b\n\n")
    assert events == [
        ServerSentEvent(event="update", data="a", id="7", retry=2500),
        ServerSentEvent(event="message", data="b", id="7"),  # the last id carries over
    ]
    assert decoder.retry == 2500


def test_bad_retry_and_id_with_nul_are_ignored() -> None:
    assert decode(b"id: 1\ndata: a\n\nretry: 12s\nid: 2\x00\ndata: b\n\n") == [
        ServerSentEvent(data="a", id="1"),
        ServerSentEvent(data="b", id="1"),
    ]


def test_field_line_without_colon() -> None:
    # "data" alone is a data field with an empty value; "id" alone resets the id.
    assert decode(b"id: 5\ndata\ndata\n\nid\ndata: x\n\n") == [
        ServerSentEvent(data="\n", id="5"),
        ServerSentEvent(data="x", id=""),
    ]


def test_unknown_fields_and_events_without_data_are_not_dispatched() -> None:
    assert decode(b"foo: bar\n\nevent: lonely\n\ndata: x\n\n") == [ServerSentEvent(data="x")]


@pytest.mark.parametrize("newline", [b"\n", b"\r\n", b"\r"])
def test_every_line_ending(newline: bytes) -> None:
    body = b"event: e" + newline + b"data: a" + newline + b"data: b" + newline + newline
    assert decode(body) == [ServerSentEvent(event="e", data="a\nb")]
    for first, second in split_every_byte(body):
        assert decode(first, second) == [ServerSentEvent(event="e", data="a\nb")]


def test_cr_and_lf_in_different_pieces_are_one_line_end() -> None:
    assert decode(b"data: a\r", b"\ndata: b\r", b"\n\r", b"\n") == [ServerSentEvent(data="a\nb")]


def test_leading_bom_is_dropped_even_when_split() -> None:
    body = "\ufeffdata: x\n\n".encode()
    assert decode(body) == [ServerSentEvent(data="x")]
    assert decode(body[:1], body[1:2], body[2:]) == [ServerSentEvent(data="x")]
    # Only the first one: a second BOM is part of the field name.
    assert decode("\ufeff\ufeffdata: x\n\n".encode()) == []


def test_multi_byte_character_split_inside() -> None:
    body = "data: café 日本 🙂\n\n".encode()
    for first, second in split_every_byte(body):
        assert decode(first, second) == [ServerSentEvent(data="café 日本 🙂")]
    assert decode(*(body[i : i + 1] for i in range(len(body)))) == [ServerSentEvent(data="café 日本 🙂")]


def test_invalid_utf8_becomes_replacement_character() -> None:
    assert decode(b"data: \xff\xfe ok\n\n") == [ServerSentEvent(data="\ufffd\ufffd ok")]


def test_event_without_final_blank_line_is_not_dispatched_but_reported() -> None:
    decoder = SSEDecoder()
    assert decoder.feed(b"data: done\n\ndata: cut") == [ServerSentEvent(data="done")]
    assert decoder.flush() == []
    assert decoder.incomplete
    assert decoder.unterminated == ServerSentEvent(data="cut")


def test_clean_end_is_not_incomplete() -> None:
    decoder = SSEDecoder()
    decoder.feed(b"data: a\n\n: trailing comment")
    decoder.flush()
    assert not decoder.incomplete
    assert decoder.unterminated is None


def test_truncated_character_at_the_end_is_reported() -> None:
    decoder = SSEDecoder()
    decoder.feed("data: é".encode()[:-1])
    decoder.flush()
    assert decoder.incomplete
    assert decoder.unterminated == ServerSentEvent(data="\ufffd")


def test_long_line_in_many_pieces() -> None:
    payload = "x" * 100_000
    body = f"data: {payload}\n\n".encode()
    assert decode(*(body[i : i + 7] for i in range(0, len(body), 7))) == [ServerSentEvent(data=payload)]


@pytest.mark.parametrize("name", sorted(p.name for p in FIXTURES.glob("*.sse")))
def test_fixture_split_at_every_byte_gives_the_same_events(name: str) -> None:
    body = (FIXTURES / name).read_bytes()
    whole = decode(body)
    assert whole
    for first, second in split_every_byte(body):
        assert decode(first, second) == whole


_lines = st.lists(
    st.one_of(
        st.sampled_from(["", ":", ": ping", "data", "id", "retry: 10", "event: x", "data:", "bogus: 1"]),
        st.builds(
            lambda f, v: f"{f}:{v}", st.sampled_from(["data", "event", "id", "retry"]), st.text(max_size=8)
        ),
    ).map(lambda s: s.replace("\r", "").replace("\n", "")),
    max_size=30,
)


def _reference(lines: list[str]) -> list[ServerSentEvent]:
    """The standard's algorithm, line by line, kept deliberately plain."""
    events, data, event, last_id, retry = [], None, "", "", None
    for line in lines:
        if line == "":
            if data is not None:
                events.append(ServerSentEvent(event or "message", data[:-1], last_id, retry))
            data, event, retry = None, "", None
            continue
        if line.startswith(":"):
            continue
        name, colon, value = line.partition(":")
        if colon and value.startswith(" "):
            value = value[1:]
        if name == "data":
            data = (data or "") + value + "\n"
        elif name == "event":
            event = value
        elif name == "id" and "\0" not in value:
            last_id = value
        elif name == "retry" and value.isascii() and value.isdigit():
            retry = int(value)
    return events


@settings(max_examples=200, deadline=None)
@given(
    lines=_lines,
    newline=st.sampled_from(["\n", "\r\n", "\r"]),
    cuts=st.lists(st.integers(0, 2000), max_size=12),
)
def test_random_lines_and_splits_match_the_reference(lines: list[str], newline: str, cuts: list[int]) -> None:
    body = "".join(line + newline for line in lines).encode()
    bounds = sorted({min(c, len(body)) for c in cuts})
    pieces = [body[a:b] for a, b in zip([0, *bounds], [*bounds, len(body)], strict=False)]
    assert decode(*pieces) == _reference(lines)
