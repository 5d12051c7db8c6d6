"""Client options: immutable, read from the environment once, never showing the key."""

from __future__ import annotations

import dataclasses
import logging
import os
from collections.abc import Callable, Mapping
from typing import Any
from urllib.parse import urlsplit

import httpx2
from openai_chat_api.types import UNSET, Unset

DEFAULT_BASE_URL = "https://api.openai.com/v1"
DEFAULT_TIMEOUT = httpx2.Timeout(600.0, connect=5.0)
DEFAULT_MAX_RETRIES = 2

logger = logging.getLogger("openai_chat")
_warned_hosts: set[str] = set()


def _frozen_map(value: Mapping[str, Any] | None) -> tuple[tuple[str, Any], ...]:
    return tuple((value or {}).items())


def coerce_timeout(value: float | httpx2.Timeout | None, name: str = "timeout") -> httpx2.Timeout:
    """A float (total seconds, connect capped at 5 s) or an httpx2.Timeout."""
    if isinstance(value, httpx2.Timeout):
        return value
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value <= 0:
        raise TypeError(f"{name} must be a positive number of seconds or an httpx2.Timeout, got {value!r}")
    return httpx2.Timeout(float(value), connect=min(float(value), 5.0))


def _check_base_url(url: str) -> str:
    if not isinstance(url, str) or not url.startswith(("http://", "https://")):
        raise ValueError(f"base_url must be an http:// or https:// URL, got {url!r}")
    parts = urlsplit(url)
    host = parts.hostname or ""
    if parts.scheme == "http" and host not in ("localhost", "127.0.0.1", "::1") and host not in _warned_hosts:
        _warned_hosts.add(host)
        logger.warning(
            "base_url %s uses plain http to a non-loopback host: the API key travels unencrypted", url
        )
    return url.rstrip("/")


@dataclasses.dataclass(frozen=True, slots=True, weakref_slot=True)
class ClientOptions:
    """Everything a client is configured with. Change it with ``client.with_options(...)``."""

    api_key: str | None = dataclasses.field(repr=False)
    base_url: str
    organization: str | None = None
    project: str | None = None
    # A factory, since a Timeout is not hashable; the default one is shared: nothing changes it.
    timeout: httpx2.Timeout = dataclasses.field(default_factory=lambda: DEFAULT_TIMEOUT)
    max_retries: int = DEFAULT_MAX_RETRIES
    default_headers: tuple[tuple[str, str], ...] = ()
    default_query: tuple[tuple[str, Any], ...] = ()
    model: str | None = None
    # Hooks for services that differ from the OpenAI API (see ``_azure.py``): an ``httpx2.Auth`` that
    # signs every request (called again on each retry), and the URL path for a call's
    # ``(method, path, body)``.
    auth: httpx2.Auth | None = dataclasses.field(default=None, repr=False)
    route: Callable[[str, str, Any], str] | None = dataclasses.field(default=None, repr=False)

    @classmethod
    def create(
        cls,
        *,
        api_key: str | None | Unset = UNSET,
        base_url: str | None | Unset = UNSET,
        organization: str | None | Unset = UNSET,
        project: str | None | Unset = UNSET,
        timeout: float | httpx2.Timeout | Unset = UNSET,
        max_retries: int | Unset = UNSET,
        default_headers: Mapping[str, str] | None | Unset = UNSET,
        default_query: Mapping[str, Any] | None | Unset = UNSET,
        model: str | None | Unset = UNSET,
    ) -> ClientOptions:
        """Options from arguments, falling back to the ``OPENAI_*`` environment variables."""
        env = os.environ
        for name, value in (("api_key", api_key), ("organization", organization), ("project", project)):
            if not isinstance(value, Unset):
                _check_header_value(name, value)
        if not isinstance(default_headers, Unset):
            check_headers("default_headers", default_headers)
        return cls(
            api_key=env.get("OPENAI_API_KEY") if isinstance(api_key, Unset) else api_key,
            base_url=_check_base_url(
                (env.get("OPENAI_BASE_URL") or DEFAULT_BASE_URL)
                if isinstance(base_url, Unset) or base_url is None
                else base_url
            ),
            organization=env.get("OPENAI_ORG_ID") if isinstance(organization, Unset) else organization,
            project=env.get("OPENAI_PROJECT_ID") if isinstance(project, Unset) else project,
            timeout=DEFAULT_TIMEOUT if isinstance(timeout, Unset) else coerce_timeout(timeout),
            max_retries=DEFAULT_MAX_RETRIES
            if isinstance(max_retries, Unset)
            else _check_retries(max_retries),
            default_headers=() if isinstance(default_headers, Unset) else _frozen_map(default_headers),
            default_query=() if isinstance(default_query, Unset) else _frozen_map(default_query),
            model=None if isinstance(model, Unset) else model,
        )

    def evolve(self, **changes: Any) -> ClientOptions:
        """A copy with ``changes`` applied (arguments as for :meth:`create`; UNSET leaves a field)."""
        given = {k: v for k, v in changes.items() if not isinstance(v, Unset)}
        for name in ("api_key", "organization", "project"):
            if name in given:
                _check_header_value(name, given[name])
        if "default_headers" in given:
            check_headers("default_headers", given["default_headers"])
        if "base_url" in given:
            given["base_url"] = _check_base_url(given["base_url"])
        if "timeout" in given:
            given["timeout"] = coerce_timeout(given["timeout"])
        if "max_retries" in given:
            given["max_retries"] = _check_retries(given["max_retries"])
        for key in ("default_headers", "default_query"):
            if key in given:
                given[key] = _frozen_map({**dict(getattr(self, key)), **(given[key] or {})})
        return dataclasses.replace(self, **given)

    def headers(self) -> dict[str, str]:
        """The headers every request carries (the key included; never logged)."""
        headers = {"Accept": "application/json"}
        if self.api_key:
            headers["Authorization"] = f"Bearer {self.api_key}"
        if self.organization:
            headers["OpenAI-Organization"] = self.organization
        if self.project:
            headers["OpenAI-Project"] = self.project
        headers.update(self.default_headers)
        return headers


def _check_header_value(name: str, value: Any) -> None:
    """Header values must be ASCII text; the message never echoes the value (it may be a key)."""
    if value is None:
        return
    if not isinstance(value, str):
        raise TypeError(f"{name} must be a string, got {type(value).__name__}")
    if not value.isascii() or "\n" in value or "\r" in value:
        raise ValueError(f"{name} must be ASCII text on one line (it travels in an HTTP header)")


def check_headers(name: str, headers: Mapping[str, Any] | None) -> None:
    for key, value in (headers or {}).items():
        _check_header_value(f"{name}[{key!r}]", value)


def _check_retries(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise TypeError(f"max_retries must be an int >= 0, got {value!r}")
    return value
