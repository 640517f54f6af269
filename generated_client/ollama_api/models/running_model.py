# Generated from openapi.yaml by scripts/regenerate: do not edit; change the spec or codegen/ instead.
from __future__ import annotations

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

from ..types import UNSET, Unset, defaults_on_class, model_repr

if TYPE_CHECKING:
    from ..models.model_details import ModelDetails


T = TypeVar("T", bound="RunningModel")


@defaults_on_class
@_attrs_define(slots=False)
class RunningModel:
    """One model loaded in memory. `name` is not required because the documentation has shown
    entries without it; servers send it.

    """

    model: str
    size: int
    digest: str
    expires_at: str
    """ An RFC 3339 date-time with 0 to 9 fractional digits, in UTC (`Z`) or with an offset.
     """
    name: str | Unset = UNSET
    details: ModelDetails | Unset = UNSET
    size_vram: int | Unset = UNSET
    """ Bytes held in GPU memory; 0 on a machine without a GPU. """
    context_length: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        """The fields that are set; unset ones are left out."""
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        model = self.model

        size = self.size

        digest = self.digest

        expires_at = self.expires_at

        name = self.name

        details: dict[str, Any] | Unset = UNSET
        if not isinstance(self.details, Unset):
            details = self.details.to_dict()

        size_vram = self.size_vram

        context_length = self.context_length

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "model": model,
                "size": size,
                "digest": digest,
                "expires_at": expires_at,
            }
        )
        if name is not UNSET:
            field_dict["name"] = name
        if details is not UNSET:
            field_dict["details"] = details
        if size_vram is not UNSET:
            field_dict["size_vram"] = size_vram
        if context_length is not UNSET:
            field_dict["context_length"] = context_length

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build from a parsed JSON object (fast when every key is a field; see _from_dict)."""
        if (
            _KEYS.issuperset(src_dict)
            and "model" in src_dict
            and "size" in src_dict
            and "digest" in src_dict
            and "expires_at" in src_dict
        ):
            state: dict[str, Any] = dict(src_dict)
            if "details" in state:
                _details = state.pop("details")
                details: ModelDetails | Unset
                if isinstance(_details, Unset):
                    details = UNSET
                else:
                    details = ModelDetails.from_dict(_details)

                state["details"] = details
            state["additional_properties"] = {}
            made = object.__new__(cls)
            made.__dict__ = (
                state  # the fields not given read their defaults from the class
            )
            return made
        return cls._from_dict(src_dict)

    @classmethod
    def _from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.model_details import ModelDetails

        d = dict(src_dict)
        model = d.pop("model")

        size = d.pop("size")

        digest = d.pop("digest")

        expires_at = d.pop("expires_at")

        name = d.pop("name", UNSET)

        _details = d.pop("details", UNSET)
        details: ModelDetails | Unset
        if isinstance(_details, Unset):
            details = UNSET
        else:
            details = ModelDetails.from_dict(_details)

        size_vram = d.pop("size_vram", UNSET)

        context_length = d.pop("context_length", UNSET)

        running_model = cls(
            model=model,
            size=size,
            digest=digest,
            expires_at=expires_at,
            name=name,
            details=details,
            size_vram=size_vram,
            context_length=context_length,
        )

        running_model.additional_properties = d
        return running_model

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    _wire_names: ClassVar[dict[str, str]] = {
        "model": "model",
        "size": "size",
        "digest": "digest",
        "expires_at": "expires_at",
        "name": "name",
        "details": "details",
        "size_vram": "size_vram",
        "context_length": "context_length",
    }

    @overload
    def __getitem__(self, key: Literal["model"]) -> str: ...
    @overload
    def __getitem__(self, key: Literal["size"]) -> int: ...
    @overload
    def __getitem__(self, key: Literal["digest"]) -> str: ...
    @overload
    def __getitem__(self, key: Literal["expires_at"]) -> str: ...
    @overload
    def __getitem__(self, key: Literal["name"]) -> str: ...
    @overload
    def __getitem__(self, key: Literal["details"]) -> ModelDetails: ...
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
        value = getattr(self, name)
        if isinstance(value, Unset):
            raise KeyError(key)
        return value

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
        return not isinstance(getattr(self, name), Unset)

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
        "model",
        "size",
        "digest",
        "expires_at",
        "name",
        "details",
        "size_vram",
        "context_length",
    )
)

from ..models.model_details import ModelDetails
