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
    from ..models.message import Message
    from ..models.model_details import ModelDetails
    from ..models.show_response_model_info import ShowResponseModelInfo
    from ..models.show_response_projector_info import ShowResponseProjectorInfo
    from ..models.tensor import Tensor


T = TypeVar("T", bound="ShowResponse")


@defaults_on_class
@_attrs_define(slots=False)
class ShowResponse:
    license_: str | Unset = UNSET
    modelfile: str | Unset = UNSET
    parameters: str | Unset = UNSET
    """ The model's parameters, one per line. """
    template: str | Unset = UNSET
    system: str | Unset = UNSET
    renderer: str | Unset = UNSET
    parser: str | Unset = UNSET
    details: ModelDetails | Unset = UNSET
    messages: list[Message] | Unset = UNSET
    remote_model: str | Unset = UNSET
    remote_host: str | Unset = UNSET
    model_info: ShowResponseModelInfo | Unset = UNSET
    """ The model file's metadata, keyed like `general.architecture`. """
    projector_info: ShowResponseProjectorInfo | Unset = UNSET
    tensors: list[Tensor] | Unset = UNSET
    capabilities: list[str] | Unset = UNSET
    """ What the model can do: `completion`, `tools`, `insert`, `vision`, `embedding`, `thinking`,
    `image`, `audio`, and whatever later servers add.
     """
    modified_at: str | Unset = UNSET
    """ An RFC 3339 date-time with 0 to 9 fractional digits, in UTC (`Z`) or with an offset.
     """
    requires: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        """The fields that are set; unset ones are left out."""
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        license_ = self.license_

        modelfile = self.modelfile

        parameters = self.parameters

        template = self.template

        system = self.system

        renderer = self.renderer

        parser = self.parser

        details: dict[str, Any] | Unset = UNSET
        if not isinstance(self.details, Unset):
            details = self.details.to_dict()

        messages: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.messages, Unset):
            messages = []
            for messages_item_data in self.messages:
                messages_item = messages_item_data.to_dict()
                messages.append(messages_item)

        remote_model = self.remote_model

        remote_host = self.remote_host

        model_info: dict[str, Any] | Unset = UNSET
        if not isinstance(self.model_info, Unset):
            model_info = self.model_info.to_dict()

        projector_info: dict[str, Any] | Unset = UNSET
        if not isinstance(self.projector_info, Unset):
            projector_info = self.projector_info.to_dict()

        tensors: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.tensors, Unset):
            tensors = []
            for tensors_item_data in self.tensors:
                tensors_item = tensors_item_data.to_dict()
                tensors.append(tensors_item)

        capabilities: list[str] | Unset = UNSET
        if not isinstance(self.capabilities, Unset):
            capabilities = self.capabilities

        modified_at = self.modified_at

        requires = self.requires

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if license_ is not UNSET:
            field_dict["license"] = license_
        if modelfile is not UNSET:
            field_dict["modelfile"] = modelfile
        if parameters is not UNSET:
            field_dict["parameters"] = parameters
        if template is not UNSET:
            field_dict["template"] = template
        if system is not UNSET:
            field_dict["system"] = system
        if renderer is not UNSET:
            field_dict["renderer"] = renderer
        if parser is not UNSET:
            field_dict["parser"] = parser
        if details is not UNSET:
            field_dict["details"] = details
        if messages is not UNSET:
            field_dict["messages"] = messages
        if remote_model is not UNSET:
            field_dict["remote_model"] = remote_model
        if remote_host is not UNSET:
            field_dict["remote_host"] = remote_host
        if model_info is not UNSET:
            field_dict["model_info"] = model_info
        if projector_info is not UNSET:
            field_dict["projector_info"] = projector_info
        if tensors is not UNSET:
            field_dict["tensors"] = tensors
        if capabilities is not UNSET:
            field_dict["capabilities"] = capabilities
        if modified_at is not UNSET:
            field_dict["modified_at"] = modified_at
        if requires is not UNSET:
            field_dict["requires"] = requires

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build from a parsed JSON object (fast when every key is a field; see _from_dict)."""
        if _KEYS.issuperset(src_dict):
            state: dict[str, Any] = dict(src_dict)
            if "license" in state:
                state["license_"] = state.pop("license")
            if "details" in state:
                _details = state.pop("details")
                details: ModelDetails | Unset
                if isinstance(_details, Unset):
                    details = UNSET
                else:
                    details = ModelDetails.from_dict(_details)

                state["details"] = details
            if "messages" in state:
                _messages = state.pop("messages")
                messages: list[Message] | Unset = UNSET
                if _messages is not UNSET:
                    messages = []
                    for messages_item_data in _messages:
                        messages_item = Message.from_dict(messages_item_data)

                        messages.append(messages_item)

                state["messages"] = messages
            if "model_info" in state:
                _model_info = state.pop("model_info")
                model_info: ShowResponseModelInfo | Unset
                if isinstance(_model_info, Unset):
                    model_info = UNSET
                else:
                    model_info = ShowResponseModelInfo.from_dict(_model_info)

                state["model_info"] = model_info
            if "projector_info" in state:
                _projector_info = state.pop("projector_info")
                projector_info: ShowResponseProjectorInfo | Unset
                if isinstance(_projector_info, Unset):
                    projector_info = UNSET
                else:
                    projector_info = ShowResponseProjectorInfo.from_dict(
                        _projector_info
                    )

                state["projector_info"] = projector_info
            if "tensors" in state:
                _tensors = state.pop("tensors")
                tensors: list[Tensor] | Unset = UNSET
                if _tensors is not UNSET:
                    tensors = []
                    for tensors_item_data in _tensors:
                        tensors_item = Tensor.from_dict(tensors_item_data)

                        tensors.append(tensors_item)

                state["tensors"] = tensors
            state["additional_properties"] = {}
            made = object.__new__(cls)
            made.__dict__ = (
                state  # the fields not given read their defaults from the class
            )
            return made
        return cls._from_dict(src_dict)

    @classmethod
    def _from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.message import Message
        from ..models.model_details import ModelDetails
        from ..models.show_response_model_info import ShowResponseModelInfo
        from ..models.show_response_projector_info import ShowResponseProjectorInfo
        from ..models.tensor import Tensor

        d = dict(src_dict)
        license_ = d.pop("license", UNSET)

        modelfile = d.pop("modelfile", UNSET)

        parameters = d.pop("parameters", UNSET)

        template = d.pop("template", UNSET)

        system = d.pop("system", UNSET)

        renderer = d.pop("renderer", UNSET)

        parser = d.pop("parser", UNSET)

        _details = d.pop("details", UNSET)
        details: ModelDetails | Unset
        if isinstance(_details, Unset):
            details = UNSET
        else:
            details = ModelDetails.from_dict(_details)

        _messages = d.pop("messages", UNSET)
        messages: list[Message] | Unset = UNSET
        if _messages is not UNSET:
            messages = []
            for messages_item_data in _messages:
                messages_item = Message.from_dict(messages_item_data)

                messages.append(messages_item)

        remote_model = d.pop("remote_model", UNSET)

        remote_host = d.pop("remote_host", UNSET)

        _model_info = d.pop("model_info", UNSET)
        model_info: ShowResponseModelInfo | Unset
        if isinstance(_model_info, Unset):
            model_info = UNSET
        else:
            model_info = ShowResponseModelInfo.from_dict(_model_info)

        _projector_info = d.pop("projector_info", UNSET)
        projector_info: ShowResponseProjectorInfo | Unset
        if isinstance(_projector_info, Unset):
            projector_info = UNSET
        else:
            projector_info = ShowResponseProjectorInfo.from_dict(_projector_info)

        _tensors = d.pop("tensors", UNSET)
        tensors: list[Tensor] | Unset = UNSET
        if _tensors is not UNSET:
            tensors = []
            for tensors_item_data in _tensors:
                tensors_item = Tensor.from_dict(tensors_item_data)

                tensors.append(tensors_item)

        capabilities = cast(list[str], d.pop("capabilities", UNSET))

        modified_at = d.pop("modified_at", UNSET)

        requires = d.pop("requires", UNSET)

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
    def __getitem__(self, key: Literal["modified_at"]) -> str: ...
    @overload
    def __getitem__(self, key: Literal["requires"]) -> str: ...
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
    def license(self) -> str | Unset:
        """The same as `license_`, under its JSON name."""
        return self.license_

    @license.setter
    def license(self, value: str | Unset) -> None:
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

from ..models.message import Message
from ..models.model_details import ModelDetails
from ..models.show_response_model_info import ShowResponseModelInfo
from ..models.show_response_projector_info import ShowResponseProjectorInfo
from ..models.tensor import Tensor
