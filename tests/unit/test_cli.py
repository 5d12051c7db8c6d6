"""The ``openai-chat`` command against a fake API served by ``httpx2.MockTransport``."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

import httpx2
import pytest
from openai_chat.cli import main

PAGE = 2  # the fake serves at most two items per page, whatever limit asks for


def completion(cid: str, content: str, *, model: str = "m", metadata: dict | None = None) -> dict[str, Any]:
    return {
        "id": cid,
        "object": "chat.completion",
        "created": 1700000000,
        "model": model,
        "metadata": metadata or {},
        "choices": [
            {
                "index": 0,
                "finish_reason": "stop",
                "logprobs": None,
                "message": {"role": "assistant", "content": content, "refusal": None},
            }
        ],
    }


def sse(pieces: list[str]) -> bytes:
    def chunk(delta: dict, finish: str | None = None) -> dict:
        return {
            "id": "chatcmpl-s",
            "object": "chat.completion.chunk",
            "created": 0,
            "model": "m",
            "choices": [{"index": 0, "delta": delta, "finish_reason": finish, "logprobs": None}],
        }

    events = [chunk({"role": "assistant", "content": ""})]
    events += [chunk({"content": p}) for p in pieces]
    events.append(chunk({}, "stop"))
    body = "".join(f"data: {json.dumps(e)}\n\n" for e in events)
    return (body + "data: [DONE]\n\n").encode()


class FakeAPI:
    """Chat completions and a store of completions with messages, paged ``PAGE`` at a time."""

    def __init__(self, stored: int = 0) -> None:
        self.stored = [
            completion(f"cc-{i}", f"answer {i}", model="a" if i % 2 else "b", metadata={"n": str(i)})
            for i in range(stored)
        ]
        self.messages = {
            c["id"]: [
                {
                    "id": f"{c['id']}-{j}",
                    "role": "user",
                    "content": f"q{j}",
                    "refusal": None,
                    "content_parts": None,
                }
                for j in range(3)
            ]
            for c in self.stored
        }
        self.requests: list[httpx2.Request] = []
        self.replies = ["Hello", "Again"]  # streamed answers, turn by turn
        self.fail_at: int | None = None  # the request number that fails
        self.fail_with: BaseException | None = None
        self.broken_stream = False

    def client(self) -> httpx2.Client:
        return httpx2.Client(transport=httpx2.MockTransport(self))

    def page(self, items: list[dict], query: dict[str, list[str]]) -> httpx2.Response:
        after = query.get("after", [None])[0]
        if after is not None:
            ids = [i["id"] for i in items]
            items = items[ids.index(after) + 1 :]
        if query.get("order") == ["desc"]:
            items = items[::-1]
        limit = min(int(query.get("limit", ["20"])[0]), PAGE)
        data = items[:limit]
        return httpx2.Response(
            200,
            json={
                "object": "list",
                "data": data,
                "first_id": data[0]["id"] if data else "",
                "last_id": data[-1]["id"] if data else "",
                "has_more": len(items) > limit,
            },
        )

    def __call__(self, request: httpx2.Request) -> httpx2.Response:
        self.requests.append(request)
        if self.fail_at is not None and len(self.requests) == self.fail_at:
            if self.fail_with is not None:
                raise self.fail_with
            return httpx2.Response(500, json={"error": {"message": "the store is on fire"}})
        if request.headers.get("authorization") != "Bearer sk-test-secret":
            return httpx2.Response(401, json={"error": {"message": "bad key"}})
        path = request.url.path.removeprefix("/v1/chat/completions")
        query = parse_qs(request.url.query.decode())
        parts = [p for p in path.split("/") if p]
        if request.method == "POST" and not parts:
            body = json.loads(request.content)
            text = self.replies.pop(0)
            if body.get("stream"):
                content = sse([text[:2], text[2:]])
                if self.broken_stream:  # the first piece, then (in a later read) an error event
                    first = b"\n\n".join(content.split(b"\n\n")[:2]) + b"\n\n"
                    content = iter([first, b'data: {"error": {"message": "overloaded"}}\n\n'])
                return httpx2.Response(200, headers={"content-type": "text/event-stream"}, content=content)
            return httpx2.Response(200, json=completion("chatcmpl-j", text), headers={"x-request-id": "r1"})
        if request.method == "GET" and not parts:
            items = self.stored
            if "model" in query:
                items = [c for c in items if c["model"] == query["model"][0]]
            for key, values in query.items():
                if key.startswith("metadata["):
                    items = [c for c in items if c["metadata"].get(key[9:-1]) == values[0]]
            return self.page(items, query)
        found = next((c for c in self.stored if c["id"] == parts[0]), None)
        if found is None:
            return httpx2.Response(404, json={"error": {"message": f"No completion {parts[0]}"}})
        if len(parts) == 2:
            return self.page(self.messages[found["id"]], query)
        if request.method == "DELETE":
            self.stored.remove(found)
            return httpx2.Response(
                200, json={"object": "chat.completion.deleted", "id": found["id"], "deleted": True}
            )
        if request.method == "POST":
            found["metadata"] = json.loads(request.content)["metadata"]
        return httpx2.Response(200, json=found)


GLOBAL = ["--base-url", "http://test/v1", "--api-key", "sk-test-secret", "--max-retries", "0"]


def cli(api: FakeAPI, *argv: str) -> int:
    return main([*GLOBAL, *argv], http_client=api.client())


def json_lines(text: str) -> list[Any]:
    return [json.loads(line) for line in text.splitlines()]


# -- chat ----------------------------------------------------------------------------------------------------


def test_chat_streams_the_answer(capsys: pytest.CaptureFixture[str]) -> None:
    api = FakeAPI()
    assert cli(api, "chat", "Say hi", "--model", "m", "--system", "Be brief.", "--max-tokens", "5") == 0
    assert capsys.readouterr().out == "Hello\n"
    body = json.loads(api.requests[0].content)
    assert body["stream"] is True
    assert body["max_tokens"] == 5
    assert body["messages"] == [
        {"role": "system", "content": "Be brief."},
        {"role": "user", "content": "Say hi"},
    ]


def test_chat_json_prints_the_completion(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OPENAI_MODEL", "from-env")
    api = FakeAPI()
    assert cli(api, "chat", "Say hi", "--json") == 0
    out = json_lines(capsys.readouterr().out)
    assert out == [completion("chatcmpl-j", "Hello")]
    assert json.loads(api.requests[0].content)["model"] == "from-env"


def test_chat_without_a_prompt_keeps_the_conversation(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("first question\n\nsecond question\n/exit\nnever sent\n"))
    api = FakeAPI()
    assert cli(api, "chat", "--model", "m") == 0
    assert capsys.readouterr().out == "Hello\nAgain\n"
    assert len(api.requests) == 2
    second = json.loads(api.requests[1].content)["messages"]
    assert [(m["role"], m["content"]) for m in second] == [
        ("user", "first question"),
        ("assistant", "Hello"),
        ("user", "second question"),
    ]


def test_chat_ends_at_end_of_input(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("only\n"))
    assert cli(FakeAPI(), "chat", "-m", "m") == 0
    assert capsys.readouterr().out == "Hello\n"


def test_chat_needs_a_model(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("OPENAI_MODEL", raising=False)
    api = FakeAPI()
    assert cli(api, "chat", "hi") == 2
    assert capsys.readouterr().err == "openai-chat: error: no model given: pass --model or set OPENAI_MODEL\n"
    assert api.requests == []


def test_an_error_mid_stream_ends_the_partial_line(capsys: pytest.CaptureFixture[str]) -> None:
    api = FakeAPI()
    api.broken_stream = True
    assert cli(api, "chat", "Say hi", "-m", "m") == 1
    captured = capsys.readouterr()
    assert captured.out == "He\n"
    assert captured.err.startswith("openai-chat: error: ") and "overloaded" in captured.err
    assert captured.err.count("\n") == 1


# -- stored completions ----------------------------------------------------------------------------------------


def test_list_pages_through_with_filters_and_limit(capsys: pytest.CaptureFixture[str]) -> None:
    api = FakeAPI(stored=7)
    assert cli(api, "completions", "list") == 0
    assert [c["id"] for c in json_lines(capsys.readouterr().out)] == [f"cc-{i}" for i in range(7)]
    assert len(api.requests) == 4  # pages of two

    assert cli(api, "completions", "list", "--model", "a", "--limit", "2") == 0
    assert [c["id"] for c in json_lines(capsys.readouterr().out)] == ["cc-1", "cc-3"]

    assert cli(api, "completions", "list", "--metadata", "n=4", "--order", "desc") == 0
    assert [c["id"] for c in json_lines(capsys.readouterr().out)] == ["cc-4"]
    assert api.requests[-1].url.params["metadata[n]"] == "4"


def test_get_update_delete_messages(capsys: pytest.CaptureFixture[str]) -> None:
    api = FakeAPI(stored=2)
    assert cli(api, "completions", "get", "cc-1") == 0
    assert json_lines(capsys.readouterr().out)[0]["choices"][0]["message"]["content"] == "answer 1"

    assert cli(api, "completions", "update", "cc-1", "--metadata", "topic=demo", "--metadata", "x=1") == 0
    assert json_lines(capsys.readouterr().out)[0]["metadata"] == {"topic": "demo", "x": "1"}

    assert cli(api, "completions", "messages", "cc-1") == 0
    assert [m["content"] for m in json_lines(capsys.readouterr().out)] == ["q0", "q1", "q2"]

    assert cli(api, "completions", "delete", "cc-1") == 0
    assert json_lines(capsys.readouterr().out) == [
        {"object": "chat.completion.deleted", "id": "cc-1", "deleted": True}
    ]
    assert [c["id"] for c in api.stored] == ["cc-0"]


def test_an_api_error_is_one_line_without_the_key(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli(FakeAPI(), "completions", "get", "nope") == 1
    err = capsys.readouterr().err
    assert err == "openai-chat: error: HTTP 404: No completion nope\n"

    assert main(["--base-url", "http://test/v1", "--api-key", "sk-wrong-key", "completions", "get", "x"],
                http_client=FakeAPI().client()) == 1  # fmt: skip
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "HTTP 401" in err and "sk-wrong-key" not in err


def test_a_connection_error_names_the_server(capsys: pytest.CaptureFixture[str]) -> None:
    def refuse(request: httpx2.Request) -> httpx2.Response:
        raise httpx2.ConnectError("connection refused", request=request)

    code = main(
        [*GLOBAL, "completions", "get", "x"],
        http_client=httpx2.Client(transport=httpx2.MockTransport(refuse)),
    )
    err = capsys.readouterr().err
    assert code == 1
    assert err.startswith("openai-chat: error: ") and err.endswith("(http://test)\n") and err.count("\n") == 1


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["completions"], "the following arguments are required: ACTION"),
        (["--timeout", "-1", "chat", "hi"], "argument --timeout: expected a positive number of seconds"),
        (["completions", "list", "--metadata", "novalue"], "expected KEY=VALUE, got 'novalue'"),
        (["completions", "list", "--limit", "0"], "expected an integer >= 1"),
        (["completions", "get", ""], "completion_id must be a non-empty string"),
        (["frobnicate"], "invalid choice: 'frobnicate'"),
        (
            ["completions", "export", "--out", "/no/such/dir/x.jsonl"],
            "the directory '/no/such/dir' does not exist",
        ),
    ],
)
def test_usage_errors_exit_2_with_one_line(
    capsys: pytest.CaptureFixture[str], argv: list[str], expected: str
) -> None:
    api = FakeAPI()
    assert cli(api, *argv) == 2
    err = capsys.readouterr().err
    assert err.startswith("openai-chat: error: ") and expected in err and err.count("\n") == 1
    assert api.requests == []


def test_help_everywhere(capsys: pytest.CaptureFixture[str]) -> None:
    for argv in ([], ["chat"], ["completions"], ["completions", "export"]):
        assert main([*argv, "--help"]) == 0
        assert "usage: openai-chat" in capsys.readouterr().out
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.startswith("openai-chat ")


def test_interrupt_exits_130(capsys: pytest.CaptureFixture[str]) -> None:
    api = FakeAPI(stored=1)
    api.fail_at, api.fail_with = 1, KeyboardInterrupt()
    assert cli(api, "completions", "list") == 130
    assert capsys.readouterr().err == "openai-chat: error: interrupted\n"


# -- export ----------------------------------------------------------------------------------------------------


def export_ids(path: Path) -> list[str]:
    return [record["completion"]["id"] for record in json_lines(path.read_text(encoding="utf-8"))]


def leftovers(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir() if p.name.startswith("."))


def test_export_writes_every_completion_with_its_messages(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    stderr = Terminal()
    monkeypatch.setattr(sys, "stderr", stderr)
    api = FakeAPI(stored=5)
    out = tmp_path / "all.jsonl"
    assert cli(api, "completions", "export", "--out", str(out)) == 0

    records = json_lines(out.read_text(encoding="utf-8"))
    assert [r["completion"]["id"] for r in records] == [f"cc-{i}" for i in range(5)]
    assert [m["content"] for m in records[3]["messages"]] == ["q0", "q1", "q2"]  # both pages of messages
    assert records[3]["completion"]["choices"][0]["message"]["content"] == "answer 3"
    assert "\rexported 1 completions" in stderr.getvalue()
    assert stderr.getvalue().endswith(
        "\rexported 5 completions\nexported 5 completions to " + str(out) + "\n"
    )
    assert leftovers(tmp_path) == []
    assert capsys.readouterr().out == ""


def test_export_filters_and_resumes_after_an_id(tmp_path: Path) -> None:
    api = FakeAPI(stored=6)
    out = tmp_path / "a.jsonl"
    assert cli(api, "completions", "export", "--out", str(out), "--model", "a") == 0
    assert export_ids(out) == ["cc-1", "cc-3", "cc-5"]

    api.stored.append(completion("cc-9", "late", model="a"))
    api.messages["cc-9"] = []
    assert cli(api, "completions", "export", "--out", str(out), "--model", "a", "--after", "cc-5") == 0
    assert export_ids(out) == ["cc-1", "cc-3", "cc-5", "cc-9"]
    assert leftovers(tmp_path) == []


def test_an_interrupted_export_leaves_an_existing_file_unchanged(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "all.jsonl"
    out.write_text('{"completion": {"id": "old"}, "messages": []}\n', encoding="utf-8")
    before = out.read_bytes()
    api = FakeAPI(stored=5)
    api.fail_at, api.fail_with = 6, KeyboardInterrupt()  # after a few completions were written
    assert cli(api, "completions", "export", "--out", str(out)) == 130
    assert out.read_bytes() == before
    assert leftovers(tmp_path) == []
    assert capsys.readouterr().err == f"openai-chat: error: interrupted; {out} was left unchanged\n"


def test_a_failed_export_keeps_whole_lines_and_says_how_to_resume(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "all.jsonl"
    api = FakeAPI(stored=5)
    # requests: page 1, messages cc-0 (2 pages), messages cc-1 (2 pages), page 2, then the failure
    api.fail_at = 7
    assert cli(api, "completions", "export", "--out", str(out)) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "the store is on fire" in err and "run again with --after cc-1 to resume" in err
    assert export_ids(out) == ["cc-0", "cc-1"]
    assert leftovers(tmp_path) == []

    api.fail_at = None
    assert cli(api, "completions", "export", "--out", str(out), "--after", "cc-1") == 0
    assert export_ids(out) == [f"cc-{i}" for i in range(5)]


def test_a_resumed_export_that_fails_keeps_the_old_lines(tmp_path: Path) -> None:
    out = tmp_path / "all.jsonl"
    api = FakeAPI(stored=5)
    assert cli(api, "completions", "export", "--out", str(out)) == 0
    before = out.read_bytes()
    api.stored.append(completion("cc-9", "late"))
    api.messages["cc-9"] = []
    api.fail_at = len(api.requests) + 1
    assert cli(api, "completions", "export", "--out", str(out), "--after", "cc-4") == 1
    assert out.read_bytes() == before
    assert leftovers(tmp_path) == []


# -- the installed command -----------------------------------------------------------------------------------


def test_python_dash_m_runs_the_command() -> None:
    env = {k: v for k, v in os.environ.items() if k != "OPENAI_MODEL"}
    done = subprocess.run(
        [sys.executable, "-m", "openai_chat", "chat", "hi"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert done.returncode == 2
    assert done.stderr == "openai-chat: error: no model given: pass --model or set OPENAI_MODEL\n"
    assert done.stdout == ""
