"""Auto-paging over list endpoints: one page in memory at a time, following ``after=<last_id>``.

The cursor logic is pure (:class:`Cursor`); :class:`SyncPager` and :class:`AsyncPager` only fetch.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from typing import Any, Generic, TypeVar

from ._exceptions import APIResponseValidationError

__all__ = ["Cursor", "SyncPager", "AsyncPager"]

T = TypeVar("T")
P = TypeVar("P")


class Cursor:
    """Decides the ``after`` of the next page, and refuses to go round in circles."""

    __slots__ = ("after", "_seen", "done")

    def __init__(self, after: str | None = None) -> None:
        self.after = after
        self._seen: set[str] = set() if after is None else {after}
        self.done = False

    def advance(self, page: dict[str, Any]) -> None:
        """Take in a page just fetched; sets ``done`` or the next ``after``."""
        data = page.get("data")
        if not isinstance(data, list):
            raise APIResponseValidationError("list page has no 'data' array", body=page)
        if not page.get("has_more"):
            self.done = True
            return
        last = page.get("last_id")
        if not last and data and isinstance(data[-1], dict):
            last = data[-1].get("id")
        if not last:
            # An empty page that says there is more, with nothing to continue from.
            raise APIResponseValidationError(
                "list page says has_more but gives no cursor to continue", body=page
            )
        if last in self._seen:
            raise APIResponseValidationError(
                f"list pagination repeated the cursor {last!r}; stopping instead of looping forever",
                body=page,
            )
        self._seen.add(last)
        self.after = last


class SyncPager(Generic[T, P]):
    """Iterate items across pages (``for item in pager``) or pages (``pager.pages()``)."""

    def __init__(
        self,
        fetch: Callable[[str | None], dict[str, Any]],
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


class AsyncPager(Generic[T, P]):
    """``async for item in pager`` or ``async for page in pager.pages()``."""

    def __init__(
        self,
        fetch: Callable[[str | None], Awaitable[dict[str, Any]]],
        item: Callable[[dict[str, Any]], T],
        page: Callable[[dict[str, Any]], P],
        after: str | None = None,
    ) -> None:
        self._fetch, self._item, self._page, self._after = fetch, item, page, after

    async def _raw_pages(self) -> AsyncIterator[dict[str, Any]]:
        cursor = Cursor(self._after)
        while not cursor.done:
            raw = await self._fetch(cursor.after)
            cursor.advance(raw)
            yield raw

    async def pages(self) -> AsyncIterator[P]:
        async for raw in self._raw_pages():
            yield self._page(raw)

    iter_pages = pages

    async def __aiter__(self) -> AsyncIterator[T]:
        item = self._item
        async for raw in self._raw_pages():
            for entry in raw["data"]:
                yield item(entry)
