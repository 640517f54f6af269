# Generated from openapi.yaml by scripts/regenerate: do not edit; change the spec or codegen/ instead.
"""Types shared by the generated models and functions: the UNSET marker, files, responses.

This package's own version of openapi-python-client's `types.py` (codegen/templates/types.py.jinja):
the same names, plus a readable UNSET and the models' repr, which leaves unset fields out.
"""

from collections.abc import Mapping, MutableMapping
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
    """`Name(field=value, ...)` with the fields that are set: an UNSET field, or an empty
    `additional_properties`, says nothing and is left out."""
    parts = []
    for field in fields(type(model)):
        value = getattr(model, field.name)
        if value is UNSET or (field.name == "additional_properties" and not value):
            continue
        parts.append(f"{field.name}={value!r}")
    return f"{type(model).__name__}({', '.join(parts)})"


_C = TypeVar("_C", bound=type)


def defaults_on_class(cls: _C) -> _C:
    """Put each field's default back on an attrs class without slots (attrs removes them), so that
    an instance whose `__dict__` holds only the fields it was given (the generated `from_dict`
    builds them so) reads the others from the class. Factory defaults stay per instance."""
    for field in fields(cls):
        # attrs' stubs type Factory as a function; at run time it is the class of factory defaults.
        if field.default is not NOTHING and not isinstance(field.default, Factory):  # type: ignore[arg-type]
            setattr(cls, field.name, field.default)
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
    "UNSET",
    "File",
    "FileTypes",
    "RequestFiles",
    "Response",
    "Unset",
    "defaults_on_class",
    "model_repr",
]
