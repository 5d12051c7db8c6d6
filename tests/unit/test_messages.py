from __future__ import annotations

import base64
import copy
import sys
from pathlib import Path

import pytest
from openai_chat._messages import (
    MESSAGE_ROLES,
    assistant,
    audio,
    developer,
    file,
    image,
    normalize_messages,
    refusal,
    system,
    text,
    tool,
    user,
)
from openai_chat_api.models import (
    ChatCompletionMessageToolCall,
    ChatCompletionMessageToolCallFunction,
    ChatCompletionRequestMessageContentPartText,
    ChatCompletionRequestUserMessage,
    ChatCompletionRequestUserMessageRole,
    ChatCompletionResponseMessage,
    ChatCompletionStoreMessage,
    CreateChatCompletionResponse,
)

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from openapi_contract import ContractError, validate_request  # noqa: E402

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + bytes(17)
JPEG = b"\xff\xd8\xff\xe0" + bytes(16)
GIF = b"GIF89a" + bytes(10)
WEBP = b"RIFF\x24\x00\x00\x00WEBPVP8 " + bytes(8)
WAV = b"RIFF\x24\x00\x00\x00WAVEfmt " + bytes(8)
MP3_ID3 = b"ID3\x04\x00" + bytes(10)
MP3_FRAME = b"\xff\xfb\x90\x00" + bytes(10)
PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def assert_valid(messages: list[dict]) -> None:
    validate_request("post", "/chat/completions", {"model": "gpt-4o-mini", "messages": messages})


# -- parts ---------------------------------------------------------------------------------------------------


def test_text_and_refusal_parts():
    assert text("hi").to_dict() == {"type": "text", "text": "hi"}
    assert refusal("no").to_dict() == {"type": "refusal", "refusal": "no"}
    with pytest.raises(TypeError, match="text expects a str"):
        text(3)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="refusal expects a str"):
        refusal(None)  # type: ignore[arg-type]


@pytest.mark.parametrize("url", ["https://example.com/a.png", "http://x/y", "data:image/png;base64,AAAA"])
def test_image_urls_are_kept(url):
    assert image(url).to_dict() == {"type": "image_url", "image_url": {"url": url}}


def test_image_detail():
    part = image("https://example.com/a.png", detail="high").to_dict()
    assert part["image_url"]["detail"] == "high"
    with pytest.raises(ValueError, match=r"image: detail must be one of 'auto', 'low', 'high'.*'max'"):
        image("https://example.com/a.png", detail="max")


def test_image_from_png_file_is_a_data_url(tmp_path):
    path = tmp_path / "chart.png"
    path.write_bytes(PNG)
    expected = f"data:image/png;base64,{b64(PNG)}"
    assert image(str(path)).to_dict()["image_url"]["url"] == expected
    assert image(path).to_dict()["image_url"]["url"] == expected  # os.PathLike
    assert base64.b64decode(expected.split(",", 1)[1]) == PNG


@pytest.mark.parametrize(
    ("data", "media_type"),
    [(PNG, "image/png"), (JPEG, "image/jpeg"), (GIF, "image/gif"), (WEBP, "image/webp")],
)
def test_image_from_bytes_detects_the_type(data, media_type):
    url = image(data).to_dict()["image_url"]["url"]
    assert url == f"data:{media_type};base64,{b64(data)}"
    assert image(bytearray(data)).to_dict()["image_url"]["url"] == url


def test_image_magic_bytes_win_over_the_extension(tmp_path):
    path = tmp_path / "misnamed.gif"
    path.write_bytes(PNG)
    assert image(path).to_dict()["image_url"]["url"].startswith("data:image/png;base64,")


@pytest.mark.parametrize(
    ("suffix", "media_type"), [(".jpg", "image/jpeg"), (".JPEG", "image/jpeg"), (".webp", "image/webp")]
)
def test_image_falls_back_to_the_extension(tmp_path, suffix, media_type):
    path = tmp_path / f"photo{suffix}"
    path.write_bytes(b"not really an image")
    assert image(path).to_dict()["image_url"]["url"].startswith(f"data:{media_type};base64,")


def test_image_unknown_type_is_an_error(tmp_path):
    with pytest.raises(ValueError, match="image: cannot tell the type of the bytes"):
        image(b"plain bytes")
    path = tmp_path / "notes.txt"
    path.write_bytes(b"plain bytes")
    with pytest.raises(ValueError, match=r"image: cannot tell the type of .*notes\.txt"):
        image(path)


def test_image_unreadable_path_names_image_and_the_path(tmp_path):
    missing = tmp_path / "missing.png"
    with pytest.raises(ValueError, match=r"image: cannot read .*missing\.png"):
        image(str(missing))
    with pytest.raises(ValueError, match=r"image: cannot read"):
        image(tmp_path)  # a directory


def test_image_wrong_type():
    with pytest.raises(TypeError, match="image expects a URL, a file path or bytes, got int"):
        image(42)  # type: ignore[arg-type]


@pytest.mark.parametrize(("data", "fmt"), [(WAV, "wav"), (MP3_ID3, "mp3"), (MP3_FRAME, "mp3")])
def test_audio_from_bytes(data, fmt):
    assert audio(data).to_dict() == {"type": "input_audio", "input_audio": {"data": b64(data), "format": fmt}}


def test_audio_from_file_and_extension_fallback(tmp_path):
    wav = tmp_path / "hello.wav"
    wav.write_bytes(WAV)
    assert audio(wav).to_dict()["input_audio"] == {"data": b64(WAV), "format": "wav"}
    odd = tmp_path / "clip.mp3"
    odd.write_bytes(b"\x00\x01\x02")
    assert audio(str(odd)).to_dict()["input_audio"]["format"] == "mp3"


def test_audio_explicit_format_and_errors(tmp_path):
    assert audio(b"\x00\x01", format="wav").to_dict()["input_audio"]["format"] == "wav"
    with pytest.raises(ValueError, match="audio: format must be 'wav', 'mp3'"):
        audio(WAV, format="ogg")
    with pytest.raises(ValueError, match="audio: cannot tell the format of the bytes"):
        audio(b"\x00\x01")
    with pytest.raises(ValueError, match=r"audio: cannot read .*nope\.wav"):
        audio(tmp_path / "nope.wav")
    with pytest.raises(TypeError, match="audio expects a file path or bytes"):
        audio(1.5)  # type: ignore[arg-type]


def test_file_by_id():
    assert file(file_id="file-abc").to_dict() == {"type": "file", "file": {"file_id": "file-abc"}}


def test_file_from_bytes_and_path(tmp_path):
    part = file(data=PDF, filename="report.pdf").to_dict()
    assert part == {
        "type": "file",
        "file": {"file_data": f"data:application/pdf;base64,{b64(PDF)}", "filename": "report.pdf"},
    }
    path = tmp_path / "report.pdf"
    path.write_bytes(PDF)
    assert file(data=path).to_dict() == part  # filename defaults from the path
    assert file(data=str(path), filename="other.pdf").to_dict()["file"]["filename"] == "other.pdf"
    csv = tmp_path / "table.csv"
    csv.write_bytes(b"a,b\n1,2\n")
    assert file(data=csv).to_dict()["file"]["file_data"].startswith("data:text/csv;base64,")
    assert file(data=b"\x00\x01").to_dict()["file"]["file_data"].startswith("data:application/octet-stream;")
    url = "data:application/pdf;base64,JVBERi0="
    assert file(data=url, filename="x.pdf").to_dict()["file"]["file_data"] == url


def test_file_errors(tmp_path):
    with pytest.raises(ValueError, match="file: pass exactly one of file_id= and data="):
        file()
    with pytest.raises(ValueError, match="file: pass exactly one of file_id= and data="):
        file(file_id="f", data=b"x")
    with pytest.raises(ValueError, match=r"file: cannot read .*absent\.pdf"):
        file(data=tmp_path / "absent.pdf")
    with pytest.raises(TypeError, match="file: data must be bytes, a file path or a data URL"):
        file(data=12)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="file: file_id must be a non-empty str"):
        file(file_id="")


# -- messages --------------------------------------------------------------------------------------------------


def test_system_and_developer():
    assert system("Be brief.").to_dict() == {"role": "system", "content": "Be brief."}
    assert developer("Be brief.", name="ops").to_dict() == {
        "role": "developer",
        "content": "Be brief.",
        "name": "ops",
    }
    assert system(["a", text("b")]).to_dict()["content"] == [
        {"type": "text", "text": "a"},
        {"type": "text", "text": "b"},
    ]
    with pytest.raises(TypeError, match="system: content must be a str or a non-empty list"):
        system([])
    with pytest.raises(
        TypeError, match=r"developer: content\[0\] must be a str or a content part \(PartText\)"
    ):
        developer([image("https://x/y.png")])


def test_user_with_one_string_has_string_content():
    assert user("Hi").to_dict() == {"role": "user", "content": "Hi"}


def test_user_with_parts_has_list_content():
    message = user(
        "What is this?", image("https://x/cat.png", detail="low"), {"type": "text", "text": "Be short."}
    )
    assert message.to_dict()["content"] == [
        {"type": "text", "text": "What is this?"},
        {"type": "image_url", "image_url": {"url": "https://x/cat.png", "detail": "low"}},
        {"type": "text", "text": "Be short."},
    ]
    assert user(text("only")).to_dict()["content"] == [{"type": "text", "text": "only"}]


def test_user_errors():
    with pytest.raises(ValueError, match="user: pass the message text"):
        user()
    with pytest.raises(TypeError, match=r"user: parts\[1\] must be a str or a content part"):
        user("a", 3)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"user: parts\[0\] must be"):
        user(refusal("no"))  # type: ignore[arg-type]


def test_assistant_text_refusal_and_tool_calls():
    assert assistant("Bonjour").to_dict() == {"role": "assistant", "content": "Bonjour"}
    assert assistant(refusal="I can't").to_dict() == {"role": "assistant", "refusal": "I can't"}
    model_call = ChatCompletionMessageToolCall(
        id="call_1", function=ChatCompletionMessageToolCallFunction(name="f", arguments="{}")
    )  # type left out: the constructor fills in the constant
    dict_call = {"id": "call_2", "type": "function", "function": {"name": "g", "arguments": '{"x":1}'}}
    custom_call = {"id": "call_3", "custom": {"name": "sql", "input": "select 1"}}
    message = assistant(tool_calls=[model_call, dict_call, custom_call]).to_dict()
    assert message == {
        "role": "assistant",
        "tool_calls": [
            {"id": "call_1", "type": "function", "function": {"name": "f", "arguments": "{}"}},
            dict_call,
            {"id": "call_3", "type": "custom", "custom": {"name": "sql", "input": "select 1"}},
        ],
    }
    assert model_call.to_dict()["type"] == "function"
    assert_valid(normalize_messages([user("hi"), message]))


def test_assistant_errors():
    with pytest.raises(ValueError, match="assistant: pass text, tool_calls or refusal"):
        assistant()
    with pytest.raises(TypeError, match="assistant: text must be a str"):
        assistant(5)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match=r"assistant: tool_calls\[0\] must have id, type and function"):
        assistant(tool_calls=[{"type": "function", "function": {"name": "f"}}])
    with pytest.raises(ValueError, match=r"assistant: tool_calls\[0\]\.type must be 'function' or 'custom'"):
        assistant(tool_calls=[{"id": "c", "type": "web"}])
    with pytest.raises(TypeError, match=r"assistant: tool_calls\[0\] must be a tool call or a dict"):
        assistant(tool_calls=["call_1"])
    with pytest.raises(TypeError, match="assistant: tool_calls must be a list"):
        assistant(tool_calls={"id": "c"})  # type: ignore[arg-type]


def test_tool_message():
    assert tool("call_1", "22 C").to_dict() == {"role": "tool", "tool_call_id": "call_1", "content": "22 C"}
    assert tool("call_1", ["a"]).to_dict()["content"] == [{"type": "text", "text": "a"}]
    with pytest.raises(TypeError, match="tool: content must be a str .*json.dumps"):
        tool("call_1", {"temp": 22})  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="tool: tool_call_id must be a non-empty str"):
        tool("", "x")


# -- normalize_messages ----------------------------------------------------------------------------------------


def test_a_bare_string_is_one_user_message():
    assert normalize_messages("hi") == [{"role": "user", "content": "hi"}]


def test_a_conversation_from_builders_fits_the_spec(tmp_path):
    png = tmp_path / "a.png"
    png.write_bytes(PNG)
    messages = normalize_messages(
        [
            developer("Answer briefly."),
            system(["Legacy", "system"]),
            user(
                "Look:",
                image(png, detail="auto"),
                audio(WAV),
                file(data=PDF, filename="r.pdf"),
                file(file_id="f-1"),
            ),
            assistant(
                "Sure",
                tool_calls=[{"id": "c1", "type": "function", "function": {"name": "f", "arguments": "{}"}}],
            ),
            tool("c1", "done"),
            assistant(refusal="No."),
            {"role": "function", "name": "f", "content": None},
        ]
    )
    assert [m["role"] for m in messages] == [
        "developer",
        "system",
        "user",
        "assistant",
        "tool",
        "assistant",
        "function",
    ]
    assert_valid(messages)


def test_plain_dicts_pass_through_untouched():
    first = {"role": "user", "content": "hi"}
    second = {
        "role": "assistant",
        "content": None,
        "tool_calls": [{"id": "c", "type": "function", "function": {"name": "f", "arguments": "{}"}}],
    }
    out = normalize_messages([first, second])
    assert out[0] is first and out[1] is second  # no copy when nothing changes


def test_builder_parts_inside_a_dict_are_converted_on_a_copy():
    part = image("https://x/y.png")
    message = {"role": "user", "content": ["look", part]}
    before = copy.deepcopy(message)
    (out,) = normalize_messages([message])
    assert out["content"] == [
        {"type": "text", "text": "look"},  # a bare string in a content list is a text part, as in user()
        {"type": "image_url", "image_url": {"url": "https://x/y.png"}},
    ]
    assert message["content"][1] is part and message.keys() == before.keys()
    assert message["content"][0] == before["content"][0]


def test_generated_models_without_type_constants_get_them():
    bare = ChatCompletionRequestUserMessage(
        content=[ChatCompletionRequestMessageContentPartText(text="x")],
        role=ChatCompletionRequestUserMessageRole.USER,
    )
    (out,) = normalize_messages([bare])
    assert out == {"role": "user", "content": [{"type": "text", "text": "x"}]}
    assert_valid([out])


RESPONSE = {
    "id": "chatcmpl-1",
    "object": "chat.completion",
    "created": 1,
    "model": "gpt-4o-mini",
    "choices": [
        {
            "index": 0,
            "finish_reason": "tool_calls",
            "logprobs": None,
            "message": {
                "role": "assistant",
                "content": "Let me check.",
                "refusal": None,
                "annotations": [
                    {
                        "type": "url_citation",
                        "url_citation": {"start_index": 0, "end_index": 3, "url": "https://x", "title": "t"},
                    }
                ],
                "tool_calls": [
                    {"id": "call_9", "type": "function", "function": {"name": "weather", "arguments": "{}"}}
                ],
                "audio": {"id": "audio_1", "expires_at": 2, "data": "AAAA", "transcript": "Let me check."},
            },
        }
    ],
}


def test_a_completion_message_becomes_an_assistant_message():
    message = CreateChatCompletionResponse.from_dict(RESPONSE).choices[0].message
    assert isinstance(message, ChatCompletionResponseMessage)
    (out,) = normalize_messages([message])
    assert out == {
        "role": "assistant",
        "content": "Let me check.",
        "tool_calls": [
            {"id": "call_9", "type": "function", "function": {"name": "weather", "arguments": "{}"}}
        ],
        "audio": {"id": "audio_1"},
    }
    assert_valid(normalize_messages([user("weather?"), out, tool("call_9", "sunny")]))


def test_a_completion_message_keeps_refusal_and_function_call_and_fills_type():
    message = ChatCompletionResponseMessage.from_dict(
        {
            "content": None,
            "refusal": "Not that.",
            "function_call": {"name": "f", "arguments": "{}"},
            "tool_calls": [{"id": "c", "function": {"name": "g", "arguments": "{}"}}],
        }
    )
    (out,) = normalize_messages([message])
    assert out == {
        "role": "assistant",
        "content": None,
        "refusal": "Not that.",
        "function_call": {"name": "f", "arguments": "{}"},
        "tool_calls": [{"id": "c", "type": "function", "function": {"name": "g", "arguments": "{}"}}],
    }
    assert_valid([out])


def test_a_stored_message_replays_by_role():
    stored_user = ChatCompletionStoreMessage.from_dict(
        {"id": "m1", "role": "user", "content": "hi", "refusal": None, "content_parts": None}
    )
    stored_bot = ChatCompletionStoreMessage.from_dict(
        {"id": "m2", "role": "assistant", "content": "yo", "refusal": None}
    )
    assert normalize_messages([stored_user, stored_bot]) == [
        {"role": "user", "content": "hi"},
        {"role": "assistant", "content": "yo"},
    ]


def test_any_iterable_of_messages():
    assert normalize_messages(m for m in [user("a")]) == [{"role": "user", "content": "a"}]
    assert normalize_messages((user("a"),)) == [{"role": "user", "content": "a"}]


@pytest.mark.parametrize("role", ["bot", None, 3])
def test_unknown_role_names_the_field_and_the_allowed_values(role):
    with pytest.raises(ValueError) as info:
        normalize_messages([{"role": "user", "content": "a"}, {"role": role, "content": "x"}])
    message = str(info.value)
    assert message.startswith("messages[1].role must be one of")
    assert all(repr(r) in message for r in MESSAGE_ROLES)


def test_missing_role():
    with pytest.raises(ValueError, match=r"messages\[0\]\.role is required \(one of 'developer', .*\)"):
        normalize_messages([{"content": "x"}])


@pytest.mark.parametrize(
    ("message", "match"),
    [
        ({"role": "tool", "content": "x"}, r"messages\[0\]\.tool_call_id is required \(a str\)"),
        ({"role": "user"}, r"messages\[0\]\.content is required \(a str or a list"),
        ({"role": "system", "content": None}, r"messages\[0\]\.content must be a str or a list.*, got None"),
        ({"role": "developer", "content": []}, r"messages\[0\]\.content must hold at least 1 item, got 0"),
        ({"role": "function", "content": "x"}, r"messages\[0\]\.name is required \(a str\)"),
    ],
)
def test_dict_requirements(message, match):
    with pytest.raises((TypeError, ValueError), match=match):
        normalize_messages([message])


@pytest.mark.parametrize("item", [None, "hi", 3, ["role", "user"], ChatCompletionRequestUserMessage])
def test_wrong_item_types_name_the_index(item):
    with pytest.raises(TypeError, match=r"^messages\[1\] must be a message dict, a message built with"):
        normalize_messages([user("a"), item])


def test_wrong_container_and_empty_list():
    with pytest.raises(TypeError, match=r"messages must be a str or a list of messages, got dict \(wrap"):
        normalize_messages({"role": "user", "content": "x"})  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"got UserMessage \(wrap"):
        normalize_messages(user("x"))  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="messages must be a str or a list of messages, got int"):
        normalize_messages(5)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="messages must hold at least 1 item, got 0"):
        normalize_messages([])


def test_callers_dicts_are_not_mutated():
    messages = [
        {"role": "user", "content": [{"type": "text", "text": "a"}, text("b")]},
        {
            "role": "assistant",
            "content": None,
            "tool_calls": [
                ChatCompletionMessageToolCall(
                    id="c", function=ChatCompletionMessageToolCallFunction(name="f", arguments="{}")
                )
            ],
        },
        {"role": "tool", "tool_call_id": "c", "content": "ok"},
    ]
    # one level deeper than the messages: the same part and tool-call objects, in the same lists
    snapshot = [{k: list(v) if isinstance(v, list) else v for k, v in m.items()} for m in messages]
    first_part = copy.deepcopy(messages[0]["content"][0])
    out = normalize_messages(messages)
    assert messages == snapshot
    assert messages[0]["content"][0] == first_part
    assert out[1]["tool_calls"][0]["type"] == "function"
    assert_valid(out)


def test_contract_helper_rejects_what_the_spec_rejects():
    with pytest.raises(ContractError):
        assert_valid([{"role": "tool", "content": "x"}])


@pytest.mark.parametrize(
    "message",
    [user("a"), system("b"), developer("c"), user("d", name="ann"), system(["e"]), user(text("f"))],
    ids=["user", "system", "developer", "named", "system-parts", "user-parts"],
)
def test_normalizing_a_builder_gives_its_to_dict(message):
    assert normalize_messages([message]) == [message.to_dict()]
