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
    cast,
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
    from ..models.message import Message
    from ..models.model_details import ModelDetails
    from ..models.show_response_model_info import ShowResponseModelInfo
    from ..models.show_response_projector_info import ShowResponseProjectorInfo
    from ..models.tensor import Tensor


T = TypeVar("T", bound="ShowResponse")


@defaults_on_class
@_attrs_define(slots=False)
class ShowResponse:
    license_: str = _attrs_field(default="", kw_only=True)
    modelfile: str = _attrs_field(default="", kw_only=True)
    parameters: str = _attrs_field(default="", kw_only=True)
    """ The model's parameters, one per line. """
    template: str = _attrs_field(default="", kw_only=True)
    system: str = _attrs_field(default="", kw_only=True)
    renderer: str = _attrs_field(default="", kw_only=True)
    parser: str = _attrs_field(default="", kw_only=True)
    details: ModelDetails = _attrs_field(factory=lambda: ModelDetails(), kw_only=True)
    messages: list[Message] = _attrs_field(factory=list, kw_only=True)
    remote_model: str = _attrs_field(default="", kw_only=True)
    remote_host: str = _attrs_field(default="", kw_only=True)
    model_info: ShowResponseModelInfo = _attrs_field(
        factory=lambda: ShowResponseModelInfo(), kw_only=True
    )
    """ The model file's metadata, keyed like `general.architecture`. """
    projector_info: ShowResponseProjectorInfo = _attrs_field(
        factory=lambda: ShowResponseProjectorInfo(), kw_only=True
    )
    tensors: list[Tensor] = _attrs_field(factory=list, kw_only=True)
    capabilities: list[str] = _attrs_field(factory=list, kw_only=True)
    """ What the model can do: `completion`, `tools`, `insert`, `vision`, `embedding`, `thinking`,
    `image`, `audio`, and whatever later servers add.
     """
    modified_at: datetime.datetime = _attrs_field(default=GO_ZERO_TIME, kw_only=True)
    """ An RFC 3339 date-time with 0 to 9 fractional digits, in UTC (`Z`) or with an offset.
     """
    requires: str = _attrs_field(default="", kw_only=True)
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    _wire_times: ClassVar[tuple[str, ...]] = ("modified_at",)
    _omit_zero: ClassVar[frozenset[str]] = frozenset(
        (
            "license_",
            "modelfile",
            "parameters",
            "template",
            "system",
            "renderer",
            "parser",
            "messages",
            "remote_model",
            "remote_host",
            "projector_info",
            "tensors",
            "capabilities",
            "requires",
        )
    )

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
        if "_from_wire" not in given:
            for key in _OMIT:
                if not field_dict[key]:
                    del field_dict[key]
        return field_dict

    def _to_dict(self) -> dict[str, Any]:
        license_ = self.license_

        modelfile = self.modelfile

        parameters = self.parameters

        template = self.template

        system = self.system

        renderer = self.renderer

        parser = self.parser

        details = self.details.to_dict()

        messages = []
        for messages_item_data in self.messages:
            messages_item = messages_item_data.to_dict()
            messages.append(messages_item)

        remote_model = self.remote_model

        remote_host = self.remote_host

        model_info = self.model_info.to_dict()

        projector_info = self.projector_info.to_dict()

        tensors = []
        for tensors_item_data in self.tensors:
            tensors_item = tensors_item_data.to_dict()
            tensors.append(tensors_item)

        capabilities = self.capabilities

        modified_at = go_time(self.modified_at)

        requires = self.requires

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "license": license_,
                "modelfile": modelfile,
                "parameters": parameters,
                "template": template,
                "system": system,
                "renderer": renderer,
                "parser": parser,
                "details": details,
                "messages": messages,
                "remote_model": remote_model,
                "remote_host": remote_host,
                "model_info": model_info,
                "projector_info": projector_info,
                "tensors": tensors,
                "capabilities": capabilities,
                "modified_at": modified_at,
                "requires": requires,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build from a parsed JSON object (fast when every key is a field; see _from_dict)."""
        if _KEYS.issuperset(src_dict):
            state: dict[str, Any] = dict(src_dict)
            if "license" in state:
                state["license_"] = state.pop("license")
            if "details" in state:
                details = ModelDetails.from_dict(state.pop("details"))

                state["details"] = details
            if "messages" in state:
                messages = []
                _messages = state.pop("messages")
                for messages_item_data in _messages:
                    messages_item = Message.from_dict(messages_item_data)

                    messages.append(messages_item)

                state["messages"] = messages
            if "model_info" in state:
                model_info = ShowResponseModelInfo.from_dict(state.pop("model_info"))

                state["model_info"] = model_info
            if "projector_info" in state:
                projector_info = ShowResponseProjectorInfo.from_dict(
                    state.pop("projector_info")
                )

                state["projector_info"] = projector_info
            if "tensors" in state:
                tensors = []
                _tensors = state.pop("tensors")
                for tensors_item_data in _tensors:
                    tensors_item = Tensor.from_dict(tensors_item_data)

                    tensors.append(tensors_item)

                state["tensors"] = tensors
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
        from ..models.message import Message
        from ..models.model_details import ModelDetails
        from ..models.show_response_model_info import ShowResponseModelInfo
        from ..models.show_response_projector_info import ShowResponseProjectorInfo
        from ..models.tensor import Tensor

        d = dict(src_dict)
        license_ = zero_if_null(d.pop("license", None), "")

        modelfile = zero_if_null(d.pop("modelfile", None), "")

        parameters = zero_if_null(d.pop("parameters", None), "")

        template = zero_if_null(d.pop("template", None), "")

        system = zero_if_null(d.pop("system", None), "")

        renderer = zero_if_null(d.pop("renderer", None), "")

        parser = zero_if_null(d.pop("parser", None), "")

        details = ModelDetails.from_dict(zero_if_null(d.pop("details", None), {}))

        messages = []
        _messages = zero_if_null(d.pop("messages", None), [])
        for messages_item_data in _messages:
            messages_item = Message.from_dict(messages_item_data)

            messages.append(messages_item)

        remote_model = zero_if_null(d.pop("remote_model", None), "")

        remote_host = zero_if_null(d.pop("remote_host", None), "")

        model_info = ShowResponseModelInfo.from_dict(
            zero_if_null(d.pop("model_info", None), {})
        )

        projector_info = ShowResponseProjectorInfo.from_dict(
            zero_if_null(d.pop("projector_info", None), {})
        )

        tensors = []
        _tensors = zero_if_null(d.pop("tensors", None), [])
        for tensors_item_data in _tensors:
            tensors_item = Tensor.from_dict(tensors_item_data)

            tensors.append(tensors_item)

        capabilities = cast(list[str], zero_if_null(d.pop("capabilities", None), []))

        modified_at = parse_time(
            zero_if_null(d.pop("modified_at", None), "0001-01-01T00:00:00Z")
        )

        requires = zero_if_null(d.pop("requires", None), "")

        show_response = cls(
            license_=license_,
            modelfile=modelfile,
            parameters=parameters,
            template=template,
            system=system,
            renderer=renderer,
            parser=parser,
            details=details,
            messages=messages,
            remote_model=remote_model,
            remote_host=remote_host,
            model_info=model_info,
            projector_info=projector_info,
            tensors=tensors,
            capabilities=capabilities,
            modified_at=modified_at,
            requires=requires,
        )

        show_response.additional_properties = d
        read_as_sent(show_response, src_dict, _ZERO)
        return show_response

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    _wire_names: ClassVar[dict[str, str]] = {
        "license": "license_",
        "modelfile": "modelfile",
        "parameters": "parameters",
        "template": "template",
        "system": "system",
        "renderer": "renderer",
        "parser": "parser",
        "details": "details",
        "messages": "messages",
        "remote_model": "remote_model",
        "remote_host": "remote_host",
        "model_info": "model_info",
        "projector_info": "projector_info",
        "tensors": "tensors",
        "capabilities": "capabilities",
        "modified_at": "modified_at",
        "requires": "requires",
    }

    @overload
    def __getitem__(self, key: Literal["license"]) -> str: ...
    @overload
    def __getitem__(self, key: Literal["modelfile"]) -> str: ...
    @overload
    def __getitem__(self, key: Literal["parameters"]) -> str: ...
    @overload
    def __getitem__(self, key: Literal["template"]) -> str: ...
    @overload
    def __getitem__(self, key: Literal["system"]) -> str: ...
    @overload
    def __getitem__(self, key: Literal["renderer"]) -> str: ...
    @overload
    def __getitem__(self, key: Literal["parser"]) -> str: ...
    @overload
    def __getitem__(self, key: Literal["details"]) -> ModelDetails: ...
    @overload
    def __getitem__(self, key: Literal["messages"]) -> list[Message]: ...
    @overload
    def __getitem__(self, key: Literal["remote_model"]) -> str: ...
    @overload
    def __getitem__(self, key: Literal["remote_host"]) -> str: ...
    @overload
    def __getitem__(self, key: Literal["model_info"]) -> ShowResponseModelInfo: ...
    @overload
    def __getitem__(
        self, key: Literal["projector_info"]
    ) -> ShowResponseProjectorInfo: ...
    @overload
    def __getitem__(self, key: Literal["tensors"]) -> list[Tensor]: ...
    @overload
    def __getitem__(self, key: Literal["capabilities"]) -> list[str]: ...
    @overload
    def __getitem__(self, key: Literal["modified_at"]) -> datetime.datetime: ...
    @overload
    def __getitem__(self, key: Literal["requires"]) -> str: ...
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

    @property
    def license(self) -> str:
        """The same as `license_`, under its JSON name."""
        return self.license_

    @license.setter
    def license(self, value: str) -> None:
        self.license_ = value


_KEYS: frozenset[str] = frozenset(
    (
        "license",
        "modelfile",
        "parameters",
        "template",
        "system",
        "renderer",
        "parser",
        "details",
        "messages",
        "remote_model",
        "remote_host",
        "model_info",
        "projector_info",
        "tensors",
        "capabilities",
        "modified_at",
        "requires",
    )
)
_ZERO: tuple[tuple[str, str], ...] = (
    ("license_", "license"),
    ("modelfile", "modelfile"),
    ("parameters", "parameters"),
    ("template", "template"),
    ("system", "system"),
    ("renderer", "renderer"),
    ("parser", "parser"),
    ("details", "details"),
    ("messages", "messages"),
    ("remote_model", "remote_model"),
    ("remote_host", "remote_host"),
    ("model_info", "model_info"),
    ("projector_info", "projector_info"),
    ("tensors", "tensors"),
    ("capabilities", "capabilities"),
    ("modified_at", "modified_at"),
    ("requires", "requires"),
)
_OMIT: tuple[str, ...] = (
    "license",
    "modelfile",
    "parameters",
    "template",
    "system",
    "renderer",
    "parser",
    "messages",
    "remote_model",
    "remote_host",
    "projector_info",
    "tensors",
    "capabilities",
    "requires",
)

from ..models.message import Message
from ..models.model_details import ModelDetails
from ..models.show_response_model_info import ShowResponseModelInfo
from ..models.show_response_projector_info import ShowResponseProjectorInfo
from ..models.tensor import Tensor
