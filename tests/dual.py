"""One test body for a sync and an async client: :class:`Dual` hides ``await`` behind plain calls.

d = Dual("async")
d.call(client.chat.create, messages="Hi")        # awaited on d's own event loop
for item in d.items(client.chat.completions.list()): ...
with d.opened(client.chat.stream(messages="Hi")) as s: ...
"""

from __future__ import annotations

import asyncio
import contextlib
import inspect
import sys
from collections.abc import Iterator
from typing import Any


class Dual:
    """Drives sync and async APIs alike; ``kind`` is ``"sync"`` or ``"async"``."""

    def __init__(self, kind: str) -> None:
        if kind not in ("sync", "async"):
            raise ValueError(f"kind must be 'sync' or 'async', got {kind!r}")
        self.kind = kind
        self.loop = asyncio.new_event_loop() if kind == "async" else None

    @property
    def is_async(self) -> bool:
        return self.loop is not None

    def call(self, fn: Any, /, *args: Any, **kwargs: Any) -> Any:
        """Run ``fn`` and await its result when it is awaitable."""
        result = fn(*args, **kwargs)
        if inspect.isawaitable(result):
            assert self.loop is not None, f"{fn!r} returned an awaitable from a sync client"
            return self.loop.run_until_complete(_await(result))
        return result

    def items(self, iterable: Any) -> Iterator[Any]:
        """Iterate lazily: one ``__anext__`` per item for async iterables."""
        if hasattr(iterable, "__aiter__"):
            iterator = iterable.__aiter__()
            while True:
                try:
                    yield self.call(iterator.__anext__)
                except StopAsyncIteration:
                    return
        else:
            yield from iterable

    def collect(self, iterable: Any) -> list[Any]:
        return list(self.items(iterable))

    @contextlib.contextmanager
    def opened(self, manager: Any) -> Iterator[Any]:
        """Enter a context manager or an async one."""
        if hasattr(manager, "__aenter__"):
            value = self.call(manager.__aenter__)
            try:
                yield value
            except BaseException:
                if not self.call(manager.__aexit__, *sys.exc_info()):
                    raise
            else:
                self.call(manager.__aexit__, None, None, None)
        else:
            with manager as value:
                yield value

    def close_loop(self) -> None:
        if self.loop is not None:
            self.loop.run_until_complete(self.loop.shutdown_asyncgens())
            self.loop.close()


async def _await(awaitable: Any) -> Any:
    return await awaitable
