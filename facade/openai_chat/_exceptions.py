"""The one error tree of openai_chat.

    OpenAIError
    ├── APIError                      (message, request, body)
    │   ├── APIStatusError            (status_code, request_id, response, code, type, param)
    │   │   ├── BadRequestError            400
    │   │   ├── AuthenticationError        401
    │   │   ├── PermissionDeniedError      403
    │   │   ├── NotFoundError              404
    │   │   ├── ConflictError              409
    │   │   ├── UnprocessableEntityError   422
    │   │   ├── RateLimitError             429
    │   │   └── InternalServerError        >= 500
    │   ├── APIConnectionError        (partial: the completion accumulated before the drop, if streaming)
    │   │   └── APITimeoutError
    │   ├── APIResponseValidationError     a 2xx body that does not parse
    │   ├── StreamError                    an error event inside a 2xx stream (code, type, param)
    │   ├── IncompleteStreamError          a stream that ended before every choice finished (partial)
    │   └── StructuredOutputError          structured output that cannot be turned into the caller's type
    │       └── LengthFinishReasonError / ContentFilterFinishReasonError

A missing key is an AuthenticationError whose message names OPENAI_API_KEY (local servers need none).

Caller mistakes are plain ``ValueError`` / ``TypeError`` raised before any request is sent.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import httpx2

if TYPE_CHECKING:
    from ._models import ChatCompletion

__all__ = [
    "OpenAIError",
    "APIError",
    "APIStatusError",
    "BadRequestError",
    "AuthenticationError",
    "PermissionDeniedError",
    "NotFoundError",
    "ConflictError",
    "UnprocessableEntityError",
    "RateLimitError",
    "InternalServerError",
    "APIConnectionError",
    "APITimeoutError",
    "APIResponseValidationError",
    "StreamError",
    "IncompleteStreamError",
    "StructuredOutputError",
    "LengthFinishReasonError",
    "ContentFilterFinishReasonError",
    "status_error_class",
    "make_status_error",
]


class OpenAIError(Exception):
    """Base class of every error this package raises on purpose."""


class APIError(OpenAIError):
    """Something went wrong talking to the API."""

    message: str
    request: httpx2.Request | None
    body: object | None

    def __init__(
        self, message: str, *, request: httpx2.Request | None = None, body: object | None = None
    ) -> None:
        super().__init__(message)
        self.message = message
        self.request = request
        self.body = body


def _error_fields(body: object) -> dict[str, Any]:
    """The ``error`` object of an error body, tolerating bodies that are not shaped like OpenAI's."""
    if isinstance(body, dict):
        inner = body.get("error", body)
        if isinstance(inner, dict):
            return inner
        if isinstance(inner, str):
            return {"message": inner}
    return {}


class APIStatusError(APIError):
    """The server answered with a 4xx or 5xx status."""

    status_code: int
    request_id: str | None
    response: httpx2.Response
    code: str | None
    type: str | None
    param: str | None

    def __init__(self, message: str, *, response: httpx2.Response, body: object | None) -> None:
        super().__init__(message, request=response.request if _has_request(response) else None, body=body)
        self.response = response
        self.status_code = response.status_code
        self.request_id = response.headers.get("x-request-id")
        fields = _error_fields(body)
        self.code = _str_or_none(fields.get("code"))
        self.type = _str_or_none(fields.get("type"))
        self.param = _str_or_none(fields.get("param"))

    def __str__(self) -> str:
        rid = f" (request id {self.request_id})" if self.request_id else ""
        return f"HTTP {self.status_code}{rid}: {self.message}"


def _has_request(response: httpx2.Response) -> bool:
    try:
        response.request  # noqa: B018 - property raises when unset
    except RuntimeError:
        return False
    return True


def _str_or_none(value: object) -> str | None:
    return None if value is None else str(value)


class BadRequestError(APIStatusError):
    """HTTP 400."""


class AuthenticationError(APIStatusError):
    """HTTP 401."""


class PermissionDeniedError(APIStatusError):
    """HTTP 403."""


class NotFoundError(APIStatusError):
    """HTTP 404."""


class ConflictError(APIStatusError):
    """HTTP 409."""


class UnprocessableEntityError(APIStatusError):
    """HTTP 422."""


class RateLimitError(APIStatusError):
    """HTTP 429."""


class InternalServerError(APIStatusError):
    """HTTP 500 and above."""


_STATUS_CLASSES: dict[int, type[APIStatusError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    422: UnprocessableEntityError,
    429: RateLimitError,
}


def status_error_class(status_code: int) -> type[APIStatusError]:
    """The error class for an HTTP status (one table; >= 500 is InternalServerError)."""
    if status_code >= 500:
        return InternalServerError
    return _STATUS_CLASSES.get(status_code, APIStatusError)


def make_status_error(response: httpx2.Response, body: object | None) -> APIStatusError:
    """Build the typed error for a non-2xx response whose body was already read (and decoded if JSON)."""
    fields = _error_fields(body)
    message = fields.get("message")
    if not isinstance(message, str) or not message:
        if isinstance(body, str) and body.strip():
            snippet = body.strip()
            message = snippet if len(snippet) <= 200 else snippet[:200] + "…"
        else:
            message = response.reason_phrase or "error"
    return status_error_class(response.status_code)(message, response=response, body=body)


class _Partial:
    """Errors that end a stream keep what arrived: ``partial`` typed, ``partial_dict`` as JSON."""

    partial_dict: dict[str, Any] | None

    @property
    def partial(self) -> ChatCompletion | None:
        """The completion accumulated before the stream ended, or None when nothing usable arrived."""
        if self.partial_dict is None:
            return None
        from ._models import completion_from_dict

        try:
            return completion_from_dict(self.partial_dict)
        except APIResponseValidationError:
            return None  # too little arrived to make a completion: partial_dict has what did


class APIConnectionError(_Partial, APIError):
    """The request could not be sent or the response could not be read to its end.

    ``partial`` is what a stream had accumulated before the connection failed (or ``None``).
    """

    def __init__(
        self,
        message: str = "Connection error.",
        *,
        request: httpx2.Request | None = None,
        partial: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(message, request=request, body=None)
        self.partial_dict = partial


class APITimeoutError(APIConnectionError):
    """The request timed out."""

    def __init__(
        self,
        message: str = "Request timed out.",
        *,
        request: httpx2.Request | None = None,
        partial: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(message, request=request, partial=partial)


class APIResponseValidationError(APIError):
    """A 2xx response whose body is not what the API describes."""

    status_code: int | None
    request_id: str | None

    def __init__(
        self,
        message: str,
        *,
        response: httpx2.Response | None = None,
        body: object | None = None,
    ) -> None:
        request = response.request if response is not None and _has_request(response) else None
        super().__init__(message, request=request, body=body)
        self.response = response
        self.status_code = response.status_code if response is not None else None
        self.request_id = response.headers.get("x-request-id") if response is not None else None


class StreamError(_Partial, APIError):
    """The server sent an error event inside a stream that had started with a 2xx status.

    ``partial`` is the completion accumulated before the error.
    """

    code: str | None
    type: str | None
    param: str | None

    def __init__(
        self, message: str, *, body: object | None = None, partial: dict[str, Any] | None = None
    ) -> None:
        super().__init__(message, body=body)
        fields = _error_fields(body)
        self.code = _str_or_none(fields.get("code"))
        self.type = _str_or_none(fields.get("type"))
        self.param = _str_or_none(fields.get("param"))
        self.partial_dict = partial


class IncompleteStreamError(_Partial, APIError):
    """A stream ended without ``[DONE]`` and before every choice had a finish reason.

    ``partial`` is the completion accumulated so far (``partial_dict`` the same as JSON), so nothing is
    lost silently.
    """

    def __init__(self, message: str, *, partial: dict[str, Any] | None = None) -> None:
        super().__init__(message)
        self.partial_dict = partial


class StructuredOutputError(APIError):
    """The model's structured output could not be turned into the requested type.

    ``completion`` is the completion as received; ``raw`` the text that failed to parse, if any.
    """

    completion: Any
    raw: str | None

    def __init__(self, message: str, *, completion: Any = None, raw: str | None = None) -> None:
        super().__init__(message)
        self.completion = completion
        self.raw = raw


class LengthFinishReasonError(StructuredOutputError):
    """The answer was cut off by the token limit before the structured output was complete."""


class ContentFilterFinishReasonError(StructuredOutputError):
    """The answer was stopped by the content filter before the structured output was complete."""
