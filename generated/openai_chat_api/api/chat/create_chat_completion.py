from typing import Any

import httpx2

from ...client import AuthenticatedClient, Client
from ...models.create_chat_completion_request import CreateChatCompletionRequest
from ...models.create_chat_completion_response import CreateChatCompletionResponse
from ...models.error_response import ErrorResponse
from ...types import Response, status_code_of


def _get_kwargs(
    *,
    body: CreateChatCompletionRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/chat/completions",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


_PARSE_ERRORS = (ValueError, KeyError, TypeError, AttributeError, IndexError)


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx2.Response
) -> CreateChatCompletionResponse | ErrorResponse | None:
    try:
        if response.status_code == 200:
            response_200 = CreateChatCompletionResponse.from_dict(response.json())

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
) -> Response[CreateChatCompletionResponse | ErrorResponse]:
    return Response(
        status_code=status_code_of(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: CreateChatCompletionRequest,
) -> Response[CreateChatCompletionResponse | ErrorResponse]:
    """Create a completion

     Sends a conversation and returns the model's reply, whole or as a stream of chunks when `stream` is
    true.

    Args:
        body (CreateChatCompletionRequest): What to send to create a completion.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx2.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CreateChatCompletionResponse | ErrorResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: CreateChatCompletionRequest,
) -> CreateChatCompletionResponse | ErrorResponse | None:
    """Create a completion

     Sends a conversation and returns the model's reply, whole or as a stream of chunks when `stream` is
    true.

    Args:
        body (CreateChatCompletionRequest): What to send to create a completion.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx2.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CreateChatCompletionResponse | ErrorResponse
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: CreateChatCompletionRequest,
) -> Response[CreateChatCompletionResponse | ErrorResponse]:
    """Create a completion

     Sends a conversation and returns the model's reply, whole or as a stream of chunks when `stream` is
    true.

    Args:
        body (CreateChatCompletionRequest): What to send to create a completion.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx2.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CreateChatCompletionResponse | ErrorResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: CreateChatCompletionRequest,
) -> CreateChatCompletionResponse | ErrorResponse | None:
    """Create a completion

     Sends a conversation and returns the model's reply, whole or as a stream of chunks when `stream` is
    true.

    Args:
        body (CreateChatCompletionRequest): What to send to create a completion.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx2.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CreateChatCompletionResponse | ErrorResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
