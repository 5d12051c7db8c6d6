"""The committed generated package is what the spec generates, and its endpoints send only what they are given."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import httpx2
from openai_chat_api import AuthenticatedClient
from openai_chat_api.api.chat import get_chat_completion_messages, list_chat_completions
from openai_chat_api.models import ChatCompletionList, ChatCompletionMessageList, Metadata

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
