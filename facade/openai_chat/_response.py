"""What a result knows of the HTTP response it came in: status, headers and retries. No I/O.

Every result of a client call carries one as ``.http`` (completions, deletions, list pages, streams)::

    completion = client.chat.create(messages="Hi")
    completion.http.headers["x-ratelimit-remaining-requests"]   # '9999'
    completion.http.retries                                      # 0: the first answer was the one
"""

from __future__ import annotations

import dataclasses

import httpx2

__all__ = ["ResponseInfo", "Received"]


@dataclasses.dataclass(frozen=True, slots=True, weakref_slot=True)
class ResponseInfo:
    """The HTTP response a result came in: ``status_code``, ``headers`` (case-insensitive), ``retries``.

    ``retries`` counts the requests sent again before this answer (after a connection error or a
    retryable status); ``request_id`` is the ``x-request-id`` header.

    >>> info = ResponseInfo(200, httpx2.Headers({"x-request-id": "req_1", "openai-processing-ms": "120"}))
    >>> info.request_id, info.headers["OpenAI-Processing-Ms"], info.retries
    ('req_1', '120', 0)
    """

    status_code: int
    headers: httpx2.Headers = dataclasses.field(repr=False)
    retries: int = 0

    @property
    def request_id(self) -> str | None:
        """The ``x-request-id`` header, which the API's support asks for."""
        return self.headers.get("x-request-id")

    @classmethod
    def of(cls, response: httpx2.Response, retries: int = 0) -> ResponseInfo:
        """The info of an httpx2 response (its headers are kept, not copied)."""
        return cls(response.status_code, response.headers, retries)


class Received:
    """Results that came in an HTTP response: ``result.http`` is its :class:`ResponseInfo`.

    The response is set on the result after it is parsed; it is not compared, not shown in the repr, and
    is pickled with the result. A result built from data has none.
    """

    __slots__ = ()
    _http: ResponseInfo | None = None

    @property
    def http(self) -> ResponseInfo:
        """The HTTP response this result came in (status, headers, retries, request id)."""
        info = self._http
        if info is None:
            raise AttributeError(
                f"this {type(self).__name__} was not received from a server (it was built from data), "
                "so it has no HTTP response"
            )
        return info
