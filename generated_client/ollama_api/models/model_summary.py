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
    cast,
    overload,
)

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, defaults_on_class, model_repr

if TYPE_CHECKING:
    from ..models.model_details import ModelDetails


T = TypeVar("T", bound="ModelSummary")


@defaults_on_class
@_attrs_define(slots=False)
class ModelSummary:
    """One model in the list of local models. Servers before 0.0.17 sent only `name`, `modified_at`
    and `size`; `digest` came in 0.0.17, `details` in 0.1.15, `model` in 0.1.21. The documentation has shown entries
    without `name`, so only the two fields every version sends are required.

    """

    modified_at: str
    """ An RFC 3339 date-time with 0 to 9 fractional digits, in UTC (`Z`) or with an offset.
     """
    size: int
    """ Bytes on disk. """
    name: str | Unset = UNSET
    """ The model's shortest name, such as `llama3.2:latest`. """
    model: str | Unset = UNSET
    """ The same name again; absent before 0.1.21. """
    remote_model: str | Unset = UNSET
    remote_host: str | Unset = UNSET
    digest: str | Unset = UNSET
    """ The manifest's sha256, normally in bare hex. ollama.com sends a 12-digit prefix, and some
    servers prefix it with `sha256:`.
     """
    details: ModelDetails | Unset = UNSET
    capabilities: list[str] | Unset = UNSET
    """ What the model can do: `completion`, `tools`, `insert`, `vision`, `embedding`, `thinking`,
    `image`, `audio`, and whatever later servers add.
     """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        """The fields that are set; unset ones are left out."""
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        modified_at = self.modified_at

        size = self.size

        name = self.name

        model = self.model

        remote_model = self.remote_model

        remote_host = self.remote_host

        digest = self.digest

        details: dict[str, Any] | Unset = UNSET
        if not isinstance(self.details, Unset):
            details = self.details.to_dict()

        capabilities: list[str] | Unset = UNSET
        if not isinstance(self.capabilities, Unset):
            capabilities = self.capabilities

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "modified_at": modified_at,
                "size": size,
            }
        )
        if name is not UNSET:
            field_dict["name"] = name
        if model is not UNSET:
            field_dict["model"] = model
        if remote_model is not UNSET:
            field_dict["remote_model"] = remote_model
        if remote_host is not UNSET:
            field_dict["remote_host"] = remote_host
        if digest is not UNSET:
            field_dict["digest"] = digest
        if details is not UNSET:
            field_dict["details"] = details
        if capabilities is not UNSET:
            field_dict["capabilities"] = capabilities

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build from a parsed JSON object (fast when every key is a field; see _from_dict)."""
        if (
            _KEYS.issuperset(src_dict)
            and "modified_at" in src_dict
            and "size" in src_dict
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
        modified_at = d.pop("modified_at")

        size = d.pop("size")

        name = d.pop("name", UNSET)

        model = d.pop("model", UNSET)

        remote_model = d.pop("remote_model", UNSET)

        remote_host = d.pop("remote_host", UNSET)

        digest = d.pop("digest", UNSET)

        _details = d.pop("details", UNSET)
        details: ModelDetails | Unset
        if isinstance(_details, Unset):
            details = UNSET
        else:
            details = ModelDetails.from_dict(_details)

        capabilities = cast(list[str], d.pop("capabilities", UNSET))

        model_summary = cls(
            modified_at=modified_at,
            size=size,
            name=name,
            model=model,
            remote_model=remote_model,
            remote_host=remote_host,
            digest=digest,
            details=details,
            capabilities=capabilities,
        )

        model_summary.additional_properties = d
        return model_summary

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    _wire_names: ClassVar[dict[str, str]] = {
        "modified_at": "modified_at",
        "size": "size",
        "name": "name",
        "model": "model",
        "remote_model": "remote_model",
        "remote_host": "remote_host",
        "digest": "digest",
        "details": "details",
        "capabilities": "capabilities",
    }

    @overload
    def __getitem__(self, key: Literal["modified_at"]) -> str: ...
    @overload
    def __getitem__(self, key: Literal["size"]) -> int: ...
    @overload
    def __getitem__(self, key: Literal["name"]) -> str: ...
    @overload
    def __getitem__(self, key: Literal["model"]) -> str: ...
    @overload
    def __getitem__(self, key: Literal["remote_model"]) -> str: ...
    @overload
    def __getitem__(self, key: Literal["remote_host"]) -> str: ...
    @overload
    def __getitem__(self, key: Literal["digest"]) -> str: ...
    @overload
    def __getitem__(self, key: Literal["details"]) -> ModelDetails: ...
    @overload
    def __getitem__(self, key: Literal["capabilities"]) -> list[str]: ...
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
        "modified_at",
        "size",
        "name",
        "model",
        "remote_model",
        "remote_host",
        "digest",
        "details",
        "capabilities",
    )
)

from ..models.model_details import ModelDetails
