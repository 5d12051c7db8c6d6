"""Stored completions in SQLite: a file, or ``:memory:``.

One connection behind a lock serves every thread; each change is committed before the method returns, so
whatever the gateway acknowledged survives a crash (file databases use WAL with ``synchronous=FULL``).
Lists are ordered by the order completions were stored in, and paged with the rules of ``_local_rules``:

    store = CompletionStore()
    cid = store.claim("chatcmpl-1")           # the upstream's id, or a fresh one when that is taken
    store.add({"id": cid, "model": "m", "created": 0, "object": "chat.completion", "choices": []},
              [{"role": "user", "content": "Hi"}], {"topic": "greeting"})
    store.list_completions(PageQuery(metadata={"topic": "greeting"}))["data"][0]["id"]   # 'chatcmpl-1'
"""

from __future__ import annotations

import json
import os
import sqlite3
import threading
from collections.abc import Mapping
from typing import Any

from ._local_rules import PageQuery, RequestError, new_completion_id, not_found, page_body, stored_messages

__all__ = ["CompletionStore"]

_SCHEMA = """
CREATE TABLE IF NOT EXISTS completions (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    model TEXT NOT NULL,
    body TEXT NOT NULL,
    metadata TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS metadata (
    seq INTEGER NOT NULL REFERENCES completions(seq) ON DELETE CASCADE,
    key TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (seq, key)
);
CREATE TABLE IF NOT EXISTS messages (
    seq INTEGER NOT NULL REFERENCES completions(seq) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    body TEXT NOT NULL,
    PRIMARY KEY (seq, position)
);
-- ids of deleted completions keep their place, so a list cursor pointing at one still works
CREATE TABLE IF NOT EXISTS deleted (id TEXT PRIMARY KEY, seq INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS completions_model ON completions (model, seq);
CREATE INDEX IF NOT EXISTS metadata_pair ON metadata (key, value);
"""


class CompletionStore:
    """Completions and their request messages, safe to share between threads."""

    def __init__(self, path: str | os.PathLike[str] = ":memory:") -> None:
        self.path = os.fspath(path)
        self._lock = threading.Lock()
        self._claimed: set[str] = set()  # ids handed out for streams that are still running
        self._db = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
        self._db.execute("PRAGMA foreign_keys = ON")
        if self.path != ":memory:":
            self._db.execute("PRAGMA journal_mode = WAL")
            self._db.execute("PRAGMA synchronous = FULL")
        self._db.executescript(_SCHEMA)

    def close(self) -> None:
        with self._lock:
            self._db.close()

    # -- writing

    def claim(self, upstream_id: str | None) -> str:
        """The id to store a completion under: the upstream's when it is new, else a fresh one."""
        with self._lock:
            if not upstream_id or upstream_id in self._claimed or self._known(upstream_id):
                upstream_id = new_completion_id()
            self._claimed.add(upstream_id)
            return upstream_id

    def release(self, completion_id: str) -> None:
        """Give back a claimed id whose completion will not be stored."""
        with self._lock:
            self._claimed.discard(completion_id)

    def add(
        self, completion: Mapping[str, Any], messages: Any, metadata: Mapping[str, str]
    ) -> dict[str, Any]:
        """Store a completion under its id, which :meth:`claim` gave out, with its request messages.

        Returns the stored completion, which carries ``metadata``."""
        body = {k: v for k, v in completion.items() if k != "metadata"}
        cid = body["id"]
        with self._lock:
            if cid not in self._claimed:
                raise ValueError(f"completion id {cid!r} was not claimed")
            with self._db:
                self._db.execute("BEGIN IMMEDIATE")
                seq = self._db.execute(
                    "INSERT INTO completions (id, model, body, metadata) VALUES (?, ?, ?, ?)",
                    (cid, str(body.get("model") or ""), json.dumps(body), json.dumps(dict(metadata))),
                ).lastrowid
                self._db.executemany(
                    "INSERT INTO metadata (seq, key, value) VALUES (?, ?, ?)",
                    [(seq, k, v) for k, v in metadata.items()],
                )
                self._db.executemany(
                    "INSERT INTO messages (seq, position, body) VALUES (?, ?, ?)",
                    [(seq, i, json.dumps(m)) for i, m in enumerate(stored_messages(cid, messages))],
                )
            self._claimed.discard(cid)
        return {**body, "metadata": dict(metadata)}

    def update(self, completion_id: str, metadata: Mapping[str, str]) -> dict[str, Any]:
        """Replace a completion's metadata; returns the completion (404 when there is none)."""
        with self._lock, self._db:
            self._db.execute("BEGIN IMMEDIATE")
            seq = self._seq(completion_id)
            self._db.execute(
                "UPDATE completions SET metadata = ? WHERE seq = ?", (json.dumps(dict(metadata)), seq)
            )
            self._db.execute("DELETE FROM metadata WHERE seq = ?", (seq,))
            self._db.executemany(
                "INSERT INTO metadata (seq, key, value) VALUES (?, ?, ?)",
                [(seq, k, v) for k, v in metadata.items()],
            )
        return self.get(completion_id)

    def delete(self, completion_id: str) -> None:
        """Delete a completion and its messages (404 when there is none)."""
        with self._lock, self._db:
            self._db.execute("BEGIN IMMEDIATE")
            seq = self._seq(completion_id)
            self._db.execute("DELETE FROM completions WHERE seq = ?", (seq,))
            self._db.execute("INSERT OR REPLACE INTO deleted (id, seq) VALUES (?, ?)", (completion_id, seq))

    # -- reading

    def get(self, completion_id: str) -> dict[str, Any]:
        with self._lock:
            row = self._db.execute(
                "SELECT body, metadata FROM completions WHERE id = ?", (completion_id,)
            ).fetchone()
        if row is None:
            raise not_found(completion_id)
        return _completion(row)

    def list_completions(self, query: PageQuery) -> dict[str, Any]:
        where, params = [], []
        if query.model is not None:
            where.append("model = ?")
            params.append(query.model)
        for key, value in query.metadata.items():
            where.append(
                "EXISTS (SELECT 1 FROM metadata m WHERE m.seq = c.seq AND m.key = ? AND m.value = ?)"
            )
            params += [key, value]
        with self._lock:
            if query.after is not None:
                row = self._db.execute(
                    "SELECT seq FROM completions WHERE id = ? UNION ALL SELECT seq FROM deleted WHERE id = ?",
                    (query.after, query.after),
                ).fetchone()
                if row is None:
                    raise RequestError(
                        400, f"after: no chat completion found with id '{query.after}'.", param="after"
                    )
                where.append("seq > ?" if query.order == "asc" else "seq < ?")
                params.append(row[0])
            rows = self._page("SELECT body, metadata FROM completions c", where, params, "seq", query)
        return page_body([_completion(r) for r in rows[: query.limit]], len(rows) > query.limit)

    def list_messages(self, completion_id: str, query: PageQuery) -> dict[str, Any]:
        with self._lock:
            seq = self._seq(completion_id)
            where, params = ["seq = ?"], [seq]
            if query.after is not None:
                prefix, _, position = query.after.rpartition("-")
                if prefix != completion_id or not position.isdigit():
                    raise RequestError(
                        400,
                        f"after: no message found with id '{query.after}' in this completion.",
                        param="after",
                    )
                where.append("position > ?" if query.order == "asc" else "position < ?")
                params.append(int(position))
            rows = self._page("SELECT body FROM messages", where, params, "position", query)
        items = [json.loads(r[0]) for r in rows[: query.limit]]
        return page_body(items, len(rows) > query.limit)

    # -- helpers (called with the lock held)

    def _page(
        self, select: str, where: list[str], params: list[Any], key: str, query: PageQuery
    ) -> list[Any]:
        """One more row than the page holds: its presence is ``has_more``."""
        sql = select + (" WHERE " + " AND ".join(where) if where else "")
        sql += f" ORDER BY {key} {'ASC' if query.order == 'asc' else 'DESC'} LIMIT ?"
        return self._db.execute(sql, [*params, query.limit + 1]).fetchall()

    def _known(self, completion_id: str) -> bool:
        return (
            self._db.execute(
                "SELECT 1 FROM completions WHERE id = ? UNION ALL SELECT 1 FROM deleted WHERE id = ?",
                (completion_id, completion_id),
            ).fetchone()
            is not None
        )

    def _seq(self, completion_id: str) -> int:
        row = self._db.execute("SELECT seq FROM completions WHERE id = ?", (completion_id,)).fetchone()
        if row is None:
            raise not_found(completion_id)
        return int(row[0])


def _completion(row: tuple[str, str]) -> dict[str, Any]:
    body: dict[str, Any] = json.loads(row[0])
    body["metadata"] = json.loads(row[1])
    return body
