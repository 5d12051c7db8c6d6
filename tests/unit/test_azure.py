"""Azure OpenAI clients: URLs, api-version, credentials, settings, content-filter results, sync and async.

Request building is checked over ``httpx2.MockTransport``; the behaviour end to end against a loopback
server that checks path, query and headers the way Azure does (``azureserver.py``).
"""

from __future__ import annotations

import asyncio
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx2
import openai_chat as oc
import pytest
from azureserver import API_VERSION, AzureServer
from fakes import Harness, SSEBody

ENDPOINT = "https://my-resource.openai.azure.com"
KEY = "azure-key-5ecret-never-shown"
DEPLOYMENT = "gpt-4o-mini"
ROOT = Path(__file__).resolve().parents[2]
PAYLOADS = ROOT / "tests" / "fixtures" / "payloads"
SSE = ROOT / "tests" / "fixtures" / "sse"
AZURE_ENV = ("AZURE_OPENAI_ENDPOINT", "AZURE_OPENAI_API_KEY", "OPENAI_API_VERSION", "AZURE_OPENAI_AD_TOKEN")


def azure_completion() -> dict[str, Any]:
    doc = json.loads((PAYLOADS / "create_chat_completion_response.json").read_text(encoding="utf-8"))
    return doc["cases"]["azure_content_filter"]


class Recorder:
    """A MockTransport handler answering every request with an Azure completion (or a queued reply)."""

    def __init__(self) -> None:
        self.requests: list[httpx2.Request] = []
        self.replies: list[httpx2.Response] = []

    def __call__(self, request: httpx2.Request) -> httpx2.Response:
        # A copy: a retry sends the same request object again, with fresh credentials.
        copy = httpx2.Request(
            request.method, request.url, headers=request.headers.copy(), content=request.read()
        )
        self.requests.append(copy)
        if self.replies:
            return self.replies.pop(0)
        if request.method == "DELETE":
            return httpx2.Response(
                200, json={"object": "chat.completion.deleted", "id": "c1", "deleted": True}
            )
        return httpx2.Response(200, json=azure_completion(), headers={"x-request-id": "req-1"})

    @property
    def last(self) -> httpx2.Request:
        return self.requests[-1]


@pytest.fixture(autouse=True)
def no_azure_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in (*AZURE_ENV, "OPENAI_API_KEY", "OPENAI_BASE_URL"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture(params=["sync", "async"])
def h(request: pytest.FixtureRequest) -> Iterator[Harness]:
    harness = Harness(request.param)
    yield harness
    harness.close()


def azure(h: Harness, handler: Any = None, **settings: Any) -> Any:
    """An AzureClient or AsyncAzureClient on ``handler`` (a MockTransport handler) or a real pool."""
    settings.setdefault("azure_endpoint", ENDPOINT)
    settings.setdefault("api_version", API_VERSION)
    if "azure_ad_token" not in settings and "azure_ad_token_provider" not in settings:
        settings.setdefault("api_key", KEY)
    if handler is not None:
        settings["http_client"] = h.http_client(httpx2.MockTransport(handler))
    cls = oc.AsyncAzureClient if h.is_async else oc.AzureClient
    return h.adopt(cls(**settings))


# -- requests: path, query, headers ---------------------------------------------------------------------------


def test_create_goes_to_the_deployment_with_the_api_version_and_the_key(h: Harness) -> None:
    api = Recorder()
    client = azure(h, api, azure_deployment=DEPLOYMENT)
    completion = h.call(client.chat.create, messages="Hi")
    request = api.last
    assert request.method == "POST"
    assert request.url.path == f"/openai/deployments/{DEPLOYMENT}/chat/completions"
    assert dict(request.url.params) == {"api-version": API_VERSION}
    assert request.headers["api-key"] == KEY
    assert "authorization" not in request.headers
    assert json.loads(request.content) == {
        "model": DEPLOYMENT,
        "messages": [{"role": "user", "content": "Hi"}],
    }
    assert completion.text == "Hello from Azure."


def test_without_a_default_deployment_the_model_argument_picks_it(h: Harness) -> None:
    api = Recorder()
    client = azure(h, api)
    h.call(client.chat.create, model="my gpt/4o", messages="Hi")
    assert api.last.url.raw_path.split(b"?")[0] == b"/openai/deployments/my%20gpt%2F4o/chat/completions"
    default = azure(h, api, model="fallback-deployment")
    h.call(default.chat.create, messages="Hi")
    assert api.last.url.path == "/openai/deployments/fallback-deployment/chat/completions"


def test_the_default_deployment_wins_over_the_model_argument(h: Harness) -> None:
    api = Recorder()
    client = azure(h, api, azure_deployment=DEPLOYMENT)
    h.call(client.chat.create, model="gpt-4o", messages="Hi")
    assert api.last.url.path == f"/openai/deployments/{DEPLOYMENT}/chat/completions"
    assert json.loads(api.last.content)["model"] == "gpt-4o"


def test_no_deployment_and_no_model_is_refused_before_sending(h: Harness) -> None:
    api = Recorder()
    client = azure(h, api)
    with pytest.raises(ValueError, match="model is required"):
        h.call(client.chat.create, messages="Hi")
    assert api.requests == []


def test_stored_completions_use_azure_s_paths(h: Harness) -> None:
    api = Recorder()
    client = azure(h, api, azure_deployment=DEPLOYMENT)
    h.call(client.chat.completions.get, "chatcmpl-1")
    h.call(client.chat.completions.update, "chatcmpl-1", metadata={"k": "v"})
    h.call(client.chat.completions.delete, "chatcmpl-1")
    seen = [(r.method, r.url.path, dict(r.url.params), r.headers["api-key"]) for r in api.requests]
    assert seen == [
        (method, "/openai/chat/completions/chatcmpl-1", {"api-version": API_VERSION}, KEY)
        for method in ("GET", "POST", "DELETE")
    ]


def test_a_static_token_is_a_bearer_token_and_no_key_is_sent(h: Harness) -> None:
    api = Recorder()
    client = azure(h, api, azure_ad_token="ad-token-1", azure_deployment=DEPLOYMENT)
    h.call(client.chat.create, messages="Hi")
    assert api.last.headers["authorization"] == "Bearer ad-token-1"
    assert "api-key" not in api.last.headers


def test_a_token_provider_is_asked_for_every_request_retries_included(h: Harness) -> None:
    api = Recorder()
    api.replies.append(httpx2.Response(503, text="busy", headers={"retry-after-ms": "1"}))
    issued: list[str] = []

    def provider() -> str:
        issued.append(f"ad-token-{len(issued) + 1}")
        return issued[-1]

    client = azure(h, api, azure_ad_token_provider=provider, azure_deployment=DEPLOYMENT)
    h.call(client.chat.create, messages="Hi")
    h.call(client.chat.completions.get, "chatcmpl-1")
    assert [r.headers["authorization"] for r in api.requests] == [
        "Bearer ad-token-1",
        "Bearer ad-token-2",
        "Bearer ad-token-3",
    ]


def test_an_async_client_awaits_an_async_token_provider() -> None:
    api = Recorder()

    async def provider() -> str:
        await asyncio.sleep(0)
        return "ad-token-async"

    async def run() -> None:
        http = httpx2.AsyncClient(transport=httpx2.MockTransport(api))
        async with oc.AsyncAzureClient(
            azure_endpoint=ENDPOINT,
            api_version=API_VERSION,
            azure_deployment=DEPLOYMENT,
            azure_ad_token_provider=provider,
            http_client=http,
        ) as client:
            await client.chat.create(messages="Hi")
        await http.aclose()

    asyncio.run(run())
    assert api.last.headers["authorization"] == "Bearer ad-token-async"


def test_a_sync_client_refuses_an_async_token_provider() -> None:
    async def provider() -> str:
        return "t"

    with pytest.raises(TypeError, match="AsyncAzureClient"):
        oc.AzureClient(azure_endpoint=ENDPOINT, api_version=API_VERSION, azure_ad_token_provider=provider)


def test_a_provider_that_returns_no_string_fails_before_sending(h: Harness) -> None:
    api = Recorder()
    client = azure(h, api, azure_ad_token_provider=lambda: None, azure_deployment=DEPLOYMENT)
    with pytest.raises(TypeError, match="azure_ad_token_provider must return a non-empty str, got NoneType"):
        h.call(client.chat.create, messages="Hi")
    assert api.requests == []


def test_the_generated_layer_gets_the_same_credential_and_api_version() -> None:
    from openai_chat_api.api.chat import get_chat_completion

    with AzureServer(api_keys={KEY}, deployments={DEPLOYMENT}) as server:
        with oc.AzureClient(
            azure_endpoint=server.url, azure_deployment=DEPLOYMENT, api_version=API_VERSION, api_key=KEY
        ) as client:
            stored = client.chat.create(messages="Hi", store=True)
            response = get_chat_completion.sync_detailed(stored.id, client=client.raw)
        seen = server.requests[-1]
    assert response.status_code == 200
    assert response.parsed is not None and response.parsed.id == stored.id
    assert seen.path == f"/openai/chat/completions/{stored.id}"
    assert seen.query == {"api-version": API_VERSION}
    assert seen.headers["api-key"] == KEY
    assert "authorization" not in seen.headers


# -- settings: arguments, environment, errors that name what is missing ---------------------------------------


def test_settings_come_from_the_environment(h: Harness, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AZURE_OPENAI_ENDPOINT", ENDPOINT + "/")
    monkeypatch.setenv("AZURE_OPENAI_API_KEY", KEY)
    monkeypatch.setenv("OPENAI_API_VERSION", "2025-01-01-preview")
    monkeypatch.setenv("OPENAI_API_KEY", "sk-openai-key-must-not-travel")
    api = Recorder()
    cls = oc.AsyncAzureClient if h.is_async else oc.AzureClient
    client = h.adopt(cls(azure_deployment=DEPLOYMENT, http_client=h.http_client(httpx2.MockTransport(api))))
    h.call(client.chat.create, messages="Hi")
    assert str(api.last.url) == (
        f"{ENDPOINT}/openai/deployments/{DEPLOYMENT}/chat/completions?api-version=2025-01-01-preview"
    )
    assert api.last.headers["api-key"] == KEY
    assert "authorization" not in api.last.headers


def test_a_token_argument_wins_over_the_environment_s_key(
    h: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AZURE_OPENAI_API_KEY", KEY)
    api = Recorder()
    client = azure(h, api, azure_ad_token="ad-token-1", azure_deployment=DEPLOYMENT)
    h.call(client.chat.create, messages="Hi")
    assert api.last.headers["authorization"] == "Bearer ad-token-1"
    assert "api-key" not in api.last.headers


@pytest.mark.parametrize("cls", ["AzureClient", "AsyncAzureClient"])
@pytest.mark.parametrize(
    ("settings", "error", "message"),
    [
        ({"api_version": API_VERSION, "api_key": KEY}, ValueError, "azure_endpoint is required.*AZURE_OPENAI_ENDPOINT"),
        ({"azure_endpoint": ENDPOINT, "api_key": KEY}, ValueError, "api_version is required.*OPENAI_API_VERSION"),
        ({"azure_endpoint": ENDPOINT, "api_version": API_VERSION}, ValueError, "needs a credential: pass api_key=.*AZURE_OPENAI_API_KEY.*azure_ad_token"),
        ({"azure_endpoint": "my-resource.openai.azure.com", "api_version": API_VERSION, "api_key": KEY}, ValueError, "azure_endpoint must be an http"),
        ({"azure_endpoint": ENDPOINT, "api_version": API_VERSION, "api_key": KEY, "azure_ad_token": "t"}, ValueError, "api_key or an Azure AD token"),
        ({"azure_endpoint": ENDPOINT, "api_version": API_VERSION, "azure_ad_token": "t", "azure_ad_token_provider": lambda: "t"}, ValueError, "not both"),
        ({"azure_endpoint": ENDPOINT, "api_version": API_VERSION, "azure_ad_token_provider": "t"}, TypeError, "azure_ad_token_provider must be a callable"),
        ({"azure_endpoint": ENDPOINT, "api_version": "", "api_key": KEY}, TypeError, "api_version must be a non-empty str"),
        ({"azure_endpoint": ENDPOINT, "api_version": API_VERSION, "api_key": KEY, "azure_deployment": 4}, TypeError, "azure_deployment must be a non-empty str, got int"),
        ({"azure_endpoint": ENDPOINT, "api_version": API_VERSION, "api_key": KEY, "http_client": object()}, TypeError, "http_client must be an httpx2"),
    ],
)  # fmt: skip
def test_missing_or_wrong_settings_are_named(
    cls: str, settings: dict[str, Any], error: type, message: str
) -> None:
    with pytest.raises(error, match=message):
        getattr(oc, cls)(**settings)


def test_with_options_changes_azure_settings_and_keeps_the_rest(h: Harness) -> None:
    api = Recorder()
    client = azure(h, api, azure_deployment=DEPLOYMENT, max_retries=0)
    other = client.with_options(
        api_key="second-key", azure_deployment="gpt-4o", api_version="2025-01-01-preview"
    )
    assert type(other) is type(client)
    h.call(other.chat.create, messages="Hi")
    assert str(api.last.url).endswith(
        "/openai/deployments/gpt-4o/chat/completions?api-version=2025-01-01-preview"
    )
    assert api.last.headers["api-key"] == "second-key"
    assert json.loads(api.last.content)["model"] == "gpt-4o", "the default model follows the deployment"

    tokened = client.with_options(azure_ad_token="ad-token-9", timeout=3.0)
    h.call(tokened.chat.create, messages="Hi")
    assert (api.last.headers["authorization"], "api-key" in api.last.headers) == ("Bearer ad-token-9", False)
    assert api.last.url.path == f"/openai/deployments/{DEPLOYMENT}/chat/completions"

    h.call(client.chat.create, messages="Hi")  # the original is unchanged
    assert (api.last.headers["api-key"], api.last.url.params["api-version"]) == (KEY, API_VERSION)
    with pytest.raises(TypeError, match="organization"):
        client.with_options(organization="org-1")
    with pytest.raises(ValueError, match="api_version is required"):
        client.with_options(api_version=None)


def test_with_options_on_a_sync_client_refuses_an_async_token_provider() -> None:
    async def provider() -> str:
        return "t"

    with oc.AzureClient(azure_endpoint=ENDPOINT, api_version=API_VERSION, api_key=KEY) as client:
        with pytest.raises(TypeError, match="AzureClient needs a sync azure_ad_token_provider"):
            client.with_options(azure_ad_token_provider=provider)


def test_repr_names_the_azure_settings(h: Harness) -> None:
    client = azure(h, azure_deployment=DEPLOYMENT)
    name = "AsyncAzureClient" if h.is_async else "AzureClient"
    assert repr(client) == (
        f"{name}(azure_endpoint='{ENDPOINT}', azure_deployment='{DEPLOYMENT}', "
        f"api_version='{API_VERSION}', model='{DEPLOYMENT}', max_retries=2)"
    )
    assert KEY not in repr(client.options)


# -- content-filter results stay reachable ---------------------------------------------------------------------


def test_content_filter_results_on_a_completion(h: Harness) -> None:
    client = azure(h, Recorder(), azure_deployment=DEPLOYMENT)
    completion = h.call(client.chat.create, messages="Hi")
    assert completion["prompt_filter_results"][0]["content_filter_results"]["violence"]["severity"] == "low"
    filters = completion.choices[0]["content_filter_results"]
    assert filters["protected_material_text"] == {"filtered": False, "detected": False}
    assert completion.to_dict()["prompt_filter_results"] == azure_completion()["prompt_filter_results"]


def test_content_filter_results_in_a_stream_and_its_final(h: Harness) -> None:
    data = (SSE / "azure_content_filter.sse").read_bytes()

    def handler(request: httpx2.Request) -> httpx2.Response:
        pieces = [data[i : i + 11] for i in range(0, len(data), 11)]
        return httpx2.Response(200, headers={"content-type": "text/event-stream"}, stream=SSEBody(pieces))

    client = azure(h, handler, azure_deployment=DEPLOYMENT)
    with h.opened(client.chat.stream(messages="Hi")) as s:
        chunks = h.collect(s)
        final = h.call(s.final)
    assert chunks[0].choices == []
    assert chunks[0]["prompt_filter_results"][0]["content_filter_results"]["hate"]["severity"] == "safe"
    assert chunks[2].choices[0]["content_filter_results"]["violence"] == {
        "filtered": False,
        "severity": "safe",
    }
    assert final.text == "Hello from Azure."
    assert final["prompt_filter_results"][0]["prompt_index"] == 0
    assert final.choices[0]["content_filter_results"]["sexual"] == {"filtered": False, "severity": "safe"}, (
        "the closing chunk's empty filter results do not erase the earlier ones"
    )


# -- end to end against a server that checks what Azure checks ---------------------------------------------------


def test_against_a_loopback_azure(h: Harness) -> None:
    with AzureServer(api_keys={KEY}, deployments={DEPLOYMENT}) as server:
        client = azure(h, azure_endpoint=server.url, azure_deployment=DEPLOYMENT, max_retries=0)
        completion = h.call(client.chat.create, messages="Hi", store=True)
        assert completion.text == "You said: Hi"
        assert completion.request_id == "req-0001"
        assert completion.choices[0]["content_filter_results"]["hate"]["filtered"] is False
        with h.opened(client.chat.stream(messages="Streaming")) as s:
            assert "".join(h.items(s.text())) == "You said: Streaming"
            final = h.call(s.final)
        assert final["prompt_filter_results"][0]["content_filter_results"]["jailbreak"]["detected"] is False
        assert final.choices[0]["content_filter_results"]["violence"]["severity"] == "safe"
        stored = h.call(client.chat.completions.get, completion.id)
        assert stored.text == "You said: Hi"

        any_deployment = client.with_options(azure_deployment=None)
        with pytest.raises(oc.NotFoundError, match="deployment for this resource does not exist"):
            h.call(any_deployment.chat.create, model="gpt-5", messages="Hi", extra_query={"x": "1"})
        wrong_key = client.with_options(api_key="not-the-key")
        with pytest.raises(oc.AuthenticationError, match="Access denied") as caught:
            h.call(wrong_key.chat.create, messages="Hi")
        assert caught.value.status_code == 401
        assert "OPENAI_API_KEY" not in str(caught.value)
        paths = [(r.method, r.path, r.query.get("api-version")) for r in server.requests]
    assert paths == [
        ("POST", f"/openai/deployments/{DEPLOYMENT}/chat/completions", API_VERSION),
        ("POST", f"/openai/deployments/{DEPLOYMENT}/chat/completions", API_VERSION),
        ("GET", f"/openai/chat/completions/{completion.id}", API_VERSION),
        ("POST", "/openai/deployments/gpt-5/chat/completions", API_VERSION),
        ("POST", f"/openai/deployments/{DEPLOYMENT}/chat/completions", API_VERSION),
    ]


def test_a_rotating_token_against_a_loopback_azure(h: Harness) -> None:
    with AzureServer(tokens=set()) as server:
        issued: list[str] = []

        def provider() -> str:
            issued.append(f"ad-token-{len(issued)}")
            server.tokens = {issued[-1]}  # the server accepts only the newest token
            return issued[-1]

        client = azure(
            h, azure_endpoint=server.url, azure_deployment=DEPLOYMENT, azure_ad_token_provider=provider
        )
        for question in ("one", "two", "three"):
            assert h.call(client.chat.create, messages=question).text == f"You said: {question}"
        assert [r.headers["authorization"] for r in server.requests] == [
            f"Bearer ad-token-{i}" for i in range(3)
        ]
        assert all("api-key" not in r.headers for r in server.requests)


def _readme_example() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Azure OpenAI", 1)[1]
    match = re.search(r"```python\n(.*?)```", section, re.S)
    assert match, "the README's Azure section has a python example"
    return match.group(1)


def test_the_readme_example_runs_against_a_loopback_azure(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    with AzureServer(api_keys={KEY}, tokens={"ad-token-readme"}, deployments={DEPLOYMENT}) as server:
        monkeypatch.setenv("AZURE_OPENAI_ENDPOINT", server.url)
        monkeypatch.setenv("AZURE_OPENAI_API_KEY", KEY)
        monkeypatch.setenv("OPENAI_API_VERSION", API_VERSION)
        monkeypatch.setenv("AZURE_OPENAI_AD_TOKEN", "ad-token-readme")
        exec(compile(_readme_example(), "README.md (Azure OpenAI)", "exec"), {"__name__": "readme"})
        out = capsys.readouterr().out
    assert out.count("You said: Say hi in French.") == 3
    assert "'severity': 'safe'" in out
    assert [(r.path, r.query["api-version"], r.headers.get("authorization")) for r in server.requests] == [
        (f"/openai/deployments/{DEPLOYMENT}/chat/completions", API_VERSION, None),
        (f"/openai/deployments/{DEPLOYMENT}/chat/completions", API_VERSION, None),
        (f"/openai/deployments/{DEPLOYMENT}/chat/completions", API_VERSION, "Bearer ad-token-readme"),
    ]
    assert [r.headers.get("api-key") for r in server.requests] == [KEY, KEY, None]
