"""What the local stack changes in a request before the bundled model server sees it.

The bundled server is llama-cpp-python's (0.3.x) with the packaged Gemma 3 270M and its ``gemma`` chat
format. The gateway applies :func:`translate_request` only when it started that server itself; with
``--upstream URL`` requests go out as the caller sent them. The client never translates anything.

Each rule below was measured against the bundled server (HTTP status and what the model saw):

* ``developer`` messages are refused: HTTP 500, "7 validation errors" (the server knows ``system``,
  ``user``, ``assistant``, ``tool`` and ``function`` only). ``system`` messages are accepted but the
  ``gemma`` format drops them from the prompt without a word, so an instruction never reaches the model.
  Rule: every ``system`` and ``developer`` text is put at the start of the next user turn, separated by a
  blank line, which is where Gemma's own chat template puts a system prompt. A trailing one becomes a
  user turn of its own.
* ``tool`` (and legacy ``function``) messages are accepted and then dropped from the prompt, so a tool
  result never reaches the model. Rule: each becomes a user turn ``Result of NAME: CONTENT``.
* An assistant message with ``content: null`` next to its tool calls (the form the API itself returns)
  fails: HTTP 500 (``KeyError: 'content'``) and, streamed, an empty HTTP 200 stream. With ``content: ""``
  the format writes a model turn with no end marker, which runs into the next turn. Rule: an assistant
  message's tool calls are written into its text as ``NAME(ARGUMENTS)``, one per line.
* Content given as a list of text parts reaches the format as nothing (the turn is written without text
  or end marker). Rule: text parts are joined with newlines; an image, audio or file part is refused with
  HTTP 400 (the model reads text only) rather than silently left out.
* Turns of the same role that end up next to each other are joined with a blank line, since Gemma's
  turns alternate.
* ``response_format: {"type": "json_schema", ...}`` is refused: HTTP 500 ("Input should be 'text' or
  'json_object'"). The server constrains output to a schema given as ``{"type": "json_object", "schema":
  ...}``. Rule: ``json_schema`` becomes that, with the same schema.
* Strings in a schema-constrained answer may hold raw control characters, which makes the answer
  invalid JSON (seen without ``temperature=0``). Not a request rule: the bundled server is started with
  its schema grammar fixed to exclude them (``_local_llama``).
* ``max_completion_tokens`` is ignored, and a request without ``max_tokens`` generates until the context
  is full (2,048 tokens, about 3.5 minutes on two cores). Rule: ``max_completion_tokens`` becomes
  ``max_tokens``, and a request with neither gets ``default_max_tokens`` (256 unless configured).
* ``stream_options.include_usage`` is ignored and the server reports no usage in streams; the gateway
  cannot count the tokens exactly, so a streamed completion from the bundled server has no usage.
* A request the server fails on while streaming answers HTTP 200 with an empty body; the gateway turns
  that into an HTTP 500 error body (see ``_local_gateway``).

    translate_request({"model": "m", "messages": [{"role": "developer", "content": "Be brief."},
                                                  {"role": "user", "content": "Hi"}]}, default_max_tokens=256)
    # {'model': 'm', 'messages': [{'role': 'user', 'content': 'Be brief.\\n\\nHi'}], 'max_tokens': 256}
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from ._local_rules import RequestError

__all__ = ["DEFAULT_MAX_TOKENS", "translate_request", "translate_messages"]

DEFAULT_MAX_TOKENS = 256

_INSTRUCTION_ROLES = ("system", "developer")


def translate_request(
    body: Mapping[str, Any], *, default_max_tokens: int = DEFAULT_MAX_TOKENS
) -> dict[str, Any]:
    """A new request body the bundled server reads as the API would; ``body`` is left as it is."""
    out = dict(body)
    limit = out.pop("max_completion_tokens", None)
    if out.get("max_tokens") is None:
        out["max_tokens"] = limit if limit is not None else default_max_tokens
    response_format = out.get("response_format")
    if isinstance(response_format, Mapping) and response_format.get("type") == "json_schema":
        spec = response_format.get("json_schema")
        schema = spec.get("schema") if isinstance(spec, Mapping) else None
        out["response_format"] = {"type": "json_object"} | ({"schema": schema} if schema else {})
    messages = out.get("messages")
    if isinstance(messages, list):
        out["messages"] = translate_messages(messages)
    return out


def translate_messages(messages: Sequence[Any]) -> list[dict[str, Any]]:
    """The conversation as alternating user and assistant turns with plain text (see the module docstring)."""
    turns: list[dict[str, Any]] = []
    instructions: list[str] = []
    names: dict[str, str] = {}  # tool call id -> function name, for the results that answer them
    for i, message in enumerate(messages):
        if not isinstance(message, Mapping):
            return list(messages)  # not a conversation we can read: the server will say what is wrong
        role = message.get("role")
        text = _text(message.get("content"), i)
        if role in _INSTRUCTION_ROLES:
            if text:
                instructions.append(text)
            continue
        if role == "assistant":
            calls = message.get("tool_calls")
            lines = [text] if text else []
            for call in calls if isinstance(calls, list) else ():
                function = call.get("function") if isinstance(call, Mapping) else None
                if isinstance(function, Mapping):
                    name = str(function.get("name") or "")
                    names[str(call.get("id"))] = name
                    lines.append(f"{name}({function.get('arguments') or ''})")
            _add(turns, "assistant", "\n".join(lines))
            continue
        if role == "tool":
            name = names.get(str(message.get("tool_call_id")), "the tool")
            text = f"Result of {name}: {text}"
        elif role == "function":
            text = f"Result of {message.get('name') or 'the function'}: {text}"
        elif role != "user":
            return list(messages)  # an unknown role: left for the server to refuse
        if instructions:
            text = "\n\n".join([*instructions, text])
            instructions.clear()
        _add(turns, "user", text)
    if instructions:
        _add(turns, "user", "\n\n".join(instructions))
    return turns


def _add(turns: list[dict[str, Any]], role: str, text: str) -> None:
    if turns and turns[-1]["role"] == role:
        turns[-1]["content"] = f"{turns[-1]['content']}\n\n{text}"
    else:
        turns.append({"role": role, "content": text})


def _text(content: Any, index: int) -> str:
    if content is None:
        return ""
    if isinstance(content, str):
        return content
    if not isinstance(content, list):
        return json.dumps(content)
    texts = []
    for j, part in enumerate(content):
        kind = part.get("type") if isinstance(part, Mapping) else None
        if kind == "text" or kind == "refusal":
            texts.append(str(part.get(kind) or ""))
        else:
            raise RequestError(
                400,
                f"messages[{index}].content[{j}] is a {kind!r} part; the bundled model reads text only "
                "(start the local stack with --upstream to use a model that reads it)",
                param=f"messages[{index}].content",
            )
    return "\n".join(texts)
