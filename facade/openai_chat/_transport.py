"""Sending one API request with retries. Decisions are in pure helpers; the two drivers only do I/O.

``SyncSender.send`` and ``AsyncSender.send`` differ only by ``await``: both build the request once,
try it, and on a retryable failure ask :func:`~openai_chat._retry.retry_delay` how long to wait.
A returned response is always 2xx; a streamed one is returned unread, so retries stop at the first
byte of a successful body.
"""

from __future__ import annotations

import asyncio
import json
import logging
import random
import time
from collections.abc import Mapping
from typing import Any

import attrs
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
from ._retry import retry_delay, should_retry

logger = logging.getLogger("openai_chat")

_dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), allow_nan=False).encode
_loads = json.loads


@attrs.frozen
class Call:
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
    url = options.base_url + path
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


def _log_retry(
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


def _transport_error(exc: Exception, request: httpx2.Request) -> APIConnectionError:
    if isinstance(exc, httpx2.TimeoutException):
        return APITimeoutError(request=request)
    return APIConnectionError(f"connection error: {type(exc).__name__}: {exc}", request=request)


class SyncSender:
    """Sends calls through one ``httpx2.Client`` with the client's options."""

    __slots__ = ("http", "options", "own_pool")

    def __init__(self, http: httpx2.Client, options: ClientOptions, *, own_pool: bool = False) -> None:
        self.http = http
        self.options = options
        self.own_pool = own_pool

    def send(self, call: Call, max_retries: int | None = None) -> httpx2.Response:
        options = self.options
        retries = options.max_retries if max_retries is None else max_retries
        request = build_request(self.http, options, call, own_pool=self.own_pool)
        auth = httpx2.USE_CLIENT_DEFAULT if options.auth is None else options.auth
        attempt = 0
        while True:
            try:
                response = self.http.send(request, stream=call.stream, auth=auth)
            except httpx2.TransportError as exc:
                if should_retry(None, None, None, attempt=attempt, max_retries=retries):
                    delay = retry_delay(attempt, None, now=time.time(), jitter=random.random()) or 0.0
                    _log_retry(request, attempt, retries, type(exc).__name__, None, delay)
                    time.sleep(delay)
                    attempt += 1
                    continue
                raise _transport_error(exc, request) from exc
            if response.status_code < 300:
                return response
            try:
                response.read()
            except httpx2.TransportError as exc:
                response.close()
                raise _transport_error(exc, request) from exc
            body = decode_error_body(response)
            headers = response.headers
            if should_retry(response.status_code, headers, body, attempt=attempt, max_retries=retries):
                delay = retry_delay(attempt, headers, now=time.time(), jitter=random.random())
                if delay is not None:
                    response.close()
                    _log_retry(
                        request, attempt, retries, response.status_code, headers.get("x-request-id"), delay
                    )
                    time.sleep(delay)
                    attempt += 1
                    continue
            response.close()
            raise status_error(response, body, options)

    def json(self, call: Call) -> tuple[Any, httpx2.Response]:
        response = self.send(call)
        try:
            return decode_json(response), response
        finally:
            response.close()


class AsyncSender:
    """Sends calls through one ``httpx2.AsyncClient`` with the client's options."""

    __slots__ = ("http", "options", "own_pool")

    def __init__(self, http: httpx2.AsyncClient, options: ClientOptions, *, own_pool: bool = False) -> None:
        self.http = http
        self.options = options
        self.own_pool = own_pool

    async def send(self, call: Call, max_retries: int | None = None) -> httpx2.Response:
        options = self.options
        retries = options.max_retries if max_retries is None else max_retries
        request = build_request(self.http, options, call, own_pool=self.own_pool)
        auth = httpx2.USE_CLIENT_DEFAULT if options.auth is None else options.auth
        attempt = 0
        while True:
            try:
                response = await self.http.send(request, stream=call.stream, auth=auth)
            except httpx2.TransportError as exc:
                if should_retry(None, None, None, attempt=attempt, max_retries=retries):
                    delay = retry_delay(attempt, None, now=time.time(), jitter=random.random()) or 0.0
                    _log_retry(request, attempt, retries, type(exc).__name__, None, delay)
                    await asyncio.sleep(delay)
                    attempt += 1
                    continue
                raise _transport_error(exc, request) from exc
            if response.status_code < 300:
                return response
            try:
                await response.aread()
            except httpx2.TransportError as exc:
                await response.aclose()
                raise _transport_error(exc, request) from exc
            body = decode_error_body(response)
            headers = response.headers
            if should_retry(response.status_code, headers, body, attempt=attempt, max_retries=retries):
                delay = retry_delay(attempt, headers, now=time.time(), jitter=random.random())
                if delay is not None:
                    await response.aclose()
                    _log_retry(
                        request, attempt, retries, response.status_code, headers.get("x-request-id"), delay
                    )
                    await asyncio.sleep(delay)
                    attempt += 1
                    continue
            await response.aclose()
            raise status_error(response, body, options)

    async def json(self, call: Call) -> tuple[Any, httpx2.Response]:
        response = await self.send(call)
        try:
            return decode_json(response), response
        finally:
            await response.aclose()
