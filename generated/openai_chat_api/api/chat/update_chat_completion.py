from typing import Any
from urllib.parse import quote

import httpx2

from ...client import AuthenticatedClient, Client
from ...models.create_chat_completion_response import CreateChatCompletionResponse
from ...models.error_response import ErrorResponse
from ...models.update_chat_completion_request import UpdateChatCompletionRequest
from ...types import Response, status_code_of


def _get_kwargs(
    completion_id: str,
    *,
    body: UpdateChatCompletionRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/chat/completions/{completion_id}".format(
            completion_id=quote(str(completion_id), safe=""),
        ),
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
) -> Response[CreateChatCompletionResponse | ErrorResponse]:
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
    body: UpdateChatCompletionRequest,
) -> Response[CreateChatCompletionResponse | ErrorResponse]:
    """Update a stored completion

     Replaces the metadata of a stored completion.

    Args:
        completion_id (str):
        body (UpdateChatCompletionRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx2.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CreateChatCompletionResponse | ErrorResponse]
    """

    kwargs = _get_kwargs(
        completion_id=completion_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    completion_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: UpdateChatCompletionRequest,
) -> CreateChatCompletionResponse | ErrorResponse | None:
    """Update a stored completion

     Replaces the metadata of a stored completion.

    Args:
        completion_id (str):
        body (UpdateChatCompletionRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx2.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CreateChatCompletionResponse | ErrorResponse
    """

    return sync_detailed(
        completion_id=completion_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    completion_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: UpdateChatCompletionRequest,
) -> Response[CreateChatCompletionResponse | ErrorResponse]:
    """Update a stored completion

     Replaces the metadata of a stored completion.

    Args:
        completion_id (str):
        body (UpdateChatCompletionRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx2.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CreateChatCompletionResponse | ErrorResponse]
    """

    kwargs = _get_kwargs(
        completion_id=completion_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    completion_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: UpdateChatCompletionRequest,
) -> CreateChatCompletionResponse | ErrorResponse | None:
    """Update a stored completion

     Replaces the metadata of a stored completion.

    Args:
        completion_id (str):
        body (UpdateChatCompletionRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx2.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CreateChatCompletionResponse | ErrorResponse
    """

    return (
        await asyncio_detailed(
            completion_id=completion_id,
            client=client,
            body=body,
        )
    ).parsed
