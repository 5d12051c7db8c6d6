"""Sending one API request with retries: build it once, try it, and on a retryable failure ask
:func:`~openai_chat._retry.retry_delay` how long to wait. A returned response is always 2xx; a streamed
one is returned unread, so retries stop at the first byte of a successful body. It comes with its
:class:`~openai_chat._response.ResponseInfo`, which counts the retries it took.

The sync sender is generated from this module by ``scripts/unasync.py``.
"""

from __future__ import annotations

import asyncio
import random
import time
from typing import Any

import httpx2

from .._options import ClientOptions
from .._request import (
    Call,
    build_request,
    decode_error_body,
    decode_json,
    log_retry,
    status_error,
    transport_error,
)
from .._response import ResponseInfo
from .._retry import retry_delay, should_retry

__all__ = ["AsyncSender"]


class AsyncSender:
    """Sends calls through one ``httpx2.AsyncClient`` with the client's options."""

    __slots__ = ("http", "options", "own_pool")

    def __init__(self, http: httpx2.AsyncClient, options: ClientOptions, *, own_pool: bool = False) -> None:
        self.http = http
        self.options = options
        self.own_pool = own_pool

    async def send(self, call: Call, max_retries: int | None = None) -> tuple[httpx2.Response, ResponseInfo]:
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
                    delay = retry_delay(attempt, None, now=time.time(), jitter=random.random())
                    delay = 0.0 if delay is None else delay
                    log_retry(request, attempt, retries, type(exc).__name__, None, delay)
                    await asyncio.sleep(delay)
                    attempt += 1
                    continue
                raise transport_error(exc, request) from exc
            if response.status_code < 300:
                return response, ResponseInfo.of(response, attempt)
            try:
                await response.aread()
            except httpx2.TransportError as exc:
                await response.aclose()
                raise transport_error(exc, request) from exc
            body = decode_error_body(response)
            headers = response.headers
            if should_retry(response.status_code, headers, body, attempt=attempt, max_retries=retries):
                delay = retry_delay(attempt, headers, now=time.time(), jitter=random.random())
                if delay is not None:
                    await response.aclose()
                    log_retry(
                        request, attempt, retries, response.status_code, headers.get("x-request-id"), delay
                    )
                    await asyncio.sleep(delay)
                    attempt += 1
                    continue
            await response.aclose()
            raise status_error(response, body, options)

    async def json(self, call: Call) -> tuple[Any, httpx2.Response, ResponseInfo]:
        response, info = await self.send(call)
        try:
            return decode_json(response), response, info
        finally:
            await response.aclose()
