"""Message and content-part builders, and the one function that turns a conversation into request JSON.

The builders return the generated request models, so what they make is exactly what the spec describes;
``normalize_messages`` accepts those, plain dicts, and a completion's ``choices[0].message``.

>>> normalize_messages([system("Be brief."), user("Hi")])
[{'content': 'Be brief.', 'role': 'system'}, {'content': 'Hi', 'role': 'user'}]
"""

from __future__ import annotations

import base64
import os
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, TypeAlias

from openai_chat_api.models import (
    ChatCompletionMessageCustomToolCall,
    ChatCompletionMessageToolCall,
    ChatCompletionRequestAssistantMessage,
    ChatCompletionRequestAssistantMessageRole,
    ChatCompletionRequestDeveloperMessage,
    ChatCompletionRequestDeveloperMessageRole,
    ChatCompletionRequestMessageContentPartAudio,
    ChatCompletionRequestMessageContentPartAudioInputAudio,
    ChatCompletionRequestMessageContentPartAudioInputAudioFormat,
    ChatCompletionRequestMessageContentPartFile,
    ChatCompletionRequestMessageContentPartFileFile,
    ChatCompletionRequestMessageContentPartImage,
    ChatCompletionRequestMessageContentPartImageImageUrl,
    ChatCompletionRequestMessageContentPartRefusal,
    ChatCompletionRequestMessageContentPartText,
    ChatCompletionRequestSystemMessage,
    ChatCompletionRequestSystemMessageRole,
    ChatCompletionRequestToolMessage,
    ChatCompletionRequestToolMessageRole,
    ChatCompletionRequestUserMessage,
    ChatCompletionRequestUserMessageRole,
    ChatCompletionResponseMessage,
    ChatCompletionStoreMessage,
)
from openai_chat_api.request_rules import BODIES, SCHEMAS
from openai_chat_api.types import UNSET

from ._models import Message
from ._rules import check_value, members, resolve

__all__ = [
    "system",
    "developer",
    "user",
    "assistant",
    "tool",
    "text",
    "image",
    "audio",
    "file",
    "refusal",
    "normalize_messages",
    "MESSAGE_ROLES",
    "Messages",
    "MessageLike",
]

TextPart = ChatCompletionRequestMessageContentPartText
ImagePart = ChatCompletionRequestMessageContentPartImage
AudioPart = ChatCompletionRequestMessageContentPartAudio
FilePart = ChatCompletionRequestMessageContentPartFile
RefusalPart = ChatCompletionRequestMessageContentPartRefusal
UserPart = TextPart | ImagePart | AudioPart | FilePart
ToolCall = ChatCompletionMessageToolCall | ChatCompletionMessageCustomToolCall

# What ``messages`` takes: one string (a user message), or messages built here, completions' messages
# (and stored ones), and plain dicts, in any mix.
MessageLike: TypeAlias = (
    Message | ChatCompletionResponseMessage | ChatCompletionStoreMessage | Mapping[str, Any]
)
Messages: TypeAlias = str | Iterable[MessageLike]

_MESSAGES: dict[str, Any] = resolve(SCHEMAS[BODIES["createChatCompletion"]])["properties"]["messages"]
# the roles, as the message union's members pin them
MESSAGE_ROLES: tuple[str, ...] = tuple(
    resolve(m)["properties"]["role"]["enum"][0] for m in members(resolve(_MESSAGES["items"])) or ()
)
_IMAGE_URL: dict[str, Any] = resolve(SCHEMAS["ChatCompletionRequestMessageContentPartImage"])["properties"][
    "image_url"
]
_URL_PREFIXES = ("http://", "https://", "data:")
_IMAGE_EXTENSIONS = {
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".gif": "image/gif",
    ".webp": "image/webp",
}
_AUDIO_EXTENSIONS = {".wav": "wav", ".wave": "wav", ".mp3": "mp3"}


# -- content parts ---------------------------------------------------------------------------------------------


def text(s: str) -> TextPart:
    """A text part.

    >>> text("Describe this:").to_dict()
    {'text': 'Describe this:', 'type': 'text'}
    """
    if not isinstance(s, str):
        raise TypeError(f"text expects a str, got {type(s).__name__}")
    return TextPart(text=s)


def refusal(s: str) -> RefusalPart:
    """A refusal part, for replaying an assistant message that refused."""
    if not isinstance(s, str):
        raise TypeError(f"refusal expects a str, got {type(s).__name__}")
    return RefusalPart(refusal=s)


def _read(kind: str, source: str | os.PathLike[str]) -> bytes:
    try:
        return Path(source).read_bytes()
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise ValueError(f"{kind}: cannot read {os.fspath(source)!r}: {reason}") from exc


def _image_media_type(data: bytes) -> str | None:
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if data.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if data.startswith((b"GIF87a", b"GIF89a")):
        return "image/gif"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    return None


def _data_url(media_type: str, data: bytes) -> str:
    return f"data:{media_type};base64,{base64.b64encode(data).decode('ascii')}"


def image(source: str | os.PathLike[str] | bytes, detail: str | None = None) -> ImagePart:
    """An image part from an http(s) or data URL, a local file, or the image's bytes.

    Files and bytes are sent inline as a base64 data URL (PNG, JPEG, GIF or WebP).

    >>> image("https://example.com/cat.png", detail="low").to_dict()
    {'image_url': {'url': 'https://example.com/cat.png', 'detail': 'low'}, 'type': 'image_url'}
    """
    if detail is not None:
        check_value("image: detail", resolve(_IMAGE_URL)["properties"]["detail"], detail)
    if isinstance(source, str) and source.startswith(_URL_PREFIXES):
        url = source
    else:
        path: Path | None = None
        if isinstance(source, (bytes, bytearray, memoryview)):
            data = bytes(source)
        elif isinstance(source, (str, os.PathLike)):
            path = Path(source)
            data = _read("image", source)
        else:
            raise TypeError(f"image expects a URL, a file path or bytes, got {type(source).__name__}")
        media_type = _image_media_type(data)
        if media_type is None and path is not None:
            media_type = _IMAGE_EXTENSIONS.get(path.suffix.lower())
        if media_type is None:
            where = f" {os.fspath(path)!r}" if path is not None else ""
            raise ValueError(
                f"image: cannot tell the type of{where or ' the bytes'}; expected PNG, JPEG, GIF or WebP"
            )
        url = _data_url(media_type, data)
    return ImagePart(image_url=ChatCompletionRequestMessageContentPartImageImageUrl(url=url, detail=detail))


def _audio_format(data: bytes) -> str | None:
    if data[:4] == b"RIFF" and data[8:12] == b"WAVE":
        return "wav"
    if data.startswith(b"ID3") or (len(data) > 1 and data[0] == 0xFF and data[1] & 0xE0 == 0xE0):
        return "mp3"
    return None


def audio(source: str | os.PathLike[str] | bytes, format: str | None = None) -> AudioPart:
    """An input-audio part from a WAV or MP3 file or its bytes, sent inline as base64.

    >>> audio(b"ID3" + bytes(16)).to_dict()["input_audio"]["format"]
    'mp3'
    """
    if format is not None and format not in _AUDIO_EXTENSIONS.values():
        raise ValueError(f"audio: format must be 'wav', 'mp3' or None, got {format!r}")
    path: Path | None = None
    if isinstance(source, (bytes, bytearray, memoryview)):
        data = bytes(source)
    elif isinstance(source, (str, os.PathLike)):
        path = Path(source)
        data = _read("audio", source)
    else:
        raise TypeError(f"audio expects a file path or bytes, got {type(source).__name__}")
    if format is None:
        format = _audio_format(data)
        if format is None and path is not None:
            format = _AUDIO_EXTENSIONS.get(path.suffix.lower())
        if format is None:
            where = f"{os.fspath(path)!r}" if path is not None else "the bytes"
            raise ValueError(f"audio: cannot tell the format of {where}; pass format='wav' or 'mp3'")
    return AudioPart(
        input_audio=ChatCompletionRequestMessageContentPartAudioInputAudio(
            data=base64.b64encode(data).decode("ascii"),
            format=ChatCompletionRequestMessageContentPartAudioInputAudioFormat(format),
        ),
    )


def _file_media_type(data: bytes, filename: str | None) -> str:
    if data.startswith(b"%PDF-"):
        return "application/pdf"
    kind = _image_media_type(data)
    if kind is None and filename:
        import mimetypes  # loaded only for local files

        kind = mimetypes.guess_type(filename, strict=False)[0]
    return kind or "application/octet-stream"


def file(
    file_id: str | None = None,
    data: str | os.PathLike[str] | bytes | None = None,
    filename: str | None = None,
) -> FilePart:
    """A file part: an uploaded file by id, or a file sent inline (a path, bytes, or a data URL).

    >>> file(file_id="file-abc").to_dict()
    {'type': 'file', 'file': {'file_id': 'file-abc'}}
    """
    if (file_id is None) == (data is None):
        raise ValueError("file: pass exactly one of file_id= and data=")
    if filename is not None and not isinstance(filename, str):
        raise TypeError(f"file: filename must be a str, got {type(filename).__name__}")
    file_data: str | None = None
    if file_id is not None:
        if not isinstance(file_id, str) or not file_id:
            raise TypeError(f"file: file_id must be a non-empty str, got {file_id!r}")
    elif isinstance(data, str) and data.startswith("data:"):
        file_data = data
    else:
        if isinstance(data, (bytes, bytearray, memoryview)):
            raw = bytes(data)
        elif isinstance(data, (str, os.PathLike)):
            raw = _read("file", data)
            if filename is None:
                filename = Path(data).name
        else:
            raise TypeError(f"file: data must be bytes, a file path or a data URL, got {type(data).__name__}")
        file_data = _data_url(_file_media_type(raw, filename), raw)
    return FilePart(
        file=ChatCompletionRequestMessageContentPartFileFile(
            file_id=file_id, file_data=file_data, filename=filename
        ),
    )


# -- messages --------------------------------------------------------------------------------------------------
# The builders return the generated request models, as subclasses that are also a :class:`Message`, so a
# list of them and of completions' messages is a ``list[Message]`` to a type checker.


class SystemMessage(ChatCompletionRequestSystemMessage, Message):
    """What :func:`system` returns."""

    __slots__ = ()


class DeveloperMessage(ChatCompletionRequestDeveloperMessage, Message):
    """What :func:`developer` returns."""

    __slots__ = ()


class UserMessage(ChatCompletionRequestUserMessage, Message):
    """What :func:`user` returns."""

    __slots__ = ()


class AssistantMessage(ChatCompletionRequestAssistantMessage, Message):
    """What :func:`assistant` returns."""

    __slots__ = ()


class ToolMessage(ChatCompletionRequestToolMessage, Message):
    """What :func:`tool` returns."""

    __slots__ = ()


_PART_CLASSES: dict[str, Any] = {
    "text": TextPart,
    "image_url": ImagePart,
    "input_audio": AudioPart,
    "file": FilePart,
    "refusal": RefusalPart,
}


def _part(kind: str, where: str, item: Any, allowed: tuple[type, ...]) -> Any:
    if isinstance(item, str):
        return text(item)
    if isinstance(item, allowed):
        return item
    if isinstance(item, Mapping):
        cls = _PART_CLASSES.get(item.get("type"))  # type: ignore[arg-type]
        if cls is not None and cls in allowed:
            return cls.from_dict(item)
    names = ", ".join(c.__name__.removeprefix("ChatCompletionRequestMessageContent") for c in allowed)
    raise TypeError(f"{kind}: {where} must be a str or a content part ({names}), got {item!r:.80}")


def _text_content(kind: str, content: Any) -> str | list[TextPart]:
    if isinstance(content, str):
        return content
    if isinstance(content, (list, tuple)) and content:
        return [_part(kind, f"content[{i}]", p, (TextPart,)) for i, p in enumerate(content)]
    raise TypeError(f"{kind}: content must be a str or a non-empty list of text parts, got {content!r:.80}")


def system(content: str | Sequence[str | TextPart], *, name: str | None = None) -> SystemMessage:
    """A system message.

    >>> system("Answer in French.").to_dict()
    {'content': 'Answer in French.', 'role': 'system'}
    """
    return SystemMessage(
        content=_text_content("system", content),
        role=ChatCompletionRequestSystemMessageRole.SYSTEM,
        name=name,
    )


def developer(content: str | Sequence[str | TextPart], *, name: str | None = None) -> DeveloperMessage:
    """A developer message (what newer models take instead of a system message).

    >>> developer("Answer in French.").to_dict()
    {'content': 'Answer in French.', 'role': 'developer'}
    """
    return DeveloperMessage(
        content=_text_content("developer", content),
        role=ChatCompletionRequestDeveloperMessageRole.DEVELOPER,
        name=name,
    )


_USER_PARTS = (TextPart, ImagePart, AudioPart, FilePart)


def user(*parts: str | UserPart | Mapping[str, Any], name: str | None = None) -> UserMessage:
    """A user message: one string, or text, image, audio and file parts in order.

    >>> user("What is in this picture?", image("https://example.com/cat.png")).to_dict()["content"][0]
    {'text': 'What is in this picture?', 'type': 'text'}
    """
    if not parts:
        raise ValueError("user: pass the message text or at least one content part")
    content: str | list[Any]
    if len(parts) == 1 and isinstance(parts[0], str):
        content = parts[0]
    else:
        content = [_part("user", f"parts[{i}]", p, _USER_PARTS) for i, p in enumerate(parts)]
    return UserMessage(content=content, role=ChatCompletionRequestUserMessageRole.USER, name=name)


def _tool_call(where: str, item: Any) -> ToolCall:
    if isinstance(item, (ChatCompletionMessageToolCall, ChatCompletionMessageCustomToolCall)):
        return item
    if isinstance(item, Mapping):
        kind = item.get("type") or ("custom" if "custom" in item else "function")
        call: ToolCall
        try:
            if kind == "function":
                call = ChatCompletionMessageToolCall.from_dict(item)
            elif kind == "custom":
                call = ChatCompletionMessageCustomToolCall.from_dict(item)
            else:
                raise ValueError(f"assistant: {where}.type must be 'function' or 'custom', got {kind!r}")
        except (KeyError, TypeError, AttributeError) as exc:
            raise ValueError(
                f"assistant: {where} must have id, type and function (name, arguments) or custom (name, input)"
            ) from exc
        return call
    raise TypeError(f"assistant: {where} must be a tool call or a dict, got {type(item).__name__}")


def assistant(
    text: str | None = None,
    tool_calls: Iterable[ToolCall | Mapping[str, Any]] | None = None,
    refusal: str | None = None,
    *,
    name: str | None = None,
) -> AssistantMessage:
    """An assistant message, for replaying what the model said earlier (text, tool calls or a refusal).

    >>> assistant("Bonjour !").to_dict()
    {'role': 'assistant', 'content': 'Bonjour !'}
    """
    if text is None and tool_calls is None and refusal is None:
        raise ValueError("assistant: pass text, tool_calls or refusal")
    if text is not None and not isinstance(text, str):
        raise TypeError(f"assistant: text must be a str or None, got {type(text).__name__}")
    if refusal is not None and not isinstance(refusal, str):
        raise TypeError(f"assistant: refusal must be a str or None, got {type(refusal).__name__}")
    calls: list[ToolCall] | None = None
    if tool_calls is not None:
        if isinstance(tool_calls, (str, bytes, Mapping)) or not isinstance(tool_calls, Iterable):
            raise TypeError(
                f"assistant: tool_calls must be a list of tool calls, got {type(tool_calls).__name__}"
            )
        calls = [_tool_call(f"tool_calls[{i}]", c) for i, c in enumerate(tool_calls)] or None
    return AssistantMessage(
        role=ChatCompletionRequestAssistantMessageRole.ASSISTANT,
        content=UNSET if text is None else text,
        refusal=UNSET if refusal is None else refusal,
        tool_calls=calls,
        name=name,
    )


def tool(tool_call_id: str, content: str | Sequence[str | TextPart]) -> ToolMessage:
    """The result of a tool call, answering the call with this id.

    >>> tool("call_1", "22 degrees").to_dict()
    {'role': 'tool', 'content': '22 degrees', 'tool_call_id': 'call_1'}
    """
    if not isinstance(tool_call_id, str) or not tool_call_id:
        raise TypeError(f"tool: tool_call_id must be a non-empty str, got {tool_call_id!r}")
    if not isinstance(content, (str, list, tuple)):
        raise TypeError(
            f"tool: content must be a str or a list of text parts, got {type(content).__name__}"
            " (encode other results first, e.g. with json.dumps)"
        )
    return ToolMessage(
        role=ChatCompletionRequestToolMessageRole.TOOL,
        content=_text_content("tool", content),
        tool_call_id=tool_call_id,
    )


# -- normalize ------------------------------------------------------------------------------------------------


def _from_response(message: ChatCompletionResponseMessage | ChatCompletionStoreMessage) -> dict[str, Any]:
    """A completion's message as the assistant message that replays it (response-only fields dropped)."""
    role = message.role
    content: Any = message.content
    if role in ("user", "system", "developer"):  # a stored input message: only its content travels back
        parts = getattr(message, "content_parts", None)
        if parts:
            content = [p.to_dict() for p in parts]
        return {"role": role, "content": content}
    out: dict[str, Any] = {"role": "assistant", "content": content}
    if message.refusal is not None:
        out["refusal"] = message.refusal
    if message.tool_calls:
        out["tool_calls"] = [c.to_dict() for c in message.tool_calls]
    if message.function_call is not None:
        out["function_call"] = {
            "name": message.function_call.name,
            "arguments": message.function_call.arguments,
        }
    if message.audio is not None:
        out["audio"] = {"id": message.audio.id}
    return out


def _part_dict(part: Any) -> Any:
    if isinstance(part, str):
        return {"type": "text", "text": part}
    return part.to_dict() if hasattr(part, "to_dict") else part


def _check_dict(where: str, message: dict[str, Any]) -> dict[str, Any]:
    """A message dict with builder parts and tool calls inside it as plain dicts (checked later, by the spec)."""
    content = message.get("content")
    if isinstance(content, list) and any(hasattr(p, "to_dict") or isinstance(p, str) for p in content):
        # builder parts or bare strings inside a plain dict: copy, never touch the caller's dict
        message = {**message, "content": [_part_dict(p) for p in content]}
    calls = message.get("tool_calls")
    if isinstance(calls, list) and any(hasattr(c, "to_dict") for c in calls):
        message = {
            **message,
            "tool_calls": [c.to_dict() if hasattr(c, "to_dict") else c for c in calls],
        }
    return message


_PLAIN_TEXT_ROLES: dict[type, str] = {
    UserMessage: "user",
    SystemMessage: "system",
    DeveloperMessage: "developer",
    ChatCompletionRequestUserMessage: "user",
    ChatCompletionRequestSystemMessage: "system",
    ChatCompletionRequestDeveloperMessage: "developer",
}


def _plain_text(message: Any) -> str | None:
    """The text of a builder's message that is only a role and a string, else None."""
    content = message.content
    plain = type(content) is str and message.name is None and not message.additional_properties
    return content if plain else None


def normalize_messages(messages: Messages) -> list[dict[str, Any]]:
    """The conversation as the JSON-ready ``messages`` list of a request.

    Takes a string (one user message), or a list of builder results, generated message models, plain
    dicts, and completions' messages (``completion.choices[0].message``), which become assistant messages.

    >>> normalize_messages("Hi")
    [{'role': 'user', 'content': 'Hi'}]
    """
    if isinstance(messages, str):
        return [{"role": "user", "content": messages}]
    if (
        isinstance(messages, (bytes, Mapping))
        or not isinstance(messages, Iterable)
        or hasattr(messages, "to_dict")
    ):
        raise TypeError(
            f"messages must be a str or a list of messages, got {type(messages).__name__}"
            + (
                " (wrap a single message in a list)"
                if isinstance(messages, Mapping) or hasattr(messages, "to_dict")
                else ""
            )
        )
    out: list[dict[str, Any]] = []
    for i, item in enumerate(messages):
        if isinstance(item, dict):
            out.append(_check_dict(f"messages[{i}]", item))
        elif (role := _PLAIN_TEXT_ROLES.get(type(item))) is not None and (
            content := _plain_text(item)
        ) is not None:
            out.append({"role": role, "content": content})  # what to_dict gives, without its overhead
        elif isinstance(item, (ChatCompletionResponseMessage, ChatCompletionStoreMessage)):
            out.append(_from_response(item))
        elif isinstance(item, Mapping):
            out.append(_check_dict(f"messages[{i}]", dict(item)))
        elif hasattr(item, "to_dict") and not isinstance(item, type):
            out.append(_check_dict(f"messages[{i}]", item.to_dict()))
        else:
            raise TypeError(
                f"messages[{i}] must be a message dict, a message built with user()/system()/..., or a"
                f" completion's message; got {type(item).__name__}"
            )
    checked: list[dict[str, Any]] = check_value("messages", _MESSAGES, out)
    return checked
