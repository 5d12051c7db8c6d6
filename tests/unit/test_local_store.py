"""The SQLite store of the local stack: ids, paging in both orders, filters, updates, deletes, messages."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from openai_chat._local_rules import PageQuery, RequestError
from openai_chat._local_store import CompletionStore


@pytest.fixture
def store() -> Iterator[CompletionStore]:
    s = CompletionStore()
    yield s
    s.close()


def completion(cid: str, model: str = "m") -> dict[str, Any]:
    return {
        "id": cid,
        "object": "chat.completion",
        "created": 1,
        "model": model,
        "choices": [{"index": 0, "finish_reason": "stop", "message": {"role": "assistant", "content": cid}}],
    }


def add(store: CompletionStore, cid: str, model: str = "m", **metadata: str) -> str:
    cid = store.claim(cid)
    store.add(completion(cid, model), [{"role": "user", "content": f"q {cid}"}], metadata)
    return cid


def ids(page: dict[str, Any]) -> list[str]:
    return [item["id"] for item in page["data"]]


def walk(store: CompletionStore, **query: Any) -> list[list[str]]:
    """Every page, following last_id as a client does."""
    pages, after = [], None
    while True:
        page = store.list_completions(PageQuery(after=after, **query))
        pages.append(ids(page))
        if not page["has_more"]:
            return pages
        assert page["first_id"] == page["data"][0]["id"]
        after = page["last_id"]


def test_a_stored_completion_reads_back_with_its_metadata(store: CompletionStore) -> None:
    add(store, "c1", topic="sea")
    got = store.get("c1")
    assert got == {**completion("c1"), "metadata": {"topic": "sea"}}


def test_claim_keeps_a_new_id_and_replaces_a_taken_or_missing_one(store: CompletionStore) -> None:
    assert store.claim("c1") == "c1"
    assert store.claim("c1") != "c1", "claimed twice by two running streams"
    store.release("c1")
    add(store, "c1")
    for taken in ("c1", "", None):
        fresh = store.claim(taken)
        assert fresh.startswith("chatcmpl-") and fresh != "c1"
    store.delete("c1")
    assert store.claim("c1") != "c1", "a deleted id stays taken: old cursors still point at it"


def test_an_unclaimed_id_is_refused(store: CompletionStore) -> None:
    with pytest.raises(ValueError, match="not claimed"):
        store.add(completion("c9"), [], {})


def test_pages_in_both_orders(store: CompletionStore) -> None:
    made = [add(store, f"c{i}") for i in range(7)]
    assert walk(store, limit=3) == [made[0:3], made[3:6], made[6:]]
    assert walk(store, limit=3, order="desc") == [made[6:3:-1], made[3:0:-1], made[:1]]
    assert walk(store, limit=7) == [made]
    assert walk(store) == [made]


def test_filters_by_model_and_every_metadata_pair(store: CompletionStore) -> None:
    a = add(store, "a", "m1", topic="sea", lang="en")
    b = add(store, "b", "m2", topic="sea")
    add(store, "c", "m1", topic="sky", lang="en")
    assert walk(store, metadata={"topic": "sea"}) == [[a, b]]
    assert walk(store, metadata={"topic": "sea", "lang": "en"}) == [[a]]
    assert walk(store, model="m1", metadata={"lang": "en"}, limit=1) == [[a], ["c"]]
    assert walk(store, model="m3") == [[]]


def test_a_cursor_at_a_deleted_completion_still_works(store: CompletionStore) -> None:
    made = [add(store, f"c{i}") for i in range(4)]
    store.delete(made[1])
    assert ids(store.list_completions(PageQuery(after=made[1]))) == made[2:]
    assert ids(store.list_completions(PageQuery(after=made[1], order="desc"))) == made[:1]


def test_an_unknown_cursor_is_a_400(store: CompletionStore) -> None:
    with pytest.raises(RequestError) as caught:
        store.list_completions(PageQuery(after="nope"))
    assert (caught.value.status, caught.value.param) == (400, "after")


def test_update_replaces_the_metadata_and_the_filters_follow(store: CompletionStore) -> None:
    add(store, "c1", topic="sea", keep="x")
    updated = store.update("c1", {"topic": "sky"})
    assert updated["metadata"] == {"topic": "sky"}
    assert store.get("c1")["metadata"] == {"topic": "sky"}
    assert walk(store, metadata={"topic": "sea"}) == [[]]
    assert walk(store, metadata={"topic": "sky"}) == [["c1"]]


@pytest.mark.parametrize("operation", ["get", "update", "delete", "messages"])
def test_an_unknown_id_is_a_404(store: CompletionStore, operation: str) -> None:
    calls = {
        "get": lambda: store.get("nope"),
        "update": lambda: store.update("nope", {}),
        "delete": lambda: store.delete("nope"),
        "messages": lambda: store.list_messages("nope", PageQuery()),
    }
    with pytest.raises(RequestError) as caught:
        calls[operation]()
    assert (caught.value.status, caught.value.param) == (404, "completion_id")
    assert caught.value.body()["error"]["message"] == "No chat completion found with id 'nope'."


def test_delete_removes_the_messages_too(store: CompletionStore) -> None:
    add(store, "c1")
    store.delete("c1")
    with pytest.raises(RequestError):
        store.get("c1")
    assert store._db.execute("SELECT COUNT(*) FROM messages").fetchone()[0] == 0


def test_messages_page_by_their_ids(store: CompletionStore) -> None:
    cid = store.claim("c1")
    messages = [{"role": "user", "content": str(i)} for i in range(5)]
    store.add(completion(cid), messages, {})
    first = store.list_messages(cid, PageQuery(limit=2))
    assert ids(first) == ["c1-0", "c1-1"] and first["has_more"]
    assert [m["content"] for m in first["data"]] == ["0", "1"]
    assert ids(store.list_messages(cid, PageQuery(after="c1-1", limit=10))) == ["c1-2", "c1-3", "c1-4"]
    assert ids(store.list_messages(cid, PageQuery(after="c1-3", order="desc"))) == ["c1-2", "c1-1", "c1-0"]
    with pytest.raises(RequestError) as caught:
        store.list_messages(cid, PageQuery(after="c2-1"))
    assert caught.value.param == "after"


def test_what_was_added_is_on_disk_for_the_next_process(tmp_path: Path) -> None:
    path = tmp_path / "store.sqlite"
    first = CompletionStore(path)
    add(first, "c1", topic="sea")
    second = CompletionStore(path)  # another connection, as after a crash and restart
    try:
        assert second.get("c1")["metadata"] == {"topic": "sea"}
    finally:
        first.close()
        second.close()


def test_threads_adding_at_once_lose_nothing(store: CompletionStore) -> None:
    def worker(n: int) -> None:
        for i in range(25):
            add(store, f"t{n}-{i}", topic=str(n))

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    every = [cid for page in walk(store, limit=100) for cid in page]
    assert len(every) == len(set(every)) == 200
    assert len(walk(store, metadata={"topic": "3"}, limit=100)[0]) == 25
