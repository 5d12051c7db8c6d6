"""One API request as the façade builds it, and what to make of its answer: pure helpers, no I/O.

The senders (``openai_chat._async.sender`` and the sync one generated from it) only do the I/O.
"""

from __future__ import annotations

import functools
import json
import logging
from collections.abc import Mapping
from typing import Any, NamedTuple

import httpx2

from ._exceptions import (
    APIConnectionError,
    APIResponseValidationError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    make_status_error,
)
from ._options import ClientOptions, check_headers, coerce_timeout

logger = logging.getLogger("openai_chat")

_dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), allow_nan=False).encode
_loads = json.loads


class Call(NamedTuple):
    """One request as the façade wants it sent (before headers and retries are applied)."""

    method: str
    path: str
    body: Any = None
    query: Mapping[str, Any] | None = None
    extra_headers: Mapping[str, str] | None = None
    extra_query: Mapping[str, Any] | None = None
    extra_body: Mapping[str, Any] | None = None
    timeout: float | httpx2.Timeout | None = None
    stream: bool = False


@functools.lru_cache(maxsize=256)
def _url(text: str) -> httpx2.URL:
    """``text`` parsed, once: a client sends to the same few URLs, and parsing one costs about as much as
    the rest of building its request (URLs are immutable, so requests can share one)."""
    return httpx2.URL(text)


def build_request(
    http: httpx2.Client | httpx2.AsyncClient, options: ClientOptions, call: Call, *, own_pool: bool = False
) -> httpx2.Request:
    """The httpx2 request for ``call``: URL, headers, query and JSON body merged in the documented order.

    A caller's HTTP client adds its own defaults (headers, cookies). The façade's own client carries the
    options of the client that created it, for the generated layer; a copy made by ``with_options`` may
    have dropped one of those headers, so the façade's requests are built without those defaults.
    """
    headers = options.headers()
    if call.stream:
        headers["Accept"] = "text/event-stream"
    if call.extra_headers:
        check_headers("extra_headers", call.extra_headers)
        headers.update(call.extra_headers)
    params: dict[str, Any] = dict(options.default_query)
    if call.query:
        params.update(call.query)
    if call.extra_query:
        params.update(call.extra_query)
    content = None
    body = call.body
    if call.extra_body:
        body = {**(body or {}), **call.extra_body}
    if body is not None:
        try:
            content = _dumps(body).encode("utf-8")
        except (TypeError, ValueError) as exc:
            raise TypeError(f"request body is not JSON-serialisable: {exc}") from exc
        headers["Content-Type"] = "application/json"
    timeout = options.timeout if call.timeout is None else call.timeout
    if not isinstance(timeout, httpx2.Timeout):
        timeout = coerce_timeout(timeout)
    path = call.path if options.route is None else options.route(call.method, call.path, body)
    url = _url(options.base_url + path)
    if own_pool:
        extensions = {"timeout": timeout.as_dict()}
        return httpx2.Request(
            call.method, url, params=params or None, headers=headers, content=content, extensions=extensions
        )
    return http.build_request(
        call.method, url, params=params or None, headers=headers, content=content, timeout=timeout
    )


def decode_error_body(response: httpx2.Response) -> object:
    """An error body as JSON when it is JSON, else as text (an HTML 502 page stays readable)."""
    text = response.text
    if text[:1] in ("{", "["):
        try:
            return _loads(text)
        except ValueError:
            pass
    return text


def status_error(response: httpx2.Response, body: object, options: ClientOptions) -> APIStatusError:
    error = make_status_error(response, body)
    if isinstance(error, AuthenticationError) and not options.api_key and options.auth is None:
        error.message = (
            "the server asks for an API key and none was given: pass api_key= or set OPENAI_API_KEY "
            f"({error.message})"
        )
        error.args = (error.message,)
    return error


def decode_json(response: httpx2.Response) -> Any:
    """The 2xx body as JSON, or a typed error that keeps the body and request id."""
    try:
        return _loads(response.content)
    except ValueError as exc:
        text = response.text
        raise APIResponseValidationError(
            f"expected a JSON body, got {text[:120]!r}", response=response, body=text
        ) from exc


def log_retry(
    request: httpx2.Request, attempt: int, max_retries: int, status: Any, rid: Any, delay: float
) -> None:
    logger.info(
        "retrying %s %s in %.2fs (retry %d of %d; status %s; request id %s)",
        request.method,
        request.url.copy_with(query=None),
        delay,
        attempt + 1,
        max_retries,
        status,
        rid,
    )


def transport_error(exc: Exception, request: httpx2.Request) -> APIConnectionError:
    if isinstance(exc, httpx2.TimeoutException):
        return APITimeoutError(request=request)
    return APIConnectionError(f"connection error: {type(exc).__name__}: {exc}", request=request)
