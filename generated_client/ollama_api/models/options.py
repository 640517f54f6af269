# Generated from openapi.yaml by scripts/regenerate: do not edit; change the spec or codegen/ instead.
from __future__ import annotations

from collections.abc import Mapping
from typing import (
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

T = TypeVar("T", bound="Options")


@defaults_on_class
@_attrs_define(slots=False)
class Options:
    """Model options. They override the model's own parameters, which override the server's
    defaults. Unknown keys are ignored, and so is `null`. A wrongly typed value is refused
    with a 500 when the model is scheduled. Integer options also accept a number with a
    fraction, which the server truncates. The options marked `x-load-time: true` are fixed
    when the model is loaded: a request that asks for other values reloads the model (Ollama's
    scheduler compares them in `needsReload`), which costs seconds to minutes.

    """

    num_keep: int | Unset = UNSET
    """ How many tokens of the prompt to keep when the context is shifted. Server default: `4`. """
    seed: int | Unset = UNSET
    """ Random seed. The same seed and prompt give the same output; -1 picks one at random. Server default: `-1`.
    """
    num_predict: int | Unset = UNSET
    """ The most tokens to generate; -1 means no limit. Server default: `-1`. """
    top_k: int | Unset = UNSET
    """ Sample only among the k most likely tokens. Server default: `40`. """
    top_p: float | Unset = UNSET
    """ Sample only among the most likely tokens whose probabilities add up to p. Server default: `0.9`. """
    min_p: float | Unset = UNSET
    """ Drop tokens less likely than p times the most likely one. Server default: `0.0`. """
    typical_p: float | Unset = UNSET
    """ Locally typical sampling; 1.0 turns it off. Server default: `1.0`. """
    repeat_last_n: int | Unset = UNSET
    """ How far back to look for repetitions; 0 turns it off, -1 means the whole context. Server default: `64`. """
    temperature: float | Unset = UNSET
    """ Randomness of sampling; 0 always picks the most likely token. Server default: `0.8`. """
    repeat_penalty: float | Unset = UNSET
    """ How strongly to penalise repeated tokens. Server default: `1.0`. """
    presence_penalty: float | Unset = UNSET
    """ Penalty for tokens that already appeared. Server default: `0.0`. """
    frequency_penalty: float | Unset = UNSET
    """ Penalty proportional to how often a token appeared. Server default: `0.0`. """
    stop: list[str] | Unset = UNSET
    """ Stop generating when one of these strings appears. A bare string is refused. """
    num_ctx: int | Unset = UNSET
    """ Size of the context window in tokens. The default depends on the server's memory. """
    num_batch: int | Unset = UNSET
    """ How many prompt tokens to process at once. Server default: `512`. """
    num_gpu: int | Unset = UNSET
    """ How many layers to offload to the GPU; -1 decides automatically. Server default: `-1`. """
    main_gpu: int | Unset = UNSET
    """ Which GPU holds the small tensors when several are used. """
    use_mmap: bool | Unset = UNSET
    """ Whether to memory-map the model file. """
    num_thread: int | Unset = UNSET
    """ How many CPU threads to use; 0 decides automatically. Server default: `0`. """
    draft_num_predict: int | Unset = UNSET
    """ How many tokens a draft model proposes at a time (speculative decoding). Server default: `4`. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        """The fields that are set; unset ones are left out."""
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        num_keep = self.num_keep

        seed = self.seed

        num_predict = self.num_predict

        top_k = self.top_k

        top_p = self.top_p

        min_p = self.min_p

        typical_p = self.typical_p

        repeat_last_n = self.repeat_last_n

        temperature = self.temperature

        repeat_penalty = self.repeat_penalty

        presence_penalty = self.presence_penalty

        frequency_penalty = self.frequency_penalty

        stop: list[str] | Unset = UNSET
        if not isinstance(self.stop, Unset):
            stop = self.stop

        num_ctx = self.num_ctx

        num_batch = self.num_batch

        num_gpu = self.num_gpu

        main_gpu = self.main_gpu

        use_mmap = self.use_mmap

        num_thread = self.num_thread

        draft_num_predict = self.draft_num_predict

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if num_keep is not UNSET:
            field_dict["num_keep"] = num_keep
        if seed is not UNSET:
            field_dict["seed"] = seed
        if num_predict is not UNSET:
            field_dict["num_predict"] = num_predict
        if top_k is not UNSET:
            field_dict["top_k"] = top_k
        if top_p is not UNSET:
            field_dict["top_p"] = top_p
        if min_p is not UNSET:
            field_dict["min_p"] = min_p
        if typical_p is not UNSET:
            field_dict["typical_p"] = typical_p
        if repeat_last_n is not UNSET:
            field_dict["repeat_last_n"] = repeat_last_n
        if temperature is not UNSET:
            field_dict["temperature"] = temperature
        if repeat_penalty is not UNSET:
            field_dict["repeat_penalty"] = repeat_penalty
        if presence_penalty is not UNSET:
            field_dict["presence_penalty"] = presence_penalty
        if frequency_penalty is not UNSET:
            field_dict["frequency_penalty"] = frequency_penalty
        if stop is not UNSET:
            field_dict["stop"] = stop
        if num_ctx is not UNSET:
            field_dict["num_ctx"] = num_ctx
        if num_batch is not UNSET:
            field_dict["num_batch"] = num_batch
        if num_gpu is not UNSET:
            field_dict["num_gpu"] = num_gpu
        if main_gpu is not UNSET:
            field_dict["main_gpu"] = main_gpu
        if use_mmap is not UNSET:
            field_dict["use_mmap"] = use_mmap
        if num_thread is not UNSET:
            field_dict["num_thread"] = num_thread
        if draft_num_predict is not UNSET:
            field_dict["draft_num_predict"] = draft_num_predict

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build from a parsed JSON object (fast when every key is a field; see _from_dict)."""
        if _KEYS.issuperset(src_dict):
            state: dict[str, Any] = dict(src_dict)
            state["additional_properties"] = {}
            made = object.__new__(cls)
            made.__dict__ = (
                state  # the fields not given read their defaults from the class
            )
            return made
        return cls._from_dict(src_dict)

    @classmethod
    def _from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        num_keep = d.pop("num_keep", UNSET)

        seed = d.pop("seed", UNSET)

        num_predict = d.pop("num_predict", UNSET)

        top_k = d.pop("top_k", UNSET)

        top_p = d.pop("top_p", UNSET)

        min_p = d.pop("min_p", UNSET)

        typical_p = d.pop("typical_p", UNSET)

        repeat_last_n = d.pop("repeat_last_n", UNSET)

        temperature = d.pop("temperature", UNSET)

        repeat_penalty = d.pop("repeat_penalty", UNSET)

        presence_penalty = d.pop("presence_penalty", UNSET)

        frequency_penalty = d.pop("frequency_penalty", UNSET)

        stop = cast(list[str], d.pop("stop", UNSET))

        num_ctx = d.pop("num_ctx", UNSET)

        num_batch = d.pop("num_batch", UNSET)

        num_gpu = d.pop("num_gpu", UNSET)

        main_gpu = d.pop("main_gpu", UNSET)

        use_mmap = d.pop("use_mmap", UNSET)

        num_thread = d.pop("num_thread", UNSET)

        draft_num_predict = d.pop("draft_num_predict", UNSET)

        options = cls(
            num_keep=num_keep,
            seed=seed,
            num_predict=num_predict,
            top_k=top_k,
            top_p=top_p,
            min_p=min_p,
            typical_p=typical_p,
            repeat_last_n=repeat_last_n,
            temperature=temperature,
            repeat_penalty=repeat_penalty,
            presence_penalty=presence_penalty,
            frequency_penalty=frequency_penalty,
            stop=stop,
            num_ctx=num_ctx,
            num_batch=num_batch,
            num_gpu=num_gpu,
            main_gpu=main_gpu,
            use_mmap=use_mmap,
            num_thread=num_thread,
            draft_num_predict=draft_num_predict,
        )

        options.additional_properties = d
        return options

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    _wire_names: ClassVar[dict[str, str]] = {
        "num_keep": "num_keep",
        "seed": "seed",
        "num_predict": "num_predict",
        "top_k": "top_k",
        "top_p": "top_p",
        "min_p": "min_p",
        "typical_p": "typical_p",
        "repeat_last_n": "repeat_last_n",
        "temperature": "temperature",
        "repeat_penalty": "repeat_penalty",
        "presence_penalty": "presence_penalty",
        "frequency_penalty": "frequency_penalty",
        "stop": "stop",
        "num_ctx": "num_ctx",
        "num_batch": "num_batch",
        "num_gpu": "num_gpu",
        "main_gpu": "main_gpu",
        "use_mmap": "use_mmap",
        "num_thread": "num_thread",
        "draft_num_predict": "draft_num_predict",
    }

    @overload
    def __getitem__(self, key: Literal["num_keep"]) -> int: ...
    @overload
    def __getitem__(self, key: Literal["seed"]) -> int: ...
    @overload
    def __getitem__(self, key: Literal["num_predict"]) -> int: ...
    @overload
    def __getitem__(self, key: Literal["top_k"]) -> int: ...
    @overload
    def __getitem__(self, key: Literal["top_p"]) -> float: ...
    @overload
    def __getitem__(self, key: Literal["min_p"]) -> float: ...
    @overload
    def __getitem__(self, key: Literal["typical_p"]) -> float: ...
    @overload
    def __getitem__(self, key: Literal["repeat_last_n"]) -> int: ...
    @overload
    def __getitem__(self, key: Literal["temperature"]) -> float: ...
    @overload
    def __getitem__(self, key: Literal["repeat_penalty"]) -> float: ...
    @overload
    def __getitem__(self, key: Literal["presence_penalty"]) -> float: ...
    @overload
    def __getitem__(self, key: Literal["frequency_penalty"]) -> float: ...
    @overload
    def __getitem__(self, key: Literal["stop"]) -> list[str]: ...
    @overload
    def __getitem__(self, key: Literal["num_ctx"]) -> int: ...
    @overload
    def __getitem__(self, key: Literal["num_batch"]) -> int: ...
    @overload
    def __getitem__(self, key: Literal["num_gpu"]) -> int: ...
    @overload
    def __getitem__(self, key: Literal["main_gpu"]) -> int: ...
    @overload
    def __getitem__(self, key: Literal["use_mmap"]) -> bool: ...
    @overload
    def __getitem__(self, key: Literal["num_thread"]) -> int: ...
    @overload
    def __getitem__(self, key: Literal["draft_num_predict"]) -> int: ...
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
        "num_keep",
        "seed",
        "num_predict",
        "top_k",
        "top_p",
        "min_p",
        "typical_p",
        "repeat_last_n",
        "temperature",
        "repeat_penalty",
        "presence_penalty",
        "frequency_penalty",
        "stop",
        "num_ctx",
        "num_batch",
        "num_gpu",
        "main_gpu",
        "use_mmap",
        "num_thread",
        "draft_num_predict",
    )
)
