# Generated from openapi.yaml by scripts/regenerate: do not edit; change the spec or codegen/ instead.
from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import (
    TYPE_CHECKING,
    Any,
    ClassVar,
    Literal,
    Self,
    TypeVar,
    overload,
)

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    GO_ZERO_TIME,
    Unset,
    defaults_on_class,
    go_time,
    model_repr,
    parse_time,
    read_as_sent,
    zero_if_null,
)

if TYPE_CHECKING:
    from ..models.model_details import ModelDetails


T = TypeVar("T", bound="RunningModel")


@defaults_on_class
@_attrs_define(slots=False)
class RunningModel:
    """One model loaded in memory. `name` is not required because the documentation has shown
    entries without it; servers send it.

    """

    name: str = _attrs_field(default="", kw_only=True)
    model: str = _attrs_field(default="", kw_only=True)
    size: int = _attrs_field(default=0, kw_only=True)
    digest: str = _attrs_field(default="", kw_only=True)
    details: ModelDetails = _attrs_field(factory=lambda: ModelDetails(), kw_only=True)
    expires_at: datetime.datetime = _attrs_field(default=GO_ZERO_TIME, kw_only=True)
    """ An RFC 3339 date-time with 0 to 9 fractional digits, in UTC (`Z`) or with an offset.
     """
    size_vram: int = _attrs_field(default=0, kw_only=True)
    """ Bytes held in GPU memory; 0 on a machine without a GPU. """
    context_length: int = _attrs_field(default=0, kw_only=True)
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    _wire_times: ClassVar[tuple[str, ...]] = ("expires_at",)

    def __repr__(self) -> str:
        """The fields that are set; unset ones are left out."""
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        """The JSON object. Read from JSON, it is what was read (a field that was left out stays
        out, though it reads as its zero value); built here, it is what Go writes (a field Go
        leaves out at its zero value is left out)."""
        given = self.__dict__
        absent = (
            [key for name, key in _ZERO if name not in given]
            if "_from_wire" in given
            else ()
        )
        field_dict = self._to_dict()
        for key in absent:
            del field_dict[key]
        return field_dict

    def _to_dict(self) -> dict[str, Any]:
        name = self.name

        model = self.model

        size = self.size

        digest = self.digest

        details = self.details.to_dict()

        expires_at = go_time(self.expires_at)

        size_vram = self.size_vram

        context_length = self.context_length

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "model": model,
                "size": size,
                "digest": digest,
                "details": details,
                "expires_at": expires_at,
                "size_vram": size_vram,
                "context_length": context_length,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build from a parsed JSON object (fast when every key is a field; see _from_dict)."""
        if _KEYS.issuperset(src_dict):
            state: dict[str, Any] = dict(src_dict)
            if "details" in state:
                details = ModelDetails.from_dict(state.pop("details"))

                state["details"] = details
            state["additional_properties"] = {}
            state["_from_wire"] = True  # to_dict writes back what was sent
            made = object.__new__(cls)
            made.__dict__ = (
                state  # the fields not given read their defaults from the class
            )
            return made
        if True:
            known = cls.from_dict(
                {key: value for key, value in src_dict.items() if key in _KEYS}
            )
            known.additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KEYS
            }
            return known
        return cls._from_dict(src_dict)

    @classmethod
    def _from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.model_details import ModelDetails

        d = dict(src_dict)
        name = zero_if_null(d.pop("name", None), "")

        model = zero_if_null(d.pop("model", None), "")

        size = zero_if_null(d.pop("size", None), 0)

        digest = zero_if_null(d.pop("digest", None), "")

        details = ModelDetails.from_dict(zero_if_null(d.pop("details", None), {}))

        expires_at = parse_time(
            zero_if_null(d.pop("expires_at", None), "0001-01-01T00:00:00Z")
        )

        size_vram = zero_if_null(d.pop("size_vram", None), 0)

        context_length = zero_if_null(d.pop("context_length", None), 0)

        running_model = cls(
            name=name,
            model=model,
            size=size,
            digest=digest,
            details=details,
            expires_at=expires_at,
            size_vram=size_vram,
            context_length=context_length,
        )

        running_model.additional_properties = d
        read_as_sent(running_model, src_dict, _ZERO)
        return running_model

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    _wire_names: ClassVar[dict[str, str]] = {
        "name": "name",
        "model": "model",
        "size": "size",
        "digest": "digest",
        "details": "details",
        "expires_at": "expires_at",
        "size_vram": "size_vram",
        "context_length": "context_length",
    }

    @overload
    def __getitem__(self, key: Literal["name"]) -> str: ...
    @overload
    def __getitem__(self, key: Literal["model"]) -> str: ...
    @overload
    def __getitem__(self, key: Literal["size"]) -> int: ...
    @overload
    def __getitem__(self, key: Literal["digest"]) -> str: ...
    @overload
    def __getitem__(self, key: Literal["details"]) -> ModelDetails: ...
    @overload
    def __getitem__(self, key: Literal["expires_at"]) -> datetime.datetime: ...
    @overload
    def __getitem__(self, key: Literal["size_vram"]) -> int: ...
    @overload
    def __getitem__(self, key: Literal["context_length"]) -> int: ...
    @overload
    def __getitem__(self, key: str) -> Any: ...
    def __getitem__(self, key: str) -> Any:
        """The value of a property by its JSON name; KeyError when it is unset."""
        name = self._wire_names.get(key)
        if name is None:
            return self.additional_properties[key]
        if not self._has(name):
            raise KeyError(key)
        return getattr(self, name)

    def __setitem__(self, key: str, value: Any) -> None:
        name = self._wire_names.get(key)
        if name is not None:
            setattr(self, name, value)
        else:
            self.additional_properties[key] = value

    def __contains__(self, key: object) -> bool:
        name = self._wire_names.get(key) if isinstance(key, str) else None
        if name is None:
            return key in self.additional_properties
        return self._has(name)

    def _has(self, name: str) -> bool:
        """Whether a field is there as the JSON has it: sent, for a model read from JSON (a field
        not sent reads as its zero value, but is not there); set and not left out by Go at its
        zero value, for one built here (what `to_dict()` writes)."""
        state = self.__dict__
        if "_from_wire" in state and name not in state:
            return False
        value = getattr(self, name)
        if isinstance(value, Unset):
            return False
        return (
            bool(value)
            or "_from_wire" in state
            or name not in getattr(self, "_omit_zero", ())
        )

    def get(self, key: str, default: Any = None) -> Any:
        """The value of a property by its JSON name, or `default` when it is unset."""
        try:
            return self[key]
        except KeyError:
            return default

    def keys(self) -> list[str]:
        """The JSON names of the properties that are set, so `dict(model)` and `{**model}` work."""
        return [key for key in self._wire_names if key in self] + list(
            self.additional_properties
        )


_KEYS: frozenset[str] = frozenset(
    (
        "name",
        "model",
        "size",
        "digest",
        "details",
        "expires_at",
        "size_vram",
        "context_length",
    )
)
_ZERO: tuple[tuple[str, str], ...] = (
    ("name", "name"),
    ("model", "model"),
    ("size", "size"),
    ("digest", "digest"),
    ("details", "details"),
    ("expires_at", "expires_at"),
    ("size_vram", "size_vram"),
    ("context_length", "context_length"),
)

from ..models.model_details import ModelDetails
