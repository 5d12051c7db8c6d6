# Generated from facade/openai_chat/_async/pager.py by scripts/unasync.py: edit that file, then `make generate`.
"""Auto-paging over list endpoints: one page in memory at a time. The sync pager is generated from this.

The cursor logic is pure (:class:`~openai_chat._cursor.Cursor`); the pager only fetches.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any, Generic, TypeAlias, TypeVar

from .._cursor import Cursor

__all__ = ["SyncPager"]

T = TypeVar("T")
P = TypeVar("P")
Page: TypeAlias = dict[str, Any]


class SyncPager(Generic[T, P]):
    """Iterate items across pages (``for item in pager``) or pages (``pager.pages()``), one in memory."""

    def __init__(
        self,
        fetch: Callable[[str | None], Page],
        item: Callable[[dict[str, Any]], T],
        page: Callable[[dict[str, Any]], P],
        after: str | None = None,
    ) -> None:
        self._fetch, self._item, self._page, self._after = fetch, item, page, after

    def _raw_pages(self) -> Iterator[dict[str, Any]]:
        cursor = Cursor(self._after)
        while not cursor.done:
            raw = self._fetch(cursor.after)
            cursor.advance(raw)
            yield raw

    def pages(self) -> Iterator[P]:
        """Each page as the generated list model."""
        for raw in self._raw_pages():
            yield self._page(raw)

    iter_pages = pages

    def __iter__(self) -> Iterator[T]:
        item = self._item
        for raw in self._raw_pages():
            for entry in raw["data"]:
                yield item(entry)
