from typing import Any

import httpx2

from ...client import AuthenticatedClient, Client
from ...models.chat_completion_list import ChatCompletionList
from ...models.error_response import ErrorResponse
from ...models.list_chat_completions_order import ListChatCompletionsOrder
from ...models.metadata import Metadata
from ...types import UNSET, Response, Unset, status_code_of


def _get_kwargs(
    *,
    model: str | Unset = UNSET,
    metadata: Metadata | None | Unset = UNSET,
    after: str | Unset = UNSET,
    limit: int | Unset = UNSET,
    order: ListChatCompletionsOrder | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["model"] = model

    json_metadata: dict[str, Any] | None | Unset
    if isinstance(metadata, Unset):
        json_metadata = UNSET
    elif isinstance(metadata, Metadata):
        json_metadata = metadata.to_dict()
    else:
        json_metadata = metadata
    if isinstance(json_metadata, dict):
        for _key, _value in json_metadata.items():
            params[f"metadata[{_key}]"] = _value
    else:
        params["metadata"] = json_metadata

    params["after"] = after

    params["limit"] = limit

    json_order: str | Unset = UNSET
    if not isinstance(order, Unset):
        json_order = order.value

    params["order"] = json_order

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/chat/completions",
        "params": params,
    }

    return _kwargs


_PARSE_ERRORS = (ValueError, KeyError, TypeError, AttributeError, IndexError)


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx2.Response
) -> ChatCompletionList | ErrorResponse | None:
    try:
        if response.status_code == 200:
            response_200 = ChatCompletionList.from_dict(response.json())

            return response_200

        if response.status_code == 400:
            response_400 = ErrorResponse.from_dict(response.json())

            return response_400

        if response.status_code == 401:
            response_401 = ErrorResponse.from_dict(response.json())

            return response_401

        if response.status_code == 403:
            response_403 = ErrorResponse.from_dict(response.json())

            return response_403

        if response.status_code == 404:
            response_404 = ErrorResponse.from_dict(response.json())

            return response_404

        if response.status_code == 429:
            response_429 = ErrorResponse.from_dict(response.json())

            return response_429

        if response.status_code == 500:
            response_500 = ErrorResponse.from_dict(response.json())

            return response_500

        response_default = ErrorResponse.from_dict(response.json())

        return response_default

    except _PARSE_ERRORS:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx2.Response
) -> Response[ChatCompletionList | ErrorResponse]:
    return Response(
        status_code=status_code_of(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    model: str | Unset = UNSET,
    metadata: Metadata | None | Unset = UNSET,
    after: str | Unset = UNSET,
    limit: int | Unset = UNSET,
    order: ListChatCompletionsOrder | Unset = UNSET,
) -> Response[ChatCompletionList | ErrorResponse]:
    """List stored completions

     Pages through completions that were created with `store: true`.

    Args:
        model (str | Unset):
        metadata (Metadata | None | Unset): Up to 16 string pairs attached to an object; keys up
            to 64 characters, values up to 512.
        after (str | Unset):
        limit (int | Unset):
        order (ListChatCompletionsOrder | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx2.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ChatCompletionList | ErrorResponse]
    """

    kwargs = _get_kwargs(
        model=model,
        metadata=metadata,
        after=after,
        limit=limit,
        order=order,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    model: str | Unset = UNSET,
    metadata: Metadata | None | Unset = UNSET,
    after: str | Unset = UNSET,
    limit: int | Unset = UNSET,
    order: ListChatCompletionsOrder | Unset = UNSET,
) -> ChatCompletionList | ErrorResponse | None:
    """List stored completions

     Pages through completions that were created with `store: true`.

    Args:
        model (str | Unset):
        metadata (Metadata | None | Unset): Up to 16 string pairs attached to an object; keys up
            to 64 characters, values up to 512.
        after (str | Unset):
        limit (int | Unset):
        order (ListChatCompletionsOrder | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx2.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ChatCompletionList | ErrorResponse
    """

    return sync_detailed(
        client=client,
        model=model,
        metadata=metadata,
        after=after,
        limit=limit,
        order=order,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    model: str | Unset = UNSET,
    metadata: Metadata | None | Unset = UNSET,
    after: str | Unset = UNSET,
    limit: int | Unset = UNSET,
    order: ListChatCompletionsOrder | Unset = UNSET,
) -> Response[ChatCompletionList | ErrorResponse]:
    """List stored completions

     Pages through completions that were created with `store: true`.

    Args:
        model (str | Unset):
        metadata (Metadata | None | Unset): Up to 16 string pairs attached to an object; keys up
            to 64 characters, values up to 512.
        after (str | Unset):
        limit (int | Unset):
        order (ListChatCompletionsOrder | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx2.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ChatCompletionList | ErrorResponse]
    """

    kwargs = _get_kwargs(
        model=model,
        metadata=metadata,
        after=after,
        limit=limit,
        order=order,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    model: str | Unset = UNSET,
    metadata: Metadata | None | Unset = UNSET,
    after: str | Unset = UNSET,
    limit: int | Unset = UNSET,
    order: ListChatCompletionsOrder | Unset = UNSET,
) -> ChatCompletionList | ErrorResponse | None:
    """List stored completions

     Pages through completions that were created with `store: true`.

    Args:
        model (str | Unset):
        metadata (Metadata | None | Unset): Up to 16 string pairs attached to an object; keys up
            to 64 characters, values up to 512.
        after (str | Unset):
        limit (int | Unset):
        order (ListChatCompletionsOrder | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx2.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ChatCompletionList | ErrorResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            model=model,
            metadata=metadata,
            after=after,
            limit=limit,
            order=order,
        )
    ).parsed
