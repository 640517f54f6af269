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

from ..types import (
    Unset,
    defaults_on_class,
    model_repr,
    read_as_sent,
    zero_if_null,
)

if TYPE_CHECKING:
    from ..models.model_recommendation import ModelRecommendation


T = TypeVar("T", bound="ModelRecommendationsResponse")


@defaults_on_class
@_attrs_define(slots=False)
class ModelRecommendationsResponse:
    recommendations: list[ModelRecommendation] = _attrs_field(
        factory=list, kw_only=True
    )
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

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
        recommendations = []
        for recommendations_item_data in self.recommendations:
            recommendations_item = recommendations_item_data.to_dict()
            recommendations.append(recommendations_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "recommendations": recommendations,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build from a parsed JSON object (fast when every key is a field; see _from_dict)."""
        if _KEYS.issuperset(src_dict):
            state: dict[str, Any] = dict(src_dict)
            if state.get("recommendations", 0) is None:
                del state["recommendations"]  # an old server's null: the zero value
            if "recommendations" in state:
                recommendations = []
                _recommendations = state.pop("recommendations")
                for recommendations_item_data in _recommendations:
                    recommendations_item = ModelRecommendation.from_dict(
                        recommendations_item_data
                    )

                    recommendations.append(recommendations_item)

                state["recommendations"] = recommendations
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
        from ..models.model_recommendation import ModelRecommendation

        d = dict(src_dict)
        recommendations = []
        _recommendations = zero_if_null(d.pop("recommendations", None), [])
        for recommendations_item_data in _recommendations:
            recommendations_item = ModelRecommendation.from_dict(
                recommendations_item_data
            )

            recommendations.append(recommendations_item)

        model_recommendations_response = cls(
            recommendations=recommendations,
        )

        model_recommendations_response.additional_properties = d
        read_as_sent(model_recommendations_response, src_dict, _ZERO)
        return model_recommendations_response

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    _wire_names: ClassVar[dict[str, str]] = {
        "recommendations": "recommendations",
    }

    @overload
    def __getitem__(
        self, key: Literal["recommendations"]
    ) -> list[ModelRecommendation]: ...
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


_KEYS: frozenset[str] = frozenset(("recommendations",))
_ZERO: tuple[tuple[str, str], ...] = (("recommendations", "recommendations"),)

from ..models.model_recommendation import ModelRecommendation
