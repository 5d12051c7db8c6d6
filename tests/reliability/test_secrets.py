"""The API key never shows: not in reprs, not in our errors or their tracebacks, not in any log line.

The runs below go through retries, timeouts, status errors and broken streams against the fault server,
with every logger (``openai_chat``, ``httpx2``, ``httpcore``) captured at DEBUG.
"""

from __future__ import annotations

import asyncio
import logging
import traceback
import uuid
from collections.abc import Iterator
from typing import Any

import httpx2
import openai_chat as oc
import pytest

from .faultserver import FaultServer, Reset, Respond, Silence, Stream
from .payloads import chat_completion, completion_chunks, error_body, sse_event

SECRET = "sk-test-SECRET-8f3a9c2e71d4b605e9"
FAST = httpx2.Timeout(5.0, read=0.3)


def shown(value: object) -> list[str]:
    """Every way a value is commonly printed."""
    return [repr(value), str(value), f"{value!r:>10}", format(value)]


def error_texts(error: BaseException) -> list[str]:
    """How an error is seen: str, repr, args, and the whole formatted traceback with its causes."""
    return [str(error), repr(error), repr(error.args), "".join(traceback.format_exception(error))]


def assert_hidden(texts: list[str], where: str) -> None:
    for text in texts:
        assert SECRET not in text, f"the key shows in {where}: {text[:300]!r}"
        assert SECRET[len("sk-test-") :] not in text, f"part of the key shows in {where}"


@pytest.fixture
def debug_logs(caplog: pytest.LogCaptureFixture) -> Iterator[pytest.LogCaptureFixture]:
    caplog.set_level(logging.DEBUG)
    for name in ("openai_chat", "httpx2", "httpcore"):
        caplog.set_level(logging.DEBUG, logger=name)
    yield caplog
    texts = [caplog.text] + [r.getMessage() for r in caplog.records]
    texts += ["".join(traceback.format_exception(*r.exc_info)) for r in caplog.records if r.exc_info]
    assert_hidden(texts, "the DEBUG log")


def test_reprs_of_clients_options_and_raw() -> None:
    with oc.Client(api_key=SECRET, base_url="https://api.example.test/v1", model="m") as client:
        assert_hidden(shown(client), "repr(Client)")
        assert_hidden(shown(client.options), "repr(client.options)")
        assert_hidden(shown(client.raw), "repr(client.raw)")
        assert_hidden(shown(client.with_options(max_retries=0)), "repr(with_options)")
        assert_hidden(shown(client.chat), "repr(client.chat)")

    async def run() -> None:
        async with oc.AsyncClient(
            api_key=SECRET, base_url="https://api.example.test/v1", model="m"
        ) as client:
            assert_hidden(shown(client), "repr(AsyncClient)")
            assert_hidden(shown(client.options), "repr(async options)")
            assert_hidden(shown(client.raw), "repr(async raw)")

    asyncio.run(run())


AZURE = {"api_version": "2024-10-21", "azure_deployment": "m"}
# How each kind of client is made against a server URL, and the header its secret travels in.
CLIENTS: dict[str, tuple[Any, Any, str, str]] = {
    "plain": (
        lambda url, **kw: oc.Client(api_key=SECRET, base_url=url + "/v1", model="m", **kw),
        lambda url, **kw: oc.AsyncClient(api_key=SECRET, base_url=url + "/v1", model="m", **kw),
        "authorization",
        f"Bearer {SECRET}",
    ),
    "azure key": (
        lambda url, **kw: oc.AzureClient(azure_endpoint=url, api_key=SECRET, **AZURE, **kw),
        lambda url, **kw: oc.AsyncAzureClient(azure_endpoint=url, api_key=SECRET, **AZURE, **kw),
        "api-key",
        SECRET,
    ),
    "azure token": (
        lambda url, **kw: oc.AzureClient(
            azure_endpoint=url, azure_ad_token_provider=lambda: SECRET, **AZURE, **kw
        ),
        lambda url, **kw: oc.AsyncAzureClient(
            azure_endpoint=url, azure_ad_token_provider=lambda: SECRET, **AZURE, **kw
        ),
        "authorization",
        f"Bearer {SECRET}",
    ),
}


def test_reprs_of_azure_clients_options_and_raw() -> None:
    for name, (make, make_async, _, _) in CLIENTS.items():
        if name == "plain":
            continue
        with make("https://my-resource.openai.azure.com") as client:
            assert_hidden(shown(client), f"repr({name} client)")
            assert_hidden(shown(client.options), f"repr({name} options)")
            assert_hidden(shown(client.options.auth), f"repr({name} auth)")
            assert_hidden(shown(client.raw), f"repr({name} raw)")
            assert_hidden(shown(client.with_options(max_retries=0)), f"repr({name} with_options)")
        asyncio.run(_check_async_repr(make_async, name))


async def _check_async_repr(make_async: Any, name: str) -> None:
    async with make_async("https://my-resource.openai.azure.com") as client:
        assert_hidden(shown(client), f"repr(async {name} client)")
        assert_hidden(shown(client.options), f"repr(async {name} options)")


def _sync_errors(make: Any, url: str, calls: list[dict[str, Any]]) -> list[BaseException]:
    errors: list[BaseException] = []
    with make(url, max_retries=1, timeout=FAST) as client:
        for kwargs in calls:
            try:
                if kwargs.get("stream"):
                    with client.chat.stream(messages="Hi") as stream:
                        stream.final()
                else:
                    client.chat.create(messages="Hi")
            except oc.OpenAIError as exc:
                errors.append(exc)
    return errors


async def _async_errors(make: Any, url: str, calls: list[dict[str, Any]]) -> list[BaseException]:
    errors: list[BaseException] = []
    async with make(url, max_retries=1, timeout=FAST) as client:
        for kwargs in calls:
            try:
                if kwargs.get("stream"):
                    async with client.chat.stream(messages="Hi") as stream:
                        await stream.final()
                else:
                    await client.chat.create(messages="Hi")
            except oc.OpenAIError as exc:
                errors.append(exc)
    return errors


FAST_RETRY = {"retry-after-ms": "10"}
SCRIPT = [
    # create: 500 then 401 (one retry, then an authentication error)
    (Respond(500, error_body(), FAST_RETRY), Respond(401, error_body("Incorrect API key provided", type="invalid_request_error", code="invalid_api_key"))),
    # create: 429 twice -> RateLimitError after one retry
    (Respond(429, error_body("slow down"), FAST_RETRY), Respond(429, error_body("slow down"), FAST_RETRY)),
    # create: reset twice -> APIConnectionError
    (Reset(), Reset()),
    # create: silence -> APITimeoutError (twice: retried once)
    (Silence(5.0), Silence(5.0)),
    # create: a 2xx body that is not JSON
    (Respond(200, "<html>portal</html>"),),
    # stream: an in-band error event
    (Stream([*completion_chunks("Hi there", done=False)[:2], sse_event(error_body("overloaded"), event="error")]),),
    # stream: cut before the end
    (Stream(completion_chunks("Hi there", finish_reason=None, done=False)),),
    # stream: dropped mid-way
    (Stream(completion_chunks("Hi there", pieces=4), drop_after=2),),
]  # fmt: skip
STREAMED = {5, 6, 7}


@pytest.mark.parametrize("client_kind", list(CLIENTS))
@pytest.mark.parametrize("kind", ["sync", "async"])
def test_errors_tracebacks_and_debug_logs_hide_the_key(
    kind: str, client_kind: str, fault_server: FaultServer, debug_logs: pytest.LogCaptureFixture
) -> None:
    make, make_async, header, sent = CLIENTS[client_kind]
    steps = [step for group in SCRIPT for step in group]
    fault_server.script(*steps, Respond(200, chat_completion()))
    calls = [{"stream": i in STREAMED} for i in range(len(SCRIPT))]
    if kind == "sync":
        errors = _sync_errors(make, fault_server.url, calls)
    else:
        errors = asyncio.run(_async_errors(make_async, fault_server.url, calls))
    kinds = [type(e).__name__ for e in errors]
    assert kinds == [
        "AuthenticationError",
        "RateLimitError",
        "APIConnectionError",
        "APITimeoutError",
        "APIResponseValidationError",
        "StreamError",
        "IncompleteStreamError",
        "APIConnectionError",
    ]
    assert all(r.headers.get(header) == sent for r in fault_server.requests)  # it was sent
    assert any("retrying" in r.getMessage() for r in debug_logs.records)  # the retries were logged
    for error in errors:
        assert_hidden(error_texts(error), f"{type(error).__name__}")
    fault_server.assert_no_open_connections()


def test_plain_http_to_a_remote_host_warns_once_without_the_key(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    url = f"http://reliability-{uuid.uuid4().hex[:8]}.example.invalid/v1"  # never contacted: only constructed
    with oc.Client(api_key=SECRET, base_url=url) as first, oc.Client(api_key=SECRET, base_url=url) as second:
        first.with_options(base_url=url)
        assert second.options.base_url == url
    asyncio.run(oc.AsyncClient(api_key=SECRET, base_url=url).close())
    warnings = [r for r in caplog.records if r.levelno == logging.WARNING and r.name == "openai_chat"]
    assert len(warnings) == 1
    assert "plain http" in warnings[0].getMessage() and url in warnings[0].getMessage()
    assert_hidden([caplog.text], "the plain-http warning")


@pytest.mark.parametrize(
    "url", ["http://127.0.0.1:9/v1", "http://localhost:9/v1", "https://api.example.invalid/v1"]
)
def test_loopback_and_https_do_not_warn(caplog: pytest.LogCaptureFixture, url: str) -> None:
    caplog.set_level(logging.WARNING, logger="openai_chat")
    oc.Client(api_key=SECRET, base_url=url).close()
    assert not [r for r in caplog.records if r.name == "openai_chat"]


def test_a_key_that_cannot_be_sent_is_refused_without_echoing_it() -> None:
    key = SECRET + "\u2603"
    http = httpx2.Client(
        transport=httpx2.MockTransport(lambda request: httpx2.Response(200, json=chat_completion()))
    )
    with pytest.raises(ValueError, match="api_key") as info:  # refused when the client is made
        oc.Client(api_key=key, base_url="https://api.example.test/v1", model="m", http_client=http)
    http.close()
    assert_hidden(error_texts(info.value), "the error for a non-ASCII key")


@pytest.mark.parametrize(
    "settings",
    [
        {"api_key": SECRET + "\u2603"},
        {"azure_ad_token": SECRET + "\u2603"},
        {"azure_ad_token": SECRET + "\n"},
        {"api_key": SECRET.encode()},
        {"azure_ad_token": SECRET.encode()},
    ],
)
def test_an_azure_credential_that_cannot_be_sent_is_refused_without_echoing_it(
    settings: dict[str, Any],
) -> None:
    with pytest.raises((ValueError, TypeError)) as info:
        oc.AzureClient(azure_endpoint="https://my-resource.openai.azure.com", **AZURE, **settings)
    assert_hidden(error_texts(info.value), "the error for a bad Azure credential")


def test_a_provided_token_that_cannot_be_sent_is_refused_without_echoing_it() -> None:
    calls: list[httpx2.Request] = []
    http = httpx2.Client(transport=httpx2.MockTransport(lambda r: calls.append(r) or httpx2.Response(500)))
    with oc.AzureClient(
        azure_endpoint="https://my-resource.openai.azure.com",
        azure_ad_token_provider=lambda: SECRET + "\u2603",
        http_client=http,
        **AZURE,
    ) as client:
        with pytest.raises(ValueError, match="azure_ad_token_provider") as info:
            client.chat.create(messages="Hi")
    http.close()
    assert calls == []
    assert_hidden(error_texts(info.value), "the error for a bad provided token")
