"""Azure OpenAI: :class:`AzureClient` and :class:`AsyncAzureClient`, the plain clients on Azure's URLs.

Azure serves each model under a deployment name, versions its API with a query parameter and takes
its own credentials::

    POST {azure_endpoint}/openai/deployments/{deployment}/chat/completions?api-version=...
    GET  {azure_endpoint}/openai/chat/completions/{id}?api-version=...        (stored completions)
    api-key: <key>            or        Authorization: Bearer <Azure AD token>

Everything else (bodies, retries, streams, errors, results) is the plain clients' code: the classes below
only build :class:`ClientOptions` with ``base_url``, an ``api-version`` default query and two hooks,
:class:`AzureRoute` (the path) and :class:`AzureAuth` (the credential, applied to every request).
"""

from __future__ import annotations

import dataclasses
import inspect
import os
from collections.abc import Awaitable, Callable, Generator, Mapping
from typing import Any, TypedDict, TypeVar, Unpack
from urllib.parse import quote

import httpx2
from openai_chat_api.types import UNSET, Unset

from ._async.client import AsyncClient
from ._options import ClientOptions, _check_header_value
from ._sync.client import Client

__all__ = ["AzureClient", "AsyncAzureClient", "AzureSettings", "AzureAuth", "AzureRoute"]

TokenProvider = Callable[[], str]
AsyncTokenProvider = Callable[[], "str | Awaitable[str]"]  # sync or async


class AzureSettings(TypedDict, total=False):
    """The keyword arguments both Azure clients take (besides ``http_client`` and the token provider)."""

    azure_endpoint: str | None  # else AZURE_OPENAI_ENDPOINT
    azure_deployment: str | None  # else each call's model picks the deployment
    api_version: str | None  # else OPENAI_API_VERSION
    api_key: str | None  # else AZURE_OPENAI_API_KEY (when no token is given)
    azure_ad_token: str | None
    timeout: float | httpx2.Timeout
    max_retries: int
    default_headers: Mapping[str, str] | None
    default_query: Mapping[str, Any] | None
    model: str | None  # the default model; azure_deployment when not given


class AzureAuth(httpx2.Auth):
    """Puts the credential on each request: an ``api-key`` header, or a bearer token.

    A token provider is called for every request, retries included, so it can hand out a fresh token.
    Neither the key nor a token shows in a repr.
    """

    def __init__(
        self,
        *,
        api_key: str | None = None,
        token: str | None = None,
        token_provider: AsyncTokenProvider | None = None,
    ) -> None:
        self._api_key = api_key
        self._token = token
        self._provider = token_provider

    def sync_auth_flow(self, request: httpx2.Request) -> Generator[httpx2.Request, httpx2.Response, None]:
        token: object = self._token
        if self._provider is not None:
            token = self._provider()
            if inspect.isawaitable(token):
                getattr(token, "close", lambda: None)()  # never awaited: close it without a warning
                raise TypeError(
                    "azure_ad_token_provider returned an awaitable; use AsyncAzureClient for an async provider"
                )
        self._sign(request, token)
        yield request

    async def async_auth_flow(self, request: httpx2.Request) -> Any:
        token: Any = self._token
        if self._provider is not None:
            token = self._provider()
            if inspect.isawaitable(token):
                token = await token
        self._sign(request, token)
        yield request

    def _sign(self, request: httpx2.Request, token: object) -> None:
        if self._provider is not None:
            if not isinstance(token, str) or not token:
                raise TypeError(
                    f"azure_ad_token_provider must return a non-empty str, got {type(token).__name__}"
                )
            _check_header_value("the token from azure_ad_token_provider", token)
        if token is not None:
            request.headers["Authorization"] = f"Bearer {token}"
        else:
            request.headers["api-key"] = self._api_key or ""

    def __repr__(self) -> str:
        kind = "token provider" if self._provider else "token" if self._token else "api key"
        return f"<AzureAuth: {kind}>"


@dataclasses.dataclass(frozen=True, slots=True, weakref_slot=True)
class AzureRoute:
    """Azure's path for a call: a create goes to a deployment, the default one or else the call's model."""

    deployment: str | None = None

    def __call__(self, method: str, path: str, body: Any) -> str:
        if method != "POST" or path != "/chat/completions":
            return path  # stored completions keep their paths below {endpoint}/openai
        deployment = self.deployment
        if deployment is None:
            deployment = body.get("model") if isinstance(body, dict) else None
            if not isinstance(deployment, str) or not deployment:
                raise ValueError(
                    "azure_deployment is required: create the client with azure_deployment=... or pass model=..."
                )
        return f"/deployments/{quote(deployment, safe='')}/chat/completions"


# -- options: pure, shared by both clients ------------------------------------------------------------------


def _setting(name: str, value: Any, env: str | None) -> str | None:
    if value is None and env is not None:
        value = os.environ.get(env) or None
    if value is not None and (not isinstance(value, str) or not value):
        got = "an empty str" if value == "" else type(value).__name__  # never the value: it may be a key
        raise TypeError(f"{name} must be a non-empty str, got {got}")
    return value


def _required(name: str, value: Any, env: str, example: str) -> str:
    found = _setting(name, value, env)
    if found is None:
        raise ValueError(f"{name} is required: pass {name}={example} or set {env}")
    return found


def _auth(where: str, settings: Mapping[str, Any], provider: Any, *, sync: bool) -> AzureAuth:
    """The credential from the arguments (a token wins over the environment's key; two tokens is an error)."""
    token = settings.get("azure_ad_token")
    if provider is not None:
        if token is not None:
            raise ValueError("pass azure_ad_token or azure_ad_token_provider, not both")
        if not callable(provider):
            raise TypeError(f"azure_ad_token_provider must be a callable, got {type(provider).__name__}")
        if sync and inspect.iscoroutinefunction(provider):
            raise TypeError(f"{where} needs a sync azure_ad_token_provider; use AsyncAzureClient for async")
    if provider is not None or token is not None:
        if settings.get("api_key") is not None:
            raise ValueError("pass api_key or an Azure AD token (azure_ad_token[_provider]), not both")
        _check_header_value("azure_ad_token", _setting("azure_ad_token", token, None))
        return AzureAuth(token=token, token_provider=provider)
    key = _setting("api_key", settings.get("api_key"), "AZURE_OPENAI_API_KEY")
    if key is None:
        raise ValueError(
            f"{where} needs a credential: pass api_key=... (or set AZURE_OPENAI_API_KEY), "
            "azure_ad_token=... or azure_ad_token_provider=..."
        )
    _check_header_value("api_key", key)
    return AzureAuth(api_key=key)


def _base_url(endpoint: str) -> str:
    if not endpoint.startswith(("http://", "https://")):
        raise ValueError(f"azure_endpoint must be an http:// or https:// URL, got {endpoint!r}")
    return endpoint.rstrip("/") + "/openai"


def azure_options(where: str, settings: Mapping[str, Any], provider: Any, *, sync: bool) -> ClientOptions:
    """The options of an Azure client: arguments first, then the environment; an error names what is missing."""
    endpoint = _required(
        "azure_endpoint",
        settings.get("azure_endpoint"),
        "AZURE_OPENAI_ENDPOINT",
        "'https://<resource>.openai.azure.com'",
    )
    version = _required("api_version", settings.get("api_version"), "OPENAI_API_VERSION", "'2024-10-21'")
    deployment = _setting("azure_deployment", settings.get("azure_deployment"), None)
    auth = _auth(where, settings, provider, sync=sync)
    model = settings.get("model", UNSET)
    options = ClientOptions.create(
        api_key=None,  # the key travels as api-key (AzureAuth), never as a bearer token
        base_url=_base_url(endpoint),
        organization=None,
        project=None,
        timeout=settings.get("timeout", UNSET),
        max_retries=settings.get("max_retries", UNSET),
        default_headers=settings.get("default_headers", UNSET),
        default_query={**(settings.get("default_query") or {}), "api-version": version},
        model=deployment if isinstance(model, Unset) or model is None else model,
    )
    return dataclasses.replace(options, auth=auth, route=AzureRoute(deployment))


_CREDENTIALS = ("api_key", "azure_ad_token", "azure_ad_token_provider")


def azure_evolve(where: str, options: ClientOptions, changes: dict[str, Any], *, sync: bool) -> ClientOptions:
    """``options`` with ``changes`` (the plain options, or any Azure setting) applied."""
    changes = {k: v for k, v in changes.items() if not isinstance(v, Unset)}
    for name in ("organization", "project", "base_url"):
        if name in changes:
            raise TypeError(f"{where}.with_options() does not take {name!r} (Azure has no such setting)")
    evolved: dict[str, Any] = {}
    if any(name in changes for name in _CREDENTIALS):
        credentials = {name: changes.pop(name) for name in _CREDENTIALS if name in changes}
        provider = credentials.pop("azure_ad_token_provider", None)
        evolved["auth"] = _auth(where, credentials, provider, sync=sync)
    if "api_version" in changes:
        version = _required("api_version", changes.pop("api_version"), "OPENAI_API_VERSION", "'2024-10-21'")
        changes["default_query"] = {**(changes.get("default_query") or {}), "api-version": version}
    if "azure_endpoint" in changes:
        endpoint = _required(
            "azure_endpoint", changes.pop("azure_endpoint"), "AZURE_OPENAI_ENDPOINT", "'https://…'"
        )
        evolved["base_url"] = _base_url(endpoint)
    if "azure_deployment" in changes:
        deployment = _setting("azure_deployment", changes.pop("azure_deployment"), None)
        route = options.route
        if "model" not in changes and isinstance(route, AzureRoute) and options.model == route.deployment:
            changes["model"] = deployment  # the default model followed the deployment: keep it so
        evolved["route"] = AzureRoute(deployment)
    options = options.evolve(**changes)
    return options.evolve(**evolved) if evolved else options


def _repr(name: str, options: ClientOptions) -> str:
    route = options.route
    deployment = route.deployment if isinstance(route, AzureRoute) else None
    endpoint = options.base_url.removesuffix("/openai")
    version = dict(options.default_query).get("api-version")
    return (
        f"{name}(azure_endpoint={endpoint!r}, azure_deployment={deployment!r}, api_version={version!r}, "
        f"model={options.model!r}, max_retries={options.max_retries})"
    )


# -- the clients ------------------------------------------------------------------------------------------

_Self = TypeVar("_Self", bound="_AzureMixin")


class AzureChanges(TypedDict, total=False):
    """What ``with_options`` of an Azure client takes: the plain clients' options (``organization``,
    ``project`` and ``base_url`` are refused: Azure has none) and the Azure settings."""

    api_key: str | None | Unset
    base_url: str | None | Unset
    organization: str | None | Unset
    project: str | None | Unset
    timeout: float | httpx2.Timeout | Unset
    max_retries: int | Unset
    default_headers: Mapping[str, str] | None | Unset
    default_query: Mapping[str, Any] | None | Unset
    model: str | None | Unset
    azure_endpoint: str | None
    azure_deployment: str | None
    api_version: str | None
    azure_ad_token: str | None
    azure_ad_token_provider: AsyncTokenProvider | None


class _AzureMixin:
    """What both Azure clients add to their plain base: Azure-aware ``with_options`` and ``repr``."""

    _options: ClientOptions
    _http: Any
    _pool_options: ClientOptions | None

    def with_options(self: _Self, **changes: Unpack[AzureChanges]) -> _Self:
        """A copy with other options (plain or Azure ones) that shares this client's connection pool."""
        copy = object.__new__(type(self))
        options = azure_evolve(
            type(self).__name__, self._options, dict(changes), sync=isinstance(self, Client)
        )
        copy._setup(options, self._http, pool_options=self._pool_options, owns_http=False)  # type: ignore[attr-defined]
        return copy

    def __repr__(self) -> str:
        return _repr(type(self).__name__, self._options)


class AzureClient(_AzureMixin, Client):
    """A :class:`Client` for Azure OpenAI; ``azure_deployment`` (else each call's ``model``) names the deployment.

    >>> with AzureClient(azure_endpoint="https://my-resource.openai.azure.com",   # doctest: +SKIP
    ...                  azure_deployment="gpt-4o-mini", api_version="2024-10-21", api_key="...") as client:
    ...     print(client.chat.create(messages="Say hi").text)
    """

    def __init__(
        self,
        *,
        azure_ad_token_provider: TokenProvider | None = None,
        http_client: httpx2.Client | None = None,
        **settings: Unpack[AzureSettings],
    ) -> None:
        options = azure_options("AzureClient", settings, azure_ad_token_provider, sync=True)
        self._start(options, http_client)

    def __enter__(self) -> AzureClient:
        return self


class AsyncAzureClient(_AzureMixin, AsyncClient):
    """The async twin of :class:`AzureClient`; its token provider may be sync or async.

    >>> async with AsyncAzureClient(azure_deployment="gpt-4o-mini") as client:  # doctest: +SKIP
    ...     print((await client.chat.create(messages="Say hi")).text)
    """

    def __init__(
        self,
        *,
        azure_ad_token_provider: AsyncTokenProvider | None = None,
        http_client: httpx2.AsyncClient | None = None,
        **settings: Unpack[AzureSettings],
    ) -> None:
        options = azure_options("AsyncAzureClient", settings, azure_ad_token_provider, sync=False)
        self._start(options, http_client)

    async def __aenter__(self) -> AsyncAzureClient:
        return self
