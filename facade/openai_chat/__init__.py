"""openai_chat: a fast, light client for the OpenAI Chat Completions API and compatible servers.

    import openai_chat as oc

    with oc.Client(model="gpt-4o-mini") as client:
        print(client.chat.create(messages=[oc.system("Be brief."), oc.user("Hi")]).text)
        with client.chat.stream(messages="Count to 5") as s:
            for piece in s.text():
                print(piece, end="")

Names are loaded on first use, so ``import openai_chat`` stays cheap.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

# public name -> module that defines it
_EXPORTS: dict[str, str] = {
    # clients
    "Client": "._sync.client",
    "AsyncClient": "._async.client",
    "AzureClient": "._azure",
    "AsyncAzureClient": "._azure",
    "ClientOptions": "._options",
    "CreateParams": "openai_chat_api.request_types",
    # results and streams
    "ChatCompletion": "._models",
    "ChatCompletionChunk": "._models",
    "ChatCompletionMessage": "._models",
    "ParsedChatCompletion": "._models",
    "ParsedChatCompletionMessage": "._models",
    "Message": "._models",
    "ResponseInfo": "._response",
    "ChatStream": "._sync.stream",
    "AsyncChatStream": "._async.stream",
    "ContentDelta": "._events",
    "ReasoningDelta": "._events",
    "RefusalDelta": "._events",
    "ToolCallArgumentsDelta": "._events",
    "FinishEvent": "._events",
    "ChatCompletionAccumulator": "._accumulate",
    "accumulate_sse": "._api_helpers",
    "SSEDecoder": "._sse",
    "ServerSentEvent": "._sse",
    "SyncPager": "._sync.pager",
    "AsyncPager": "._async.pager",
    # messages
    "system": "._messages",
    "developer": "._messages",
    "user": "._messages",
    "assistant": "._messages",
    "tool": "._messages",
    "text": "._messages",
    "image": "._messages",
    "audio": "._messages",
    "file": "._messages",
    # structured outputs and tools
    "Structured": "._structured",
    "json_schema_for": "._schema",
    "response_format_for": "._schema",
    "FunctionTool": "._tools",
    "function_tool": "._tools",
    "decode_arguments": "._tools",
    "ToolRunCompletion": "._tool_loop",
    # errors
    "OpenAIError": "._exceptions",
    "APIError": "._exceptions",
    "APIStatusError": "._exceptions",
    "BadRequestError": "._exceptions",
    "AuthenticationError": "._exceptions",
    "PermissionDeniedError": "._exceptions",
    "NotFoundError": "._exceptions",
    "ConflictError": "._exceptions",
    "UnprocessableEntityError": "._exceptions",
    "RateLimitError": "._exceptions",
    "InternalServerError": "._exceptions",
    "APIConnectionError": "._exceptions",
    "APITimeoutError": "._exceptions",
    "APIResponseValidationError": "._exceptions",
    "StreamError": "._exceptions",
    "IncompleteStreamError": "._exceptions",
    "StructuredOutputError": "._exceptions",
    "LengthFinishReasonError": "._exceptions",
    "ContentFilterFinishReasonError": "._exceptions",
    # the "not given" sentinel shared with the generated layer
    "UNSET": "openai_chat_api.types",
}

__all__ = [
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


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'openai_chat' has no attribute {name!r}")
    value = getattr(import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


if TYPE_CHECKING:  # pragma: no cover - for type checkers and IDEs only
    from openai_chat_api.request_types import CreateParams
    from openai_chat_api.types import UNSET

    from ._accumulate import ChatCompletionAccumulator
    from ._api_helpers import accumulate_sse
    from ._async.client import AsyncClient
    from ._async.pager import AsyncPager
    from ._async.stream import AsyncChatStream
    from ._azure import AsyncAzureClient, AzureClient
    from ._events import ContentDelta, FinishEvent, ReasoningDelta, RefusalDelta, ToolCallArgumentsDelta
    from ._exceptions import (
        APIConnectionError,
        APIError,
        APIResponseValidationError,
        APIStatusError,
        APITimeoutError,
        AuthenticationError,
        BadRequestError,
        ConflictError,
        ContentFilterFinishReasonError,
        IncompleteStreamError,
        InternalServerError,
        LengthFinishReasonError,
        NotFoundError,
        OpenAIError,
        PermissionDeniedError,
        RateLimitError,
        StreamError,
        StructuredOutputError,
        UnprocessableEntityError,
    )
    from ._messages import assistant, audio, developer, file, image, system, text, tool, user
    from ._models import (
        ChatCompletion,
        ChatCompletionChunk,
        ChatCompletionMessage,
        Message,
        ParsedChatCompletion,
        ParsedChatCompletionMessage,
    )
    from ._options import ClientOptions
    from ._response import ResponseInfo
    from ._schema import json_schema_for, response_format_for
    from ._sse import ServerSentEvent, SSEDecoder
    from ._structured import Structured
    from ._sync.client import Client
    from ._sync.pager import SyncPager
    from ._sync.stream import ChatStream
    from ._tool_loop import ToolRunCompletion
    from ._tools import FunctionTool, decode_arguments, function_tool
