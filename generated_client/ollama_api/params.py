# Generated from openapi.yaml by codegen/methods.py (scripts/regenerate). Do not edit.

"""TypedDicts of the objects a request carries: pass plain dicts, typed, where a model is taken."""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from typing import IO, Any, Required, TypedDict

from .models import (
    ToolCall,
    ToolCallArguments,
    ToolCallFunction,
    ToolFunction,
    ToolParameters,
    ToolProperty,
)

__all__ = [
    "MessageDict",
    "OptionsDict",
    "ToolCallDict",
    "ToolCallFunctionDict",
    "ToolDict",
    "ToolFunctionDict",
    "ToolParametersDict",
    "ToolPropertyDict",
]


class OptionsDict(TypedDict, total=False):
    """Model options. They override the model's own parameters, which override the server's defaults. Unknown keys are ignored, and so is `null`. A wrongly typed value is refused with a 500 when the model is scheduled. Integer options also accept a number with a fraction, which the server truncates. The options marked `x-load-time: true` are fixed when the model is loaded: a request that asks for other values reloads the model (Ollama's scheduler compares them in `needsReload`), which costs seconds to minutes."""

    # How many tokens of the prompt to keep when the context is shifted. Server default: `4`.
    num_keep: int
    # Random seed. The same seed and prompt give the same output; -1 picks one at random. Server
    # default: `-1`.
    seed: int
    # The most tokens to generate; -1 means no limit. Server default: `-1`.
    num_predict: int
    # Sample only among the k most likely tokens. Server default: `40`.
    top_k: int
    # Sample only among the most likely tokens whose probabilities add up to p. Server default:
    # `0.9`.
    top_p: float
    # Drop tokens less likely than p times the most likely one. Server default: `0.0`.
    min_p: float
    # Locally typical sampling; 1.0 turns it off. Server default: `1.0`.
    typical_p: float
    # How far back to look for repetitions; 0 turns it off, -1 means the whole context. Server
    # default: `64`.
    repeat_last_n: int
    # Randomness of sampling; 0 always picks the most likely token. Server default: `0.8`.
    temperature: float
    # How strongly to penalise repeated tokens. Server default: `1.0`.
    repeat_penalty: float
    # Penalty for tokens that already appeared. Server default: `0.0`.
    presence_penalty: float
    # Penalty proportional to how often a token appeared. Server default: `0.0`.
    frequency_penalty: float
    # Stop generating when one of these strings appears. A bare string is refused.
    stop: Sequence[str]
    # Size of the context window in tokens. The default depends on the server's memory.
    num_ctx: int
    # How many prompt tokens to process at once. Server default: `512`.
    num_batch: int
    # How many layers to offload to the GPU; -1 decides automatically. Server default: `-1`.
    num_gpu: int
    # Which GPU holds the small tensors when several are used.
    main_gpu: int
    # Whether to memory-map the model file.
    use_mmap: bool
    # How many CPU threads to use; 0 decides automatically. Server default: `0`.
    num_thread: int
    # How many tokens a draft model proposes at a time (speculative decoding). Server default:
    # `4`.
    draft_num_predict: int


class MessageDict(TypedDict, total=False):
    """One message of a conversation. The server lower-cases `role` and does not check it; the roles it understands are `system`, `user`, `assistant` and `tool`."""

    role: str
    # The text. Responses always carry it, possibly empty.
    content: str
    # The model's reasoning, from a thinking model; may be sent back in the history.
    thinking: str
    # Images for a vision model. Older servers send `null` in responses.
    images: Sequence[str | bytes | os.PathLike[str] | IO[bytes]] | None
    tool_calls: Sequence[ToolCall | ToolCallDict]
    # In a `tool` message, the tool whose result this is.
    tool_name: str
    # In a `tool` message, the `id` of the call this answers.
    tool_call_id: str


class ToolCallDict(TypedDict, total=False):
    """A call the model wants to make to one of the tools it was given."""

    # Identifies the call, so that the tool's result can refer to it.
    id: str
    function: Required[ToolCallFunction | ToolCallFunctionDict]


class ToolCallFunctionDict(TypedDict, total=False):
    """The ToolCallFunction object."""

    # Position of the call among the calls of one message.
    index: int
    name: Required[str]
    # The arguments. Servers from before the arguments kept their order could send `null` for a
    # call without arguments.
    arguments: Mapping[str, Any] | ToolCallArguments | None


class ToolDict(TypedDict, total=False):
    """A function the model may call."""

    # Always `function` today; the server does not check it.
    type: str
    # Reserved; passed through unchanged.
    items: Any
    # A function's name, what it does and its arguments; a function without arguments may leave
    # `parameters` out.
    function: Required[ToolFunction | ToolFunctionDict]


class ToolFunctionDict(TypedDict, total=False):
    """A function's name, what it does and its arguments; a function without arguments may leave `parameters` out."""

    name: Required[str]
    description: str
    # A JSON Schema object describing the function's arguments.
    parameters: ToolParameters | ToolParametersDict


# A JSON Schema object describing the function's arguments.
ToolParametersDict = TypedDict(
    "ToolParametersDict",
    {
        "type": "str",
        "required": "Sequence[str]",
        "properties": "Mapping[str, ToolProperty | ToolPropertyDict]",
        "$defs": "Any",
        "items": "Any",
    },
    total=False,
)


class ToolPropertyDict(TypedDict, total=False):
    """The JSON Schema of one argument."""

    # A JSON type name, or several. The server refuses any other shape when it reads the request.
    type: str | Sequence[str]
    description: str
    enum: Sequence[Any]
    items: Any
    anyOf: Sequence[ToolProperty | ToolPropertyDict]
    properties: Mapping[str, ToolProperty | ToolPropertyDict]
    required: Sequence[str]
