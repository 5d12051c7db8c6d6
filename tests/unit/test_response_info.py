"""Every result keeps the HTTP response it came in as ``.http``: status, headers, retries, request id."""

from __future__ import annotations

import copy
import json
import pickle
from collections.abc import Iterator

import attrs
import httpx2
import openai_chat as oc
import pytest
from fakes import MODEL, Canned, Harness
from openai_chat_api.models import ChatCompletionList

FAST = {"retry-after-ms": "1"}
LIMITS = {"x-ratelimit-remaining-requests": "4999", "openai-processing-ms": "212", "x-request-id": "req_rl"}


@pytest.fixture(params=["sync", "async"])
def h(request: pytest.FixtureRequest) -> Iterator[Harness]:
    harness = Harness(request.param)
    yield harness
    harness.close()


def completion_body(content: str = "Hi there") -> dict[str, object]:
    return {
        "id": "chatcmpl-canned",
        "object": "chat.completion",
        "created": 1,
        "model": MODEL,
        "choices": [
            {"index": 0, "finish_reason": "stop", "logprobs": None,
             "message": {"role": "assistant", "content": content, "refusal": None}},
        ],
        "usage": {"prompt_tokens": 1, "completion_tokens": 2, "total_tokens": 3},
    }  # fmt: skip


def test_a_completion_has_its_response_headers_and_retries(h: Harness) -> None:
    h.fake.enqueue(Canned(503, "busy", FAST), Canned(200, completion_body(), LIMITS))
    completion = h.call(h.client.chat.create, model=MODEL, messages="Hi")
    info = completion.http
    assert isinstance(info, oc.ResponseInfo)
    assert (info.status_code, info.retries, info.request_id) == (200, 1, "req_rl")
    assert info.headers["X-RateLimit-Remaining-Requests"] == "4999"  # any case, as HTTP has it
    assert info.headers["openai-processing-ms"] == "212"
    assert completion.request_id == "req_rl"

    again = h.call(h.client.chat.create, model=MODEL, messages="Hi")
    assert again.http.retries == 0


def test_get_update_and_delete_results_have_it(h: Harness) -> None:
    created = h.call(h.client.chat.create, model=MODEL, messages="Hi", store=True)
    completions = h.client.chat.completions
    assert h.call(completions.get, created.id).http.request_id == "req_0002"
    assert h.call(completions.update, created.id, metadata={"a": "b"}).http.status_code == 200
    deleted = h.call(completions.delete, created.id)
    assert deleted.deleted is True
    assert (deleted.http.status_code, deleted.http.request_id, deleted.http.retries) == (200, "req_0004", 0)


def test_list_pages_items_and_the_pager_have_it(h: Harness) -> None:
    h.fake.store(3)
    pager = h.client.chat.completions.list(limit=2)
    assert pager.http is None, "nothing fetched yet"
    pages = h.collect(pager.pages())
    assert [p.http.request_id for p in pages] == ["req_0001", "req_0002"]
    assert all(isinstance(p, ChatCompletionList) and p.http.status_code == 200 for p in pages)
    assert pager.http is pages[-1].http

    items = h.collect(h.client.chat.completions.list(limit=2))
    assert [c.http.request_id for c in items] == ["req_0003", "req_0003", "req_0004"]

    messages = h.client.chat.completions.messages(items[0].id)
    pages = h.collect(messages.pages())
    assert pages[0].http.request_id == "req_0005"


def test_parse_and_run_tools_results_have_it(h: Harness) -> None:
    @attrs.define
    class City:
        name: str

    h.fake.reply(json.dumps({"name": "Oslo"}))
    parsed = h.call(h.client.chat.parse, model=MODEL, messages="A city?", response_format=City)
    assert (parsed.parsed, parsed.http.request_id) == (City("Oslo"), "req_0001")

    call = {"id": "call_1", "type": "function", "function": {"name": "add", "arguments": '{"a": 1, "b": 2}'}}
    h.fake.reply(None, tool_calls=[call])
    h.fake.reply("3")

    def add(a: int, b: int) -> int:
        return a + b

    result = h.call(h.client.chat.run_tools, model=MODEL, messages="1 + 2?", tools=[add])
    assert (result.text, result.http.request_id) == ("3", "req_0003")
    assert [c.http.request_id for c in result.completions] == ["req_0002", "req_0003"]


def test_a_stream_and_its_final_completion_have_it(h: Harness) -> None:
    h.fake.enqueue(Canned(429, {"error": {"message": "slow down"}}, FAST))
    with h.opened(h.client.chat.stream(model=MODEL, messages="Hi")) as s:
        assert (s.http.status_code, s.http.retries, s.http.request_id) == (200, 1, "req_0002")
        assert s.http.headers["content-type"] == "text/event-stream"
        final = h.call(s.final)
    assert final.http is s.http
    assert final.request_id == "req_0002"

    stream = h.client.chat.stream(model=MODEL, messages="Hi")
    with pytest.raises(RuntimeError, match="not sent yet"):
        stream.http  # noqa: B018


def test_it_survives_copies_and_pickles_and_stays_out_of_equality_and_repr(h: Harness) -> None:
    h.fake.enqueue(Canned(200, completion_body(), LIMITS))
    completion = h.call(h.client.chat.create, model=MODEL, messages="Hi")
    for restored in (copy.deepcopy(completion), pickle.loads(pickle.dumps(completion))):
        assert restored == completion
        assert restored.http == completion.http
        assert restored.http.headers["openai-processing-ms"] == "212"
    assert "4999" not in repr(completion) and "http" not in repr(completion)
    assert oc.ChatCompletion.from_dict(completion.to_dict()) == completion  # what the API sent


def test_a_completion_built_from_data_says_it_has_no_response() -> None:
    completion = oc.ChatCompletion.from_dict(completion_body())
    with pytest.raises(AttributeError, match="not received from a server"):
        completion.http  # noqa: B018
    assert getattr(completion, "http", None) is None


def test_response_info_reads_like_the_response() -> None:
    response = httpx2.Response(201, headers={"X-Request-Id": "req_9", "x-ratelimit-limit-tokens": "10"})
    info = oc.ResponseInfo.of(response, retries=2)
    assert (info.status_code, info.retries, info.request_id) == (201, 2, "req_9")
    assert info.headers["x-ratelimit-limit-tokens"] == "10"
    assert repr(info) == "ResponseInfo(status_code=201, retries=2)"
