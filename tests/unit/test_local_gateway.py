"""The local gateway over real loopback sockets, in front of the fake API served as an upstream server.

The upstream is ``FakeAPI`` behind ``loopback.serve``; the gateway is the real one; the clients are the real
``Client`` and ``AsyncClient``. Stored completions must come from the gateway, never from the upstream.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx2
import openai_chat as oc
import pytest
from fakes import KEY, MODEL, Canned, FakeAPI, Harness, error_body
from loopback import serve
from openai_chat._local_gateway import Gateway
from openai_chat._local_store import CompletionStore


class Stack:
    """A fake upstream on a socket, a gateway in front of it, and a harness whose client talks to the gateway."""

    def __init__(self, kind: str, *, translate: bool = False) -> None:
        self.fake = FakeAPI()
        self._serving = serve(self.fake)
        self.upstream = self._serving.__enter__()
        self.store = CompletionStore()
        self.gateway = Gateway(self.upstream, self.store, translate=translate).start()
        self.h = Harness(kind, self.fake)
        transport = httpx2.AsyncHTTPTransport() if self.h.is_async else httpx2.HTTPTransport()
        self.client = self.h.new_client(
            base_url=self.gateway.base_url, http_client=self.h.http_client(transport), max_retries=0
        )

    def close(self) -> None:
        self.h.close()
        self.gateway.stop()
        self.store.close()
        self._serving.__exit__(None, None, None)

    def __enter__(self) -> Stack:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


@pytest.fixture(params=["sync", "async"])
def s(request: pytest.FixtureRequest) -> Iterator[Stack]:
    with Stack(request.param) as stack:
        yield stack


def test_the_stored_operations_answer_from_the_gateway(s: Stack) -> None:
    h, completions = s.h, s.client.chat.completions
    created = h.call(s.client.chat.create, model=MODEL, messages="Hi", store=True, metadata={"topic": "a"})
    h.call(s.client.chat.create, model=MODEL, messages="Not kept")
    got = h.call(completions.get, created.id)
    assert (got.id, got.text, got.metadata.to_dict()) == (created.id, "You said: Hi", {"topic": "a"})
    assert got.request_id and got.request_id.startswith("req_")
    assert [c.id for c in h.collect(completions.list())] == [created.id]
    [message] = h.collect(completions.messages(created.id))
    assert (message.id, message.role, message.content) == (f"{created.id}-0", "user", "Hi")
    updated = h.call(completions.update, created.id, metadata={"topic": "b"})
    assert updated.metadata.to_dict() == {"topic": "b"}
    assert h.collect(completions.list(metadata={"topic": "a"})) == []
    deleted = h.call(completions.delete, created.id)
    assert (deleted.id, deleted.deleted) == (created.id, True)
    with pytest.raises(oc.NotFoundError) as caught:
        h.call(completions.get, created.id)
    assert caught.value.body == {
        "error": {
            "message": f"No chat completion found with id '{created.id}'.",
            "type": "invalid_request_error",
            "param": "completion_id",
            "code": None,
        }
    }
    assert [r.method for r in s.fake.requests] == ["POST", "POST"], "only creates go upstream"


def test_a_stored_stream_passes_through_and_reads_back_whole(s: Stack) -> None:
    h = s.h
    stream = s.client.chat.stream(
        model=MODEL, messages="Tell me about the sea", store=True, metadata={"k": "v"}
    )
    with h.opened(stream) as st:
        pieces = h.collect(st.text())
        final = h.call(st.final)
    assert len(pieces) > 3 and "".join(pieces) == final.text == "You said: Tell me about the sea"
    stored = h.call(s.client.chat.completions.get, final.id)
    assert stored.to_dict() == {**final.to_dict(), "metadata": {"k": "v"}}


def test_auto_paging_across_pages_in_both_orders(s: Stack) -> None:
    h = s.h
    made = [
        h.call(s.client.chat.create, model=MODEL, messages=f"q{i}", store=True, metadata={"run": "x"}).id
        for i in range(7)
    ]
    completions = s.client.chat.completions
    assert [c.id for c in h.collect(completions.list(limit=3))] == made
    assert [c.id for c in h.collect(completions.list(limit=2, order="desc"))] == made[::-1]
    pages = h.collect(completions.list(limit=3, metadata={"run": "x"}).pages())
    assert [len(p.data) for p in pages] == [3, 3, 1]
    assert [p.has_more for p in pages] == [True, True, False]
    assert h.collect(completions.list(model="other-model")) == []


def test_an_id_the_store_holds_already_is_replaced(s: Stack) -> None:
    body = s.fake._completion({"model": MODEL, "messages": [{"role": "user", "content": "x"}]}, {})
    s.fake.enqueue(Canned(200, body), Canned(200, body))
    first = s.h.call(s.client.chat.create, model=MODEL, messages="x", store=True)
    second = s.h.call(s.client.chat.create, model=MODEL, messages="x", store=True)
    assert first.id == body["id"] and second.id != first.id and second.id.startswith("chatcmpl-")
    assert {c.id for c in s.h.collect(s.client.chat.completions.list())} == {first.id, second.id}


def test_an_empty_upstream_stream_is_an_error_status(s: Stack) -> None:
    s.fake.enqueue(Canned(200, b"", {"content-type": "text/event-stream"}))
    with pytest.raises(oc.InternalServerError) as caught:
        with s.h.opened(s.client.chat.stream(model=MODEL, messages="Hi")) as st:
            s.h.call(st.final)
    assert caught.value.status_code == 500 and caught.value.code == "empty_stream"


def test_upstream_errors_pass_through(s: Stack) -> None:
    body = error_body("Slow down.", type="requests", code="rate_limit_exceeded")
    s.fake.enqueue(Canned(429, body, {"x-request-id": "req_upstream"}))
    with pytest.raises(oc.RateLimitError) as caught:
        s.h.call(s.client.chat.create, model=MODEL, messages="Hi", store=True)
    assert (caught.value.body, caught.value.request_id) == (body, "req_upstream")
    assert s.h.collect(s.client.chat.completions.list()) == []


def test_other_paths_go_upstream_and_the_key_with_them() -> None:
    seen: list[httpx2.Request] = []

    def models(request: httpx2.Request) -> httpx2.Response:
        seen.append(request)
        return httpx2.Response(200, json={"object": "list", "data": [{"id": "m1", "object": "model"}]})

    with serve(models) as upstream:
        store = CompletionStore()
        gateway = Gateway(upstream, store).start()
        try:
            response = httpx2.get(
                f"{gateway.base_url}/models?x=1", headers={"authorization": f"Bearer {KEY}"}
            )
        finally:
            gateway.stop()
            store.close()
    assert response.status_code == 200 and response.json()["data"][0]["id"] == "m1"
    [request] = seen
    assert (request.url.path, request.url.query) == ("/v1/models", b"x=1")
    assert request.headers["authorization"] == f"Bearer {KEY}"


@pytest.mark.parametrize(
    ("method", "path", "status"),
    [
        ("GET", "/chat/completions?limit=0", 400),
        ("GET", "/chat/completions?order=sideways", 400),
        ("PUT", "/chat/completions", 405),
        ("GET", "/chat/completions/a/b", 404),
        ("POST", "/chat/completions/a/messages", 405),
    ],
)
def test_bad_requests_get_error_bodies(s: Stack, method: str, path: str, status: int) -> None:
    response = httpx2.request(method, s.gateway.base_url + path)
    assert response.status_code == status
    assert set(response.json()["error"]) == {"message", "type", "param", "code"}
    assert response.headers["x-request-id"].startswith("req_")


def test_an_update_needs_metadata() -> None:
    with Stack("sync") as s:
        cid = s.client.chat.create(model=MODEL, messages="Hi", store=True).id
        for body, fragment in (
            ({}, "Missing"),
            ({"metadata": {"k": 1}}, "must be a str"),
            ([], "JSON object"),
        ):
            response = httpx2.post(f"{s.gateway.base_url}/chat/completions/{cid}", json=body)
            assert response.status_code == 400 and fragment in response.json()["error"]["message"]


@pytest.mark.parametrize("translate", [True, False])
def test_requests_are_translated_only_for_the_bundled_server(translate: bool) -> None:
    with Stack("sync", translate=translate) as s:
        messages = [oc.developer("Be brief."), oc.user("Hi")]
        s.client.chat.create(model=MODEL, messages=messages, max_completion_tokens=5, store=True)
        sent = s.fake.last.json
        if translate:
            assert sent["messages"] == [{"role": "user", "content": "Be brief.\n\nHi"}]
            assert sent["max_tokens"] == 5 and "max_completion_tokens" not in sent
        else:
            assert sent["messages"] == [m.to_dict() for m in messages]
            assert sent["max_completion_tokens"] == 5 and "max_tokens" not in sent
        [stored] = s.client.chat.completions.list()
        roles = [m.role for m in s.client.chat.completions.messages(stored.id)]
        assert roles == ["developer", "user"], "the messages stored are the caller's, not the translation"


def test_an_unreachable_upstream_is_a_502() -> None:
    with serve(FakeAPI()) as upstream:
        pass  # now nothing listens there
    store = CompletionStore()
    gateway = Gateway(upstream, store).start()
    try:
        with oc.Client(api_key=KEY, base_url=gateway.base_url, max_retries=0) as client:
            with pytest.raises(oc.InternalServerError) as caught:
                client.chat.create(model=MODEL, messages="Hi")
        assert caught.value.status_code == 502 and "could not be reached" in caught.value.message
    finally:
        gateway.stop()
        store.close()


def _start_cli(*args: str) -> tuple[subprocess.Popen[str], str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("OPENAI_")}
    process = subprocess.Popen(
        [sys.executable, "-m", "openai_chat.local", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert process.stdout is not None
    return process, process.stdout.readline().strip()


def test_python_m_local_with_upstream_keeps_what_it_acknowledged(tmp_path: Path) -> None:
    db = tmp_path / "stored.sqlite"
    with serve(FakeAPI()) as upstream:
        process, base_url = _start_cli("--upstream", upstream, "--db", str(db))
        try:
            assert base_url.startswith("http://127.0.0.1:") and base_url.endswith("/v1"), process.stderr
            with oc.Client(api_key=KEY, base_url=base_url, max_retries=0) as client:
                kept = client.chat.create(model=MODEL, messages="Keep me", store=True, metadata={"k": "v"})
        finally:
            process.send_signal(signal.SIGKILL)  # a crash: no clean shutdown
            process.communicate(timeout=30)
        process, base_url = _start_cli("--upstream", upstream, "--db", str(db))
        try:
            with oc.Client(api_key=KEY, base_url=base_url, max_retries=0) as client:
                [again] = client.chat.completions.list(metadata={"k": "v"})
                assert (again.id, again.text) == (kept.id, "You said: Keep me")
        finally:
            process.terminate()
            _, err = process.communicate(timeout=30)
        assert process.returncode == 0, err


def test_python_m_local_refuses_a_bad_upstream() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "openai_chat.local", "--upstream", "localhost:8080"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 1 and done.stdout == ""
    assert "upstream must be an http(s) base URL" in done.stderr
