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

from ..types import (
    UNSET,
    Unset,
    defaults_on_class,
    model_repr,
)

if TYPE_CHECKING:
    from ..models.create_request_adapters import CreateRequestAdapters
    from ..models.create_request_draft_files import CreateRequestDraftFiles
    from ..models.create_request_files import CreateRequestFiles
    from ..models.create_request_info import CreateRequestInfo
    from ..models.message import Message
    from ..models.options import Options


T = TypeVar("T", bound="CreateRequest")


@defaults_on_class
@_attrs_define(slots=False)
class CreateRequest:
    """Needs a source, `from` or `files`; the server refuses a request with neither. The model is
    named by `model`, or by the older `name`.

    """

    model: str | Unset = UNSET
    """ A model name, `[host/][namespace/]model[:tag]`. The host defaults to `registry.ollama.ai`,
    the namespace to `library` and the tag to `latest`. Matching is case-insensitive. Each part
    starts with a letter, digit or underscore; the model and tag may also hold `.`, `-` and `_`
    (up to 80 characters each), the namespace `-` and `_`, the host `.`, `:` and `-` (up to 350).
    With two parts the first is a namespace, so a host needs all three.
     """
    name: str | Unset = UNSET
    """ A model name, `[host/][namespace/]model[:tag]`. The host defaults to `registry.ollama.ai`,
    the namespace to `library` and the tag to `latest`. Matching is case-insensitive. Each part
    starts with a letter, digit or underscore; the model and tag may also hold `.`, `-` and `_`
    (up to 80 characters each), the namespace `-` and `_`, the host `.`, `:` and `-` (up to 350).
    With two parts the first is a namespace, so a host needs all three.
     """
    from_: str | Unset = UNSET
    """ An existing model to build on; pulled first if it is not local. """
    files: CreateRequestFiles | Unset = UNSET
    """ File name to blob digest, for GGUF or Safetensors files uploaded as blobs. """
    adapters: CreateRequestAdapters | Unset = UNSET
    """ File name to blob digest, for one LoRA adapter. """
    template: str | Unset = UNSET
    """ The prompt template (Go template syntax). """
    license_: list[str] | str | Unset = UNSET
    """ One license or several. """
    system: str | Unset = UNSET
    parameters: Options | Unset = UNSET
    """ Model options. They override the model's own parameters, which override the server's
    defaults. Unknown keys are ignored, and so is `null`. A wrongly typed value is refused
    with a 500 when the model is scheduled. Integer options also accept a number with a
    fraction, which the server truncates. The options marked `x-load-time: true` are fixed
    when the model is loaded: a request that asks for other values reloads the model (Ollama's
    scheduler compares them in `needsReload`), which costs seconds to minutes.
     """
    messages: list[Message] | Unset = UNSET
    """ Messages placed before every conversation with the model. """
    quantize: str | Unset = UNSET
    """ Quantize the source, which must be F16, BF16 or F32. Known types, case-insensitive:
    `q4_K_M` (also `q4_K`), `q4_K_S`, `q8_0`, `f16`, `f32`, `bf16`.
     """
    stream: bool | Unset = UNSET
    """ Server default: `true`. """
    renderer: str | Unset = UNSET
    parser: str | Unset = UNSET
    requires: str | Unset = UNSET
    """ The oldest server version the model works with. """
    remote_host: str | Unset = UNSET
    """ Make a stub that runs the model on this remote server. """
    info: CreateRequestInfo | Unset = UNSET
    """ Extra facts about the model. """
    draft_files: CreateRequestDraftFiles | Unset = UNSET
    """ File name to blob digest, for a draft model used in speculative decoding. """
    draft_quantize: str | Unset = UNSET
    """ Quantize the draft model; needs draft_files. """
    quantization: str | Unset = UNSET
    """ The older spelling of `quantize`. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        """The fields that are set; unset ones are left out."""
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        model = self.model

        name = self.name

        from_ = self.from_

        files: dict[str, Any] | Unset = UNSET
        if not isinstance(self.files, Unset):
            files = self.files.to_dict()

        adapters: dict[str, Any] | Unset = UNSET
        if not isinstance(self.adapters, Unset):
            adapters = self.adapters.to_dict()

        template = self.template

        license_: list[str] | str | Unset
        if isinstance(self.license_, Unset):
            license_ = UNSET
        elif isinstance(self.license_, list):
            license_ = self.license_

        else:
            license_ = self.license_

        system = self.system

        parameters: dict[str, Any] | Unset = UNSET
        if not isinstance(self.parameters, Unset):
            parameters = self.parameters.to_dict()

        messages: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.messages, Unset):
            messages = []
            for messages_item_data in self.messages:
                messages_item = messages_item_data.to_dict()
                messages.append(messages_item)

        quantize = self.quantize

        stream = self.stream

        renderer = self.renderer

        parser = self.parser

        requires = self.requires

        remote_host = self.remote_host

        info: dict[str, Any] | Unset = UNSET
        if not isinstance(self.info, Unset):
            info = self.info.to_dict()

        draft_files: dict[str, Any] | Unset = UNSET
        if not isinstance(self.draft_files, Unset):
            draft_files = self.draft_files.to_dict()

        draft_quantize = self.draft_quantize

        quantization = self.quantization

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if model is not UNSET:
            field_dict["model"] = model
        if name is not UNSET:
            field_dict["name"] = name
        if from_ is not UNSET:
            field_dict["from"] = from_
        if files is not UNSET:
            field_dict["files"] = files
        if adapters is not UNSET:
            field_dict["adapters"] = adapters
        if template is not UNSET:
            field_dict["template"] = template
        if license_ is not UNSET:
            field_dict["license"] = license_
        if system is not UNSET:
            field_dict["system"] = system
        if parameters is not UNSET:
            field_dict["parameters"] = parameters
        if messages is not UNSET:
            field_dict["messages"] = messages
        if quantize is not UNSET:
            field_dict["quantize"] = quantize
        if stream is not UNSET:
            field_dict["stream"] = stream
        if renderer is not UNSET:
            field_dict["renderer"] = renderer
        if parser is not UNSET:
            field_dict["parser"] = parser
        if requires is not UNSET:
            field_dict["requires"] = requires
        if remote_host is not UNSET:
            field_dict["remote_host"] = remote_host
        if info is not UNSET:
            field_dict["info"] = info
        if draft_files is not UNSET:
            field_dict["draft_files"] = draft_files
        if draft_quantize is not UNSET:
            field_dict["draft_quantize"] = draft_quantize
        if quantization is not UNSET:
            field_dict["quantization"] = quantization

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build from a parsed JSON object (fast when every key is a field; see _from_dict)."""
        if _KEYS.issuperset(src_dict):
            state: dict[str, Any] = dict(src_dict)
            if "from" in state:
                state["from_"] = state.pop("from")
            if "files" in state:
                _files = state.pop("files")
                files: CreateRequestFiles | Unset
                if isinstance(_files, Unset):
                    files = UNSET
                else:
                    files = CreateRequestFiles.from_dict(_files)

                state["files"] = files
            if "adapters" in state:
                _adapters = state.pop("adapters")
                adapters: CreateRequestAdapters | Unset
                if isinstance(_adapters, Unset):
                    adapters = UNSET
                else:
                    adapters = CreateRequestAdapters.from_dict(_adapters)

                state["adapters"] = adapters
            if "license" in state:

                def _parse_license_(data: object) -> list[str] | str | Unset:
                    if isinstance(data, Unset):
                        return data
                    try:
                        if not isinstance(data, list):
                            raise TypeError()
                        license_type_1 = cast(list[str], data)

                        return license_type_1
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    return cast(list[str] | str | Unset, data)

                license_ = _parse_license_(state.pop("license"))

                state["license_"] = license_
            if "parameters" in state:
                _parameters = state.pop("parameters")
                parameters: Options | Unset
                if isinstance(_parameters, Unset):
                    parameters = UNSET
                else:
                    parameters = Options.from_dict(_parameters)

                state["parameters"] = parameters
            if "messages" in state:
                _messages = state.pop("messages")
                messages: list[Message] | Unset = UNSET
                if _messages is not UNSET:
                    messages = []
                    for messages_item_data in _messages:
                        messages_item = Message.from_dict(messages_item_data)

                        messages.append(messages_item)

                state["messages"] = messages
            if "info" in state:
                _info = state.pop("info")
                info: CreateRequestInfo | Unset
                if isinstance(_info, Unset):
                    info = UNSET
                else:
                    info = CreateRequestInfo.from_dict(_info)

                state["info"] = info
            if "draft_files" in state:
                _draft_files = state.pop("draft_files")
                draft_files: CreateRequestDraftFiles | Unset
                if isinstance(_draft_files, Unset):
                    draft_files = UNSET
                else:
                    draft_files = CreateRequestDraftFiles.from_dict(_draft_files)

                state["draft_files"] = draft_files
            state["additional_properties"] = {}
            made = object.__new__(cls)
            made.__dict__ = (
                state  # the fields not given read their defaults from the class
            )
            return made
        return cls._from_dict(src_dict)

    @classmethod
    def _from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.create_request_adapters import CreateRequestAdapters
        from ..models.create_request_draft_files import CreateRequestDraftFiles
        from ..models.create_request_files import CreateRequestFiles
        from ..models.create_request_info import CreateRequestInfo
        from ..models.message import Message
        from ..models.options import Options

        d = dict(src_dict)
        model = d.pop("model", UNSET)

        name = d.pop("name", UNSET)

        from_ = d.pop("from", UNSET)

        _files = d.pop("files", UNSET)
        files: CreateRequestFiles | Unset
        if isinstance(_files, Unset):
            files = UNSET
        else:
            files = CreateRequestFiles.from_dict(_files)

        _adapters = d.pop("adapters", UNSET)
        adapters: CreateRequestAdapters | Unset
        if isinstance(_adapters, Unset):
            adapters = UNSET
        else:
            adapters = CreateRequestAdapters.from_dict(_adapters)

        template = d.pop("template", UNSET)

        def _parse_license_(data: object) -> list[str] | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                license_type_1 = cast(list[str], data)

                return license_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | str | Unset, data)

        license_ = _parse_license_(d.pop("license", UNSET))

        system = d.pop("system", UNSET)

        _parameters = d.pop("parameters", UNSET)
        parameters: Options | Unset
        if isinstance(_parameters, Unset):
            parameters = UNSET
        else:
            parameters = Options.from_dict(_parameters)

        _messages = d.pop("messages", UNSET)
        messages: list[Message] | Unset = UNSET
        if _messages is not UNSET:
            messages = []
            for messages_item_data in _messages:
                messages_item = Message.from_dict(messages_item_data)

                messages.append(messages_item)

        quantize = d.pop("quantize", UNSET)

        stream = d.pop("stream", UNSET)

        renderer = d.pop("renderer", UNSET)

        parser = d.pop("parser", UNSET)

        requires = d.pop("requires", UNSET)

        remote_host = d.pop("remote_host", UNSET)

        _info = d.pop("info", UNSET)
        info: CreateRequestInfo | Unset
        if isinstance(_info, Unset):
            info = UNSET
        else:
            info = CreateRequestInfo.from_dict(_info)

        _draft_files = d.pop("draft_files", UNSET)
        draft_files: CreateRequestDraftFiles | Unset
        if isinstance(_draft_files, Unset):
            draft_files = UNSET
        else:
            draft_files = CreateRequestDraftFiles.from_dict(_draft_files)

        draft_quantize = d.pop("draft_quantize", UNSET)

        quantization = d.pop("quantization", UNSET)

        create_request = cls(
            model=model,
            name=name,
            from_=from_,
            files=files,
            adapters=adapters,
            template=template,
            license_=license_,
            system=system,
            parameters=parameters,
            messages=messages,
            quantize=quantize,
            stream=stream,
            renderer=renderer,
            parser=parser,
            requires=requires,
            remote_host=remote_host,
            info=info,
            draft_files=draft_files,
            draft_quantize=draft_quantize,
            quantization=quantization,
        )

        create_request.additional_properties = d
        return create_request

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    _wire_names: ClassVar[dict[str, str]] = {
        "model": "model",
        "name": "name",
        "from": "from_",
        "files": "files",
        "adapters": "adapters",
        "template": "template",
        "license": "license_",
        "system": "system",
        "parameters": "parameters",
        "messages": "messages",
        "quantize": "quantize",
        "stream": "stream",
        "renderer": "renderer",
        "parser": "parser",
        "requires": "requires",
        "remote_host": "remote_host",
        "info": "info",
        "draft_files": "draft_files",
        "draft_quantize": "draft_quantize",
        "quantization": "quantization",
    }

    @overload
    def __getitem__(self, key: Literal["model"]) -> str: ...
    @overload
    def __getitem__(self, key: Literal["name"]) -> str: ...
    @overload
    def __getitem__(self, key: Literal["from"]) -> str: ...
    @overload
    def __getitem__(self, key: Literal["files"]) -> CreateRequestFiles: ...
    @overload
    def __getitem__(self, key: Literal["adapters"]) -> CreateRequestAdapters: ...
    @overload
    def __getitem__(self, key: Literal["template"]) -> str: ...
    @overload
    def __getitem__(self, key: Literal["license"]) -> list[str] | str: ...
    @overload
    def __getitem__(self, key: Literal["system"]) -> str: ...
    @overload
    def __getitem__(self, key: Literal["parameters"]) -> Options: ...
    @overload
    def __getitem__(self, key: Literal["messages"]) -> list[Message]: ...
    @overload
    def __getitem__(self, key: Literal["quantize"]) -> str: ...
    @overload
    def __getitem__(self, key: Literal["stream"]) -> bool: ...
    @overload
    def __getitem__(self, key: Literal["renderer"]) -> str: ...
    @overload
    def __getitem__(self, key: Literal["parser"]) -> str: ...
    @overload
    def __getitem__(self, key: Literal["requires"]) -> str: ...
    @overload
    def __getitem__(self, key: Literal["remote_host"]) -> str: ...
    @overload
    def __getitem__(self, key: Literal["info"]) -> CreateRequestInfo: ...
    @overload
    def __getitem__(self, key: Literal["draft_files"]) -> CreateRequestDraftFiles: ...
    @overload
    def __getitem__(self, key: Literal["draft_quantize"]) -> str: ...
    @overload
    def __getitem__(self, key: Literal["quantization"]) -> str: ...
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
    def license(self) -> list[str] | str | Unset:
        """The same as `license_`, under its JSON name."""
        return self.license_

    @license.setter
    def license(self, value: list[str] | str | Unset) -> None:
        self.license_ = value


_KEYS: frozenset[str] = frozenset(
    (
        "model",
        "name",
        "from",
        "files",
        "adapters",
        "template",
        "license",
        "system",
        "parameters",
        "messages",
        "quantize",
        "stream",
        "renderer",
        "parser",
        "requires",
        "remote_host",
        "info",
        "draft_files",
        "draft_quantize",
        "quantization",
    )
)

from ..models.create_request_adapters import CreateRequestAdapters
from ..models.create_request_draft_files import CreateRequestDraftFiles
from ..models.create_request_files import CreateRequestFiles
from ..models.create_request_info import CreateRequestInfo
from ..models.message import Message
from ..models.options import Options
