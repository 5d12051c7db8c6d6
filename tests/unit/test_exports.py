"""The public surface of ``openai_chat``: exactly these names, each one importable, loaded on first use."""

from __future__ import annotations

import subprocess
import sys

import openai_chat
import pytest

EXPORTED = [
    "APIConnectionError",
    "APIError",
    "APIResponseValidationError",
    "APIStatusError",
    "APITimeoutError",
    "AsyncAzureClient",
    "AsyncChatStream",
    "AsyncClient",
    "AsyncPager",
    "AuthenticationError",
    "AzureClient",
    "BadRequestError",
    "ChatCompletion",
    "ChatCompletionAccumulator",
    "ChatCompletionChunk",
    "ChatCompletionMessage",
    "ChatStream",
    "Client",
    "ClientOptions",
    "ConflictError",
    "ContentDelta",
    "ContentFilterFinishReasonError",
    "CreateParams",
    "FinishEvent",
    "FunctionTool",
    "IncompleteStreamError",
    "InternalServerError",
    "LengthFinishReasonError",
    "Message",
    "NotFoundError",
    "OpenAIError",
    "ParsedChatCompletion",
    "ParsedChatCompletionMessage",
    "PermissionDeniedError",
    "RateLimitError",
    "ReasoningDelta",
    "RefusalDelta",
    "ResponseInfo",
    "SSEDecoder",
    "ServerSentEvent",
    "StreamError",
    "Structured",
    "StructuredOutputError",
    "SyncPager",
    "ToolCallArgumentsDelta",
    "ToolRunCompletion",
    "UNSET",
    "UnprocessableEntityError",
    "accumulate_sse",
    "assistant",
    "audio",
    "decode_arguments",
    "developer",
    "file",
    "function_tool",
    "image",
    "json_schema_for",
    "response_format_for",
    "system",
    "text",
    "tool",
    "user",
]


def test_all_is_pinned() -> None:
    assert openai_chat.__all__ == EXPORTED
    assert EXPORTED == sorted(EXPORTED)


@pytest.mark.parametrize("name", EXPORTED)
def test_every_name_resolves(name: str) -> None:
    value = getattr(openai_chat, name)
    assert value is not None
    namespace: dict = {}
    exec(f"from openai_chat import {name}", namespace)
    assert namespace[name] is value


def test_dir_lists_the_exports() -> None:
    assert set(EXPORTED) <= set(dir(openai_chat))


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no attribute 'Clinet'"):
        openai_chat.Clinet  # noqa: B018


def test_errors_form_one_tree() -> None:
    statuses = [
        "BadRequestError",
        "AuthenticationError",
        "PermissionDeniedError",
        "NotFoundError",
        "ConflictError",
        "UnprocessableEntityError",
        "RateLimitError",
        "InternalServerError",
    ]
    for name in statuses:
        assert issubclass(getattr(openai_chat, name), openai_chat.APIStatusError)
    assert issubclass(openai_chat.APITimeoutError, openai_chat.APIConnectionError)
    for name in ["APIStatusError", "APIConnectionError", "APIResponseValidationError", "StreamError"]:
        assert issubclass(getattr(openai_chat, name), openai_chat.APIError)
    assert issubclass(openai_chat.APIError, openai_chat.OpenAIError)


def test_import_is_lazy() -> None:
    code = (
        "import sys, openai_chat\n"
        "heavy = ('openai_chat.', 'openai_chat_api', 'httpx2')\n"
        "loaded = sorted(m for m in sys.modules if m.startswith(heavy))\n"
        "print(loaded)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_a_first_answer_loads_no_class_builder() -> None:
    # A fresh process's first answer waits for every module it loads: the models and the façade's own
    # records are plain classes written out in source, so no class decorator builds methods at import.
    # (attrs is still welcome in a caller's own classes for structured outputs.)
    code = (
        "import json, sys, httpx2, openai_chat\n"
        "body = {'id': 'c1', 'object': 'chat.completion', 'created': 0, 'model': 'm', 'choices': [\n"
        "    {'index': 0, 'finish_reason': 'stop', 'logprobs': None,\n"
        "     'message': {'role': 'assistant', 'content': 'Hi', 'refusal': None}}]}\n"
        "http = httpx2.Client(transport=httpx2.MockTransport(lambda request: httpx2.Response(200, json=body)))\n"
        "client = openai_chat.Client(api_key='k', base_url='https://api.example/v1', http_client=http)\n"
        "print(client.chat.create(model='m', messages='Hello').text, 'attrs' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["Hi", "False"]
