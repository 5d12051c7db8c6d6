"""When to retry and how long to wait: pure functions, no sleeping, no clock of their own."""

from __future__ import annotations

import email.utils
from collections.abc import Mapping

RETRY_STATUSES = frozenset({408, 409, 429})
MAX_HEADER_DELAY = 60.0
INITIAL_DELAY = 0.5
MAX_DELAY = 8.0


def _error_code(body: object) -> object:
    if isinstance(body, dict):
        error = body.get("error")
        if isinstance(error, dict):
            return error.get("code") or error.get("type")
    return None


def should_retry(
    status: int | None,
    headers: Mapping[str, str] | None,
    body: object,
    *,
    attempt: int,
    max_retries: int,
) -> bool:
    """Whether a failed attempt (``status`` None for a connection error or timeout) is worth repeating."""
    if attempt >= max_retries:
        return False
    if headers is not None:
        hint = headers.get("x-should-retry")
        if hint == "true":
            return True
        if hint == "false":
            return False
    if status is None:
        return True
    if status == 429 and _error_code(body) == "insufficient_quota":
        return False  # waiting will not refill a quota
    return status in RETRY_STATUSES or status >= 500


def header_delay(headers: Mapping[str, str] | None, *, now: float) -> float | None:
    """The delay the server asked for, in seconds, or None when it asked for nothing readable."""
    if not headers:
        return None
    raw_ms = headers.get("retry-after-ms")
    if raw_ms is not None:
        try:
            return float(raw_ms) / 1000.0
        except ValueError:
            pass
    raw = headers.get("retry-after")
    if raw is None:
        return None
    try:
        return float(raw)
    except ValueError:
        pass
    parsed = email.utils.parsedate_tz(raw)
    if parsed is None:
        return None
    return email.utils.mktime_tz(parsed) - now


def retry_delay(
    attempt: int, headers: Mapping[str, str] | None, *, now: float, jitter: float
) -> float | None:
    """Seconds to wait before retry number ``attempt + 1``; None when the server asked for too long a wait.

    ``jitter`` is a number in [0, 1) (the caller passes ``random.random()``; tests pass a constant).
    """
    asked = header_delay(headers, now=now)
    if asked is not None:
        if 0 <= asked <= MAX_HEADER_DELAY:
            return asked
        if asked > MAX_HEADER_DELAY:
            return None  # an hour's wait is the caller's decision, not a hidden sleep
    backoff = min(INITIAL_DELAY * 2.0**attempt, MAX_DELAY)
    return backoff * (1.0 - 0.25 * jitter)
