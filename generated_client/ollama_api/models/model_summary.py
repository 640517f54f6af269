from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.model_details import ModelDetails


T = TypeVar("T", bound="ModelSummary")


@_attrs_define
class ModelSummary:
    """One model in the list of local models."""

    name: str
    modified_at: str
    """ An RFC 3339 date-time with 0 to 9 fractional digits, in UTC (`Z`) or with an offset.
     """
    size: int
    """ Bytes on disk. """
    digest: str
    """ The manifest's sha256 in bare hex; shorter from the cloud. """
    model: str | Unset = UNSET
    remote_model: str | Unset = UNSET
    remote_host: str | Unset = UNSET
    details: ModelDetails | Unset = UNSET
    capabilities: list[str] | Unset = UNSET
    """ What the model can do: `completion`, `tools`, `insert`, `vision`, `embedding`, `thinking`,
    `image`, `audio`, and whatever later servers add.
     """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        modified_at = self.modified_at

        size = self.size

        digest = self.digest

        model = self.model

        remote_model = self.remote_model

        remote_host = self.remote_host

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
                "name": name,
                "modified_at": modified_at,
                "size": size,
                "digest": digest,
            }
        )
        if model is not UNSET:
            field_dict["model"] = model
        if remote_model is not UNSET:
            field_dict["remote_model"] = remote_model
        if remote_host is not UNSET:
            field_dict["remote_host"] = remote_host
        if details is not UNSET:
            field_dict["details"] = details
        if capabilities is not UNSET:
            field_dict["capabilities"] = capabilities

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.model_details import ModelDetails

        d = dict(src_dict)
        name = d.pop("name")

        modified_at = d.pop("modified_at")

        size = d.pop("size")

        digest = d.pop("digest")

        model = d.pop("model", UNSET)

        remote_model = d.pop("remote_model", UNSET)

        remote_host = d.pop("remote_host", UNSET)

        _details = d.pop("details", UNSET)
        details: ModelDetails | Unset
        if isinstance(_details, Unset):
            details = UNSET
        else:
            details = ModelDetails.from_dict(_details)

        capabilities = cast(list[str], d.pop("capabilities", UNSET))

        model_summary = cls(
            name=name,
            modified_at=modified_at,
            size=size,
            digest=digest,
            model=model,
            remote_model=remote_model,
            remote_host=remote_host,
            details=details,
            capabilities=capabilities,
        )

        model_summary.additional_properties = d
        return model_summary

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
