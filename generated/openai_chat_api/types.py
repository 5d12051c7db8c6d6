"""Contains some shared types for properties"""

from collections.abc import Callable, Mapping, MutableMapping
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


class Pending:
    """What a lazy field of a result holds until it is first read (see ``from_dict(..., lazy=True)``).

    There is exactly one, ``PENDING``; copying and pickling give it back. Reading the field never returns it.
    """

    __slots__ = ()
    _instance: ClassVar["Pending | None"] = None

    def __new__(cls) -> "Pending":
        instance = Pending._instance
        if instance is None:
            instance = Pending._instance = super().__new__(cls)
        return instance

    def __repr__(self) -> str:
        return "PENDING"

    def __copy__(self) -> "Pending":
        return self

    def __deepcopy__(self, memo: dict[int, Any]) -> "Pending":
        return self

    def __reduce__(self) -> str:
        return "PENDING"


PENDING: Any = Pending()

# What reading a nested object may raise when its JSON does not have the shape the document describes.
SHAPE_ERRORS = (KeyError, TypeError, ValueError, AttributeError)


class LazyFields:
    """The part of a result model whose nested objects can be read on first use.

    A subclass can say what a malformed nested object raises (:meth:`_shape_error`) and do more with a
    field once read (:meth:`_load`).
    """

    __slots__ = ()
    _src: dict[str, Any]

    def _load(self, wire: str, read: Callable[[Any], Any]) -> Any:
        """The field ``wire`` read from the kept JSON."""
        try:
            return read(self._src.get(wire))
        except SHAPE_ERRORS as exc:
            raise self._shape_error(wire, exc) from exc

    def _shape_error(self, wire: str, exc: Exception) -> Exception:
        return ValueError(
            f"{type(self).__name__}.{wire} does not match the API's schema: {type(exc).__name__}: {exc}"
        )


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
    for name in getattr(
        type(model), "_repr_extra", ()
    ):  # what a subclass adds, shown when it holds a value
        value = getattr(model, name, None)
        if value is not None:
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
    "PENDING",
    "SHAPE_ERRORS",
    "UNSET",
    "File",
    "FileTypes",
    "LazyFields",
    "Pending",
    "RequestFiles",
    "Response",
    "Unset",
    "model_repr",
    "status_code_of",
]
