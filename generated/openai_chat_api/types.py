"""Contains some shared types for properties"""

from collections.abc import Mapping, MutableMapping
from http import HTTPStatus
from typing import IO, Any, BinaryIO, ClassVar, Generic, Literal, TypeVar


class Unset:
    """The "not given" marker of request fields: a field left at ``UNSET`` is not sent at all.

    There is exactly one, ``UNSET``: constructing, copying, deep-copying and pickling all give it back, so
    ``value is UNSET`` holds for data that went through a cache, a task queue or ``copy.deepcopy``.
    Results never hold it (an absent response field is ``None``).
    """

    __slots__ = ()
    _instance: ClassVar["Unset | None"] = None

    def __new__(cls) -> "Unset":
        instance = Unset._instance
        if instance is None:
            instance = Unset._instance = super().__new__(cls)
        return instance

    def __bool__(self) -> Literal[False]:
        return False

    def __repr__(self) -> str:
        return "UNSET"

    def __copy__(self) -> "Unset":
        return self

    def __deepcopy__(self, memo: dict[int, Any]) -> "Unset":
        return self

    def __reduce__(self) -> str:
        # Pickled as a reference to the module's UNSET, so unpickling gives back the same object.
        return "UNSET"


UNSET: Unset = Unset()

# The types that `httpx2.Client(files=)` can accept, copied from that library.
FileContent = IO[bytes] | bytes | str
FileTypes = (
    # (filename, file (or bytes), content_type)
    tuple[str | None, FileContent, str | None]
    # (filename, file (or bytes), content_type, headers)
    | tuple[str | None, FileContent, str | None, Mapping[str, str]]
)
RequestFiles = list[tuple[str, FileTypes]]


class File:
    """Contains information for file uploads"""

    __slots__ = ("payload", "file_name", "mime_type")

    def __init__(
        self,
        payload: BinaryIO,
        file_name: str | None = None,
        mime_type: str | None = None,
    ) -> None:
        self.payload = payload
        self.file_name = file_name
        self.mime_type = mime_type

    def __repr__(self) -> str:
        return f"File(payload={self.payload!r}, file_name={self.file_name!r}, mime_type={self.mime_type!r})"

    def to_tuple(self) -> FileTypes:
        """Return a tuple representation that httpx2 will accept for multipart/form-data"""
        return self.file_name, self.payload, self.mime_type


def model_repr(model: Any) -> str:
    """``Name(field=value, ...)`` without the fields left ``UNSET`` and without empty unknown fields."""
    parts = []
    for name in type(model).__match_args__:
        value = getattr(model, name)
        if value is not UNSET:
            parts.append(f"{name}={value!r}")
    extra = getattr(model, "additional_properties", None)
    if extra:
        parts.append(f"additional_properties={extra!r}")
    return f"{type(model).__name__}({', '.join(parts)})"


def status_code_of(code: int) -> HTTPStatus | int:
    """The status as an ``HTTPStatus`` when it is a registered one, else the plain number (e.g. 520)."""
    try:
        return HTTPStatus(code)
    except ValueError:
        return code


T = TypeVar("T")


class Response(Generic[T]):
    """A response from an endpoint.

    ``parsed`` is None when the status is not one the document describes or the body does not match the
    document (an HTML error page, another server's error shape); ``content`` and ``headers`` are always
    the server's own. ``status_code`` is an ``HTTPStatus``, or a plain ``int`` for unregistered codes.
    """

    __slots__ = ("status_code", "content", "headers", "parsed")
    __match_args__ = ("status_code", "content", "headers", "parsed")

    status_code: HTTPStatus | int
    content: bytes
    headers: MutableMapping[str, str]
    parsed: T | None

    def __init__(
        self,
        status_code: HTTPStatus | int,
        content: bytes,
        headers: MutableMapping[str, str],
        parsed: T | None,
    ) -> None:
        self.status_code = status_code
        self.content = content
        self.headers = headers
        self.parsed = parsed

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Response):
            return NotImplemented
        return (self.status_code, self.content, self.headers, self.parsed) == (
            other.status_code,
            other.content,
            other.headers,
            other.parsed,
        )

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return (
            f"Response(status_code={self.status_code!r}, content={self.content!r}, "
            f"headers={self.headers!r}, parsed={self.parsed!r})"
        )


__all__ = [
    "UNSET",
    "File",
    "FileTypes",
    "RequestFiles",
    "Response",
    "Unset",
    "model_repr",
    "status_code_of",
]
