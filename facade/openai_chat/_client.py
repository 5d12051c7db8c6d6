"""``Client`` and ``AsyncClient``: the same surface, the sync one plain and the async one awaited.

Everything that decides (options, request bodies, queries, parsing) lives in shared functions; the
resource classes below only send and await.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Unpack
from urllib.parse import quote

import httpx2
from openai_chat_api.client import Client as GeneratedClient
from openai_chat_api.models import (
    ChatCompletionDeleted,
    ChatCompletionList,
    ChatCompletionMessageList,
    ChatCompletionStoreMessage,
)
from openai_chat_api.request_types import CreateParams
from openai_chat_api.types import UNSET, Unset

from ._exceptions import APIResponseValidationError
from ._models import ChatCompletion, completion_from_dict
from ._options import ClientOptions
from ._pagination import AsyncPager, SyncPager
from ._params import CREATE_FIELDS, build_create_body, check_metadata, check_query, unexpected
from ._stream import AsyncChatStream, ChatStream
from ._structured import completion_finisher, split_response_format
from ._transport import AsyncSender, Call, SyncSender

__all__ = ["Client", "AsyncClient"]

_CREATE_KEYWORDS = frozenset(CREATE_FIELDS) - {"model", "messages", "stream"}  # those three are named


# -- pure request building shared by both clients ----------------------------------------------------------


def _check_keywords(params: Mapping[str, Any], where: str) -> None:
    for key in params:
        if key not in _CREATE_KEYWORDS:
            raise unexpected(where, key, _CREATE_KEYWORDS)


def _create_call(
    options: ClientOptions,
    where: str,
    model: str | Unset,
    messages: Any,
    params: dict[str, Any],
    *,
    stream: bool,
    extra_headers: Mapping[str, str] | None,
    extra_query: Mapping[str, Any] | None,
    extra_body: Mapping[str, Any] | None,
    timeout: float | httpx2.Timeout | None,
) -> tuple[Call, Any]:
    """The call for a create request and the caller's structured-output type (or None)."""
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


def _parse(parse: Any, data: Any, response: httpx2.Response) -> Any:
    try:
        return parse(data)
    except APIResponseValidationError as exc:
        if exc.response is not None:
            raise
        raise APIResponseValidationError(exc.message, response=response, body=data) from exc
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise APIResponseValidationError(
            f"the response body does not match the API's schema: {type(exc).__name__}: {exc}",
            response=response,
            body=data,
        ) from exc


def _completion(data: Any, response: httpx2.Response) -> ChatCompletion:
    rid = response.headers.get("x-request-id")
    return _parse(lambda d: completion_from_dict(d, rid), data, response)


def _checked(parse: Any) -> Any:
    """``parse`` for one list item, turning a malformed item into a typed error."""

    def item(data: Any) -> Any:
        try:
            return parse(data)
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise APIResponseValidationError(
                f"a list item does not match the API's schema: {type(exc).__name__}: {exc}", body=data
            ) from exc

    return item


_stored_item = _checked(completion_from_dict)
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


# -- sync ---------------------------------------------------------------------------------------------------


class Client:
    """A client for the Chat Completions API and compatible servers.

    >>> with Client(api_key="sk-...", model="gpt-4o-mini") as client:          # doctest: +SKIP
    ...     print(client.chat.create(messages="Say hi").text)
    """

    def __init__(
        self,
        *,
        api_key: str | None | Unset = UNSET,
        base_url: str | None | Unset = UNSET,
        organization: str | None | Unset = UNSET,
        project: str | None | Unset = UNSET,
        timeout: float | httpx2.Timeout | Unset = UNSET,
        max_retries: int | Unset = UNSET,
        default_headers: Mapping[str, str] | None | Unset = UNSET,
        default_query: Mapping[str, Any] | None | Unset = UNSET,
        http_client: httpx2.Client | None = None,
        model: str | None | Unset = UNSET,
    ) -> None:
        options = ClientOptions.create(
            api_key=api_key,
            base_url=base_url,
            organization=organization,
            project=project,
            timeout=timeout,
            max_retries=max_retries,
            default_headers=default_headers,
            default_query=default_query,
            model=model,
        )
        self._start(options, http_client)

    def _start(self, options: ClientOptions, http_client: httpx2.Client | None) -> None:
        _check_http_client(http_client, httpx2.Client)
        if http_client is None:
            http = httpx2.Client(**_http_settings(options))
            self._setup(options, http, pool_options=options, owns_http=True)
        else:
            self._setup(options, http_client, pool_options=None, owns_http=False)

    def _setup(
        self,
        options: ClientOptions,
        http: httpx2.Client,
        *,
        pool_options: ClientOptions | None,
        owns_http: bool,
    ) -> None:
        self._options = options
        self._http = http
        self._pool_options = pool_options
        self._owns_http = owns_http
        self._sender = SyncSender(http, options, own_pool=pool_options is not None)
        self._raw: Any = None
        self.chat = Chat(self)

    @property
    def options(self) -> ClientOptions:
        return self._options

    @property
    def http_client(self) -> httpx2.Client:
        return self._http

    @property
    def raw(self) -> GeneratedClient:
        """The generated client on the same pool, base URL, headers and timeout, for edge cases.

        >>> from openai_chat_api.api.chat import get_chat_completion     # doctest: +SKIP
        >>> get_chat_completion.sync_detailed("chatcmpl-123", client=client.raw)
        """
        if self._raw is None:
            self._raw = _raw_client(self._http, self._options, self._pool_options)
        return self._raw

    def with_options(self, **changes: Any) -> Client:
        """A copy with other options that shares this client's connection pool."""
        copy = object.__new__(Client)
        copy._setup(
            self._options.evolve(**changes), self._http, pool_options=self._pool_options, owns_http=False
        )
        return copy

    def close(self) -> None:
        """Close the connection pool (when this client created it)."""
        if self._owns_http:
            self._http.close()

    def __enter__(self) -> Client:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return _repr("Client", self._options)


class Chat:
    """``client.chat``: create, stream and parse completions; ``client.chat.completions`` for stored ones."""

    def __init__(self, client: Client) -> None:
        self._client = client
        self.completions = Completions(client)

    def create(
        self,
        *,
        messages: Any,
        model: str | Unset = UNSET,
        stream: bool = False,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx2.Timeout | None = None,
        **params: Unpack[CreateParams],
    ) -> Any:
        """Create a completion; with ``stream=True``, an iterable :class:`ChatStream` of chunks.

        >>> client.chat.create(model="gpt-4o-mini", messages=[user("Hi")]).text     # doctest: +SKIP
        """
        if stream is not False and stream is not True:
            raise TypeError(f"stream must be a bool, got {stream!r}")
        client = self._client
        call, output_type = _create_call(
            client._options, "create", model, messages, dict(params), stream=stream,
            extra_headers=extra_headers, extra_query=extra_query, extra_body=extra_body, timeout=timeout,
        )  # fmt: skip
        if stream:
            stream_obj = ChatStream(client._sender, call, completion_finisher(output_type))
            stream_obj._open()
            return stream_obj
        data, response = client._sender.json(call)
        if output_type is not None:
            return _parse(
                lambda d: completion_finisher(output_type)(d, response.headers.get("x-request-id")),
                data,
                response,
            )
        return _completion(data, response)

    def stream(
        self,
        *,
        messages: Any,
        model: str | Unset = UNSET,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx2.Timeout | None = None,
        **params: Unpack[CreateParams],
    ) -> ChatStream:
        """Stream a completion: ``with client.chat.stream(...) as s: for text in s.text(): ...``."""
        client = self._client
        call, output_type = _create_call(
            client._options, "stream", model, messages, dict(params), stream=True,
            extra_headers=extra_headers, extra_query=extra_query, extra_body=extra_body, timeout=timeout,
        )  # fmt: skip
        return ChatStream(client._sender, call, completion_finisher(output_type))

    def parse(
        self,
        *,
        messages: Any,
        response_format: Any,
        model: str | Unset = UNSET,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx2.Timeout | None = None,
        **params: Unpack[CreateParams],
    ) -> ChatCompletion:
        """Create a completion whose answer is parsed into ``response_format`` (a class or a JSON schema).

        >>> client.chat.parse(messages="A city?", response_format=City).parsed     # doctest: +SKIP
        """
        return self.create(
            messages=messages, model=model, response_format=_as_structured(response_format),
            extra_headers=extra_headers, extra_query=extra_query, extra_body=extra_body, timeout=timeout,
            **params,
        )  # fmt: skip

    def run_tools(self, **kwargs: Any) -> Any:
        """Call the model, run the tools it asks for, and repeat until it answers (see :func:`run_tools`)."""
        from ._tool_loop import run_tools

        return run_tools(self, **kwargs)


def _as_structured(response_format: Any) -> Any:
    from ._structured import Structured

    return response_format if isinstance(response_format, Structured) else Structured(response_format)


class Completions:
    """``client.chat.completions``: completions stored with ``store=True``."""

    def __init__(self, client: Client) -> None:
        self._client = client

    def _json(self, call: Call) -> tuple[Any, httpx2.Response]:
        return self._client._sender.json(call)

    def get(self, completion_id: str, *, timeout: float | httpx2.Timeout | None = None) -> ChatCompletion:
        """One stored completion."""
        data, response = self._json(
            Call("GET", f"/chat/completions/{_completion_id(completion_id)}", timeout=timeout)
        )
        return _completion(data, response)

    def update(
        self,
        completion_id: str,
        *,
        metadata: Mapping[str, str],
        timeout: float | httpx2.Timeout | None = None,
    ) -> ChatCompletion:
        """Replace a stored completion's metadata."""
        _check_update_metadata(metadata)
        call = Call(
            "POST",
            f"/chat/completions/{_completion_id(completion_id)}",
            {"metadata": dict(metadata)},
            timeout=timeout,
        )
        data, response = self._json(call)
        return _completion(data, response)

    def delete(
        self, completion_id: str, *, timeout: float | httpx2.Timeout | None = None
    ) -> ChatCompletionDeleted:
        """Delete a stored completion."""
        data, response = self._json(
            Call("DELETE", f"/chat/completions/{_completion_id(completion_id)}", timeout=timeout)
        )
        return _parse(ChatCompletionDeleted.from_dict, data, response)

    def list(
        self,
        *,
        model: str | None = None,
        metadata: Mapping[str, str] | None = None,
        order: str | None = None,
        limit: int | None = None,
        after: str | None = None,
        timeout: float | httpx2.Timeout | None = None,
    ) -> SyncPager[ChatCompletion, ChatCompletionList]:
        """Every stored completion, fetched a page at a time: ``for c in client.chat.completions.list(): ...``."""
        base = _page_query("listChatCompletions", limit=limit, order=order, model=model, metadata=metadata)

        def fetch(cursor: str | None) -> dict[str, Any]:
            query = base if cursor is None else {**base, "after": cursor}
            return self._json(Call("GET", "/chat/completions", query=query, timeout=timeout))[0]

        return SyncPager(fetch, _stored_item, _completion_page, after)

    def messages(
        self,
        completion_id: str,
        *,
        order: str | None = None,
        limit: int | None = None,
        after: str | None = None,
        timeout: float | httpx2.Timeout | None = None,
    ) -> SyncPager[ChatCompletionStoreMessage, ChatCompletionMessageList]:
        """The input messages of a stored completion, fetched a page at a time."""
        path = f"/chat/completions/{_completion_id(completion_id)}/messages"
        base = _page_query("getChatCompletionMessages", limit=limit, order=order)

        def fetch(cursor: str | None) -> dict[str, Any]:
            query = base if cursor is None else {**base, "after": cursor}
            return self._json(Call("GET", path, query=query, timeout=timeout))[0]

        return SyncPager(fetch, _stored_message, _message_page, after)


# -- async --------------------------------------------------------------------------------------------------


class AsyncClient:
    """The async twin of :class:`Client`.

    >>> async with AsyncClient(model="gpt-4o-mini") as client:                  # doctest: +SKIP
    ...     print((await client.chat.create(messages="Say hi")).text)
    """

    def __init__(
        self,
        *,
        api_key: str | None | Unset = UNSET,
        base_url: str | None | Unset = UNSET,
        organization: str | None | Unset = UNSET,
        project: str | None | Unset = UNSET,
        timeout: float | httpx2.Timeout | Unset = UNSET,
        max_retries: int | Unset = UNSET,
        default_headers: Mapping[str, str] | None | Unset = UNSET,
        default_query: Mapping[str, Any] | None | Unset = UNSET,
        http_client: httpx2.AsyncClient | None = None,
        model: str | None | Unset = UNSET,
    ) -> None:
        options = ClientOptions.create(
            api_key=api_key,
            base_url=base_url,
            organization=organization,
            project=project,
            timeout=timeout,
            max_retries=max_retries,
            default_headers=default_headers,
            default_query=default_query,
            model=model,
        )
        self._start(options, http_client)

    def _start(self, options: ClientOptions, http_client: httpx2.AsyncClient | None) -> None:
        _check_http_client(http_client, httpx2.AsyncClient)
        if http_client is None:
            http = httpx2.AsyncClient(**_http_settings(options))
            self._setup(options, http, pool_options=options, owns_http=True)
        else:
            self._setup(options, http_client, pool_options=None, owns_http=False)

    def _setup(
        self,
        options: ClientOptions,
        http: httpx2.AsyncClient,
        *,
        pool_options: ClientOptions | None,
        owns_http: bool,
    ) -> None:
        self._options = options
        self._http = http
        self._pool_options = pool_options
        self._owns_http = owns_http
        self._sender = AsyncSender(http, options, own_pool=pool_options is not None)
        self._raw: Any = None
        self.chat = AsyncChat(self)

    @property
    def options(self) -> ClientOptions:
        return self._options

    @property
    def http_client(self) -> httpx2.AsyncClient:
        return self._http

    @property
    def raw(self) -> GeneratedClient:
        """The generated client on the same pool, for ``asyncio_detailed(client=client.raw, ...)`` calls."""
        if self._raw is None:
            self._raw = _raw_client(self._http, self._options, self._pool_options)
        return self._raw

    def with_options(self, **changes: Any) -> AsyncClient:
        copy = object.__new__(AsyncClient)
        copy._setup(
            self._options.evolve(**changes), self._http, pool_options=self._pool_options, owns_http=False
        )
        return copy

    async def close(self) -> None:
        if self._owns_http:
            await self._http.aclose()

    async def __aenter__(self) -> AsyncClient:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.close()

    def __repr__(self) -> str:
        return _repr("AsyncClient", self._options)


class AsyncChat:
    """``client.chat`` of an :class:`AsyncClient`."""

    def __init__(self, client: AsyncClient) -> None:
        self._client = client
        self.completions = AsyncCompletions(client)

    async def create(
        self,
        *,
        messages: Any,
        model: str | Unset = UNSET,
        stream: bool = False,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx2.Timeout | None = None,
        **params: Unpack[CreateParams],
    ) -> Any:
        if stream is not False and stream is not True:
            raise TypeError(f"stream must be a bool, got {stream!r}")
        client = self._client
        call, output_type = _create_call(
            client._options, "create", model, messages, dict(params), stream=stream,
            extra_headers=extra_headers, extra_query=extra_query, extra_body=extra_body, timeout=timeout,
        )  # fmt: skip
        if stream:
            stream_obj = AsyncChatStream(client._sender, call, completion_finisher(output_type))
            await stream_obj._open()
            return stream_obj
        data, response = await client._sender.json(call)
        if output_type is not None:
            return _parse(
                lambda d: completion_finisher(output_type)(d, response.headers.get("x-request-id")),
                data,
                response,
            )
        return _completion(data, response)

    def stream(
        self,
        *,
        messages: Any,
        model: str | Unset = UNSET,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx2.Timeout | None = None,
        **params: Unpack[CreateParams],
    ) -> AsyncChatStream:
        client = self._client
        call, output_type = _create_call(
            client._options, "stream", model, messages, dict(params), stream=True,
            extra_headers=extra_headers, extra_query=extra_query, extra_body=extra_body, timeout=timeout,
        )  # fmt: skip
        return AsyncChatStream(client._sender, call, completion_finisher(output_type))

    async def parse(
        self,
        *,
        messages: Any,
        response_format: Any,
        model: str | Unset = UNSET,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx2.Timeout | None = None,
        **params: Unpack[CreateParams],
    ) -> ChatCompletion:
        return await self.create(
            messages=messages, model=model, response_format=_as_structured(response_format),
            extra_headers=extra_headers, extra_query=extra_query, extra_body=extra_body, timeout=timeout,
            **params,
        )  # fmt: skip

    async def run_tools(self, **kwargs: Any) -> Any:
        from ._tool_loop import arun_tools

        return await arun_tools(self, **kwargs)


class AsyncCompletions:
    """``client.chat.completions`` of an :class:`AsyncClient`."""

    def __init__(self, client: AsyncClient) -> None:
        self._client = client

    async def _json(self, call: Call) -> tuple[Any, httpx2.Response]:
        return await self._client._sender.json(call)

    async def get(
        self, completion_id: str, *, timeout: float | httpx2.Timeout | None = None
    ) -> ChatCompletion:
        data, response = await self._json(
            Call("GET", f"/chat/completions/{_completion_id(completion_id)}", timeout=timeout)
        )
        return _completion(data, response)

    async def update(
        self,
        completion_id: str,
        *,
        metadata: Mapping[str, str],
        timeout: float | httpx2.Timeout | None = None,
    ) -> ChatCompletion:
        _check_update_metadata(metadata)
        call = Call(
            "POST",
            f"/chat/completions/{_completion_id(completion_id)}",
            {"metadata": dict(metadata)},
            timeout=timeout,
        )
        data, response = await self._json(call)
        return _completion(data, response)

    async def delete(
        self, completion_id: str, *, timeout: float | httpx2.Timeout | None = None
    ) -> ChatCompletionDeleted:
        data, response = await self._json(
            Call("DELETE", f"/chat/completions/{_completion_id(completion_id)}", timeout=timeout)
        )
        return _parse(ChatCompletionDeleted.from_dict, data, response)

    def list(
        self,
        *,
        model: str | None = None,
        metadata: Mapping[str, str] | None = None,
        order: str | None = None,
        limit: int | None = None,
        after: str | None = None,
        timeout: float | httpx2.Timeout | None = None,
    ) -> AsyncPager[ChatCompletion, ChatCompletionList]:
        """``async for c in client.chat.completions.list(): ...``"""
        base = _page_query("listChatCompletions", limit=limit, order=order, model=model, metadata=metadata)

        async def fetch(cursor: str | None) -> dict[str, Any]:
            query = base if cursor is None else {**base, "after": cursor}
            return (await self._json(Call("GET", "/chat/completions", query=query, timeout=timeout)))[0]

        return AsyncPager(fetch, _stored_item, _completion_page, after)

    def messages(
        self,
        completion_id: str,
        *,
        order: str | None = None,
        limit: int | None = None,
        after: str | None = None,
        timeout: float | httpx2.Timeout | None = None,
    ) -> AsyncPager[ChatCompletionStoreMessage, ChatCompletionMessageList]:
        path = f"/chat/completions/{_completion_id(completion_id)}/messages"
        base = _page_query("getChatCompletionMessages", limit=limit, order=order)

        async def fetch(cursor: str | None) -> dict[str, Any]:
            query = base if cursor is None else {**base, "after": cursor}
            return (await self._json(Call("GET", path, query=query, timeout=timeout)))[0]

        return AsyncPager(fetch, _stored_message, _message_page, after)
