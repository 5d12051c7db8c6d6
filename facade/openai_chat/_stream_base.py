"""What both stream classes share: the accumulator, the state of the response, snapshots. No I/O.

``client.chat.stream(...)`` gives a context manager over one streamed completion
(``openai_chat._async.stream`` and the sync one generated from it).

The request is sent on enter (retries apply until a 2xx status arrives, never after the first body
byte) and the response is closed on exit, on ``break`` and on errors, returning the connection to the
pool. Chunks are merged as plain dicts; typed objects are built only when asked for.

Every way of reading (chunks, ``text()``, ``events()``, ``final()``) draws from one iterator over the
body, so reading can stop and ``final()`` read the rest. Inside a ``with`` block a ``break`` leaves the
connection open for that; outside one, a ``break`` closes it.

A server that answers a stream request with a whole JSON completion (its content type says so) is
served as a one-chunk stream of it; an HTML page or JSON that is no completion is a typed error.
"""

from __future__ import annotations

from typing import Any

import httpx2

from ._accumulate import ChatCompletionAccumulator
from ._exceptions import APIResponseValidationError, IncompleteStreamError, StreamError
from ._models import ChatCompletion, completion_from_dict
from ._request import Call, decode_json
from ._response import ResponseInfo
from ._structured import Finisher

__all__ = ["StreamBase", "Finisher", "first_content", "body_kind", "completion_as_chunk"]


def first_content(chunk: dict[str, Any]) -> str | None:
    for choice in chunk.get("choices") or ():
        if choice.get("index", 0) == 0:
            delta = choice.get("delta")
            if delta:
                content = delta.get("content")
                if isinstance(content, str) and content:
                    return content
    return None


def body_kind(content_type: str | None) -> str:
    """How to read a stream request's 2xx body, by its content type: ``"sse"``, ``"json"`` or ``"html"``.

    Anything that is not plainly JSON or HTML is read as events: servers label their streams loosely.

    >>> body_kind("text/event-stream; charset=utf-8"), body_kind("application/json"), body_kind(None)
    ('sse', 'json', 'sse')
    """
    media = (content_type or "").split(";", 1)[0].strip().lower()
    if media == "application/json" or media.endswith("+json"):
        return "json"
    if media in ("text/html", "application/xhtml+xml"):
        return "html"
    return "sse"


def completion_as_chunk(completion: dict[str, Any]) -> dict[str, Any]:
    """A whole ``chat.completion`` as the one ``chat.completion.chunk`` that streams it.

    >>> completion_as_chunk({"id": "c", "object": "chat.completion", "created": 1, "model": "m",
    ...     "choices": [{"index": 0, "message": {"role": "assistant", "content": "Hi"},
    ...                  "finish_reason": "stop"}]})["choices"]
    [{'index': 0, 'delta': {'role': 'assistant', 'content': 'Hi'}, 'finish_reason': 'stop', 'logprobs': None}]
    """
    chunk = {key: value for key, value in completion.items() if key != "choices"}
    chunk["object"] = "chat.completion.chunk"
    choices = []
    for position, choice in enumerate(completion.get("choices") or ()):
        delta = dict(choice.get("message") or {})
        calls = delta.get("tool_calls")
        if isinstance(calls, list):  # a delta's tool calls say where they go
            delta["tool_calls"] = [{"index": i, **call} for i, call in enumerate(calls)]
        choices.append(
            {
                "index": choice.get("index", position),
                "delta": delta,
                "finish_reason": choice.get("finish_reason"),
                "logprobs": choice.get("logprobs"),
            }
        )
    chunk["choices"] = choices
    return chunk


def _snippet(text: str, limit: int = 120) -> str:
    return text if len(text) <= limit else text[:limit] + "…"


def whole_answer(response: httpx2.Response) -> dict[str, Any]:
    """The completion in a stream request's whole (already read) JSON body, or a typed error."""
    data = decode_json(response)
    if isinstance(data, dict) and data.get("error") and not data.get("choices"):
        error = data["error"]
        message = error.get("message") if isinstance(error, dict) else error
        if not isinstance(message, str) or not message:
            message = "the server answered the stream request with an error"
        raise StreamError(message, body=data)
    if not isinstance(data, dict) or data.get("object", "chat.completion") != "chat.completion":
        raise APIResponseValidationError(
            "a stream was asked for and the server answered with JSON that is not a completion: "
            f"{_snippet(response.text)!r}",
            response=response,
            body=data,
        )
    try:
        completion_from_dict(data)  # the shape is checked here, once, with the response at hand
    except APIResponseValidationError as exc:
        raise APIResponseValidationError(exc.message, response=response, body=data) from exc
    return data


def not_a_stream(response: httpx2.Response) -> APIResponseValidationError:
    """The error for an HTML page (a proxy's or a portal's) where a stream of events was asked for."""
    return APIResponseValidationError(
        f"a stream was asked for and the server answered with {response.headers.get('content-type')}: "
        f"{_snippet(response.text)!r}",
        response=response,
        body=response.text,
    )


class StreamBase:
    __slots__ = (
        "_call",
        "_finish",
        "_response",
        "_http",
        "_acc",
        "_consumed",
        "_started",
        "_managed",
        "_whole",
        "_source",
        "request_id",
    )

    def __init__(self, call: Call, finish: Finisher, events: bool) -> None:
        self._call = call
        self._finish = finish
        self._response: httpx2.Response | None = None
        self._http: ResponseInfo | None = None
        self._acc = ChatCompletionAccumulator(events=events)
        self._consumed = False
        self._started = False
        self._managed = False  # inside a with block, which closes the response on exit
        self._whole: dict[str, Any] | None = None  # a JSON completion sent instead of a stream
        self._source: Any = None  # the one iterator over the body's chunk dicts
        self.request_id: str | None = None

    def _opened(self, response: httpx2.Response, info: ResponseInfo) -> bool:
        """Take in the 2xx response; True when its body is not a stream and must be read whole."""
        self._response = response
        self._http = info
        self.request_id = info.request_id
        return body_kind(response.headers.get("content-type")) != "sse"

    def _take_whole(self, response: httpx2.Response) -> None:
        """Decide on a body read whole: a JSON completion is served as one chunk; anything else raises."""
        if body_kind(response.headers.get("content-type")) == "html":
            raise not_a_stream(response)
        self._whole = whole_answer(response)

    def _whole_chunks(self) -> list[dict[str, Any]]:
        """The one chunk of a completion that came whole, merged into the accumulator."""
        assert self._whole is not None
        chunk = completion_as_chunk(self._whole)
        self._acc.add(chunk)
        self._consumed = True
        return [chunk]

    def _claim(self) -> None:
        if self._started:
            raise RuntimeError("a stream can be iterated only once; use final() or current() for the result")
        self._started = True

    def _check_readable(self) -> None:
        response = self._response
        if response is not None and response.is_closed and not self._consumed and self._whole is None:
            try:
                response.content  # noqa: B018 - a body read in advance can still be replayed
                return
            except httpx2.ResponseNotRead:
                pass
            raise IncompleteStreamError(
                "the stream was closed before it ended; current() gives what arrived",
                partial=self._acc.snapshot_dict(),
            )

    def _result(self) -> ChatCompletion:
        data = self._whole if self._whole is not None else self._acc.result_dict()
        return self._finish(data, self._http)

    def current(self) -> ChatCompletion:
        """The completion accumulated so far (a snapshot; the stream goes on)."""
        return self._finish(self._acc.snapshot_dict(), self._http)

    @property
    def response(self) -> httpx2.Response | None:
        """The underlying HTTP response, once the request was sent."""
        return self._response

    @property
    def http(self) -> ResponseInfo:
        """The HTTP response the stream came in (status, headers, retries, request id)."""
        if self._http is None:
            raise RuntimeError("the request was not sent yet: use the stream in a with block first")
        return self._http
