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
    from ..models.token_logprob import TokenLogprob


T = TypeVar("T", bound="Logprob")


@defaults_on_class
@_attrs_define(slots=False)
class Logprob:
    """A generated token, its log probability and, when asked for, the likeliest alternatives."""

    token: str
    logprob: float
    bytes_: list[int] | Unset = UNSET
    top_logprobs: list[TokenLogprob] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        """The fields that are set; unset ones are left out."""
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        token = self.token

        logprob = self.logprob

        bytes_: list[int] | Unset = UNSET
        if not isinstance(self.bytes_, Unset):
            bytes_ = self.bytes_

        top_logprobs: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.top_logprobs, Unset):
            top_logprobs = []
            for top_logprobs_item_data in self.top_logprobs:
                top_logprobs_item = top_logprobs_item_data.to_dict()
                top_logprobs.append(top_logprobs_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "token": token,
                "logprob": logprob,
            }
        )
        if bytes_ is not UNSET:
            field_dict["bytes"] = bytes_
        if top_logprobs is not UNSET:
            field_dict["top_logprobs"] = top_logprobs

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build from a parsed JSON object (fast when every key is a field; see _from_dict)."""
        if _KEYS.issuperset(src_dict) and "token" in src_dict and "logprob" in src_dict:
            state: dict[str, Any] = dict(src_dict)
            if "bytes" in state:
                bytes_ = cast(list[int], state.pop("bytes"))

                state["bytes_"] = bytes_
            if "top_logprobs" in state:
                _top_logprobs = state.pop("top_logprobs")
                top_logprobs: list[TokenLogprob] | Unset = UNSET
                if _top_logprobs is not UNSET:
                    top_logprobs = []
                    for top_logprobs_item_data in _top_logprobs:
                        top_logprobs_item = TokenLogprob.from_dict(
                            top_logprobs_item_data
                        )

                        top_logprobs.append(top_logprobs_item)

                state["top_logprobs"] = top_logprobs
            state["additional_properties"] = {}
            made = object.__new__(cls)
            made.__dict__ = (
                state  # the fields not given read their defaults from the class
            )
            return made
        return cls._from_dict(src_dict)

    @classmethod
    def _from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.token_logprob import TokenLogprob

        d = dict(src_dict)
        token = d.pop("token")

        logprob = d.pop("logprob")

        bytes_ = cast(list[int], d.pop("bytes", UNSET))

        _top_logprobs = d.pop("top_logprobs", UNSET)
        top_logprobs: list[TokenLogprob] | Unset = UNSET
        if _top_logprobs is not UNSET:
            top_logprobs = []
            for top_logprobs_item_data in _top_logprobs:
                top_logprobs_item = TokenLogprob.from_dict(top_logprobs_item_data)

                top_logprobs.append(top_logprobs_item)

        logprob = cls(
            token=token,
            logprob=logprob,
            bytes_=bytes_,
            top_logprobs=top_logprobs,
        )

        logprob.additional_properties = d
        return logprob

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    _wire_names: ClassVar[dict[str, str]] = {
        "token": "token",
        "logprob": "logprob",
        "bytes": "bytes_",
        "top_logprobs": "top_logprobs",
    }

    @overload
    def __getitem__(self, key: Literal["token"]) -> str: ...
    @overload
    def __getitem__(self, key: Literal["logprob"]) -> float: ...
    @overload
    def __getitem__(self, key: Literal["bytes"]) -> list[int]: ...
    @overload
    def __getitem__(self, key: Literal["top_logprobs"]) -> list[TokenLogprob]: ...
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

    @property
    def bytes(self) -> list[int] | Unset:
        """The same as `bytes_`, under its JSON name."""
        return self.bytes_

    @bytes.setter
    def bytes(self, value: list[int] | Unset) -> None:
        self.bytes_ = value


_KEYS: frozenset[str] = frozenset(
    (
        "token",
        "logprob",
        "bytes",
        "top_logprobs",
    )
)

from ..models.token_logprob import TokenLogprob
