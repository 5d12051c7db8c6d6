# Generated from facade/openai_chat/_async/pager.py by scripts/unasync.py: edit that file, then `make generate`.
"""Auto-paging over list endpoints: one page in memory at a time. The sync pager is generated from this.

The cursor logic is pure (:class:`~openai_chat._cursor.Cursor`); the pager only fetches.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any, Generic, TypeAlias, TypeVar

from .._cursor import Cursor
from .._response import ResponseInfo

__all__ = ["SyncPager", "Fetched"]

T = TypeVar("T")
P = TypeVar("P")
Page: TypeAlias = dict[str, Any]
Fetched: TypeAlias = tuple[Page, ResponseInfo]  # a page as JSON and the response it came in


class SyncPager(Generic[T, P]):
    """Iterate items across pages (``for item in pager``) or pages (``pager.pages()``), one in memory.

    Each item and page carries ``http``, the response its page came in; ``pager.http`` is that of the
    page fetched last (None before the first).
    """

    def __init__(
        self,
        fetch: Callable[[str | None], Fetched],
        item: Callable[[dict[str, Any], ResponseInfo], T],
        page: Callable[[dict[str, Any], ResponseInfo], P],
        after: str | None = None,
    ) -> None:
        self._fetch, self._item, self._page, self._after = fetch, item, page, after
        self.http: ResponseInfo | None = None

    def _raw_pages(self) -> Iterator[Fetched]:
        cursor = Cursor(self._after)
        while not cursor.done:
            raw, info = self._fetch(cursor.after)
            cursor.advance(raw)
            self.http = info
            yield raw, info

    def pages(self) -> Iterator[P]:
        """Each page as the list model (``data``, ``has_more``, ``http``)."""
        for raw, info in self._raw_pages():
            yield self._page(raw, info)

    iter_pages = pages

    def __iter__(self) -> Iterator[T]:
        item = self._item
        for raw, info in self._raw_pages():
            for entry in raw["data"]:
                yield item(entry, info)
