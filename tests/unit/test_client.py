"""Client and AsyncClient: options, what reaches the wire, create, and the raw generated client."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator

import httpx2
import openai_chat as oc
import pytest
from fakes import BASE_URL, KEY, MODEL, Canned, Harness, error_body
from openai_chat_api.api.chat import get_chat_completion
from reliability.faultserver import FaultServer, Respond

ENV = {
    "OPENAI_API_KEY": "sk-from-env-0000",
    "OPENAI_BASE_URL": "https://env.fake.test/v1",
    "OPENAI_ORG_ID": "org-env",
    "OPENAI_PROJECT_ID": "proj-env",
}


@pytest.fixture(params=["sync", "async"])
def h(request: pytest.FixtureRequest) -> Iterator[Harness]:
    harness = Harness(request.param)
    yield harness
    harness.close()


@pytest.fixture
def env(monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    for name, value in ENV.items():
        monkeypatch.setenv(name, value)
    return ENV


def say_hi(h: Harness, client: object = None, **kwargs: object) -> oc.ChatCompletion:
    client = client if client is not None else h.client
    kwargs.setdefault("model", MODEL)
    return h.call(client.chat.create, messages="Hi", **kwargs)  # type: ignore[attr-defined]


# -- options ------------------------------------------------------------------------------------------------


def test_environment_gives_the_defaults(h: Harness, env: dict[str, str]) -> None:
    client = h.new_client(api_key=oc.UNSET, base_url=oc.UNSET)
    say_hi(h, client)
    sent = h.fake.last.request
    assert str(sent.url) == env["OPENAI_BASE_URL"] + "/chat/completions"
    assert sent.headers["authorization"] == "Bearer " + env["OPENAI_API_KEY"]
    assert sent.headers["openai-organization"] == env["OPENAI_ORG_ID"]
    assert sent.headers["openai-project"] == env["OPENAI_PROJECT_ID"]


def test_explicit_arguments_win_over_the_environment(h: Harness, env: dict[str, str]) -> None:
    client = h.new_client(api_key=KEY, base_url=BASE_URL, organization="org-arg", project=None)
    say_hi(h, client)
    sent = h.fake.last.request
    assert str(sent.url) == BASE_URL + "/chat/completions"
    assert sent.headers["authorization"] == "Bearer " + KEY
    assert sent.headers["openai-organization"] == "org-arg"
    assert "openai-project" not in sent.headers


def test_no_environment_and_no_arguments(h: Harness, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ENV:
        monkeypatch.delenv(name, raising=False)
    client = h.new_client(api_key=oc.UNSET, base_url=oc.UNSET)
    assert client.options.base_url == "https://api.openai.com/v1"
    assert client.options.api_key is None


def test_default_model_lets_calls_omit_model(h: Harness) -> None:
    client = h.new_client(model="gpt-default")
    h.call(client.chat.create, messages="Hi")
    assert h.fake.last.json["model"] == "gpt-default"
    h.call(client.chat.create, messages="Hi", model="gpt-other")
    assert h.fake.last.json["model"] == "gpt-other"


def test_missing_model_fails_before_any_request(h: Harness) -> None:
    with pytest.raises(ValueError, match="model is required"):
        h.call(h.client.chat.create, messages="Hi")
    with pytest.raises(ValueError, match="model is required"):
        h.client.chat.stream(messages="Hi")
    assert h.fake.requests == []


def test_with_options_is_a_copy_on_the_same_pool(h: Harness) -> None:
    original = h.client
    copy = original.with_options(model="gpt-copy", max_retries=0, default_headers={"X-Team": "copy"})
    assert copy.http_client is original.http_client
    assert (copy.options.model, copy.options.max_retries) == ("gpt-copy", 0)
    assert (original.options.model, original.options.max_retries) == (None, 2)

    h.call(copy.chat.create, messages="Hi")
    assert h.fake.last.headers["x-team"] == "copy"
    assert h.fake.last.json["model"] == "gpt-copy"
    h.call(copy.close)  # a copy does not own the pool
    assert not original.http_client.is_closed
    say_hi(h, original)
    assert "x-team" not in h.fake.last.headers


def test_options_and_per_call_extras_reach_the_wire(h: Harness) -> None:
    client = h.new_client(
        default_headers={"X-Team": "core", "X-Override": "default"},
        default_query={"api-version": "2024-10-21"},
        timeout=42.0,
    )
    say_hi(h, client)
    sent = h.fake.last.request
    assert sent.headers["x-team"] == "core"
    assert sent.url.params["api-version"] == "2024-10-21"
    assert sent.extensions["timeout"]["read"] == 42.0

    say_hi(
        h,
        client,
        extra_headers={"X-Override": "call", "X-Trace": "t-1"},
        extra_query={"debug": "1"},
        extra_body={"vendor_option": {"beam": 2}},
        timeout=3.5,
    )
    sent = h.fake.last.request
    assert (sent.headers["x-team"], sent.headers["x-override"], sent.headers["x-trace"]) == (
        "core",
        "call",
        "t-1",
    )
    assert dict(sent.url.params) == {"api-version": "2024-10-21", "debug": "1"}
    assert h.fake.last.json["vendor_option"] == {"beam": 2}
    assert sent.extensions["timeout"] == {"connect": 3.5, "read": 3.5, "write": 3.5, "pool": 3.5}


def test_organization_and_project_headers(h: Harness) -> None:
    client = h.new_client(organization="org-1", project="proj-1")
    say_hi(h, client)
    assert h.fake.last.headers["openai-organization"] == "org-1"
    assert h.fake.last.headers["openai-project"] == "proj-1"


def test_repr_never_shows_the_key(h: Harness) -> None:
    client = h.new_client(organization="org-1", model="gpt-x")
    for text in (
        repr(client),
        repr(client.options),
        str(client.options),
        repr(client.with_options(model="y")),
    ):
        assert KEY not in text
    assert "gpt-x" in repr(client)
    assert client.options.api_key == KEY


def test_context_manager_closes_the_pool_it_owns(h: Harness) -> None:
    owned = h.new_client(http_client=None)
    with h.opened(owned) as client:
        assert client is owned
    assert owned.http_client.is_closed

    injected = h.http_client()
    with h.opened(h.new_client(http_client=injected)):
        pass
    assert not injected.is_closed
    h.call(injected.aclose if h.is_async else injected.close)


def test_http_client_of_the_wrong_kind_is_refused(h: Harness) -> None:
    wrong = httpx2.Client(transport=h.fake.transport()) if h.is_async else httpx2.AsyncClient()
    with pytest.raises(TypeError, match="http_client"):
        h.new_client(http_client=wrong)


# -- create -------------------------------------------------------------------------------------------------


def test_the_body_is_exactly_what_the_caller_set(h: Harness) -> None:
    messages = [{"role": "system", "content": "Be brief."}, {"role": "user", "content": "Hi"}]
    h.call(h.client.chat.create, model=MODEL, messages=messages, temperature=0.2, max_completion_tokens=50)
    assert h.fake.last.json == {
        "model": MODEL,
        "messages": messages,
        "temperature": 0.2,
        "max_completion_tokens": 50,
    }
    assert h.fake.last.headers["content-type"] == "application/json"


def test_builders_and_a_plain_string_become_message_dicts(h: Harness) -> None:
    h.call(h.client.chat.create, model=MODEL, messages=[oc.system("Be brief."), oc.user("Hi")])
    assert h.fake.last.json["messages"] == [
        {"role": "system", "content": "Be brief."},
        {"role": "user", "content": "Hi"},
    ]
    h.call(h.client.chat.create, model=MODEL, messages="Hi")
    assert h.fake.last.json == {"model": MODEL, "messages": [{"role": "user", "content": "Hi"}]}


def test_the_caller_s_arguments_are_not_mutated(h: Harness) -> None:
    messages = [{"role": "user", "content": "Hi"}]
    metadata = {"topic": "greeting"}
    snapshot = json.dumps([messages, metadata])
    h.call(h.client.chat.create, model=MODEL, messages=messages, metadata=metadata, store=True)
    assert json.dumps([messages, metadata]) == snapshot


def test_create_returns_a_completion_with_conveniences(h: Harness) -> None:
    completion = h.call(h.client.chat.create, model=MODEL, messages="Bonjour ☕")
    assert isinstance(completion, oc.ChatCompletion)
    assert completion.text == "You said: Bonjour ☕"
    assert completion.finish_reason == "stop"
    assert completion.tool_calls == []
    assert completion.request_id == "req_0001"
    assert (
        completion.usage.total_tokens == completion.usage.prompt_tokens + completion.usage.completion_tokens
    )
    assert completion.model == MODEL


def test_tool_calls_and_a_follow_up_request(h: Harness) -> None:
    call = {
        "id": "call_1",
        "type": "function",
        "function": {"name": "weather", "arguments": '{"city":"Oslo"}'},
    }
    h.fake.reply(None, tool_calls=[call])
    messages: list = [oc.user("Weather in Oslo?")]
    first = h.call(h.client.chat.create, model=MODEL, messages=messages)
    assert first.text is None
    assert first.finish_reason == "tool_calls"
    assert [(c.id, c.function.name, c.function.arguments) for c in first.tool_calls] == [
        ("call_1", "weather", '{"city":"Oslo"}')
    ]

    messages += [first.to_message(), oc.tool("call_1", "12°C and clear")]
    second = h.call(h.client.chat.create, model=MODEL, messages=messages)
    assert second.text == "You said: Weather in Oslo?"
    sent = h.fake.last.json["messages"]
    assert sent[1] == {"role": "assistant", "content": None, "tool_calls": [call]}
    assert sent[2] == {"role": "tool", "tool_call_id": "call_1", "content": "12°C and clear"}


def test_a_completion_s_message_can_be_appended_as_is(h: Harness) -> None:
    messages: list = [oc.user("Hi")]
    first = h.call(h.client.chat.create, model=MODEL, messages=messages)
    messages += [first.choices[0].message, oc.user("And again?")]
    h.call(h.client.chat.create, model=MODEL, messages=messages)
    sent = h.fake.last.json["messages"]
    assert sent[1]["role"] == "assistant"
    assert sent[1]["content"] == "You said: Hi"
    assert len(h.fake.requests) == 2  # both requests passed the contract check


@pytest.mark.parametrize(
    ("kwargs", "error", "match"),
    [
        ({"temperature": 5}, ValueError, "temperature"),
        ({"temprature": 0.5}, TypeError, "did you mean 'temperature'"),
        ({"n": "2"}, TypeError, "n must be"),
        ({"messages": []}, ValueError, "messages"),
        ({"messages": [{"role": "wizard", "content": "hi"}]}, ValueError, "role"),
        ({"messages": {"role": "user", "content": "hi"}}, TypeError, "wrap a single message in a list"),
        ({"stream": "yes"}, TypeError, "stream must be a bool"),
        ({"metadata": {"k": 1}}, TypeError, "metadata"),
    ],
)
def test_bad_arguments_fail_before_any_request(
    h: Harness, kwargs: dict, error: type[Exception], match: str
) -> None:
    kwargs = {"model": MODEL, "messages": "Hi", **kwargs}
    with pytest.raises(error, match=match):
        h.call(h.client.chat.create, **kwargs)
    assert h.fake.requests == []


# -- the raw generated client -------------------------------------------------------------------------------


def _stored(cid: str) -> dict[str, object]:
    return {
        "id": cid,
        "object": "chat.completion",
        "created": 1,
        "model": MODEL,
        "choices": [
            {"index": 0, "finish_reason": "stop", "logprobs": None,
             "message": {"role": "assistant", "content": "Hi", "refusal": None}}
        ],
    }  # fmt: skip


@pytest.mark.parametrize("kind", ["sync", "async"])
def test_raw_client_is_the_facades_own_http_client(kind: str) -> None:
    """The generated layer sends through the very client the façade uses: one pool, its URL and headers."""
    with FaultServer() as server:
        server.script(Respond(200, _stored("chatcmpl-raw")))
        options = {"api_key": KEY, "base_url": f"{server.url}/v1", "organization": "org-raw",
                   "default_query": {"api-version": "2024-10-21"}}  # fmt: skip
        if kind == "sync":
            with oc.Client(**options) as client:
                assert client.raw.get_httpx_client() is client.http_client
                response = get_chat_completion.sync_detailed("chatcmpl-raw", client=client.raw)
        else:

            async def go() -> object:
                async with oc.AsyncClient(**options) as client:
                    assert client.raw.get_async_httpx_client() is client.http_client
                    return await get_chat_completion.asyncio_detailed("chatcmpl-raw", client=client.raw)

            response = asyncio.run(go())
        assert response.status_code == 200
        assert response.parsed.id == "chatcmpl-raw"
        [sent] = server.requests
        assert sent.path == "/v1/chat/completions/chatcmpl-raw?api-version=2024-10-21"
        assert sent.headers["authorization"] == f"Bearer {KEY}"
        assert sent.headers["openai-organization"] == "org-raw"


def test_raw_client_repr_never_shows_the_key() -> None:
    with oc.Client(api_key=KEY, base_url=BASE_URL) as client:
        assert KEY not in repr(client.raw)
        assert KEY not in repr(client.raw.get_httpx_client().headers)


def test_raw_client_needs_a_pool_the_facade_made(h: Harness) -> None:
    with pytest.raises(ValueError, match="create the Client without http_client="):
        h.client.raw  # noqa: B018


def test_raw_client_of_a_copy_with_other_headers_says_why() -> None:
    with oc.Client(api_key=KEY, base_url=BASE_URL) as client:
        same = client.with_options(max_retries=0)
        assert same.raw.get_httpx_client() is client.http_client
        with pytest.raises(ValueError, match="use raw on a Client created with these options"):
            client.with_options(organization="org-other").raw  # noqa: B018


def test_a_copy_without_a_header_does_not_send_the_pools_one(h: Harness) -> None:
    """The façade's own pool carries its creator's headers for the raw layer; a copy's requests do not."""
    with FaultServer() as server:
        server.script(Respond(200, _stored("c1")))
        with oc.Client(api_key=KEY, base_url=server.url, organization="org-a") as client:
            client.with_options(organization=None, api_key=None).chat.completions.get("c1")
        [sent] = server.requests
        assert "openai-organization" not in sent.headers
        assert "authorization" not in sent.headers


@pytest.mark.parametrize("kind", ["sync", "async"])
def test_an_httpx_client_of_another_library_is_refused_clearly(kind: str) -> None:
    class Foreign:  # stands for an HTTP client from another package
        pass

    cls = oc.Client if kind == "sync" else oc.AsyncClient
    expected = "httpx2.Client" if kind == "sync" else "httpx2.AsyncClient"
    with pytest.raises(TypeError, match=f"http_client must be an {expected}.*got .*Foreign"):
        cls(api_key=KEY, http_client=Foreign())


def test_create_with_stream_true_sends_the_request(h: Harness) -> None:
    h.fake.enqueue(Canned(401, error_body("Incorrect API key provided.", code="invalid_api_key")))
    with pytest.raises(oc.AuthenticationError):
        h.call(h.client.chat.create, model=MODEL, messages="Hi", stream=True)
