"""``AsyncClient``: the client whose calls are awaited.

This module is the source of ``Client`` too: ``scripts/unasync.py`` writes the sync code from it (into
``generated/openai_chat_sync/``), so the two are written once. Everything that decides lives in
``openai_chat._calls``; the classes here only send and await.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable, Mapping
from typing import Any, Literal, Self, TypeVar, Unpack, overload

import httpx2
from openai_chat_api.client import Client as GeneratedClient
from openai_chat_api.models import ChatCompletionStoreMessage
from openai_chat_api.types import UNSET, Unset

from .._calls import (
    CreateArgs,
    ParseArgs,
    ToolRunArgs,
    _as_structured,
    _check_http_client,
    _check_update_metadata,
    _completion,
    _completion_id,
    _completion_page,
    _create_call,
    _deleted,
    _http_settings,
    _message_page,
    _page,
    _page_query,
    _raw_client,
    _repr,
    _stored_item,
    _stored_message,
)
from .._messages import Messages
from .._models import (
    ChatCompletion,
    ChatCompletionDeleted,
    ChatCompletionList,
    ChatCompletionMessageList,
    ParsedChatCompletion,
)
from .._options import ClientOptions
from .._request import Call
from .._response import ResponseInfo
from .._structured import Structured, completion_finisher, parsed_finisher
from .._tool_loop import ToolRunCompletion
from .._tools import ToolLike
from .pager import AsyncPager, Fetched
from .sender import AsyncSender
from .stream import AsyncChatStream

__all__ = ["AsyncClient", "AsyncChat", "AsyncCompletions"]

T = TypeVar("T")
C = TypeVar("C", bound=ChatCompletion)


class AsyncClient:
    """A client for the Chat Completions API and compatible servers.

    >>> async with AsyncClient(api_key="sk-...", model="gpt-4o-mini") as client:  # doctest: +SKIP
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
        self._raw: GeneratedClient | None = None
        self.chat = AsyncChat(self)

    @property
    def options(self) -> ClientOptions:
        """The options this client sends with (immutable; change them with :meth:`with_options`)."""
        return self._options

    @property
    def http_client(self) -> httpx2.AsyncClient:
        """The HTTP client requests go through."""
        return self._http

    @property
    def raw(self) -> GeneratedClient:
        """The generated client on the same pool, base URL, headers and timeout, for edge cases.

        >>> from openai_chat_api.api.chat import get_chat_completion     # doctest: +SKIP
        >>> await get_chat_completion.asyncio_detailed("chatcmpl-123", client=client.raw)
        """
        if self._raw is None:
            self._raw = _raw_client(self._http, self._options, self._pool_options)
        return self._raw

    def with_options(
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
        model: str | None | Unset = UNSET,
    ) -> Self:
        """A copy with other options that shares this client's connection pool (UNSET keeps an option).

        >>> patient = client.with_options(timeout=120, max_retries=5)  # doctest: +SKIP
        """
        options = self._options.evolve(
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
        return self._copy(options)

    def _copy(self, options: ClientOptions) -> Self:
        copy = object.__new__(type(self))
        copy._setup(options, self._http, pool_options=self._pool_options, owns_http=False)
        return copy

    async def close(self) -> None:
        """Close the connection pool (when this client created it)."""
        if self._owns_http:
            await self._http.aclose()

    async def __aenter__(self) -> AsyncClient:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.close()

    def __repr__(self) -> str:
        return _repr("AsyncClient", self._options)


class AsyncChat:
    """``client.chat``: create, stream and parse completions; ``client.chat.completions`` for stored ones."""

    def __init__(self, client: AsyncClient) -> None:
        self._client = client
        self.completions = AsyncCompletions(client)

    @overload
    async def create(
        self,
        *,
        messages: Messages,
        model: str | Unset = UNSET,
        stream: Literal[False] = False,
        **params: Unpack[CreateArgs],
    ) -> ChatCompletion: ...
    @overload
    async def create(
        self,
        *,
        messages: Messages,
        model: str | Unset = UNSET,
        stream: Literal[True],
        **params: Unpack[CreateArgs],
    ) -> AsyncChatStream: ...
    @overload
    async def create(
        self, *, messages: Messages, model: str | Unset = UNSET, stream: bool, **params: Unpack[CreateArgs]
    ) -> ChatCompletion | AsyncChatStream: ...
    async def create(
        self,
        *,
        messages: Messages,
        model: str | Unset = UNSET,
        stream: bool = False,
        **params: Unpack[CreateArgs],
    ) -> ChatCompletion | AsyncChatStream:
        """Create a completion; with ``stream=True``, an iterable :class:`AsyncChatStream` of chunks.

        >>> (await client.chat.create(model="gpt-4o-mini", messages=[user("Hi")])).text  # doctest: +SKIP
        """
        if stream is not False and stream is not True:
            raise TypeError(f"stream must be a bool, got {stream!r}")
        call, output_type = _create_call(
            self._client._options, "create", model, messages, params, stream=stream
        )
        if stream:
            stream_obj = AsyncChatStream(self._client._sender, call, completion_finisher(output_type))
            await stream_obj._open()
            return stream_obj
        return await self._complete(call, completion_finisher(output_type))

    async def _complete(self, call: Call, finish: Callable[[dict[str, Any], ResponseInfo | None], C]) -> C:
        data, response, info = await self._client._sender.json(call)
        return _completion(finish, data, response, info)

    async def _complete_with(
        self, messages: Messages, model: str | Unset, params: Mapping[str, Any], where: str = "run_tools"
    ) -> ChatCompletion:
        call, output_type = _create_call(self._client._options, where, model, messages, params, stream=False)
        return await self._complete(call, completion_finisher(output_type))

    def stream(
        self, *, messages: Messages, model: str | Unset = UNSET, **params: Unpack[CreateArgs]
    ) -> AsyncChatStream:
        """Stream a completion: ``async with client.chat.stream(...) as s: async for text in s.text(): ...``."""
        call, output_type = _create_call(
            self._client._options, "stream", model, messages, params, stream=True
        )
        return AsyncChatStream(self._client._sender, call, completion_finisher(output_type))

    @overload
    async def parse(
        self,
        *,
        messages: Messages,
        response_format: type[T] | Structured[T],
        model: str | Unset = UNSET,
        **params: Unpack[ParseArgs],
    ) -> ParsedChatCompletion[T]: ...
    @overload
    async def parse(
        self,
        *,
        messages: Messages,
        response_format: Mapping[str, Any],
        model: str | Unset = UNSET,
        **params: Unpack[ParseArgs],
    ) -> ParsedChatCompletion[Any]: ...
    async def parse(
        self,
        *,
        messages: Messages,
        response_format: type[Any] | Structured[Any] | Mapping[str, Any],
        model: str | Unset = UNSET,
        **params: Unpack[ParseArgs],
    ) -> ParsedChatCompletion[Any]:
        """Create a completion whose answer is parsed into ``response_format``: your attrs class, dataclass
        or TypedDict (``parsed`` is then an instance of it), or a JSON schema dict (``parsed`` is the JSON).

        >>> (await client.chat.parse(messages="A city?", response_format=City)).parsed  # doctest: +SKIP
        """
        fields = {**params, "response_format": _as_structured(response_format)}
        call, output_type = _create_call(
            self._client._options, "parse", model, messages, fields, stream=False
        )
        return await self._complete(call, parsed_finisher(output_type))

    async def run_tools(
        self,
        *,
        messages: Messages,
        tools: Iterable[ToolLike],
        model: str | Unset = UNSET,
        max_steps: int = 10,
        raise_on_error: bool = False,
        **params: Unpack[ToolRunArgs],
    ) -> ToolRunCompletion:
        """Call the model, run the tools it asks for, and repeat until it answers (see ``arun_tools``)."""
        from .tools import arun_tools

        return await arun_tools(
            self, messages=messages, tools=tools, model=model, max_steps=max_steps,
            raise_on_error=raise_on_error, **params,
        )  # fmt: skip


class AsyncCompletions:
    """``client.chat.completions``: completions stored with ``store=True``."""

    def __init__(self, client: AsyncClient) -> None:
        self._client = client

    async def _json(self, call: Call) -> tuple[Any, httpx2.Response, ResponseInfo]:
        return await self._client._sender.json(call)

    async def get(
        self, completion_id: str, *, timeout: float | httpx2.Timeout | None = None
    ) -> ChatCompletion:
        """One stored completion."""
        call = Call("GET", f"/chat/completions/{_completion_id(completion_id)}", timeout=timeout)
        return _completion(completion_finisher(None), *await self._json(call))

    async def update(
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
        return _completion(completion_finisher(None), *await self._json(call))

    async def delete(
        self, completion_id: str, *, timeout: float | httpx2.Timeout | None = None
    ) -> ChatCompletionDeleted:
        """Delete a stored completion."""
        call = Call("DELETE", f"/chat/completions/{_completion_id(completion_id)}", timeout=timeout)
        return _deleted(*await self._json(call))

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
        """Every stored completion, fetched a page at a time: ``async for c in client.chat.completions.list(): ...``."""
        base = _page_query("listChatCompletions", limit=limit, order=order, model=model, metadata=metadata)
        return AsyncPager(
            self._pages("/chat/completions", base, timeout), _stored_item, _completion_page, after
        )

    def messages(
        self,
        completion_id: str,
        *,
        order: str | None = None,
        limit: int | None = None,
        after: str | None = None,
        timeout: float | httpx2.Timeout | None = None,
    ) -> AsyncPager[ChatCompletionStoreMessage, ChatCompletionMessageList]:
        """The input messages of a stored completion, fetched a page at a time."""
        path = f"/chat/completions/{_completion_id(completion_id)}/messages"
        base = _page_query("getChatCompletionMessages", limit=limit, order=order)
        return AsyncPager(self._pages(path, base, timeout), _stored_message, _message_page, after)

    def _pages(
        self, path: str, base: dict[str, Any], timeout: float | httpx2.Timeout | None
    ) -> Callable[[str | None], Awaitable[Fetched]]:
        async def fetch(cursor: str | None) -> Fetched:
            query = base if cursor is None else {**base, "after": cursor}
            return _page(*await self._json(Call("GET", path, query=query, timeout=timeout)))

        return fetch
