# Generated from openapi.yaml by scripts/regenerate: do not edit; change the spec or codegen/ instead.
"""Types shared by the generated models and functions: the UNSET marker, files, responses.

This package's own version of openapi-python-client's `types.py` (codegen/templates/types.py.jinja):
the same names, plus a readable UNSET, the models' repr, which leaves unset fields out, and what
the models need to read answers as Go writes them: timestamps read lazily as `datetime`, and the
zero values of the fields a server leaves out.
"""

import datetime
from collections.abc import Callable, Mapping, MutableMapping
from http import HTTPStatus
from typing import IO, Any, BinaryIO, Generic, Literal, TypeVar

from attrs import NOTHING, Factory, define, fields


class Unset:
    """The value of a field that is absent from the JSON (not `null`: that is None). Falsy."""

    __slots__ = ()

    def __bool__(self) -> Literal[False]:
        return False

    def __repr__(self) -> str:
        return "UNSET"

    def __copy__(self) -> "Unset":
        return self

    def __deepcopy__(self, memo: dict[int, Any]) -> "Unset":
        return self

    def __reduce__(self) -> str:
        return "UNSET"  # unpickles as this module's UNSET, the one instance


UNSET: Unset = Unset()


def model_repr(model: Any) -> str:
    """`Name(field=value, ...)` with the fields that say something: an UNSET field, a field that
    Go leaves out at its zero value and holds it (`_omit_zero`), or an empty
    `additional_properties`, is left out, so an answer prints what the server sent."""
    quiet: frozenset[str] = getattr(model, "_omit_zero", frozenset())
    parts = []
    for field in fields(type(model)):
        value = getattr(model, field.name)
        if value is UNSET or (
            not value and (field.name in quiet or field.name == "additional_properties")
        ):
            continue
        parts.append(f"{field.name}={value!r}")
    return f"{type(model).__name__}({', '.join(parts)})"


class WireTime(datetime.datetime):
    """A timestamp read from an answer: a `datetime` (to the microsecond) that keeps the RFC 3339
    text it was read from, so that `to_dict()` writes back every digit the server sent (Go sends
    nanoseconds). Arithmetic and `replace()` give times without the text, written afresh."""

    __slots__ = ("text",)
    text: str

    def __repr__(self) -> str:
        return repr(datetime.datetime.combine(self.date(), self.timetz(), self.tzinfo))

    def __reduce_ex__(self, protocol: Any) -> Any:  # datetime's own would drop the text
        return parse_time, (go_time(self),)


GO_ZERO_TIME = WireTime(1, 1, 1, tzinfo=datetime.UTC)
"""Go's zero `time.Time`, `0001-01-01T00:00:00Z`: what an absent timestamp reads as."""
GO_ZERO_TIME.text = "0001-01-01T00:00:00Z"


def zero_if_null(value: Any, zero: Any) -> Any:
    """A field's value as read, or its zero value where it was left out or sent as `null` (older
    servers wrote `null` for an empty list); for the generated `_from_dict`."""
    return zero if value is None else value


def read_as_sent(
    made: Any, src: Mapping[str, Any], zero: tuple[tuple[str, str], ...]
) -> None:
    """Make a model built by `__init__` from JSON (the generated `_from_dict`) hold what the fast
    `from_dict` holds: the fields that were sent. The others read their zero value from the class
    and stay out of `to_dict()`."""
    state = made.__dict__
    for name, key in zero:
        if src.get(key) is None:
            del state[name]
    state["_from_wire"] = True


def parse_time(text: str) -> datetime.datetime:
    """An RFC 3339 timestamp as Go writes it (0 to 9 fractional digits, `Z` or an offset) as a
    `datetime`; digits past the microsecond are kept in the text only."""
    try:
        made = WireTime.fromisoformat(text)
    except (TypeError, ValueError):
        raise ValueError(f"{text!r} is not an RFC 3339 timestamp") from None
    made.text = text
    return made


def go_time(value: datetime.datetime | str) -> str:
    """The RFC 3339 text of a timestamp: the text it was read from, else Go's RFC3339Nano layout
    (trailing zeros of the fraction trimmed, `Z` for UTC; a naive time is taken as UTC)."""
    if isinstance(value, str):
        return value
    text: str | None = getattr(value, "text", None)
    if text is not None:
        return text
    if value.tzinfo is None:
        value = value.replace(tzinfo=datetime.UTC)
    out = value.strftime("%Y-%m-%dT%H:%M:%S")
    if value.microsecond:
        out += f".{value.microsecond:06d}".rstrip("0")
    offset = value.utcoffset() or datetime.timedelta(0)
    if not offset:
        return out + "Z"
    minutes = int(offset.total_seconds()) // 60
    sign = "+" if minutes >= 0 else "-"
    return f"{out}{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


class _Time:
    """A timestamp field: the wire text stays in the instance until the field is first read, then
    becomes a `datetime` (a stream's 20,000 chunks parse no `created_at` that nobody reads)."""

    __slots__ = ("default", "name")

    def __init__(self, name: str, default: Any) -> None:
        self.name = name
        self.default = default

    def __get__(self, obj: Any, owner: type | None = None) -> Any:
        if obj is None:
            return self.default
        value = obj.__dict__.get(self.name, self.default)
        if type(value) is str:
            try:
                value = obj.__dict__[self.name] = parse_time(value)
            except (
                ValueError
            ) as error:  # only with validation off or warning: it was checked
                raise ValueError(f"{type(obj).__name__}.{self.name}: {error}") from None
        return value

    def __set__(self, obj: Any, value: Any) -> None:
        obj.__dict__[self.name] = value


class _Fresh:
    """A field whose default is made per instance (an empty list, map or model), made when the
    field is first read: an answer that left it out pays nothing until a program looks."""

    __slots__ = ("factory", "name")

    def __init__(self, name: str, factory: Callable[[], Any]) -> None:
        self.name = name
        self.factory = factory

    def __get__(self, obj: Any, owner: type | None = None) -> Any:
        if obj is None:
            return self
        value = obj.__dict__[self.name] = self.factory()
        return value


_C = TypeVar("_C", bound=type)


def defaults_on_class(cls: _C) -> _C:
    """Put each field's default back on an attrs class without slots (attrs removes them), so that
    an instance whose `__dict__` holds only the fields it was given (the generated `from_dict`
    builds them so) reads the others from the class: a plain default as a class attribute, a
    factory default (`_Fresh`) made on first read, and a timestamp (named in `_wire_times`) parsed
    on first read (`_Time`)."""
    times: tuple[str, ...] = getattr(cls, "_wire_times", ())
    for field in fields(cls):
        default = field.default
        if field.name in times:
            setattr(
                cls,
                field.name,
                _Time(field.name, UNSET if default is NOTHING else default),
            )
        # attrs' stubs type Factory as a function; at run time it is the class of factory defaults.
        elif isinstance(default, Factory):  # type: ignore[arg-type]
            if field.init:
                setattr(cls, field.name, _Fresh(field.name, default.factory))
        elif default is not NOTHING:
            setattr(cls, field.name, default)
    return cls


# What `httpx.Client(files=)` accepts.
FileContent = IO[bytes] | bytes | str
FileTypes = (
    # (filename, file or bytes, content type)
    tuple[str | None, FileContent, str | None]
    # (filename, file or bytes, content type, headers)
    | tuple[str | None, FileContent, str | None, Mapping[str, str]]
)
RequestFiles = list[tuple[str, FileTypes]]


@define
class File:
    """A file to upload in a multipart/form-data body."""

    payload: BinaryIO
    file_name: str | None = None
    mime_type: str | None = None

    def to_tuple(self) -> FileTypes:
        """The tuple httpx takes for one multipart/form-data file."""
        return self.file_name, self.payload, self.mime_type


T = TypeVar("T")


@define
class Response(Generic[T]):
    """A response of a generated `*_detailed` function: its status, body, headers and parsed model."""

    status_code: HTTPStatus
    content: bytes
    headers: MutableMapping[str, str]
    parsed: T | None


__all__ = [
    "GO_ZERO_TIME",
    "UNSET",
    "File",
    "FileTypes",
    "RequestFiles",
    "Response",
    "Unset",
    "WireTime",
    "defaults_on_class",
    "go_time",
    "model_repr",
    "parse_time",
    "read_as_sent",
    "zero_if_null",
]
