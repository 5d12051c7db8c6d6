"""Small events describing what one stream chunk changed, produced by the accumulator on request.

``ContentDelta.snapshot``, ``ReasoningDelta.snapshot`` and ``RefusalDelta.snapshot`` are computed only when
read, so asking for events does not make every chunk pay for joining the text so far.
"""

from __future__ import annotations

__all__ = [
    "ContentDelta",
    "ReasoningDelta",
    "RefusalDelta",
    "ToolCallArgumentsDelta",
    "FinishEvent",
    "StreamEvent",
]


class _TextDelta:
    __slots__ = ("index", "delta", "_parts", "_end")

    def __init__(self, index: int, delta: str, parts: list[str], end: int) -> None:
        self.index = index
        self.delta = delta
        self._parts = parts  # the accumulator's buffer for this text; only ever appended to
        self._end = end  # length of the text right after this delta

    @property
    def snapshot(self) -> str:
        """The text of this choice up to and including this delta."""
        parts = self._parts
        if len(parts) > 1:
            # Compact in place so later reads (and the accumulator) reuse the join.
            parts[:] = ["".join(parts)]
        text = parts[0]
        return text if len(text) == self._end else text[: self._end]

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return (self.index, self.delta) == (other.index, other.delta)

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"{type(self).__name__}(index={self.index!r}, delta={self.delta!r})"


class ContentDelta(_TextDelta):
    """Text was added to ``choices[index].message.content``."""

    __slots__ = ()


class ReasoningDelta(_TextDelta):
    """Reasoning text was added to choice ``index`` (a server's ``reasoning_content`` or ``reasoning``).

    ``snapshot`` is the reasoning so far in the field this delta came in.
    """

    __slots__ = ()


class RefusalDelta(_TextDelta):
    """Text was added to ``choices[index].message.refusal``."""

    __slots__ = ()


class ToolCallArgumentsDelta:
    """Text was added to the arguments of tool call ``tool_index`` of choice ``index``.

    For a custom tool call the text is its ``input``; for the deprecated ``function_call``
    ``tool_index`` is ``None``.
    """

    __slots__ = ("index", "tool_index", "name", "delta")

    def __init__(self, index: int, tool_index: int | None, name: str | None, delta: str) -> None:
        self.index = index
        self.tool_index = tool_index
        self.name = name
        self.delta = delta

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, ToolCallArgumentsDelta):
            return NotImplemented
        return (self.index, self.tool_index, self.name, self.delta) == (
            other.index,
            other.tool_index,
            other.name,
            other.delta,
        )

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return (
            f"ToolCallArgumentsDelta(index={self.index!r}, tool_index={self.tool_index!r}, "
            f"name={self.name!r}, delta={self.delta!r})"
        )


class FinishEvent:
    """Choice ``index`` received its finish reason."""

    __slots__ = ("index", "finish_reason")

    def __init__(self, index: int, finish_reason: str) -> None:
        self.index = index
        self.finish_reason = finish_reason

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, FinishEvent):
            return NotImplemented
        return (self.index, self.finish_reason) == (other.index, other.finish_reason)

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"FinishEvent(index={self.index!r}, finish_reason={self.finish_reason!r})"


StreamEvent = ContentDelta | ReasoningDelta | RefusalDelta | ToolCallArgumentsDelta | FinishEvent
