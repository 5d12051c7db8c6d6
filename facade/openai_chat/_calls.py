"""What both clients decide without I/O: request calls, queries, parsing, and the raw client.

``Client`` (generated from the async code into ``openai_chat._sync``) and ``AsyncClient``
(``openai_chat._async.client``) call these and only send and await.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from typing import Any, TypedDict, TypeVar
from urllib.parse import quote

import httpx2
from openai_chat_api.client import Client as GeneratedClient
from openai_chat_api.models import ChatCompletionStoreMessage
from openai_chat_api.request_types import CreateParams, ParseParams, ToolRunParams
from openai_chat_api.types import SHAPE_ERRORS, Unset

from ._exceptions import APIResponseValidationError
from ._models import (
    ChatCompletion,
    ChatCompletionDeleted,
    ChatCompletionList,
    ChatCompletionMessageList,
)
from ._options import ClientOptions
from ._params import CREATE_FIELDS, build_create_body, check_metadata, check_query, unexpected
from ._request import Call
from ._response import Received, ResponseInfo
from ._structured import Structured, split_response_format

R = TypeVar("R")


class RequestOptions(TypedDict, total=False):
    """What every create-like call takes beside the API's fields: more headers, query or body, a timeout."""

    extra_headers: Mapping[str, str] | None
    extra_query: Mapping[str, Any] | None
    extra_body: Mapping[str, Any] | None
    timeout: float | httpx2.Timeout | None


class CreateArgs(CreateParams, RequestOptions, total=False):
    """The keyword arguments of ``chat.create`` and ``chat.stream`` beside model, messages and stream."""


class ParseArgs(ParseParams, RequestOptions, total=False):
    """The keyword arguments of ``chat.parse`` beside model, messages and response_format."""


class ToolRunArgs(ToolRunParams, RequestOptions, total=False):
    """The keyword arguments of ``chat.run_tools`` that go on to each model call."""


_CREATE_KEYWORDS = frozenset(CREATE_FIELDS) - {"model", "messages", "stream"}  # those three are named


def _check_keywords(params: Mapping[str, Any], where: str) -> None:
    for key in params:
        if key not in _CREATE_KEYWORDS:
            raise unexpected(where, key, _CREATE_KEYWORDS)


def _create_call(
    options: ClientOptions,
    where: str,
    model: str | Unset,
    messages: Any,
    params: Mapping[str, Any],
    *,
    stream: bool,
) -> tuple[Call, Any]:
    """The call for a create request and the caller's structured-output type (or None).

    ``params`` holds the request's other fields and the :class:`RequestOptions`.
    """
    params = dict(params)
    extra_headers = params.pop("extra_headers", None)
    extra_query = params.pop("extra_query", None)
    extra_body = params.pop("extra_body", None)
    timeout = params.pop("timeout", None)
    _check_keywords(params, where)
    if isinstance(model, Unset):
        if options.model is None:
            raise ValueError(
                "model is required: pass model=... or create the client with a default model=..."
            )
        model = options.model
    params = {"model": model, "messages": messages, **params}
    output_type = None
    if "response_format" in params:
        params["response_format"], output_type = split_response_format(params["response_format"])
    if stream:
        stream_options = dict(params.get("stream_options") or {})
        stream_options.setdefault("include_usage", True)
        params["stream_options"] = stream_options
        params["stream"] = True
    body = build_create_body(params)
    call = Call(
        "POST",
        "/chat/completions",
        body,
        extra_headers=extra_headers,
        extra_query=extra_query,
        extra_body=extra_body,
        timeout=timeout,
        stream=stream,
    )
    return call, output_type


def _check_update_metadata(metadata: Any) -> None:
    if metadata is None:
        raise TypeError("metadata must be a dict of str to str (pass {} to clear it), got None")
    check_metadata(metadata, "metadata")


def _completion_id(value: Any) -> str:
    if not isinstance(value, str) or not value:
        raise ValueError(f"completion_id must be a non-empty string, got {value!r}")
    return quote(value, safe="")


def _page_query(operation: str, **given: Any) -> dict[str, Any]:
    """A list call's query, each parameter checked by its schema; metadata sent deepObject-style."""
    query = check_query(operation, given)
    for key, value in (query.pop("metadata", None) or {}).items():
        query[f"metadata[{key}]"] = value
    return query


def _parse(parse: Callable[[Any], R], data: Any, response: httpx2.Response) -> R:
    try:
        return parse(data)
    except APIResponseValidationError as exc:
        if exc.response is not None:
            raise
        raise APIResponseValidationError(exc.message, response=response, body=data) from exc
    except SHAPE_ERRORS as exc:
        raise APIResponseValidationError(
            f"the response body does not match the API's schema: {type(exc).__name__}: {exc}",
            response=response,
            body=data,
        ) from exc


def _completion(
    finish: Callable[[Any, ResponseInfo | None], R], data: Any, response: httpx2.Response, info: ResponseInfo
) -> R:
    """The result ``finish`` builds from a 2xx body, with the response it came in."""
    return _parse(lambda d: finish(d, info), data, response)


def _deleted(data: Any, response: httpx2.Response, info: ResponseInfo) -> ChatCompletionDeleted:
    deleted = _parse(ChatCompletionDeleted.from_dict, data, response)
    deleted._http = info
    return deleted


def _page(data: Any, response: httpx2.Response, info: ResponseInfo) -> tuple[dict[str, Any], ResponseInfo]:
    """A list page's JSON and its response, or a typed error when the body is no JSON object."""
    if not isinstance(data, dict):
        raise APIResponseValidationError("a list page is not a JSON object", response=response, body=data)
    return data, info


def _checked(parse: Callable[[Any], R]) -> Callable[[Any, ResponseInfo], R]:
    """``parse`` for one list item or page, turning a malformed one into a typed error; each result
    carries the response its page came in."""

    def item(data: Any, info: ResponseInfo) -> R:
        try:
            result = parse(data)
        except SHAPE_ERRORS as exc:
            raise APIResponseValidationError(
                f"a list item does not match the API's schema: {type(exc).__name__}: {exc}", body=data
            ) from exc
        if isinstance(result, Received):
            result._http = info
        return result

    return item


# A list's items read their nested objects when first used: listing to find ids or metadata stays cheap.
_stored_item = _checked(functools.partial(ChatCompletion.from_dict, lazy=True))
_stored_message = _checked(ChatCompletionStoreMessage.from_dict)
_completion_page = _checked(ChatCompletionList.from_dict)
_message_page = _checked(ChatCompletionMessageList.from_dict)


def _connection(
    options: ClientOptions,
) -> tuple[str, tuple[tuple[str, str], ...], tuple[tuple[str, Any], ...]]:
    return options.base_url, tuple(options.headers().items()), options.default_query


def _http_settings(options: ClientOptions) -> dict[str, Any]:
    """What the façade gives an HTTP client it creates, so the generated layer can use it as it is."""
    return {
        "base_url": options.base_url,
        "headers": options.headers(),
        "params": dict(options.default_query),
        "timeout": options.timeout,
        "auth": options.auth,
    }


def _raw_client(http: Any, options: ClientOptions, pool_options: ClientOptions | None) -> GeneratedClient:
    """The generated client on the façade's own HTTP client: the same pool, base URL, headers and query.

    Only a client the façade created carries those settings; one the caller passed in, or a copy from
    ``with_options`` that changed them, has no HTTP client of its own that could, so it says so.
    """
    if pool_options is None:
        raise ValueError(
            "client.raw needs an HTTP client the façade created (it carries the base URL, headers and "
            "default query): create the Client without http_client=, or use the generated "
            "openai_chat_api.client.Client with your own httpx2 client"
        )
    if _connection(pool_options) != _connection(options):
        raise ValueError(
            "client.raw shares the connection pool of the client it was copied from, whose base URL, "
            "headers or default query differ from this copy's: use raw on a Client created with these options"
        )
    raw = GeneratedClient(base_url=options.base_url, timeout=options.timeout)
    if isinstance(http, httpx2.AsyncClient):
        raw.set_async_httpx_client(http)
    else:
        raw.set_httpx_client(http)
    return raw


def _check_http_client(value: Any, expected: type) -> None:
    if value is not None and not isinstance(value, expected):
        kind = f"{type(value).__module__}.{type(value).__qualname__}"
        raise TypeError(
            f"http_client must be an httpx2.{expected.__name__} (pip install httpx2; `import httpx2`), "
            f"got {kind}"
        )


def _repr(cls: str, options: ClientOptions) -> str:
    return f"{cls}(base_url={options.base_url!r}, model={options.model!r}, max_retries={options.max_retries})"


def _as_structured(response_format: Any) -> Structured[Any]:
    return response_format if isinstance(response_format, Structured) else Structured(response_format)
