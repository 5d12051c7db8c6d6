"""Accumulate ``chat.completion.chunk`` dicts into one ``chat.completion`` dict.

Works on plain decoded JSON; text is gathered in lists and joined only when a snapshot is asked
for. Each field has its own branch (no generic deep merge), and the branches tolerate what
compatible servers send: chunks without ``object``, tool-call deltas without ``index``, ``role``
on every delta, empty ids, content-filter chunks with no choices, and non-standard finish reasons.

    acc = ChatCompletionAccumulator()
    acc.add({"id": "c1", "model": "m", "created": 1,
             "choices": [{"index": 0, "delta": {"content": "Hi"}, "finish_reason": "stop"}]})
    acc.result_dict()["choices"][0]["message"]["content"]   # 'Hi'

Reasoning text is concatenated under the name the server used (``reasoning_content``, or
``reasoning`` as newer servers spell it). Unknown fields are kept: at the top level and on a choice
the last non-null value wins (a choice's ``content_filter_results`` is updated category by category,
so a closing chunk's empty ``{}`` does not erase what came before); on a delta, string values are
concatenated (they are streamed text) and other values replace the previous one.
"""

from __future__ import annotations

from typing import Any

from ._events import ContentDelta, FinishEvent, ReasoningDelta, RefusalDelta, ToolCallArgumentsDelta
from ._exceptions import APIResponseValidationError, StreamError

__all__ = ["ChatCompletionAccumulator"]

_TOP_KNOWN = frozenset(
    {"id", "object", "created", "model", "choices", "usage", "system_fingerprint", "service_tier", "error"}
)
_CHOICE_KNOWN = frozenset({"index", "delta", "finish_reason", "logprobs"})
_TOOL_KNOWN = frozenset({"index", "id", "type", "function", "custom"})
_ARGUMENTS_PIECE = frozenset({"index", "function"})  # a tool-call delta that only continues the arguments


def _join(parts: list[str] | None) -> str | None:
    """Join a text buffer, leaving the join in place so the next call is cheap."""
    if parts is None:
        return None
    if len(parts) > 1:
        parts[:] = ["".join(parts)]
    return parts[0] if parts else ""


def _text(value: object, what: str) -> str:
    if value.__class__ is not str and not isinstance(value, str):
        raise APIResponseValidationError(
            f"stream chunk: {what} should be a string, got {type(value).__name__}"
        )
    return value


def _index(value: object, what: str) -> int:
    if value.__class__ is not int and (not isinstance(value, int) or isinstance(value, bool)):
        raise APIResponseValidationError(f"stream chunk: {what} should be an integer, got {value!r}")
    return value


def _list(value: object, what: str) -> list[Any]:
    if not isinstance(value, list):
        raise APIResponseValidationError(f"stream chunk: {what} should be a list, got {type(value).__name__}")
    return value


class _Parts(list[str]):
    """Text arriving in pieces. Every 256 pieces the newest ones are joined into one string, so a long
    answer made of tiny deltas costs about its own size in memory rather than a string object per delta.
    Only the not-yet-joined tail is joined, which keeps the work linear in the answer's length."""

    __slots__ = ("mark",)

    def __init__(self) -> None:
        super().__init__()
        self.mark = 0

    def add(self, piece: str) -> None:
        self.append(piece)
        if len(self) - self.mark >= 256:
            self.compact()

    def compact(self) -> None:
        """Join the pieces added since the last time into one."""
        mark = self.mark
        self[mark:] = ["".join(self[mark:])]
        self.mark = mark + 1


class _Text(_Parts):
    """A text buffer that knows its length, for the snapshots of its events."""

    __slots__ = ("size",)

    def __init__(self) -> None:
        super().__init__()
        self.size = 0


class _ToolCall:
    """One tool call being streamed (function or custom)."""

    __slots__ = ("index", "wire", "id", "type", "name", "args", "extra")

    def __init__(self, index: int, wire: object = None) -> None:
        self.index = index  # position in the final message
        self.wire = wire  # the index the server gave it, if any
        self.id: str | None = None
        self.type: str | None = None
        self.name: str | None = None
        self.args: _Parts = _Parts()  # function.arguments, or custom.input
        self.extra: dict[str, Any] | None = None

    def to_dict(self) -> dict[str, Any]:
        kind = self.type or "function"
        out: dict[str, Any] = {"id": self.id or "", "type": kind}
        if kind == "custom":
            out["custom"] = {"name": self.name or "", "input": _join(self.args)}
        else:
            out["function"] = {"name": self.name or "", "arguments": _join(self.args)}
        if self.extra:
            out.update(self.extra)
        return out


class _Choice:
    """Everything gathered so far for one choice index."""

    __slots__ = (
        "index",
        "role",
        "content",
        "content_len",
        "refusal",
        "refusal_len",
        "reasoning_content",
        "reasoning",
        "tool_calls",
        "function_call",
        "audio",
        "annotations",
        "logprobs",
        "finish_reason",
        "delta_text",
        "delta_extra",
        "choice_extra",
    )

    def __init__(self, index: int) -> None:
        self.index = index
        self.role: str | None = None
        self.content: _Parts | None = None
        self.content_len = 0
        self.refusal: _Parts | None = None
        self.refusal_len = 0
        # Reasoning text, kept under the field name the server used (older and newer spellings).
        self.reasoning_content: _Text | None = None
        self.reasoning: _Text | None = None
        self.tool_calls: list[_ToolCall] | None = None
        self.function_call: _ToolCall | None = None
        self.audio: dict[str, Any] | None = None  # transcript/data as lists of parts
        self.annotations: list[Any] | None = None
        self.logprobs: dict[str, list[Any] | None] | None = None
        self.finish_reason: str | None = None
        self.delta_text: dict[str, _Parts] | None = None
        self.delta_extra: dict[str, Any] | None = None
        self.choice_extra: dict[str, Any] | None = None

    def to_dict(self) -> dict[str, Any]:
        message: dict[str, Any] = {
            "role": self.role or "assistant",
            "content": _join(self.content),
            "refusal": _join(self.refusal),
        }
        if self.reasoning_content is not None:
            message["reasoning_content"] = _join(self.reasoning_content)
        if self.reasoning is not None:
            message["reasoning"] = _join(self.reasoning)
        if self.tool_calls is not None:
            message["tool_calls"] = [tc.to_dict() for tc in sorted(self.tool_calls, key=_by_index)]
        if self.function_call is not None:
            message["function_call"] = {
                "name": self.function_call.name or "",
                "arguments": _join(self.function_call.args),
            }
        if self.audio is not None:
            audio = {k: (_join(v) if k in ("transcript", "data") else v) for k, v in self.audio.items()}
            message["audio"] = audio
        if self.annotations is not None:
            message["annotations"] = list(self.annotations)
        if self.delta_text:
            for key, parts in self.delta_text.items():
                message.setdefault(key, _join(parts))
        if self.delta_extra:
            for key, value in self.delta_extra.items():
                message.setdefault(key, value)
        logprobs = None
        if self.logprobs is not None:
            logprobs = {k: (list(v) if isinstance(v, list) else v) for k, v in self.logprobs.items()}
        out: dict[str, Any] = {
            "index": self.index,
            "message": message,
            "finish_reason": self.finish_reason,
            "logprobs": logprobs,
        }
        if self.choice_extra:
            out.update(self.choice_extra)
        return out


def _add_reasoning(index: int, parts: _Text, value: str, events: list[Any] | None) -> None:
    if value:
        parts.add(value)
        parts.size += len(value)
        if events is not None:
            events.append(ReasoningDelta(index, value, parts, parts.size))


def _keep_unknown(
    extra: dict[str, Any] | None, fields: dict[str, Any], known: frozenset[str]
) -> dict[str, Any] | None:
    """``extra`` with the unknown ``fields`` that hold a value added (a new dict when first needed)."""
    for key in fields:
        if key not in known:
            value = fields[key]
            if value is not None:
                if extra is None:
                    extra = {}
                extra[key] = value
    return extra


def _by_index(item: _ToolCall) -> int:
    return item.index


def _find_tool_call(calls: list[_ToolCall], delta: dict[str, Any]) -> _ToolCall | None:
    """The call a tool-call delta continues, or None when it starts a new one."""
    wire = delta.get("index")
    call_id = delta.get("id")
    if wire is not None:
        # Latest first: a server that numbers every call 0 starts a new call under the same index.
        for known in reversed(calls):
            if known.wire == wire:
                if call_id and known.id and known.id != call_id:
                    return None
                return known
        return None
    # No index (some compatible servers): match by id, else continue the last call unless this
    # delta names a new function.
    if call_id:
        for known in calls:
            if known.id == call_id:
                return known
        return None
    if calls:
        last = calls[-1]
        body = delta.get("function") or delta.get("custom")
        if not (body and body.get("name") and last.name):
            return last
    return None


class ChatCompletionAccumulator:
    """Gathers ``chat.completion.chunk`` dicts into a ``chat.completion`` dict.

    ``add`` is the hot path; ``snapshot_dict``/``result_dict`` build a fresh dict on demand.
    With ``events=True``, ``self.events`` holds the events of the most recent ``add``.

        acc = ChatCompletionAccumulator(events=True)
        acc.add({"choices": [{"index": 0, "delta": {"content": "Hi"}}]})
        acc.events   # [ContentDelta(index=0, delta='Hi')]
    """

    __slots__ = (
        "_choices",
        "_id",
        "_model",
        "_created",
        "_system_fingerprint",
        "_service_tier",
        "_usage",
        "_extra",
        "_track",
        "events",
        "chunks",
    )

    def __init__(self, *, events: bool = False) -> None:
        self._choices: dict[int, _Choice] = {}
        self._id = ""
        self._model = ""
        self._created = 0
        self._system_fingerprint: Any = None
        self._service_tier: Any = None
        self._usage: Any = None
        self._extra: dict[str, Any] | None = None
        self._track = events
        self.events: list[Any] = []
        self.chunks = 0  # chunks added so far

    @property
    def finished(self) -> bool:
        """True when at least one choice was seen and every seen choice has a finish reason."""
        choices = self._choices
        if not choices:
            return False
        for choice in choices.values():
            if choice.finish_reason is None:
                return False
        return True

    @property
    def usage(self) -> Any:
        """The usage object, once the usage chunk arrived (else ``None``)."""
        return self._usage

    def add(self, chunk: dict[str, Any]) -> None:
        """Merge one decoded ``chat.completion.chunk``.

        Raises :class:`StreamError` for an in-band error chunk (``partial`` is the snapshot so
        far) and :class:`APIResponseValidationError` for a chunk of the wrong shape.
        """
        events: list[Any] | None = None
        if self._track:
            events = self.events = []
        get = chunk.get
        if get("error") or get("object") == "error":
            self._raise_error(chunk)
        self.chunks += 1
        try:
            choices = get("choices")
            if choices:
                if (
                    events is not None
                    or choices.__class__ is not list
                    or len(choices) != 1
                    or not self._add_piece(choices[0])
                ):
                    for choice in choices:
                        self._add_choice(choice, events)
            if not self._id:
                value = get("id")
                if value:
                    self._id = value
            value = get("model")
            if value:
                self._model = value
            value = get("created")
            if value:
                self._created = value
            value = get("system_fingerprint")
            if value is not None:
                self._system_fingerprint = value
            value = get("service_tier")
            if value is not None:
                self._service_tier = value
            value = get("usage")
            if value is not None:
                self._usage = value
            if not _TOP_KNOWN.issuperset(chunk):
                self._extra = _keep_unknown(self._extra, chunk, _TOP_KNOWN)
        except (TypeError, AttributeError, KeyError, IndexError, ValueError) as exc:
            raise APIResponseValidationError(
                f"stream chunk has an unexpected shape ({exc})", body=chunk
            ) from exc

    def _add_piece(self, choice: Any) -> bool:
        """The common chunks, merged in one step: a choice seen before whose delta is only a piece of
        content, or only a piece of the arguments of the tool call streamed last.

        Returns False, having changed nothing, for anything else (the general path takes it).
        """
        if choice.__class__ is not dict or not _CHOICE_KNOWN.issuperset(choice) or choice.get("logprobs"):
            return False
        delta = choice.get("delta")
        if delta.__class__ is not dict or len(delta) != 1:
            return False
        index = choice.get("index")
        state = self._choices.get(0 if index is None else index)
        if state is None:
            return False
        content = delta.get("content")
        if content is not None:
            parts = state.content
            if content.__class__ is not str or not content or parts is None:
                return False
            parts.append(content)  # parts.add(content), without the call
            if len(parts) - parts.mark >= 256:
                parts.compact()
            state.content_len += len(content)
        else:
            tool_deltas = delta.get("tool_calls")
            calls = state.tool_calls
            if tool_deltas.__class__ is not list or len(tool_deltas) != 1 or not calls:
                return False
            tool_delta = tool_deltas[0]
            if tool_delta.__class__ is not dict or tool_delta.keys() != _ARGUMENTS_PIECE:
                return False
            call = calls[-1]
            body = tool_delta["function"]
            if call.wire != tool_delta["index"] or body.__class__ is not dict or len(body) != 1:
                return False
            text = body.get("arguments")
            if text.__class__ is not str or not text:
                return False
            call.args.add(text)
        finish_reason = choice.get("finish_reason")
        if finish_reason is not None:
            state.finish_reason = finish_reason
        return True

    def _add_choice(self, choice: dict[str, Any], events: list[Any] | None) -> None:
        index = choice.get("index")
        if index is None:
            index = 0
        state = self._choices.get(index)
        if state is None:
            state = self._choices[_index(index, "choices[].index")] = _Choice(index)
        delta = choice.get("delta")
        if delta:
            self._add_delta(state, delta, events)
        logprobs = choice.get("logprobs")
        if logprobs:
            self._add_logprobs(state, logprobs)
        for key in choice:
            if key not in _CHOICE_KNOWN:
                value = choice[key]
                if value is not None:
                    extra = state.choice_extra
                    if extra is None:
                        extra = state.choice_extra = {}
                    if key == "content_filter_results" and value.__class__ is dict:
                        # Filter results come per chunk and may name only some categories, or none.
                        known = extra.get(key)
                        if known.__class__ is dict:
                            value = {**known, **value}
                    extra[key] = value
        # Last, so a finish event follows the deltas of the same chunk.
        finish_reason = choice.get("finish_reason")
        if finish_reason is not None:
            state.finish_reason = finish_reason
            if events is not None:
                events.append(FinishEvent(index, finish_reason))

    def _add_delta(self, state: _Choice, delta: dict[str, Any], events: list[Any] | None) -> None:
        for key, value in delta.items():
            if value is None:
                continue
            if key == "content":
                if value:
                    parts = state.content
                    if parts is None:
                        parts = state.content = _Parts()
                    parts.add(_text(value, "delta.content"))
                    state.content_len += len(value)
                    if events is not None:
                        events.append(ContentDelta(state.index, value, parts, state.content_len))
                elif state.content is None:
                    state.content = _Parts()
            elif key == "role":
                if state.role is None:
                    state.role = value
            elif key == "refusal":
                if value:
                    parts = state.refusal
                    if parts is None:
                        parts = state.refusal = _Parts()
                    parts.add(_text(value, "delta.refusal"))
                    state.refusal_len += len(value)
                    if events is not None:
                        events.append(RefusalDelta(state.index, value, parts, state.refusal_len))
                elif state.refusal is None:
                    state.refusal = _Parts()
            elif key == "reasoning_content" and value.__class__ is str:
                text = state.reasoning_content
                if text is None:
                    text = state.reasoning_content = _Text()
                _add_reasoning(state.index, text, value, events)
            elif key == "reasoning" and value.__class__ is str:
                text = state.reasoning
                if text is None:
                    text = state.reasoning = _Text()
                # A server sending both spellings sends the same text twice: one event for it.
                _add_reasoning(state.index, text, value, None if delta.get("reasoning_content") else events)
            elif key == "tool_calls":
                for tool_delta in value:
                    self._add_tool_call(state, tool_delta, events)
            elif key == "function_call":
                call = state.function_call
                if call is None:
                    call = state.function_call = _ToolCall(0)
                name = value.get("name")
                if name and call.name is None:
                    call.name = name
                arguments = value.get("arguments")
                if arguments:
                    call.args.add(_text(arguments, "delta.function_call.arguments"))
                    if events is not None:
                        events.append(ToolCallArgumentsDelta(state.index, None, call.name, arguments))
            elif key == "audio":
                audio = state.audio
                if audio is None:
                    audio = state.audio = {}
                for akey, avalue in value.items():
                    if akey == "transcript" or akey == "data":
                        if avalue is not None:
                            buffer = audio.get(akey)
                            if buffer is None:
                                buffer = audio[akey] = _Parts()
                            buffer.add(_text(avalue, f"delta.audio.{akey}"))
                    elif avalue is not None and (akey not in audio or akey != "id"):
                        audio[akey] = avalue
            elif key == "annotations":
                if state.annotations is None:
                    state.annotations = []
                state.annotations.extend(_list(value, "delta.annotations"))
            else:
                # Unknown field: strings are streamed text (e.g. reasoning_content) and concatenate.
                if value.__class__ is str:
                    texts = state.delta_text
                    if texts is None:
                        texts = state.delta_text = {}
                    parts = texts.get(key)
                    if parts is None:
                        parts = texts[key] = _Parts()
                        parts.append(value)
                        if state.delta_extra:
                            state.delta_extra.pop(key, None)
                    else:
                        parts.add(value)
                else:
                    if state.delta_extra is None:
                        state.delta_extra = {}
                    state.delta_extra[key] = value
                    if state.delta_text:
                        state.delta_text.pop(key, None)

    def _add_tool_call(self, state: _Choice, delta: dict[str, Any], events: list[Any] | None) -> None:
        calls = state.tool_calls
        if calls is None:
            calls = state.tool_calls = []
        call = _find_tool_call(calls, delta)
        if call is None:
            wire = delta.get("index")
            index = max((known.index for known in calls), default=-1) + 1
            if wire is not None:
                _index(wire, "tool_calls[].index")
                if not any(known.index == wire for known in calls):
                    index = wire
            call = _ToolCall(index, wire)
            calls.append(call)
        call_id = delta.get("id")
        if call_id and call.id is None:
            call.id = call_id
        kind = delta.get("type")
        if kind and call.type is None:
            call.type = kind
        body = delta.get("function")
        if body is None:
            body = delta.get("custom")
            if body is not None and call.type is None:
                call.type = "custom"
            text_key = "input"
        else:
            text_key = "arguments"
        if body:
            name = body.get("name")
            if name and call.name is None:
                call.name = name
            text = body.get(text_key)
            if text:
                call.args.add(_text(text, f"tool_calls[].{text_key}"))
                if events is not None:
                    events.append(ToolCallArgumentsDelta(state.index, call.index, call.name, text))
        if not _TOOL_KNOWN.issuperset(delta):
            call.extra = _keep_unknown(call.extra, delta, _TOOL_KNOWN)

    def _add_logprobs(self, state: _Choice, logprobs: dict[str, Any]) -> None:
        mine = state.logprobs
        if mine is None:
            mine = state.logprobs = {"content": None, "refusal": None}
        for key, value in logprobs.items():
            if value is None:
                continue
            if key == "content" or key == "refusal":
                if mine.get(key) is None:
                    mine[key] = []
                mine[key].extend(_list(value, f"logprobs.{key}"))  # type: ignore[union-attr]
            else:
                mine[key] = value

    def _raise_error(self, chunk: dict[str, Any]) -> None:
        error = chunk.get("error")
        if not error and chunk.get("object") != "error":
            return  # "error": null alongside a normal chunk
        fields = error if isinstance(error, dict) else chunk
        message = fields.get("message") if isinstance(fields, dict) else None
        if isinstance(error, str):
            message = error
        if not isinstance(message, str) or not message:
            message = "the server sent an error inside the stream"
        raise StreamError(message, body=chunk, partial=self.snapshot_dict())

    def snapshot_dict(self) -> dict[str, Any]:
        """The ``chat.completion`` gathered so far, as a new dict (choices sorted by index)."""
        out: dict[str, Any] = {
            "id": self._id,
            "object": "chat.completion",
            "created": self._created,
            "model": self._model,
            "choices": [self._choices[i].to_dict() for i in sorted(self._choices)],
        }
        if self._system_fingerprint is not None:
            out["system_fingerprint"] = self._system_fingerprint
        if self._service_tier is not None:
            out["service_tier"] = self._service_tier
        if self._usage is not None:
            out["usage"] = self._usage
        if self._extra:
            for key, value in self._extra.items():
                out.setdefault(key, value)
        return out

    def result_dict(self) -> dict[str, Any]:
        """The final ``chat.completion``; the same shape as :meth:`snapshot_dict`."""
        return self.snapshot_dict()
