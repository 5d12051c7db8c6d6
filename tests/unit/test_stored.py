"""Stored completions: get, update, delete, list with lazy auto-pagination and filters, and messages."""

from __future__ import annotations

import copy
import pickle
from collections.abc import Iterator

import openai_chat as oc
import pytest
from fakes import MODEL, Harness
from openai_chat_api.models import ChatCompletionDeleted, ChatCompletionList, ChatCompletionMessageList


@pytest.fixture(params=["sync", "async"])
def h(request: pytest.FixtureRequest) -> Iterator[Harness]:
    harness = Harness(request.param)
    yield harness
    harness.close()


def lists(h: Harness) -> list[dict[str, str]]:
    """The query of each list request the fake received."""
    return [r.query for r in h.fake.requests_to("GET")]


def test_get_update_delete(h: Harness) -> None:
    completions = h.client.chat.completions
    created = h.call(h.client.chat.create, model=MODEL, messages="Hi", store=True, metadata={"topic": "a"})

    got = h.call(completions.get, created.id)
    assert isinstance(got, oc.ChatCompletion)
    assert (got.id, got.text, got.metadata.to_dict()) == (created.id, "You said: Hi", {"topic": "a"})
    assert got.request_id == "req_0002"

    updated = h.call(completions.update, created.id, metadata={"topic": "b", "reviewed": "yes"})
    assert h.fake.last.json == {"metadata": {"topic": "b", "reviewed": "yes"}}
    assert updated.metadata.to_dict() == {"topic": "b", "reviewed": "yes"}
    assert h.call(completions.get, created.id).metadata.to_dict() == {"topic": "b", "reviewed": "yes"}

    deleted = h.call(completions.delete, created.id)
    assert isinstance(deleted, ChatCompletionDeleted)
    assert (deleted.id, deleted.deleted) == (created.id, True)
    with pytest.raises(oc.NotFoundError) as caught:
        h.call(completions.get, created.id)
    assert caught.value.param == "completion_id"


def test_a_completion_id_is_one_path_segment(h: Harness) -> None:
    with pytest.raises(oc.NotFoundError):
        h.call(h.client.chat.completions.get, "a/../b?x=1")
    assert h.fake.last.request.url.raw_path == b"/v1/chat/completions/a%2F..%2Fb%3Fx%3D1"


def test_list_pages_lazily(h: Harness) -> None:
    ids = h.fake.store(5)
    items = h.items(h.client.chat.completions.list(limit=2))
    assert lists(h) == [], "nothing is fetched before iteration starts"

    assert [next(items).id, next(items).id] == ids[:2]
    assert len(lists(h)) == 1
    assert next(items).id == ids[2]
    assert len(lists(h)) == 2, "page 2 is fetched only once page 1 was used up"
    assert [c.id for c in items] == ids[3:]
    assert lists(h) == [{"limit": "2"}, {"limit": "2", "after": ids[1]}, {"limit": "2", "after": ids[3]}]


def test_list_items_are_completions(h: Harness) -> None:
    h.call(h.client.chat.create, model=MODEL, messages="Hi", store=True)
    h.call(h.client.chat.create, model=MODEL, messages="Not stored")
    [item] = h.collect(h.client.chat.completions.list())
    assert isinstance(item, oc.ChatCompletion)
    assert item.text == "You said: Hi"
    assert lists(h) == [{}], "the default limit is the server's"


def test_list_items_read_their_nested_objects_when_first_used(h: Harness) -> None:
    h.call(h.client.chat.create, model=MODEL, messages="Hi", store=True, metadata={"topic": "a"})
    [item] = h.collect(h.client.chat.completions.list())
    stored = next(iter(h.fake.completions.values()))
    eager = oc.ChatCompletion.from_dict(stored)
    # Not read yet, the item still copies, pickles and compares as the completion it is.
    for same in (copy.copy(item), copy.deepcopy(item), pickle.loads(pickle.dumps(item))):
        assert same == eager and repr(same) == repr(eager)
    assert (item.text, item.metadata.to_dict()) == ("You said: Hi", {"topic": "a"})
    assert item.usage.total_tokens == stored["usage"]["total_tokens"] > 0
    assert isinstance(item.choices[0].message, oc.ChatCompletionMessage)  # reasoning and all
    assert item == eager and item.to_dict() == eager.to_dict() == stored
    item.usage = None
    assert item.usage is None and item != eager


def test_a_malformed_list_item_fails_when_its_part_is_read(h: Harness) -> None:
    [good, bad] = h.fake.store(2)
    h.fake.completions[bad]["choices"] = [{"index": 0, "logprobs": None}]  # no message, no finish_reason
    items = h.collect(h.client.chat.completions.list())
    assert [item.id for item in items] == [good, bad]  # what does match the schema reads as usual
    assert items[0].text
    with pytest.raises(oc.APIResponseValidationError, match="'choices' does not match") as caught:
        _ = items[1].choices
    error = caught.value
    assert (error.status_code, error.request_id) == (200, items[1].http.request_id)
    assert error.body["id"] == bad and isinstance(error.__cause__, KeyError)
    with pytest.raises(oc.APIResponseValidationError):
        _ = items[1].text  # the same answer on every read, never an AttributeError


def test_pages(h: Harness) -> None:
    ids = h.fake.store(5)
    pages = h.collect(h.client.chat.completions.list(limit=2).pages())
    assert all(isinstance(page, ChatCompletionList) for page in pages)
    assert [[c.id for c in page.data] for page in pages] == [ids[:2], ids[2:4], ids[4:]]
    assert [page.has_more for page in pages] == [True, True, False]
    assert [page.last_id for page in pages] == [ids[1], ids[3], ids[4]]


def test_filters_by_model_and_metadata(h: Harness) -> None:
    a = h.fake.store(3, model="gpt-a", metadata={"team": "x", "env": "prod"})
    b = h.fake.store(2, model="gpt-b", metadata={"team": "y"})
    completions = h.client.chat.completions

    assert [c.id for c in h.collect(completions.list(model="gpt-b"))] == b
    assert lists(h)[-1] == {"model": "gpt-b"}

    found = h.collect(completions.list(metadata={"team": "x", "env": "prod"}, limit=2))
    assert [c.id for c in found] == a
    assert lists(h)[-1] == {"metadata[team]": "x", "metadata[env]": "prod", "limit": "2", "after": a[1]}

    assert h.collect(completions.list(model="gpt-a", metadata={"team": "y"})) == []


def test_order_limit_and_a_starting_cursor(h: Harness) -> None:
    ids = h.fake.store(4)
    completions = h.client.chat.completions
    assert [c.id for c in h.collect(completions.list(order="desc", limit=3))] == ids[::-1]
    assert lists(h)[0] == {"order": "desc", "limit": "3"}
    assert [c.id for c in h.collect(completions.list(after=ids[1]))] == ids[2:]
    assert lists(h)[-1] == {"after": ids[1]}


def test_an_empty_page_that_says_has_more_is_not_the_end(h: Harness) -> None:
    ids = h.fake.store(3)
    h.fake.empty_page_first = True
    assert [c.id for c in h.collect(h.client.chat.completions.list())] == ids
    assert len(lists(h)) == 2


def test_a_repeated_cursor_raises_instead_of_looping(h: Harness) -> None:
    ids = h.fake.store(3)
    h.fake.repeat_cursor = True
    items = h.items(h.client.chat.completions.list(limit=2))
    assert [next(items).id, next(items).id] == ids[:2]
    with pytest.raises(oc.APIResponseValidationError, match="repeated the cursor"):
        next(items)
    assert len(lists(h)) == 2


def test_messages_of_a_stored_completion(h: Harness) -> None:
    conversation = [
        oc.system("Be brief."),
        oc.user("One"),
        oc.assistant("1"),
        oc.user(oc.text("Two"), oc.text("and three")),
        oc.developer("Answer in digits."),
    ]
    created = h.call(h.client.chat.create, model=MODEL, messages=conversation, store=True)
    completions = h.client.chat.completions

    stored = h.collect(completions.messages(created.id, limit=2))
    assert [(m.role, m.content) for m in stored] == [
        ("system", "Be brief."),
        ("user", "One"),
        ("assistant", "1"),
        ("user", "Two and three"),
        ("developer", "Answer in digits."),
    ]
    assert len(h.fake.requests_to("GET", f"/chat/completions/{created.id}/messages")) == 3

    pages = h.collect(completions.messages(created.id, order="desc", limit=3).pages())
    assert all(isinstance(page, ChatCompletionMessageList) for page in pages)
    assert [[m.role for m in page.data] for page in pages] == [
        ["developer", "user", "assistant"],
        ["user", "system"],
    ]


@pytest.mark.parametrize(
    ("call", "match"),
    [
        (lambda c: c.list(limit="10"), "limit must be an int"),
        (lambda c: c.messages("c1", limit=1.5), "limit must be an int"),
        (lambda c: c.list(order="newest"), "order"),
        (lambda c: c.list(metadata={"k": 1}), "metadata"),
        (lambda c: c.messages("", limit=5), "completion_id"),
        (lambda c: c.get(""), "completion_id"),
        (lambda c: c.update("c1", metadata={"k": "v" * 513}), "metadata"),
    ],
)
def test_bad_arguments_fail_before_any_request(h: Harness, call, match: str) -> None:
    with pytest.raises((ValueError, TypeError), match=match):
        h.call(call, h.client.chat.completions)
    assert h.fake.requests == []


def test_update_without_metadata_names_the_argument(h: Harness) -> None:
    [cid] = h.fake.store(1)
    with pytest.raises(TypeError, match="metadata"):
        h.call(h.client.chat.completions.update, cid, metadata=None)
    assert h.fake.requests == []
