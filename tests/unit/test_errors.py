"""What a caller catches: one class per status, typed transport failures, bodies that do not parse."""

from __future__ import annotations

import traceback
from collections.abc import Iterator

import httpx2
import openai_chat as oc
import pytest
from fakes import KEY, MODEL, Canned, Harness, error_body


@pytest.fixture(params=["sync", "async"])
def h(request: pytest.FixtureRequest) -> Iterator[Harness]:
    harness = Harness(request.param)
    harness.client = harness.new_client(max_retries=0)
    yield harness
    harness.close()


def create(h: Harness, client: object = None) -> oc.ChatCompletion:
    client = client if client is not None else h.client
    return h.call(client.chat.create, model=MODEL, messages="Hi")  # type: ignore[attr-defined]


def shows_no_key(error: BaseException) -> None:
    everything = "".join(traceback.format_exception(error)) + repr(error) + str(getattr(error, "message", ""))
    assert KEY not in everything


@pytest.mark.parametrize(
    ("status", "cls"),
    [
        (400, oc.BadRequestError),
        (401, oc.AuthenticationError),
        (403, oc.PermissionDeniedError),
        (404, oc.NotFoundError),
        (409, oc.ConflictError),
        (422, oc.UnprocessableEntityError),
        (429, oc.RateLimitError),
        (500, oc.InternalServerError),
        (503, oc.InternalServerError),
    ],
)
def test_each_status_has_its_class(h: Harness, status: int, cls: type[oc.APIStatusError]) -> None:
    body = error_body("Invalid value for 'temperature'.", code="invalid_value", param="temperature")
    h.fake.enqueue(Canned(status, body, {"x-request-id": "req_err_1"}))
    with pytest.raises(cls) as caught:
        create(h)
    error = caught.value
    assert isinstance(error, oc.APIStatusError) and isinstance(error, oc.OpenAIError)
    assert error.status_code == status
    assert error.request_id == "req_err_1"
    assert error.message == "Invalid value for 'temperature'."
    assert (error.code, error.type, error.param) == ("invalid_value", "invalid_request_error", "temperature")
    assert error.body == body
    assert error.response.status_code == status
    assert str(error) == f"HTTP {status} (request id req_err_1): Invalid value for 'temperature'."
    shows_no_key(error)


def test_an_unlisted_status_is_a_plain_status_error(h: Harness) -> None:
    h.fake.enqueue(Canned(418, error_body("I'm a teapot")))
    with pytest.raises(oc.APIStatusError) as caught:
        create(h)
    assert type(caught.value) is oc.APIStatusError
    assert caught.value.status_code == 418


def test_an_html_502_keeps_its_text(h: Harness) -> None:
    page = "<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>"
    h.fake.enqueue(Canned(502, page, {"content-type": "text/html"}))
    with pytest.raises(oc.InternalServerError) as caught:
        create(h)
    assert caught.value.body == page
    assert "502 Bad Gateway" in caught.value.message
    assert caught.value.code is None


def test_a_2xx_body_that_is_not_json(h: Harness) -> None:
    h.fake.enqueue(Canned(200, "<html>captive portal</html>", {"x-request-id": "req_html"}))
    with pytest.raises(oc.APIResponseValidationError) as caught:
        create(h)
    assert caught.value.body == "<html>captive portal</html>"
    assert (caught.value.status_code, caught.value.request_id) == (200, "req_html")


@pytest.mark.parametrize(
    "body",
    [
        {"object": "chat.completion", "id": "c1"},  # required fields missing
        {"id": "c1", "object": "chat.completion", "created": 0, "model": "m", "choices": "none"},
        ["not", "an", "object"],
    ],
)
def test_a_2xx_json_body_of_the_wrong_shape(h: Harness, body: object) -> None:
    h.fake.enqueue(Canned(200, body, {"x-request-id": "req_shape"}))
    with pytest.raises(oc.APIResponseValidationError) as caught:
        create(h)
    assert caught.value.body == body
    assert caught.value.request_id == "req_shape"


def test_stored_operations_of_the_wrong_shape(h: Harness) -> None:
    completions = h.client.chat.completions
    h.fake.enqueue(Canned(200, {"deleted": "maybe"}))
    with pytest.raises(oc.APIResponseValidationError):
        h.call(completions.delete, "c1")
    h.fake.enqueue(Canned(200, {"object": "list", "data": "none", "has_more": False}))
    with pytest.raises(oc.APIResponseValidationError):
        h.collect(completions.list())


def test_connection_error(h: Harness) -> None:
    h.fake.enqueue(httpx2.ConnectError("connection refused"))
    with pytest.raises(oc.APIConnectionError) as caught:
        create(h)
    assert not isinstance(caught.value, oc.APITimeoutError)
    assert isinstance(caught.value.__cause__, httpx2.ConnectError)
    assert "connection refused" in str(caught.value)
    assert caught.value.request.url.path == "/v1/chat/completions"
    shows_no_key(caught.value)


@pytest.mark.parametrize("exc", [httpx2.ConnectTimeout("slow connect"), httpx2.ReadTimeout("slow read")])
def test_timeout(h: Harness, exc: Exception) -> None:
    h.fake.enqueue(exc)
    with pytest.raises(oc.APITimeoutError) as caught:
        create(h)
    assert isinstance(caught.value, oc.APIConnectionError)
    assert caught.value.__cause__ is exc


def test_401_without_a_key_says_how_to_give_one(h: Harness, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    client = h.new_client(api_key=oc.UNSET, max_retries=0)
    with pytest.raises(oc.AuthenticationError) as caught:
        create(h, client)
    assert "authorization" not in h.fake.last.headers
    assert "OPENAI_API_KEY" in str(caught.value)
    assert "You didn't provide an API key" in str(caught.value)


def test_401_with_a_wrong_key_does_not_blame_a_missing_one(h: Harness) -> None:
    h.fake.enqueue(
        Canned(401, error_body("Incorrect API key provided: sk-fake***hown.", code="invalid_api_key"))
    )
    with pytest.raises(oc.AuthenticationError) as caught:
        create(h)
    assert "OPENAI_API_KEY" not in str(caught.value)
    assert caught.value.code == "invalid_api_key"
    shows_no_key(caught.value)


def test_the_key_never_appears_in_errors(h: Harness) -> None:
    faults: list = [
        Canned(500, error_body("boom", type="server_error")),
        Canned(400, "plain text error"),
        Canned(200, "not json"),
        httpx2.ConnectError("refused"),
        httpx2.ReadTimeout("slow"),
    ]
    for fault in faults:
        h.fake.enqueue(fault)
        with pytest.raises(oc.APIError) as caught:
            create(h)
        shows_no_key(caught.value)
        assert KEY not in repr(caught.value.request.headers)
