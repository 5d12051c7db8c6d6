"""Stored completions on the local stack: the six operations through Client and AsyncClient.

The session's store is shared, so every test tags what it creates with its own metadata value and filters
by it. Requests ask for few tokens: what is checked is the store, not the prose.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import openai_chat as oc
import pytest
from localrun import Run
from openai_chat.local import LocalServer


def tag() -> str:
    return uuid.uuid4().hex[:12]


def create(run: Run, text: str, **kwargs: Any) -> oc.ChatCompletion:
    kwargs.setdefault("max_tokens", 2)
    return run.call(run.client.chat.create, messages=text, temperature=0, store=True, **kwargs)


def ids(run: Run, pager: Any) -> list[str]:
    return [c.id for c in run.items(pager)]


def test_store_get_messages_update_delete(run: Run, local_server: LocalServer) -> None:
    mark, completions = tag(), run.client.chat.completions
    messages = [oc.developer("Answer in one word."), oc.user("Name a colour.")]
    created = run.call(
        run.client.chat.create,
        messages=messages,
        max_tokens=3,
        temperature=0,
        store=True,
        metadata={"test": mark},
    )
    got = run.call(completions.get, created.id)
    assert (got.id, got.text, got.model, got.usage) == (
        created.id,
        created.text,
        local_server.model,
        created.usage,
    )
    assert got.metadata.to_dict() == {"test": mark}

    stored = list(run.items(completions.messages(created.id)))
    assert [(m.id, m.role, m.content) for m in stored] == [
        (f"{created.id}-0", "developer", "Answer in one word."),
        (f"{created.id}-1", "user", "Name a colour."),
    ]

    updated = run.call(completions.update, created.id, metadata={"test": mark, "reviewed": "yes"})
    assert updated.metadata.to_dict() == {"test": mark, "reviewed": "yes"}
    assert ids(run, completions.list(metadata={"test": mark, "reviewed": "yes"})) == [created.id]

    deleted = run.call(completions.delete, created.id)
    assert (deleted.id, deleted.deleted, deleted.object) == (created.id, True, "chat.completion.deleted")
    assert ids(run, completions.list(metadata={"test": mark})) == []


@pytest.mark.parametrize("operation", ["get", "update", "delete", "messages"])
def test_an_unknown_id_is_a_404_in_the_api_shape(run: Run, operation: str) -> None:
    completions = run.client.chat.completions
    calls = {
        "get": lambda: completions.get("chatcmpl-missing"),
        "update": lambda: completions.update("chatcmpl-missing", metadata={}),
        "delete": lambda: completions.delete("chatcmpl-missing"),
        "messages": lambda: list(run.items(completions.messages("chatcmpl-missing"))),
    }
    with pytest.raises(oc.NotFoundError) as caught:
        run.call(calls[operation])
    exc = caught.value
    assert exc.status_code == 404 and exc.param == "completion_id" and exc.type == "invalid_request_error"
    assert exc.message == "No chat completion found with id 'chatcmpl-missing'."
    assert exc.request_id and exc.request_id == exc.response.headers["x-request-id"]


def test_a_streamed_completion_is_stored_whole(run: Run) -> None:
    mark = tag()
    stream = run.client.chat.stream(
        messages="Count from one to ten.", max_tokens=8, temperature=0, store=True, metadata={"test": mark}
    )
    with run.opened(stream) as s:
        text = "".join(run.items(s.text()))
        final = run.call(s.final)
    stored = run.call(run.client.chat.completions.get, final.id)
    assert stored.text == final.text == text and stored.finish_reason == final.finish_reason
    assert ids(run, run.client.chat.completions.list(metadata={"test": mark})) == [final.id]


def test_paging_filters_and_ordering(run: Run, local_server: LocalServer) -> None:
    mark, completions = tag(), run.client.chat.completions
    made = [create(run, f"Say {i}.", metadata={"test": mark, "parity": str(i % 2)}).id for i in range(5)]
    assert ids(run, completions.list(metadata={"test": mark}, limit=2)) == made
    assert ids(run, completions.list(metadata={"test": mark}, limit=2, order="desc")) == made[::-1]
    pages = list(run.items(completions.list(metadata={"test": mark}, limit=2).pages()))
    assert [[c.id for c in p.data] for p in pages] == [made[0:2], made[2:4], made[4:]]
    assert [p.has_more for p in pages] == [True, True, False]
    assert (pages[0].first_id, pages[0].last_id) == (made[0], made[1])
    assert ids(run, completions.list(metadata={"test": mark, "parity": "1"}, limit=1)) == made[1::2]
    assert ids(run, completions.list(model=local_server.model, metadata={"test": mark})) == made
    assert ids(run, completions.list(model="another-model", metadata={"test": mark})) == []
    assert ids(run, completions.list(metadata={"test": mark}, after=made[2])) == made[3:]


def test_not_stored_without_store(client: oc.Client) -> None:
    mark = tag()
    client.chat.create(messages="Hi", max_tokens=2, metadata={"test": mark})
    assert list(client.chat.completions.list(metadata={"test": mark})) == []


# -- over another running server ---------------------------------------------------------------------------


@pytest.fixture
def second_stack(local_server: LocalServer, tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """``python -m openai_chat.local --upstream`` in front of the session's stack, with its own database."""
    db = tmp_path / "second.sqlite"
    env = {k: v for k, v in os.environ.items() if not k.startswith("OPENAI_")}
    process = subprocess.Popen(
        [sys.executable, "-m", "openai_chat.local", "--upstream", local_server.base_url, "--db", str(db)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        assert process.stdout is not None
        base_url = process.stdout.readline().strip()
        assert base_url.startswith("http://127.0.0.1:"), process.stderr.read() if process.stderr else ""
        yield base_url, db
    finally:
        process.terminate()
        process.communicate(timeout=30)


def test_upstream_gives_stored_completions_over_another_server(
    second_stack: tuple[str, Path], local_server: LocalServer
) -> None:
    base_url, db = second_stack
    mark = tag()
    with oc.Client(base_url=base_url, api_key="sk-local", model=local_server.model, max_retries=0) as client:
        created = client.chat.create(messages="Hi", max_tokens=2, store=True, metadata={"test": mark})
        [listed] = client.chat.completions.list(metadata={"test": mark})
        assert listed.id == created.id
        assert client.chat.completions.get(created.id).text == created.text
    assert db.stat().st_size > 0


def test_the_cli_exports_what_the_stack_stored(
    client: oc.Client, local_server: LocalServer, tmp_path: Path
) -> None:
    mark = tag()
    made = [
        client.chat.create(messages=f"Say {i}.", max_tokens=2, store=True, metadata={"test": mark}).id
        for i in range(3)
    ]
    out = tmp_path / "export.jsonl"
    env = {k: v for k, v in os.environ.items() if not k.startswith("OPENAI_")}
    done = subprocess.run(
        [sys.executable, "-m", "openai_chat", "--base-url", local_server.base_url, "--api-key", "sk-local"]
        + ["completions", "export", "--out", str(out), "--metadata", f"test={mark}"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    lines = [json.loads(line) for line in out.read_text().splitlines()]
    assert [line["completion"]["id"] for line in lines] == made
    assert [[m["content"] for m in line["messages"]] for line in lines] == [[f"Say {i}."] for i in range(3)]
