"""Retries: the pure policy (should_retry, retry_delay, header_delay) and what a client does with it."""

from __future__ import annotations

import asyncio
import email.utils
import logging
import time
from collections.abc import Iterator

import httpx2
import openai_chat as oc
import pytest
from fakes import KEY, MODEL, Canned, Harness, error_body
from openai_chat._retry import header_delay, retry_delay, should_retry

NOW = 1_700_000_000.0


# -- the policy ---------------------------------------------------------------------------------------------


def quota(code: str) -> dict:
    return error_body("You exceeded your current quota.", type="requests", code=code)


@pytest.mark.parametrize(
    ("status", "headers", "body", "expected"),
    [
        (None, None, None, True),  # connection error or timeout
        (408, None, None, True),
        (409, None, None, True),
        (429, None, quota("rate_limit_exceeded"), True),
        (429, None, quota("insufficient_quota"), False),
        (429, None, error_body("quota", type="insufficient_quota"), False),
        (500, None, None, True),
        (502, None, "<html>bad gateway</html>", True),
        (503, None, None, True),
        (504, None, None, True),
        (400, None, None, False),
        (401, None, None, False),
        (403, None, None, False),
        (404, None, None, False),
        (422, None, None, False),
        (500, {"x-should-retry": "false"}, None, False),
        (400, {"x-should-retry": "true"}, None, True),
        (429, {"x-should-retry": "true"}, quota("insufficient_quota"), True),
        (500, {"x-should-retry": "maybe"}, None, True),
    ],
)
def test_should_retry(status: int | None, headers: dict | None, body: object, expected: bool) -> None:
    assert should_retry(status, headers, body, attempt=0, max_retries=2) is expected


@pytest.mark.parametrize("headers", [None, {"x-should-retry": "true"}])
def test_should_retry_stops_when_retries_are_used_up(headers: dict | None) -> None:
    assert should_retry(500, headers, None, attempt=1, max_retries=2)
    assert not should_retry(500, headers, None, attempt=2, max_retries=2)
    assert not should_retry(None, headers, None, attempt=0, max_retries=0)


@pytest.mark.parametrize(
    ("attempt", "backoff"), [(0, 0.5), (1, 1.0), (2, 2.0), (3, 4.0), (4, 8.0), (5, 8.0), (9, 8.0)]
)
def test_backoff_doubles_up_to_a_cap(attempt: int, backoff: float) -> None:
    assert retry_delay(attempt, None, now=NOW, jitter=0.0) == backoff
    assert retry_delay(attempt, {}, now=NOW, jitter=0.0) == backoff


@pytest.mark.parametrize("jitter", [0.0, 0.25, 0.5, 0.999])
@pytest.mark.parametrize("attempt", [0, 2, 6])
def test_jitter_shortens_by_at_most_a_quarter(attempt: int, jitter: float) -> None:
    backoff = min(0.5 * 2**attempt, 8.0)
    delay = retry_delay(attempt, None, now=NOW, jitter=jitter)
    assert delay == pytest.approx(backoff * (1 - 0.25 * jitter))
    assert 0.75 * backoff <= delay <= backoff


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        ({"retry-after-ms": "250"}, 0.25),
        ({"retry-after-ms": "0"}, 0.0),
        ({"retry-after": "3"}, 3.0),
        ({"retry-after": "1.5"}, 1.5),
        ({"retry-after": "60"}, 60.0),
        ({"retry-after-ms": "soon", "retry-after": "2"}, 2.0),
        ({"retry-after-ms": "40", "retry-after": "2"}, 0.04),
        ({"retry-after": email.utils.formatdate(NOW + 30, usegmt=True)}, 30.0),
        ({"retry-after": email.utils.formatdate(NOW + 30, localtime=True)}, 30.0),
    ],
)
def test_the_server_s_delay_wins(headers: dict, expected: float) -> None:
    assert header_delay(headers, now=NOW) == pytest.approx(expected)
    assert retry_delay(3, headers, now=NOW, jitter=0.9) == pytest.approx(expected)


@pytest.mark.parametrize(
    "headers",
    [
        {"retry-after": "61"},
        {"retry-after": "3600"},
        {"retry-after-ms": "60001"},
        {"retry-after": email.utils.formatdate(NOW + 3600, usegmt=True)},
    ],
)
def test_a_wait_over_a_minute_is_not_taken(headers: dict) -> None:
    assert retry_delay(0, headers, now=NOW, jitter=0.0) is None


@pytest.mark.parametrize(
    "headers",
    [
        {"retry-after": "whenever"},
        {"retry-after": ""},
        {"retry-after": email.utils.formatdate(NOW - 10, usegmt=True)},  # already past
        {"retry-after": "-5"},
    ],
)
def test_an_unreadable_or_past_delay_falls_back_to_backoff(headers: dict) -> None:
    assert retry_delay(1, headers, now=NOW, jitter=0.0) == 1.0


def test_header_delay_without_headers() -> None:
    assert header_delay(None, now=NOW) is None
    assert header_delay({"x-request-id": "r"}, now=NOW) is None


# -- what a client does -------------------------------------------------------------------------------------


@pytest.fixture
def sleeps(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """Every wait a client asks for, recorded instead of slept."""
    waited: list[float] = []

    async def asleep(delay: float, result: object = None) -> object:
        waited.append(delay)
        return result

    monkeypatch.setattr(time, "sleep", waited.append)
    monkeypatch.setattr(asyncio, "sleep", asleep)
    return waited


@pytest.fixture(params=["sync", "async"])
def h(request: pytest.FixtureRequest, sleeps: list[float]) -> Iterator[Harness]:
    harness = Harness(request.param)
    yield harness
    harness.close()


def create(h: Harness, client: object = None) -> oc.ChatCompletion:
    client = client if client is not None else h.client
    return h.call(client.chat.create, model=MODEL, messages="Hi")  # type: ignore[attr-defined]


FAST = {"retry-after-ms": "1"}


def test_two_server_errors_then_success(h: Harness, sleeps: list[float]) -> None:
    h.fake.enqueue(Canned(500, error_body("boom", type="server_error"), FAST), Canned(503, "busy", FAST))
    completion = create(h)
    assert completion.text == "You said: Hi"
    assert completion.request_id == "req_0003"
    assert len(h.fake.requests) == 3
    assert sleeps == [0.001, 0.001]
    first = h.fake.requests[0]
    assert all(r.json == first.json and r.headers == first.headers for r in h.fake.requests)


@pytest.mark.parametrize("max_retries", [0, 1, 3])
def test_max_retries_is_respected(h: Harness, max_retries: int) -> None:
    h.fake.enqueue(*[Canned(500, error_body("boom", type="server_error"), FAST)] * 5)
    with pytest.raises(oc.InternalServerError):
        create(h, h.new_client(max_retries=max_retries))
    assert len(h.fake.requests) == max_retries + 1


def test_backoff_without_a_server_delay(h: Harness, sleeps: list[float]) -> None:
    h.fake.enqueue(Canned(500), Canned(500))
    create(h)
    assert 0.375 <= sleeps[0] <= 0.5
    assert 0.75 <= sleeps[1] <= 1.0


def test_an_exhausted_quota_is_not_retried(h: Harness, sleeps: list[float]) -> None:
    h.fake.enqueue(Canned(429, quota("insufficient_quota"), FAST))
    with pytest.raises(oc.RateLimitError) as caught:
        create(h)
    assert caught.value.code == "insufficient_quota"
    assert len(h.fake.requests) == 1
    assert sleeps == []


def test_a_rate_limit_is_retried(h: Harness) -> None:
    h.fake.enqueue(Canned(429, quota("rate_limit_exceeded"), FAST))
    create(h)
    assert len(h.fake.requests) == 2


def test_the_server_s_should_retry_header_wins(h: Harness) -> None:
    h.fake.enqueue(Canned(500, error_body("boom"), {"x-should-retry": "false", **FAST}))
    with pytest.raises(oc.InternalServerError):
        create(h)
    assert len(h.fake.requests) == 1

    h.fake.enqueue(Canned(400, error_body("try again"), {"x-should-retry": "true", **FAST}))
    assert create(h).text == "You said: Hi"
    assert len(h.fake.requests) == 3


@pytest.mark.parametrize(
    ("headers", "waited"), [({"retry-after-ms": "20"}, 0.02), ({"retry-after": "2"}, 2.0)]
)
def test_the_server_s_delay_is_honoured(
    h: Harness, sleeps: list[float], headers: dict, waited: float
) -> None:
    h.fake.enqueue(Canned(429, quota("rate_limit_exceeded"), headers))
    create(h)
    assert sleeps == [waited]


def test_an_hour_s_wait_raises_at_once(h: Harness, sleeps: list[float]) -> None:
    h.fake.enqueue(
        Canned(429, quota("rate_limit_exceeded"), {"retry-after": "3600", "x-request-id": "req_slow"})
    )
    with pytest.raises(oc.RateLimitError) as caught:
        create(h)
    assert caught.value.request_id == "req_slow"
    assert caught.value.response.headers["retry-after"] == "3600"
    assert len(h.fake.requests) == 1
    assert sleeps == []


def test_connection_errors_and_timeouts_are_retried(h: Harness, sleeps: list[float]) -> None:
    h.fake.enqueue(httpx2.ConnectError("refused"), httpx2.ReadTimeout("slow"))
    assert create(h).text == "You said: Hi"
    assert len(h.fake.requests) == 3
    assert len(sleeps) == 2

    h.fake.enqueue(*[httpx2.ReadTimeout("slow")] * 3)
    with pytest.raises(oc.APITimeoutError):
        create(h)
    assert len(h.fake.requests) == 6


def test_stored_operations_are_retried_too(h: Harness) -> None:
    [cid] = h.fake.store(1)
    h.fake.enqueue(Canned(502, "bad gateway", FAST))
    assert h.call(h.client.chat.completions.get, cid).id == cid
    h.fake.enqueue(Canned(503, "busy", FAST))
    assert [c.id for c in h.collect(h.client.chat.completions.list())] == [cid]
    assert len(h.fake.requests) == 4


def test_each_retry_is_logged_without_the_key(h: Harness, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="openai_chat")
    h.fake.enqueue(
        Canned(500, error_body("boom"), {"x-request-id": "req_a", **FAST}),
        Canned(429, quota("rate_limit_exceeded"), {"x-request-id": "req_b", **FAST}),
        httpx2.ConnectError("refused"),
    )
    create(h, h.new_client(max_retries=3, default_query={"token": "q-secret"}))

    records = [r for r in caplog.records if r.name == "openai_chat"]
    assert [r.levelno for r in records] == [logging.INFO] * 3
    messages = [r.getMessage() for r in records]
    assert "retry 1 of 3" in messages[0] and "status 500" in messages[0] and "req_a" in messages[0]
    assert "retry 2 of 3" in messages[1] and "status 429" in messages[1] and "req_b" in messages[1]
    assert "retry 3 of 3" in messages[2] and "ConnectError" in messages[2]
    assert all("/v1/chat/completions" in m for m in messages)
    assert KEY not in caplog.text
    assert "q-secret" not in caplog.text
