"""The cursor of auto-paging over list endpoints, following ``after=<last_id>``: pure, no I/O.

The pagers (``openai_chat._async.pager`` and the sync one generated from it) only fetch.
"""

from __future__ import annotations

from typing import Any

from ._exceptions import APIResponseValidationError

__all__ = ["Cursor"]


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
