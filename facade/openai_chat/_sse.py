"""Incremental Server-Sent Events decoder, following the HTML living standard's event stream rules.

Bytes arrive in arbitrary pieces (split anywhere, even inside a UTF-8 character or between the
``\\r`` and ``\\n`` of one line end) and come out as complete events::

    decoder = SSEDecoder()
    events = decoder.feed(b"data: hel")      # []
    events = decoder.feed(b"lo\\n\\n")         # [ServerSentEvent(event='message', data='hello')]
    decoder.flush()                          # [] and decoder.incomplete is False

The hot path is a body made of ``data: {json}\\n\\n`` blocks: each piece is decoded once, split on
blank lines, and a block that is a single ``data:`` line becomes an event without a per-line parse.
Everything else goes through the general line parser.
"""

from __future__ import annotations

from codecs import utf_8_decode

__all__ = ["ServerSentEvent", "SSEDecoder"]


class ServerSentEvent:
    """One dispatched event. ``event`` is ``"message"`` when the stream named no type.

    ``id`` is the last event id seen so far in the stream (ids carry over, per the standard);
    ``retry`` is the reconnection time given inside this event, if any.
    """

    __slots__ = ("event", "data", "id", "retry")

    def __init__(
        self, event: str = "message", data: str = "", id: str = "", retry: int | None = None
    ) -> None:
        self.event = event
        self.data = data
        self.id = id
        self.retry = retry

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, ServerSentEvent):
            return NotImplemented
        return (self.event, self.data, self.id, self.retry) == (
            other.event,
            other.data,
            other.id,
            other.retry,
        )

    __hash__ = None  # type: ignore[assignment]  # mutable, compared by value

    def __repr__(self) -> str:
        parts = [f"event={self.event!r}", f"data={self.data!r}"]
        if self.id:
            parts.append(f"id={self.id!r}")
        if self.retry is not None:
            parts.append(f"retry={self.retry!r}")
        return f"ServerSentEvent({', '.join(parts)})"


class SSEDecoder:
    """Turns pieces of an ``text/event-stream`` body into :class:`ServerSentEvent` objects.

    After :meth:`flush`, ``incomplete`` tells whether the body ended in the middle of an event
    (field lines with no blank line after them), and ``unterminated`` holds the event those lines
    would have made if it had data. The standard discards such an event, so :meth:`flush` does too.
    ``retry`` is the last reconnection time the stream asked for.
    """

    __slots__ = (
        "_undecoded",
        "_bom",
        "_line",
        "_skip_lf",
        "_event",
        "_data",
        "_retry",
        "_pending",
        "_last_id",
        "retry",
        "incomplete",
        "unterminated",
    )

    def __init__(self) -> None:
        # The bytes of a character split across pieces, kept for the next one. Invalid bytes become
        # U+FFFD, as the standard's "UTF-8 decode" asks.
        self._undecoded = b""
        self._bom = True  # no text decoded yet: a leading BOM is dropped, even when split across pieces
        self._line: list[str] = []  # text of the current line, which has no line end yet
        # The last piece ended in "\r": a "\n" opening the next one belongs to the same line end.
        self._skip_lf = False
        self._event = ""
        self._data: list[str] = []
        self._retry: int | None = None
        self._pending = False  # a field line was seen since the last dispatch
        self._last_id = ""
        self.retry: int | None = None
        self.incomplete = False
        self.unterminated: ServerSentEvent | None = None

    def feed(self, data: bytes) -> list[ServerSentEvent]:
        """Decode one piece of the body; return the events it completed."""
        return self._feed(data, False)  # type: ignore[return-value]  # no plain strings when not asked

    def _feed(self, data: bytes, plain: bool) -> list[ServerSentEvent | str]:
        """:meth:`feed`; with ``plain``, an event of the default type comes as its data alone (a str)."""
        if self._undecoded or self._bom:
            text = self._decode(data, False)
        else:
            text, used = utf_8_decode(data, "replace", False)
            if used != len(data):
                self._undecoded = data[used:]
        if not text:
            return []
        if self._skip_lf:
            self._skip_lf = False
            if text[0] == "\n":
                text = text[1:]
                if not text:
                    return []
        if "\r" in text:
            if text[-1] == "\r":
                self._skip_lf = True
            text = text.replace("\r\n", "\n").replace("\r", "\n")
        if "\n" not in text:
            self._line.append(text)
            return []
        if self._line:
            self._line.append(text)
            text = "".join(self._line)
            self._line = []

        events: list[ServerSentEvent | str] = []
        blocks = text.split("\n\n")
        rest = blocks.pop()
        for block in blocks:
            if not self._pending and block[:5] == "data:" and "\n" not in block:
                # The common case: one "data:" line and a blank line.
                value = block[6:] if block[5:6] == " " else block[5:]
                events.append(value if plain else ServerSentEvent("message", value, self._last_id))
                continue
            for line in block.split("\n"):
                self._field(line, events)
            self._dispatch(events)
        if rest:
            lines = rest.split("\n")
            last = lines.pop()
            for line in lines:
                self._field(line, events)
            if last:
                self._line.append(last)
        return events

    def flush(self) -> list[ServerSentEvent]:
        """Signal the end of the body.

        Always returns ``[]``: an event with no blank line after it is not dispatched. Sets
        ``incomplete`` and ``unterminated`` (see the class docstring) and resets the decoder.
        """
        tail = "".join(self._line) + self._decode(b"", True)
        self._line = []
        self._skip_lf = False
        if tail:
            unused: list[ServerSentEvent | str] = []
            for line in tail.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
                self._field(line, unused)
        self.incomplete = self._pending
        self.unterminated = (
            ServerSentEvent(self._event or "message", "\n".join(self._data), self._last_id, self._retry)
            if self._data
            else None
        )
        self._event = ""
        self._data = []
        self._retry = None
        self._pending = False
        return []

    def _decode(self, data: bytes, final: bool) -> str:
        if self._undecoded:
            data = self._undecoded + data
        text, used = utf_8_decode(data, "replace", final)
        self._undecoded = data[used:]
        if self._bom and text:
            self._bom = False
            if text[0] == "\ufeff":
                text = text[1:]
        return text

    def _field(self, line: str, events: list[ServerSentEvent | str]) -> None:
        """Process one line of the general case (a blank line dispatches)."""
        if not line:
            self._dispatch(events)
            return
        if line[0] == ":":
            return  # comment
        name, colon, value = line.partition(":")
        if colon and value[:1] == " ":
            value = value[1:]
        self._pending = True
        if name == "data":
            self._data.append(value)
        elif name == "event":
            self._event = value
        elif name == "id":
            if "\0" not in value:
                self._last_id = value
        elif name == "retry":
            if value.isascii() and value.isdigit():
                self._retry = self.retry = int(value)
        # any other field name is ignored

    def _dispatch(self, events: list[ServerSentEvent | str]) -> None:
        if self._data:
            events.append(
                ServerSentEvent(self._event or "message", "\n".join(self._data), self._last_id, self._retry)
            )
            self._data = []
        self._event = ""
        self._retry = None
        self._pending = False
