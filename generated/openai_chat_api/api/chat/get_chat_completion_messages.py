from typing import Any
from urllib.parse import quote

import httpx2

from ...client import AuthenticatedClient, Client
from ...models.chat_completion_message_list import ChatCompletionMessageList
from ...models.error_response import ErrorResponse
from ...models.get_chat_completion_messages_order import GetChatCompletionMessagesOrder
from ...types import UNSET, Response, Unset, status_code_of


def _get_kwargs(
    completion_id: str,
    *,
    after: str | Unset = UNSET,
    limit: int | Unset = UNSET,
    order: GetChatCompletionMessagesOrder | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["after"] = after

    params["limit"] = limit

    json_order: str | Unset = UNSET
    if not isinstance(order, Unset):
        json_order = order.value

    params["order"] = json_order

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/chat/completions/{completion_id}/messages".format(
            completion_id=quote(str(completion_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


_PARSE_ERRORS = (ValueError, KeyError, TypeError, AttributeError, IndexError)


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx2.Response
) -> ChatCompletionMessageList | ErrorResponse | None:
    try:
        if response.status_code == 200:
            response_200 = ChatCompletionMessageList.from_dict(response.json())

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
) -> Response[ChatCompletionMessageList | ErrorResponse]:
    return Response(
        status_code=status_code_of(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    completion_id: str,
    *,
    client: AuthenticatedClient | Client,
    after: str | Unset = UNSET,
    limit: int | Unset = UNSET,
    order: GetChatCompletionMessagesOrder | Unset = UNSET,
) -> Response[ChatCompletionMessageList | ErrorResponse]:
    """List the messages of a stored completion

     Pages through the input messages of a stored completion.

    Args:
        completion_id (str):
        after (str | Unset):
        limit (int | Unset):
        order (GetChatCompletionMessagesOrder | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx2.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ChatCompletionMessageList | ErrorResponse]
    """

    kwargs = _get_kwargs(
        completion_id=completion_id,
        after=after,
        limit=limit,
        order=order,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    completion_id: str,
    *,
    client: AuthenticatedClient | Client,
    after: str | Unset = UNSET,
    limit: int | Unset = UNSET,
    order: GetChatCompletionMessagesOrder | Unset = UNSET,
) -> ChatCompletionMessageList | ErrorResponse | None:
    """List the messages of a stored completion

     Pages through the input messages of a stored completion.

    Args:
        completion_id (str):
        after (str | Unset):
        limit (int | Unset):
        order (GetChatCompletionMessagesOrder | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx2.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ChatCompletionMessageList | ErrorResponse
    """

    return sync_detailed(
        completion_id=completion_id,
        client=client,
        after=after,
        limit=limit,
        order=order,
    ).parsed


async def asyncio_detailed(
    completion_id: str,
    *,
    client: AuthenticatedClient | Client,
    after: str | Unset = UNSET,
    limit: int | Unset = UNSET,
    order: GetChatCompletionMessagesOrder | Unset = UNSET,
) -> Response[ChatCompletionMessageList | ErrorResponse]:
    """List the messages of a stored completion

     Pages through the input messages of a stored completion.

    Args:
        completion_id (str):
        after (str | Unset):
        limit (int | Unset):
        order (GetChatCompletionMessagesOrder | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx2.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ChatCompletionMessageList | ErrorResponse]
    """

    kwargs = _get_kwargs(
        completion_id=completion_id,
        after=after,
        limit=limit,
        order=order,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    completion_id: str,
    *,
    client: AuthenticatedClient | Client,
    after: str | Unset = UNSET,
    limit: int | Unset = UNSET,
    order: GetChatCompletionMessagesOrder | Unset = UNSET,
) -> ChatCompletionMessageList | ErrorResponse | None:
    """List the messages of a stored completion

     Pages through the input messages of a stored completion.

    Args:
        completion_id (str):
        after (str | Unset):
        limit (int | Unset):
        order (GetChatCompletionMessagesOrder | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx2.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ChatCompletionMessageList | ErrorResponse
    """

    return (
        await asyncio_detailed(
            completion_id=completion_id,
            client=client,
            after=after,
            limit=limit,
            order=order,
        )
    ).parsed
