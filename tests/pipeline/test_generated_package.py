"""The committed generated package is what the spec generates, and its endpoints send only what they are given."""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
from http import HTTPStatus
from pathlib import Path
from typing import Any

import httpx2
import pytest
from openai_chat_api import AuthenticatedClient
from openai_chat_api.api.chat import (
    create_chat_completion,
    get_chat_completion,
    get_chat_completion_messages,
    list_chat_completions,
)
from openai_chat_api.models import (
    ChatCompletionList,
    ChatCompletionMessageList,
    CreateChatCompletionRequest,
    ErrorResponse,
    Metadata,
)

ROOT = Path(__file__).resolve().parents[2]
PAGE = {"object": "list", "data": [], "first_id": "", "last_id": "", "has_more": False}


def test_generated_package_is_up_to_date_with_the_spec():
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "generate.py"), "--check"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-4000:]


def _client(seen: list[httpx2.Request]) -> AuthenticatedClient:
    def handler(request: httpx2.Request) -> httpx2.Response:
        seen.append(request)
        return httpx2.Response(200, json=PAGE)

    return AuthenticatedClient(
        base_url="https://api.test/v1", token="k", httpx_args={"transport": httpx2.MockTransport(handler)}
    )


def test_list_sends_metadata_deep_object_style_and_nothing_unset():
    seen: list[httpx2.Request] = []
    response = list_chat_completions.sync_detailed(
        client=_client(seen), metadata=Metadata.from_dict({"a": "1", "b c": "x&y"}), limit=2
    )
    (request,) = seen
    assert request.url.path == "/v1/chat/completions"
    assert sorted(request.url.params.multi_items()) == [
        ("limit", "2"),
        ("metadata[a]", "1"),
        ("metadata[b c]", "x&y"),
    ]
    assert "metadata%5Ba%5D=1" in str(request.url) or "metadata[a]=1" in str(request.url)
    assert request.headers["authorization"] == "Bearer k"
    assert isinstance(response.parsed, ChatCompletionList)


def test_list_and_messages_without_arguments_send_no_query():
    seen: list[httpx2.Request] = []
    client = _client(seen)
    list_chat_completions.sync_detailed(client=client)
    messages = get_chat_completion_messages.sync_detailed("chatcmpl-1", client=client)
    assert [str(r.url) for r in seen] == [
        "https://api.test/v1/chat/completions",
        "https://api.test/v1/chat/completions/chatcmpl-1/messages",
    ]
    assert isinstance(messages.parsed, ChatCompletionMessageList)


ODD_ANSWERS = [
    pytest.param(404, {"detail": "Not Found"}, "application/json", id="404-detail"),
    pytest.param(502, b"<html><body>Bad gateway</body></html>", "text/html", id="502-html"),
    pytest.param(520, b"", "text/plain", id="520-unregistered"),
    pytest.param(400, [1, 2], "application/json", id="400-list"),
    pytest.param(200, b"not json", "application/json", id="200-not-json"),
    pytest.param(200, {"id": "x"}, "application/json", id="200-wrong-shape"),
]


@pytest.mark.parametrize("mode", ["sync", "async"])
@pytest.mark.parametrize(("status", "body", "content_type"), ODD_ANSWERS)
def test_raw_endpoints_keep_odd_answers_instead_of_raising(
    mode: str, status: int, body: Any, content_type: str
):
    def handler(request: httpx2.Request) -> httpx2.Response:
        content = body if isinstance(body, bytes) else json.dumps(body).encode()
        return httpx2.Response(
            status, content=content, headers={"content-type": content_type, "x-request-id": "req_1"}
        )

    transport = httpx2.MockTransport(handler)
    client = AuthenticatedClient(
        base_url="https://api.test/v1",
        token="k",
        httpx_args={"transport": transport},
    )
    request = CreateChatCompletionRequest.from_dict(
        {"model": "m", "messages": [{"role": "user", "content": "Hi"}]}
    )
    if mode == "sync":
        response = create_chat_completion.sync_detailed(client=client, body=request)
    else:
        client.set_async_httpx_client(httpx2.AsyncClient(base_url="https://api.test/v1", transport=transport))
        response = asyncio.run(create_chat_completion.asyncio_detailed(client=client, body=request))
    assert response.parsed is None
    assert response.status_code == status and int(response.status_code) == status
    assert response.headers["x-request-id"] == "req_1"
    assert response.content == (body if isinstance(body, bytes) else json.dumps(body).encode())


def test_raw_endpoints_still_parse_the_error_shape_they_document():
    error = {"error": {"message": "slow down", "type": "rate_limit", "param": None, "code": None}}

    def handler(request: httpx2.Request) -> httpx2.Response:
        return httpx2.Response(429, json=error)

    client = AuthenticatedClient(
        base_url="https://api.test/v1", token="k", httpx_args={"transport": httpx2.MockTransport(handler)}
    )
    response = get_chat_completion.sync_detailed("chatcmpl-1", client=client)
    assert response.status_code == HTTPStatus.TOO_MANY_REQUESTS
    assert isinstance(response.parsed, ErrorResponse)
    assert response.parsed.error.message == "slow down"
