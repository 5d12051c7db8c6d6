"""Auto-paging over list endpoints: one page in memory at a time. The sync pager is generated from this.

The cursor logic is pure (:class:`~openai_chat._cursor.Cursor`); the pager only fetches.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any, Generic, TypeAlias, TypeVar

from .._cursor import Cursor

__all__ = ["AsyncPager"]

T = TypeVar("T")
P = TypeVar("P")
Page: TypeAlias = dict[str, Any]


class AsyncPager(Generic[T, P]):
    """Iterate items across pages (``async for item in pager``) or pages (``pager.pages()``), one in memory."""

    def __init__(
        self,
        fetch: Callable[[str | None], Awaitable[Page]],
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
        """Each page as the generated list model."""
        async for raw in self._raw_pages():
            yield self._page(raw)

    iter_pages = pages

    async def __aiter__(self) -> AsyncIterator[T]:
        item = self._item
        async for raw in self._raw_pages():
            for entry in raw["data"]:
                yield item(entry)
