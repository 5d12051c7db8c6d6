"""The keyword arguments of ``chat.create`` / ``chat.stream`` / ``chat.parse``, for type checkers.

Values may be plain JSON-ready Python data or the generated models (``openai_chat_api.models``).
A test pins these names to the request schema of ``openapi.yaml``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Literal, TypedDict

__all__ = ["CreateParams"]


class CreateParams(TypedDict, total=False):
    """Every optional field of the create request (``model`` and ``messages`` are named parameters)."""

    metadata: Mapping[str, str] | None
    top_logprobs: int | None
    temperature: float | None
    top_p: float | None
    user: str
    safety_identifier: str | None
    prompt_cache_key: str | None
    prompt_cache_retention: Literal["in_memory", "24h"] | None
    prompt_cache_options: Any
    service_tier: Literal["auto", "default", "flex", "scale", "priority", "fast"] | None
    modalities: Sequence[Literal["text", "audio"]] | None
    verbosity: Literal["low", "medium", "high"] | None
    reasoning_effort: Literal["none", "minimal", "low", "medium", "high", "xhigh", "max"] | None
    max_completion_tokens: int | None
    frequency_penalty: float | None
    presence_penalty: float | None
    web_search_options: Any
    response_format: Any
    audio: Any
    store: bool | None
    moderation: Any
    stop: str | Sequence[str] | None
    logit_bias: Mapping[str, int] | None
    logprobs: bool | None
    max_tokens: int | None
    n: int | None
    prediction: Any
    seed: int | None
    stream_options: Any
    tools: Sequence[Any]
    tool_choice: Any
    parallel_tool_calls: bool
    function_call: Any
    functions: Sequence[Any]
