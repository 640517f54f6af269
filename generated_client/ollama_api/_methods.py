# Generated from openapi.yaml by codegen/methods.py (scripts/regenerate). Do not edit.

"""The client object's methods, one per operation of the spec; the transport is left abstract.

`SyncMethods` and `AsyncMethods` shape each call (the keyword arguments are the request
schema's properties) and hand it to `_call(operation, body, stream=, path=, content=)`, which
the client that sends requests implements. `DefaultClient` forwards every call to a client
built on first use by the factory given to `set_default`: its bound methods are the
module-level shortcuts of this module's `__all__`."""

from __future__ import annotations

import builtins
import os
import threading
from abc import ABC, abstractmethod
from collections.abc import Callable, Mapping, Sequence
from typing import IO, Any, Literal, cast, overload

from .models import (
    ChatResponse,
    EmbeddingsResponse,
    EmbedResponse,
    GenerateResponse,
    ListResponse,
    Message,
    ModelRecommendationsResponse,
    Options,
    ProgressResponse,
    PsResponse,
    ShowResponse,
    StatusResponse,
    Tool,
    UserResponse,
    VersionResponse,
    WebFetchResponse,
    WebSearchResponse,
)
from .params import (
    MessageDict,
    OptionsDict,
    ToolDict,
)
from .streaming import AsyncStream, Stream

__all__ = [
    "blob_exists",
    "chat",
    "copy",
    "create",
    "create_blob",
    "delete",
    "disconnect",
    "embed",
    "embeddings",
    "generate",
    "heartbeat",
    "heartbeat_head",
    "list",
    "list_head",
    "model_recommendations",
    "ps",
    "pull",
    "push",
    "show",
    "signout",
    "status",
    "version",
    "version_head",
    "web_fetch",
    "web_fetch_experimental",
    "web_search",
    "web_search_experimental",
    "whoami",
]


class SyncMethods(ABC):
    """One method per operation of the spec, sync; subclasses send the requests."""

    @abstractmethod
    def _call(
        self,
        operation: str,
        body: builtins.dict[str, Any] | None,
        *,
        stream: bool,
        path: builtins.dict[str, Any],
        content: Any = None,
    ) -> Any:
        """Send one operation; `body` maps the spec's field names to values, None for unset."""

    def _progress(self, stream: Any) -> Any:
        """Read a progress stream to its end, drawing bars; answer its last item."""
        raise NotImplementedError

    def heartbeat(self) -> str:
        """Tell whether the server is up."""
        return cast("str", self._call("heartbeat", None, stream=False, path={}))

    def heartbeat_head(self) -> bool:
        """Tell whether the server is up, by status alone.

        Ollama registers HEAD with the GET's handler; Go's HTTP server then sends the GET's status
        and headers without the body.
        """
        return cast("bool", self._call("heartbeat_head", None, stream=False, path={}))

    def version(self) -> VersionResponse:
        """Report the server's version."""
        return cast(
            "VersionResponse", self._call("version", None, stream=False, path={})
        )

    def version_head(self) -> bool:
        """Tell whether the server reports its version, by status alone.

        Ollama registers HEAD with the GET's handler; Go's HTTP server then sends the GET's status
        and headers without the body.
        """
        return cast("bool", self._call("version_head", None, stream=False, path={}))

    def status(self) -> StatusResponse:
        """Report whether cloud models are available through this server."""
        return cast("StatusResponse", self._call("status", None, stream=False, path={}))

    @overload
    def generate(
        self,
        model: str,
        prompt: str | None = None,
        *,
        suffix: str | None = None,
        system: str | None = None,
        template: str | None = None,
        context: Sequence[int] | None = None,
        raw: bool | None = None,
        format: Literal["json", ""] | Mapping[str, Any] | type[Any] | None = None,
        keep_alive: str | float | None = None,
        images: Sequence[str | bytes | os.PathLike[str] | IO[bytes]] | None = None,
        options: Options | OptionsDict | None = None,
        think: bool | Literal["high", "medium", "low", "max"] | None = None,
        truncate: bool | None = None,
        shift: bool | None = None,
        logprobs: bool | None = None,
        top_logprobs: int | None = None,
        _debug_render_only: bool | None = None,
        width: int | None = None,
        height: int | None = None,
        steps: int | None = None,
        stream: Literal[False] = False,
    ) -> GenerateResponse: ...
    @overload
    def generate(
        self,
        model: str,
        prompt: str | None = None,
        *,
        suffix: str | None = None,
        system: str | None = None,
        template: str | None = None,
        context: Sequence[int] | None = None,
        raw: bool | None = None,
        format: Literal["json", ""] | Mapping[str, Any] | type[Any] | None = None,
        keep_alive: str | float | None = None,
        images: Sequence[str | bytes | os.PathLike[str] | IO[bytes]] | None = None,
        options: Options | OptionsDict | None = None,
        think: bool | Literal["high", "medium", "low", "max"] | None = None,
        truncate: bool | None = None,
        shift: bool | None = None,
        logprobs: bool | None = None,
        top_logprobs: int | None = None,
        _debug_render_only: bool | None = None,
        width: int | None = None,
        height: int | None = None,
        steps: int | None = None,
        stream: Literal[True],
    ) -> Stream[GenerateResponse]: ...
    @overload
    def generate(
        self,
        model: str,
        prompt: str | None = None,
        *,
        suffix: str | None = None,
        system: str | None = None,
        template: str | None = None,
        context: Sequence[int] | None = None,
        raw: bool | None = None,
        format: Literal["json", ""] | Mapping[str, Any] | type[Any] | None = None,
        keep_alive: str | float | None = None,
        images: Sequence[str | bytes | os.PathLike[str] | IO[bytes]] | None = None,
        options: Options | OptionsDict | None = None,
        think: bool | Literal["high", "medium", "low", "max"] | None = None,
        truncate: bool | None = None,
        shift: bool | None = None,
        logprobs: bool | None = None,
        top_logprobs: int | None = None,
        _debug_render_only: bool | None = None,
        width: int | None = None,
        height: int | None = None,
        steps: int | None = None,
        stream: bool,
    ) -> GenerateResponse | Stream[GenerateResponse]: ...
    def generate(
        self,
        model: str,
        prompt: str | None = None,
        *,
        suffix: str | None = None,
        system: str | None = None,
        template: str | None = None,
        context: Sequence[int] | None = None,
        raw: bool | None = None,
        format: Literal["json", ""] | Mapping[str, Any] | type[Any] | None = None,
        keep_alive: str | float | None = None,
        images: Sequence[str | bytes | os.PathLike[str] | IO[bytes]] | None = None,
        options: Options | OptionsDict | None = None,
        think: bool | Literal["high", "medium", "low", "max"] | None = None,
        truncate: bool | None = None,
        shift: bool | None = None,
        logprobs: bool | None = None,
        top_logprobs: int | None = None,
        _debug_render_only: bool | None = None,
        width: int | None = None,
        height: int | None = None,
        steps: int | None = None,
        stream: bool = False,
    ) -> GenerateResponse | Stream[GenerateResponse]:
        """Complete a prompt.

        Generates text for a prompt with the given model. The response streams as NDJSON unless the
        request says `"stream": false`.

        Two requests do not generate anything: an empty `prompt` loads the model into memory and
        answers one object with `done_reason: load`; an empty `prompt` together with `keep_alive: 0`
        unloads it and answers `done_reason: unload`. Both answer a single object even when
        streaming was asked for.

        Args:
            model: A model name, `[host/][namespace/]model[:tag]`. The host defaults to
                `registry.ollama.ai`, the namespace to `library` and the tag to `latest`. Matching
                is case-insensitive. Each part starts with a letter, digit or underscore; the model
                and tag may also hold `.`, `-` and `_` (up to 80 characters each), the namespace `-`
                and `_`, the host `.`, `:` and `-` (up to 350). With two parts the first is a
                namespace, so a host needs all three.
            prompt: The prompt. Empty or absent loads the model without generating. Server default:
                `''`.
            suffix: Text that follows the completion (fill in the middle). Needs the `insert`
                capability.
            system: Replaces the model's system prompt.
            template: Replaces the model's prompt template (Go template syntax).
            context: Deprecated. The `context` of an earlier response, to continue from it.
            raw: Send the prompt as is, without the template. Cannot be combined with template,
                system or context. Server default: `False`.
            format: The shape of the output: `"json"` for any JSON value, a JSON Schema object for
                structured output, or `""`/`null` for free text (the default).
            keep_alive: How long the model stays in memory after the request: a Go duration string
                (`"5m"`, `"1h30m"`, `"0"`) or a number of seconds. Zero unloads the model at once, a
                negative value keeps it loaded forever, and `null` or no value means the server's
                default (5 minutes). A string without a unit, such as `"10"`, is refused.
            images: Images for a vision model.
            options: Model options. They override the model's own parameters, which override the
                server's defaults. Unknown keys are ignored, and so is `null`. A wrongly typed value
                is refused with a 500 when the model is scheduled. Integer options also accept a
                number with a fraction, which the server truncates. The options marked `x-load-time:
                true` are fixed when the model is loaded: a request that asks for other values
                reloads the model (Ollama's scheduler compares them in `needsReload`), which costs
                seconds to minutes.
            think: Whether a thinking model thinks before it answers: `true`/`false`, or an effort
                level. `true` means `medium`. Models that cannot think refuse `true` and the levels;
                `false` is always accepted. Thinking models think when the field is absent.
            truncate: Cut the prompt to fit the context window instead of failing. Server default:
                `True`.
            shift: Shift the context when it fills up instead of stopping. Server default: `True`.
            logprobs: Return the log probability of each generated token. Server default: `False`.
            top_logprobs: How many likely alternatives to return at each position, with `logprobs`.
                Server default: `0`.
            _debug_render_only: Return the rendered prompt instead of running the model. Server
                default: `False`.
            width: Width in pixels of a generated picture for image models, read by servers 0.14.3
                to 0.32.5 only; 0.32.6 removed it, and later servers ignore it.
            height: Height in pixels of a generated picture for image models, read by servers 0.14.3
                to 0.32.5 only; 0.32.6 removed it, and later servers ignore it.
            steps: Diffusion steps for a generated picture for image models, read by servers 0.14.3
                to 0.32.5 only; 0.32.6 removed it, and later servers ignore it.
            stream: False (the default) answers one object; True returns a stream of typed items,
                one per NDJSON line, read as they arrive.
        """
        return cast(
            "GenerateResponse | Stream[GenerateResponse]",
            self._call(
                "generate",
                {
                    "model": model,
                    "prompt": prompt,
                    "suffix": suffix,
                    "system": system,
                    "template": template,
                    "context": context,
                    "raw": raw,
                    "format": format,
                    "keep_alive": keep_alive,
                    "images": images,
                    "options": options,
                    "think": think,
                    "truncate": truncate,
                    "shift": shift,
                    "logprobs": logprobs,
                    "top_logprobs": top_logprobs,
                    "_debug_render_only": _debug_render_only,
                    "width": width,
                    "height": height,
                    "steps": steps,
                },
                stream=stream,
                path={},
            ),
        )

    @overload
    def chat(
        self,
        model: str,
        messages: Sequence[Message | MessageDict] | None = None,
        *,
        tools: Sequence[Tool | ToolDict | Callable[..., Any]] | None = None,
        format: Literal["json", ""] | Mapping[str, Any] | type[Any] | None = None,
        keep_alive: str | float | None = None,
        options: Options | OptionsDict | None = None,
        think: bool | Literal["high", "medium", "low", "max"] | None = None,
        truncate: bool | None = None,
        shift: bool | None = None,
        logprobs: bool | None = None,
        top_logprobs: int | None = None,
        _debug_render_only: bool | None = None,
        stream: Literal[False] = False,
    ) -> ChatResponse: ...
    @overload
    def chat(
        self,
        model: str,
        messages: Sequence[Message | MessageDict] | None = None,
        *,
        tools: Sequence[Tool | ToolDict | Callable[..., Any]] | None = None,
        format: Literal["json", ""] | Mapping[str, Any] | type[Any] | None = None,
        keep_alive: str | float | None = None,
        options: Options | OptionsDict | None = None,
        think: bool | Literal["high", "medium", "low", "max"] | None = None,
        truncate: bool | None = None,
        shift: bool | None = None,
        logprobs: bool | None = None,
        top_logprobs: int | None = None,
        _debug_render_only: bool | None = None,
        stream: Literal[True],
    ) -> Stream[ChatResponse]: ...
    @overload
    def chat(
        self,
        model: str,
        messages: Sequence[Message | MessageDict] | None = None,
        *,
        tools: Sequence[Tool | ToolDict | Callable[..., Any]] | None = None,
        format: Literal["json", ""] | Mapping[str, Any] | type[Any] | None = None,
        keep_alive: str | float | None = None,
        options: Options | OptionsDict | None = None,
        think: bool | Literal["high", "medium", "low", "max"] | None = None,
        truncate: bool | None = None,
        shift: bool | None = None,
        logprobs: bool | None = None,
        top_logprobs: int | None = None,
        _debug_render_only: bool | None = None,
        stream: bool,
    ) -> ChatResponse | Stream[ChatResponse]: ...
    def chat(
        self,
        model: str,
        messages: Sequence[Message | MessageDict] | None = None,
        *,
        tools: Sequence[Tool | ToolDict | Callable[..., Any]] | None = None,
        format: Literal["json", ""] | Mapping[str, Any] | type[Any] | None = None,
        keep_alive: str | float | None = None,
        options: Options | OptionsDict | None = None,
        think: bool | Literal["high", "medium", "low", "max"] | None = None,
        truncate: bool | None = None,
        shift: bool | None = None,
        logprobs: bool | None = None,
        top_logprobs: int | None = None,
        _debug_render_only: bool | None = None,
        stream: bool = False,
    ) -> ChatResponse | Stream[ChatResponse]:
        """Continue a conversation.

        Generates the next message of a conversation. The response streams as NDJSON unless the
        request says `"stream": false`. No `messages` loads the model (`done_reason: load`); no
        `messages` with `keep_alive: 0` unloads it (`done_reason: unload`).

        Args:
            model: A model name, `[host/][namespace/]model[:tag]`. The host defaults to
                `registry.ollama.ai`, the namespace to `library` and the tag to `latest`. Matching
                is case-insensitive. Each part starts with a letter, digit or underscore; the model
                and tag may also hold `.`, `-` and `_` (up to 80 characters each), the namespace `-`
                and `_`, the host `.`, `:` and `-` (up to 350). With two parts the first is a
                namespace, so a host needs all three.
            messages: The conversation so far. Empty or absent loads the model without generating.
            tools: Tools the model may call. Needs the `tools` capability.
            format: The shape of the output: `"json"` for any JSON value, a JSON Schema object for
                structured output, or `""`/`null` for free text (the default).
            keep_alive: How long the model stays in memory after the request: a Go duration string
                (`"5m"`, `"1h30m"`, `"0"`) or a number of seconds. Zero unloads the model at once, a
                negative value keeps it loaded forever, and `null` or no value means the server's
                default (5 minutes). A string without a unit, such as `"10"`, is refused.
            options: Model options. They override the model's own parameters, which override the
                server's defaults. Unknown keys are ignored, and so is `null`. A wrongly typed value
                is refused with a 500 when the model is scheduled. Integer options also accept a
                number with a fraction, which the server truncates. The options marked `x-load-time:
                true` are fixed when the model is loaded: a request that asks for other values
                reloads the model (Ollama's scheduler compares them in `needsReload`), which costs
                seconds to minutes.
            think: Whether a thinking model thinks before it answers: `true`/`false`, or an effort
                level. `true` means `medium`. Models that cannot think refuse `true` and the levels;
                `false` is always accepted. Thinking models think when the field is absent.
            truncate: Drop the oldest messages to fit the context window instead of failing. Server
                default: `True`.
            shift: Server default: `True`.
            logprobs: Server default: `False`.
            top_logprobs: Server default: `0`.
            _debug_render_only: Server default: `False`.
            stream: False (the default) answers one object; True returns a stream of typed items,
                one per NDJSON line, read as they arrive.
        """
        return cast(
            "ChatResponse | Stream[ChatResponse]",
            self._call(
                "chat",
                {
                    "model": model,
                    "messages": messages,
                    "tools": tools,
                    "format": format,
                    "keep_alive": keep_alive,
                    "options": options,
                    "think": think,
                    "truncate": truncate,
                    "shift": shift,
                    "logprobs": logprobs,
                    "top_logprobs": top_logprobs,
                    "_debug_render_only": _debug_render_only,
                },
                stream=stream,
                path={},
            ),
        )

    def embed(
        self,
        model: str,
        input: str | Sequence[str] | None = None,
        *,
        truncate: bool | None = None,
        dimensions: int | None = None,
        keep_alive: str | float | None = None,
        options: Options | OptionsDict | None = None,
    ) -> EmbedResponse:
        """Embed one or more inputs.

        Returns one L2-normalised vector per input. No input (an empty string, an empty array or no
        field) only loads the model and answers an empty `embeddings` array.

        Args:
            model: A model name, `[host/][namespace/]model[:tag]`. The host defaults to
                `registry.ollama.ai`, the namespace to `library` and the tag to `latest`. Matching
                is case-insensitive. Each part starts with a letter, digit or underscore; the model
                and tag may also hold `.`, `-` and `_` (up to 80 characters each), the namespace `-`
                and `_`, the host `.`, `:` and `-` (up to 350). With two parts the first is a
                namespace, so a host needs all three.
            input: One text or several. Empty or absent only loads the model.
            truncate: Cut inputs that are too long for the context; when false they are refused.
                Server default: `True`.
            dimensions: Shorten the vectors to this many dimensions (and normalise them again).
            keep_alive: How long the model stays in memory after the request: a Go duration string
                (`"5m"`, `"1h30m"`, `"0"`) or a number of seconds. Zero unloads the model at once, a
                negative value keeps it loaded forever, and `null` or no value means the server's
                default (5 minutes). A string without a unit, such as `"10"`, is refused.
            options: Model options. They override the model's own parameters, which override the
                server's defaults. Unknown keys are ignored, and so is `null`. A wrongly typed value
                is refused with a 500 when the model is scheduled. Integer options also accept a
                number with a fraction, which the server truncates. The options marked `x-load-time:
                true` are fixed when the model is loaded: a request that asks for other values
                reloads the model (Ollama's scheduler compares them in `needsReload`), which costs
                seconds to minutes.
        """
        return cast(
            "EmbedResponse",
            self._call(
                "embed",
                {
                    "model": model,
                    "input": input,
                    "truncate": truncate,
                    "dimensions": dimensions,
                    "keep_alive": keep_alive,
                    "options": options,
                },
                stream=False,
                path={},
            ),
        )

    def embeddings(
        self,
        model: str,
        prompt: str | None = None,
        *,
        keep_alive: str | float | None = None,
        options: Options | OptionsDict | None = None,
    ) -> EmbeddingsResponse:
        """Embed one prompt (legacy; prefer embed).

        The older embedding endpoint. The vector is **not** normalised and comes without metrics. An
        empty `prompt` loads the model and answers an empty `embedding`.

        Args:
            model: A model name, `[host/][namespace/]model[:tag]`. The host defaults to
                `registry.ollama.ai`, the namespace to `library` and the tag to `latest`. Matching
                is case-insensitive. Each part starts with a letter, digit or underscore; the model
                and tag may also hold `.`, `-` and `_` (up to 80 characters each), the namespace `-`
                and `_`, the host `.`, `:` and `-` (up to 350). With two parts the first is a
                namespace, so a host needs all three.
            prompt: The text to embed. Empty or absent only loads the model.
            keep_alive: How long the model stays in memory after the request: a Go duration string
                (`"5m"`, `"1h30m"`, `"0"`) or a number of seconds. Zero unloads the model at once, a
                negative value keeps it loaded forever, and `null` or no value means the server's
                default (5 minutes). A string without a unit, such as `"10"`, is refused.
            options: Model options. They override the model's own parameters, which override the
                server's defaults. Unknown keys are ignored, and so is `null`. A wrongly typed value
                is refused with a 500 when the model is scheduled. Integer options also accept a
                number with a fraction, which the server truncates. The options marked `x-load-time:
                true` are fixed when the model is loaded: a request that asks for other values
                reloads the model (Ollama's scheduler compares them in `needsReload`), which costs
                seconds to minutes.
        """
        return cast(
            "EmbeddingsResponse",
            self._call(
                "embeddings",
                {
                    "model": model,
                    "prompt": prompt,
                    "keep_alive": keep_alive,
                    "options": options,
                },
                stream=False,
                path={},
            ),
        )

    @overload
    def create(
        self,
        model: str | None = None,
        *,
        name: str | None = None,
        from_: str | None = None,
        files: Mapping[str, str] | None = None,
        adapters: Mapping[str, str] | None = None,
        template: str | None = None,
        license: str | Sequence[str] | None = None,
        system: str | None = None,
        parameters: Options | OptionsDict | None = None,
        messages: Sequence[Message | MessageDict] | None = None,
        quantize: str | None = None,
        renderer: str | None = None,
        parser: str | None = None,
        requires: str | None = None,
        remote_host: str | None = None,
        info: Mapping[str, Any] | None = None,
        draft_files: Mapping[str, str] | None = None,
        draft_quantize: str | None = None,
        quantization: str | None = None,
        stream: Literal[False] = False,
        progress: bool = False,
    ) -> ProgressResponse: ...
    @overload
    def create(
        self,
        model: str | None = None,
        *,
        name: str | None = None,
        from_: str | None = None,
        files: Mapping[str, str] | None = None,
        adapters: Mapping[str, str] | None = None,
        template: str | None = None,
        license: str | Sequence[str] | None = None,
        system: str | None = None,
        parameters: Options | OptionsDict | None = None,
        messages: Sequence[Message | MessageDict] | None = None,
        quantize: str | None = None,
        renderer: str | None = None,
        parser: str | None = None,
        requires: str | None = None,
        remote_host: str | None = None,
        info: Mapping[str, Any] | None = None,
        draft_files: Mapping[str, str] | None = None,
        draft_quantize: str | None = None,
        quantization: str | None = None,
        stream: Literal[True],
        progress: Literal[False] = False,
    ) -> Stream[ProgressResponse]: ...
    @overload
    def create(
        self,
        model: str | None = None,
        *,
        name: str | None = None,
        from_: str | None = None,
        files: Mapping[str, str] | None = None,
        adapters: Mapping[str, str] | None = None,
        template: str | None = None,
        license: str | Sequence[str] | None = None,
        system: str | None = None,
        parameters: Options | OptionsDict | None = None,
        messages: Sequence[Message | MessageDict] | None = None,
        quantize: str | None = None,
        renderer: str | None = None,
        parser: str | None = None,
        requires: str | None = None,
        remote_host: str | None = None,
        info: Mapping[str, Any] | None = None,
        draft_files: Mapping[str, str] | None = None,
        draft_quantize: str | None = None,
        quantization: str | None = None,
        stream: bool,
        progress: bool = False,
    ) -> ProgressResponse | Stream[ProgressResponse]: ...
    def create(
        self,
        model: str | None = None,
        *,
        name: str | None = None,
        from_: str | None = None,
        files: Mapping[str, str] | None = None,
        adapters: Mapping[str, str] | None = None,
        template: str | None = None,
        license: str | Sequence[str] | None = None,
        system: str | None = None,
        parameters: Options | OptionsDict | None = None,
        messages: Sequence[Message | MessageDict] | None = None,
        quantize: str | None = None,
        renderer: str | None = None,
        parser: str | None = None,
        requires: str | None = None,
        remote_host: str | None = None,
        info: Mapping[str, Any] | None = None,
        draft_files: Mapping[str, str] | None = None,
        draft_quantize: str | None = None,
        quantization: str | None = None,
        stream: bool = False,
        progress: bool = False,
    ) -> ProgressResponse | Stream[ProgressResponse]:
        """Create a model from another model, or from uploaded GGUF or Safetensors files.

        Needs `from` or `files`. Files must be uploaded first with `POST /api/blobs/{digest}`;
        `files` maps each file name to its digest. Progress streams as NDJSON unless `"stream":
        false`, in which case the last progress object (normally `{"status": "success"}`) is the
        answer. Once progress has started, a failure arrives as an error line under the `200`.

        Args:
            model: A model name, `[host/][namespace/]model[:tag]`. The host defaults to
                `registry.ollama.ai`, the namespace to `library` and the tag to `latest`. Matching
                is case-insensitive. Each part starts with a letter, digit or underscore; the model
                and tag may also hold `.`, `-` and `_` (up to 80 characters each), the namespace `-`
                and `_`, the host `.`, `:` and `-` (up to 350). With two parts the first is a
                namespace, so a host needs all three.
            name: Deprecated. The older spelling of `model`, still read when `model` is absent.
            from_: An existing model to build on; pulled first if it is not local.
            files: File name to blob digest, for GGUF or Safetensors files uploaded as blobs.
            adapters: File name to blob digest, for one LoRA adapter.
            template: The prompt template (Go template syntax).
            license: One license or several.
            parameters: Model options. They override the model's own parameters, which override the
                server's defaults. Unknown keys are ignored, and so is `null`. A wrongly typed value
                is refused with a 500 when the model is scheduled. Integer options also accept a
                number with a fraction, which the server truncates. The options marked `x-load-time:
                true` are fixed when the model is loaded: a request that asks for other values
                reloads the model (Ollama's scheduler compares them in `needsReload`), which costs
                seconds to minutes.
            messages: Messages placed before every conversation with the model.
            quantize: Quantize the source, which must be F16, BF16 or F32. Known types, case-
                insensitive: `q4_K_M` (also `q4_K`), `q4_K_S`, `q8_0`, `f16`, `f32`, `bf16`.
            requires: The oldest server version the model works with.
            remote_host: Make a stub that runs the model on this remote server.
            info: Extra facts about the model.
            draft_files: File name to blob digest, for a draft model used in speculative decoding.
            draft_quantize: Quantize the draft model; needs draft_files.
            quantization: Deprecated. The older spelling of `quantize`.
            stream: False (the default) answers one object; True returns a stream of typed items,
                one per NDJSON line, read as they arrive.
            progress: True draws a progress bar per layer on stderr (tqdm) while the stream is read,
                and answers its last item (normally `status: success`).
        """
        if progress:
            if stream:
                raise ValueError(
                    "progress=True draws the stream itself: leave stream= out"
                )
            return cast(
                "ProgressResponse",
                self._progress(
                    self._call(
                        "create_model",
                        {
                            "model": model,
                            "name": name,
                            "from": from_,
                            "files": files,
                            "adapters": adapters,
                            "template": template,
                            "license": license,
                            "system": system,
                            "parameters": parameters,
                            "messages": messages,
                            "quantize": quantize,
                            "renderer": renderer,
                            "parser": parser,
                            "requires": requires,
                            "remote_host": remote_host,
                            "info": info,
                            "draft_files": draft_files,
                            "draft_quantize": draft_quantize,
                            "quantization": quantization,
                        },
                        stream=True,
                        path={},
                    )
                ),
            )
        return cast(
            "ProgressResponse | Stream[ProgressResponse]",
            self._call(
                "create_model",
                {
                    "model": model,
                    "name": name,
                    "from": from_,
                    "files": files,
                    "adapters": adapters,
                    "template": template,
                    "license": license,
                    "system": system,
                    "parameters": parameters,
                    "messages": messages,
                    "quantize": quantize,
                    "renderer": renderer,
                    "parser": parser,
                    "requires": requires,
                    "remote_host": remote_host,
                    "info": info,
                    "draft_files": draft_files,
                    "draft_quantize": draft_quantize,
                    "quantization": quantization,
                },
                stream=stream,
                path={},
            ),
        )

    def blob_exists(self, digest: str) -> bool:
        """Tell whether the server holds a blob.

        Answers by status alone: no response to a HEAD carries a body. The 400 and 404 still name
        `application/json` in their Content-Type, the type of the error a GET would have carried.

        Args:
            digest: The blob's sha256, spelled `sha256:<64 hex digits>`. HEAD also accepts `sha256-`
                and upper-case hex; POST only matches the lower-case `sha256:` form. (in the path)
        """
        return cast(
            "bool",
            self._call("blob_exists", None, stream=False, path={"digest": digest}),
        )

    def create_blob(
        self,
        data: bytes | IO[bytes] | str | os.PathLike[str],
        *,
        digest: str | None = None,
    ) -> str:
        """Upload a file as a blob named by its digest.

        The body is the raw file. The server hashes it and keeps it only when the sha256 matches the
        digest in the path, which must be spelled `sha256:` followed by 64 lower-case hex digits.
        When the blob already exists the body is not read.

        Args:
            data: the file's bytes, an open binary file, or a path to read.
            digest: The blob's sha256, spelled `sha256:<64 hex digits>`. HEAD also accepts `sha256-`
                and upper-case hex; POST only matches the lower-case `sha256:` form. Computed from
                `data` when left out. (in the path)

        Returns the digest of the blob, which `create(files=...)` names.
        """
        return cast(
            "str",
            self._call(
                "push_blob", None, stream=False, path={"digest": digest}, content=data
            ),
        )

    def list(self) -> ListResponse:
        """List the models the server holds."""
        return cast(
            "ListResponse", self._call("list_models", None, stream=False, path={})
        )

    def list_head(self) -> bool:
        """Tell whether the model list can be read, by status alone.

        Ollama registers HEAD with the GET's handler; Go's HTTP server then sends the GET's status
        and headers without the body.
        """
        return cast("bool", self._call("list_models_head", None, stream=False, path={}))

    def show(
        self,
        model: str | None = None,
        *,
        name: str | None = None,
        verbose: bool | None = None,
        system: str | None = None,
        options: Options | OptionsDict | None = None,
        template: str | None = None,
    ) -> ShowResponse:
        """Show a model's details, template, parameters and metadata.

        Args:
            model: A model name, `[host/][namespace/]model[:tag]`. The host defaults to
                `registry.ollama.ai`, the namespace to `library` and the tag to `latest`. Matching
                is case-insensitive. Each part starts with a letter, digit or underscore; the model
                and tag may also hold `.`, `-` and `_` (up to 80 characters each), the namespace `-`
                and `_`, the host `.`, `:` and `-` (up to 350). With two parts the first is a
                namespace, so a host needs all three.
            name: Deprecated. The older spelling of `model`, still read when `model` is absent.
            verbose: Send long arrays of model_info in full. Server default: `False`.
            system: Show the model as if this were its system prompt.
            options: Model options. They override the model's own parameters, which override the
                server's defaults. Unknown keys are ignored, and so is `null`. A wrongly typed value
                is refused with a 500 when the model is scheduled. Integer options also accept a
                number with a fraction, which the server truncates. The options marked `x-load-time:
                true` are fixed when the model is loaded: a request that asks for other values
                reloads the model (Ollama's scheduler compares them in `needsReload`), which costs
                seconds to minutes.
            template: Deprecated. Read by old servers; current servers ignore it.
        """
        return cast(
            "ShowResponse",
            self._call(
                "show_model",
                {
                    "model": model,
                    "name": name,
                    "verbose": verbose,
                    "system": system,
                    "options": options,
                    "template": template,
                },
                stream=False,
                path={},
            ),
        )

    def copy(self, source: str, destination: str) -> None:
        """Copy a model under another name.

        Args:
            source: A model name, `[host/][namespace/]model[:tag]`. The host defaults to
                `registry.ollama.ai`, the namespace to `library` and the tag to `latest`. Matching
                is case-insensitive. Each part starts with a letter, digit or underscore; the model
                and tag may also hold `.`, `-` and `_` (up to 80 characters each), the namespace `-`
                and `_`, the host `.`, `:` and `-` (up to 350). With two parts the first is a
                namespace, so a host needs all three.
            destination: A model name, `[host/][namespace/]model[:tag]`. The host defaults to
                `registry.ollama.ai`, the namespace to `library` and the tag to `latest`. Matching
                is case-insensitive. Each part starts with a letter, digit or underscore; the model
                and tag may also hold `.`, `-` and `_` (up to 80 characters each), the namespace `-`
                and `_`, the host `.`, `:` and `-` (up to 350). With two parts the first is a
                namespace, so a host needs all three.
        """
        return cast(
            "None",
            self._call(
                "copy_model",
                {"source": source, "destination": destination},
                stream=False,
                path={},
            ),
        )

    def delete(self, model: str | None = None, *, name: str | None = None) -> None:
        """Delete a model and the layers no other model uses.

        The model is named in a JSON body, which this DELETE carries.

        Args:
            model: A model name, `[host/][namespace/]model[:tag]`. The host defaults to
                `registry.ollama.ai`, the namespace to `library` and the tag to `latest`. Matching
                is case-insensitive. Each part starts with a letter, digit or underscore; the model
                and tag may also hold `.`, `-` and `_` (up to 80 characters each), the namespace `-`
                and `_`, the host `.`, `:` and `-` (up to 350). With two parts the first is a
                namespace, so a host needs all three.
            name: Deprecated. The older spelling of `model`, still read when `model` is absent.
        """
        return cast(
            "None",
            self._call(
                "delete_model", {"model": model, "name": name}, stream=False, path={}
            ),
        )

    @overload
    def pull(
        self,
        model: str | None = None,
        *,
        name: str | None = None,
        insecure: bool | None = None,
        username: str | None = None,
        password: str | None = None,
        stream: Literal[False] = False,
        progress: bool = False,
    ) -> ProgressResponse: ...
    @overload
    def pull(
        self,
        model: str | None = None,
        *,
        name: str | None = None,
        insecure: bool | None = None,
        username: str | None = None,
        password: str | None = None,
        stream: Literal[True],
        progress: Literal[False] = False,
    ) -> Stream[ProgressResponse]: ...
    @overload
    def pull(
        self,
        model: str | None = None,
        *,
        name: str | None = None,
        insecure: bool | None = None,
        username: str | None = None,
        password: str | None = None,
        stream: bool,
        progress: bool = False,
    ) -> ProgressResponse | Stream[ProgressResponse]: ...
    def pull(
        self,
        model: str | None = None,
        *,
        name: str | None = None,
        insecure: bool | None = None,
        username: str | None = None,
        password: str | None = None,
        stream: bool = False,
        progress: bool = False,
    ) -> ProgressResponse | Stream[ProgressResponse]:
        """Download a model from a registry.

        Progress streams as NDJSON unless `"stream": false`. A model the registry does not have is
        reported by an error line after `{"status": "pulling manifest"}`, or by a 500 when not
        streaming.

        Args:
            model: A model name, `[host/][namespace/]model[:tag]`. The host defaults to
                `registry.ollama.ai`, the namespace to `library` and the tag to `latest`. Matching
                is case-insensitive. Each part starts with a letter, digit or underscore; the model
                and tag may also hold `.`, `-` and `_` (up to 80 characters each), the namespace `-`
                and `_`, the host `.`, `:` and `-` (up to 350). With two parts the first is a
                namespace, so a host needs all three.
            name: Deprecated. The older spelling of `model`, still read when `model` is absent.
            insecure: Allow a registry reached over plain HTTP. Server default: `False`.
            username: Deprecated. Read and ignored.
            password: Deprecated. Read and ignored.
            stream: False (the default) answers one object; True returns a stream of typed items,
                one per NDJSON line, read as they arrive.
            progress: True draws a progress bar per layer on stderr (tqdm) while the stream is read,
                and answers its last item (normally `status: success`).
        """
        if progress:
            if stream:
                raise ValueError(
                    "progress=True draws the stream itself: leave stream= out"
                )
            return cast(
                "ProgressResponse",
                self._progress(
                    self._call(
                        "pull_model",
                        {
                            "model": model,
                            "name": name,
                            "insecure": insecure,
                            "username": username,
                            "password": password,
                        },
                        stream=True,
                        path={},
                    )
                ),
            )
        return cast(
            "ProgressResponse | Stream[ProgressResponse]",
            self._call(
                "pull_model",
                {
                    "model": model,
                    "name": name,
                    "insecure": insecure,
                    "username": username,
                    "password": password,
                },
                stream=stream,
                path={},
            ),
        )

    @overload
    def push(
        self,
        model: str | None = None,
        *,
        name: str | None = None,
        insecure: bool | None = None,
        username: str | None = None,
        password: str | None = None,
        stream: Literal[False] = False,
        progress: bool = False,
    ) -> ProgressResponse: ...
    @overload
    def push(
        self,
        model: str | None = None,
        *,
        name: str | None = None,
        insecure: bool | None = None,
        username: str | None = None,
        password: str | None = None,
        stream: Literal[True],
        progress: Literal[False] = False,
    ) -> Stream[ProgressResponse]: ...
    @overload
    def push(
        self,
        model: str | None = None,
        *,
        name: str | None = None,
        insecure: bool | None = None,
        username: str | None = None,
        password: str | None = None,
        stream: bool,
        progress: bool = False,
    ) -> ProgressResponse | Stream[ProgressResponse]: ...
    def push(
        self,
        model: str | None = None,
        *,
        name: str | None = None,
        insecure: bool | None = None,
        username: str | None = None,
        password: str | None = None,
        stream: bool = False,
        progress: bool = False,
    ) -> ProgressResponse | Stream[ProgressResponse]:
        """Upload a model to a registry.

        The model name must include the namespace the registry expects
        (`<namespace>/<model>:<tag>`). Progress streams as NDJSON unless `"stream": false`.

        Args:
            model: A model name, `[host/][namespace/]model[:tag]`. The host defaults to
                `registry.ollama.ai`, the namespace to `library` and the tag to `latest`. Matching
                is case-insensitive. Each part starts with a letter, digit or underscore; the model
                and tag may also hold `.`, `-` and `_` (up to 80 characters each), the namespace `-`
                and `_`, the host `.`, `:` and `-` (up to 350). With two parts the first is a
                namespace, so a host needs all three.
            name: Deprecated. The older spelling of `model`, still read when `model` is absent.
            insecure: Allow a registry reached over plain HTTP. Server default: `False`.
            username: Deprecated. Read and ignored.
            password: Deprecated. Read and ignored.
            stream: False (the default) answers one object; True returns a stream of typed items,
                one per NDJSON line, read as they arrive.
            progress: True draws a progress bar per layer on stderr (tqdm) while the stream is read,
                and answers its last item (normally `status: success`).
        """
        if progress:
            if stream:
                raise ValueError(
                    "progress=True draws the stream itself: leave stream= out"
                )
            return cast(
                "ProgressResponse",
                self._progress(
                    self._call(
                        "push_model",
                        {
                            "model": model,
                            "name": name,
                            "insecure": insecure,
                            "username": username,
                            "password": password,
                        },
                        stream=True,
                        path={},
                    )
                ),
            )
        return cast(
            "ProgressResponse | Stream[ProgressResponse]",
            self._call(
                "push_model",
                {
                    "model": model,
                    "name": name,
                    "insecure": insecure,
                    "username": username,
                    "password": password,
                },
                stream=stream,
                path={},
            ),
        )

    def ps(self) -> PsResponse:
        """List the models loaded in memory."""
        return cast(
            "PsResponse", self._call("list_running", None, stream=False, path={})
        )

    def whoami(self) -> UserResponse:
        """Tell which ollama.com account this server is signed in to.

        Asks ollama.com (since 0.12.0), signing the request with this machine's key; takes no body.
        The official CLI calls it before `ollama push` to an ollama.com name. A server that cannot
        reach ollama.com answers 503 `account unavailable`; a machine whose key is not connected to
        an account answers 401 with the `signin_url` that connects it. A plan ollama.com leaves out
        is reported as `free`.
        """
        return cast("UserResponse", self._call("whoami", None, stream=False, path={}))

    def signout(self) -> None:
        """Disconnect this machine from its ollama.com account.

        Asks ollama.com (since 0.12.1) to forget this machine's public key; takes no body. Success
        is a 200 whose body is the JSON `null`. Offline, or without a key, the answer is a 500.
        """
        return cast("None", self._call("signout", None, stream=False, path={}))

    def disconnect(self, encodedKey: str) -> None:
        """Sign out (the older route, kept for old clients).

        The route the first account-aware clients (0.12.0) used to sign out. Ollama answers it with
        the sign-out handler: the key in the path is not read, the server's own key is the one
        disconnected, and the answers are those of `POST /api/signout`.

        Args:
            encodedKey: A public key in unpadded base64url. Ignored by the server. (in the path)
        """
        return cast(
            "None",
            self._call(
                "disconnect", None, stream=False, path={"encodedKey": encodedKey}
            ),
        )

    def web_search_experimental(
        self, query: str, max_results: int | None = None
    ) -> WebSearchResponse:
        """Search the web through ollama.com, signed by this server.

        Since 0.17.8. The server drops the client's `Authorization` header, signs the request with
        its own key and passes body and answer through to ollama.com's `/api/web_search`, so the
        statuses of ollama.com come back as they are. Only an empty body is refused locally.
        Offline, the answer is a 502 carrying the dial error.

        Args:
            query: What to search for.
            max_results: How many results to return at most; ollama.com decides when absent (the
                official clients send 3).
        """
        return cast(
            "WebSearchResponse",
            self._call(
                "web_search_experimental",
                {"query": query, "max_results": max_results},
                stream=False,
                path={},
            ),
        )

    def web_fetch_experimental(self, url: str) -> WebFetchResponse:
        """Fetch a web page through ollama.com, signed by this server.

        Since 0.17.8. Passed through to ollama.com's `/api/web_fetch` as `web_search` is: the
        client's `Authorization` is dropped, the server signs, and ollama.com's answer comes back.

        Args:
            url: The page to fetch.
        """
        return cast(
            "WebFetchResponse",
            self._call("web_fetch_experimental", {"url": url}, stream=False, path={}),
        )

    def model_recommendations(self) -> ModelRecommendationsResponse:
        """List the models Ollama recommends.

        Since 0.22.1. Answered from the server itself: a list built into the server, or one it keeps
        refreshed from ollama.com in the background. So it answers offline too.
        """
        return cast(
            "ModelRecommendationsResponse",
            self._call("model_recommendations", None, stream=False, path={}),
        )

    def web_search(
        self, query: str, max_results: int | None = None
    ) -> WebSearchResponse:
        """Search the web (ollama.com's hosted API, with an API key).

        Offered by ollama.com, not by a local server: the official clients send it to
        `https://ollama.com/api/web_search` with `Authorization: Bearer <OLLAMA_API_KEY>`.

        Args:
            query: What to search for.
            max_results: How many results to return at most; ollama.com decides when absent (the
                official clients send 3).
        """
        return cast(
            "WebSearchResponse",
            self._call(
                "web_search",
                {"query": query, "max_results": max_results},
                stream=False,
                path={},
            ),
        )

    def web_fetch(self, url: str) -> WebFetchResponse:
        """Fetch a web page (ollama.com's hosted API, with an API key).

        Offered by ollama.com, not by a local server: the official clients send it to
        `https://ollama.com/api/web_fetch` with `Authorization: Bearer <OLLAMA_API_KEY>`.

        Args:
            url: The page to fetch.
        """
        return cast(
            "WebFetchResponse",
            self._call("web_fetch", {"url": url}, stream=False, path={}),
        )


class AsyncMethods(ABC):
    """One method per operation of the spec, async; subclasses send the requests."""

    @abstractmethod
    async def _call(
        self,
        operation: str,
        body: builtins.dict[str, Any] | None,
        *,
        stream: bool,
        path: builtins.dict[str, Any],
        content: Any = None,
    ) -> Any:
        """Send one operation; `body` maps the spec's field names to values, None for unset."""

    async def _progress(self, stream: Any) -> Any:
        """Read a progress stream to its end, drawing bars; answer its last item."""
        raise NotImplementedError

    async def heartbeat(self) -> str:
        """Tell whether the server is up."""
        return cast("str", await self._call("heartbeat", None, stream=False, path={}))

    async def heartbeat_head(self) -> bool:
        """Tell whether the server is up, by status alone.

        Ollama registers HEAD with the GET's handler; Go's HTTP server then sends the GET's status
        and headers without the body.
        """
        return cast(
            "bool", await self._call("heartbeat_head", None, stream=False, path={})
        )

    async def version(self) -> VersionResponse:
        """Report the server's version."""
        return cast(
            "VersionResponse", await self._call("version", None, stream=False, path={})
        )

    async def version_head(self) -> bool:
        """Tell whether the server reports its version, by status alone.

        Ollama registers HEAD with the GET's handler; Go's HTTP server then sends the GET's status
        and headers without the body.
        """
        return cast(
            "bool", await self._call("version_head", None, stream=False, path={})
        )

    async def status(self) -> StatusResponse:
        """Report whether cloud models are available through this server."""
        return cast(
            "StatusResponse", await self._call("status", None, stream=False, path={})
        )

    @overload
    async def generate(
        self,
        model: str,
        prompt: str | None = None,
        *,
        suffix: str | None = None,
        system: str | None = None,
        template: str | None = None,
        context: Sequence[int] | None = None,
        raw: bool | None = None,
        format: Literal["json", ""] | Mapping[str, Any] | type[Any] | None = None,
        keep_alive: str | float | None = None,
        images: Sequence[str | bytes | os.PathLike[str] | IO[bytes]] | None = None,
        options: Options | OptionsDict | None = None,
        think: bool | Literal["high", "medium", "low", "max"] | None = None,
        truncate: bool | None = None,
        shift: bool | None = None,
        logprobs: bool | None = None,
        top_logprobs: int | None = None,
        _debug_render_only: bool | None = None,
        width: int | None = None,
        height: int | None = None,
        steps: int | None = None,
        stream: Literal[False] = False,
    ) -> GenerateResponse: ...
    @overload
    async def generate(
        self,
        model: str,
        prompt: str | None = None,
        *,
        suffix: str | None = None,
        system: str | None = None,
        template: str | None = None,
        context: Sequence[int] | None = None,
        raw: bool | None = None,
        format: Literal["json", ""] | Mapping[str, Any] | type[Any] | None = None,
        keep_alive: str | float | None = None,
        images: Sequence[str | bytes | os.PathLike[str] | IO[bytes]] | None = None,
        options: Options | OptionsDict | None = None,
        think: bool | Literal["high", "medium", "low", "max"] | None = None,
        truncate: bool | None = None,
        shift: bool | None = None,
        logprobs: bool | None = None,
        top_logprobs: int | None = None,
        _debug_render_only: bool | None = None,
        width: int | None = None,
        height: int | None = None,
        steps: int | None = None,
        stream: Literal[True],
    ) -> AsyncStream[GenerateResponse]: ...
    @overload
    async def generate(
        self,
        model: str,
        prompt: str | None = None,
        *,
        suffix: str | None = None,
        system: str | None = None,
        template: str | None = None,
        context: Sequence[int] | None = None,
        raw: bool | None = None,
        format: Literal["json", ""] | Mapping[str, Any] | type[Any] | None = None,
        keep_alive: str | float | None = None,
        images: Sequence[str | bytes | os.PathLike[str] | IO[bytes]] | None = None,
        options: Options | OptionsDict | None = None,
        think: bool | Literal["high", "medium", "low", "max"] | None = None,
        truncate: bool | None = None,
        shift: bool | None = None,
        logprobs: bool | None = None,
        top_logprobs: int | None = None,
        _debug_render_only: bool | None = None,
        width: int | None = None,
        height: int | None = None,
        steps: int | None = None,
        stream: bool,
    ) -> GenerateResponse | AsyncStream[GenerateResponse]: ...
    async def generate(
        self,
        model: str,
        prompt: str | None = None,
        *,
        suffix: str | None = None,
        system: str | None = None,
        template: str | None = None,
        context: Sequence[int] | None = None,
        raw: bool | None = None,
        format: Literal["json", ""] | Mapping[str, Any] | type[Any] | None = None,
        keep_alive: str | float | None = None,
        images: Sequence[str | bytes | os.PathLike[str] | IO[bytes]] | None = None,
        options: Options | OptionsDict | None = None,
        think: bool | Literal["high", "medium", "low", "max"] | None = None,
        truncate: bool | None = None,
        shift: bool | None = None,
        logprobs: bool | None = None,
        top_logprobs: int | None = None,
        _debug_render_only: bool | None = None,
        width: int | None = None,
        height: int | None = None,
        steps: int | None = None,
        stream: bool = False,
    ) -> GenerateResponse | AsyncStream[GenerateResponse]:
        """Complete a prompt.

        Generates text for a prompt with the given model. The response streams as NDJSON unless the
        request says `"stream": false`.

        Two requests do not generate anything: an empty `prompt` loads the model into memory and
        answers one object with `done_reason: load`; an empty `prompt` together with `keep_alive: 0`
        unloads it and answers `done_reason: unload`. Both answer a single object even when
        streaming was asked for.

        Args:
            model: A model name, `[host/][namespace/]model[:tag]`. The host defaults to
                `registry.ollama.ai`, the namespace to `library` and the tag to `latest`. Matching
                is case-insensitive. Each part starts with a letter, digit or underscore; the model
                and tag may also hold `.`, `-` and `_` (up to 80 characters each), the namespace `-`
                and `_`, the host `.`, `:` and `-` (up to 350). With two parts the first is a
                namespace, so a host needs all three.
            prompt: The prompt. Empty or absent loads the model without generating. Server default:
                `''`.
            suffix: Text that follows the completion (fill in the middle). Needs the `insert`
                capability.
            system: Replaces the model's system prompt.
            template: Replaces the model's prompt template (Go template syntax).
            context: Deprecated. The `context` of an earlier response, to continue from it.
            raw: Send the prompt as is, without the template. Cannot be combined with template,
                system or context. Server default: `False`.
            format: The shape of the output: `"json"` for any JSON value, a JSON Schema object for
                structured output, or `""`/`null` for free text (the default).
            keep_alive: How long the model stays in memory after the request: a Go duration string
                (`"5m"`, `"1h30m"`, `"0"`) or a number of seconds. Zero unloads the model at once, a
                negative value keeps it loaded forever, and `null` or no value means the server's
                default (5 minutes). A string without a unit, such as `"10"`, is refused.
            images: Images for a vision model.
            options: Model options. They override the model's own parameters, which override the
                server's defaults. Unknown keys are ignored, and so is `null`. A wrongly typed value
                is refused with a 500 when the model is scheduled. Integer options also accept a
                number with a fraction, which the server truncates. The options marked `x-load-time:
                true` are fixed when the model is loaded: a request that asks for other values
                reloads the model (Ollama's scheduler compares them in `needsReload`), which costs
                seconds to minutes.
            think: Whether a thinking model thinks before it answers: `true`/`false`, or an effort
                level. `true` means `medium`. Models that cannot think refuse `true` and the levels;
                `false` is always accepted. Thinking models think when the field is absent.
            truncate: Cut the prompt to fit the context window instead of failing. Server default:
                `True`.
            shift: Shift the context when it fills up instead of stopping. Server default: `True`.
            logprobs: Return the log probability of each generated token. Server default: `False`.
            top_logprobs: How many likely alternatives to return at each position, with `logprobs`.
                Server default: `0`.
            _debug_render_only: Return the rendered prompt instead of running the model. Server
                default: `False`.
            width: Width in pixels of a generated picture for image models, read by servers 0.14.3
                to 0.32.5 only; 0.32.6 removed it, and later servers ignore it.
            height: Height in pixels of a generated picture for image models, read by servers 0.14.3
                to 0.32.5 only; 0.32.6 removed it, and later servers ignore it.
            steps: Diffusion steps for a generated picture for image models, read by servers 0.14.3
                to 0.32.5 only; 0.32.6 removed it, and later servers ignore it.
            stream: False (the default) answers one object; True returns a stream of typed items,
                one per NDJSON line, read as they arrive.
        """
        return cast(
            "GenerateResponse | AsyncStream[GenerateResponse]",
            await self._call(
                "generate",
                {
                    "model": model,
                    "prompt": prompt,
                    "suffix": suffix,
                    "system": system,
                    "template": template,
                    "context": context,
                    "raw": raw,
                    "format": format,
                    "keep_alive": keep_alive,
                    "images": images,
                    "options": options,
                    "think": think,
                    "truncate": truncate,
                    "shift": shift,
                    "logprobs": logprobs,
                    "top_logprobs": top_logprobs,
                    "_debug_render_only": _debug_render_only,
                    "width": width,
                    "height": height,
                    "steps": steps,
                },
                stream=stream,
                path={},
            ),
        )

    @overload
    async def chat(
        self,
        model: str,
        messages: Sequence[Message | MessageDict] | None = None,
        *,
        tools: Sequence[Tool | ToolDict | Callable[..., Any]] | None = None,
        format: Literal["json", ""] | Mapping[str, Any] | type[Any] | None = None,
        keep_alive: str | float | None = None,
        options: Options | OptionsDict | None = None,
        think: bool | Literal["high", "medium", "low", "max"] | None = None,
        truncate: bool | None = None,
        shift: bool | None = None,
        logprobs: bool | None = None,
        top_logprobs: int | None = None,
        _debug_render_only: bool | None = None,
        stream: Literal[False] = False,
    ) -> ChatResponse: ...
    @overload
    async def chat(
        self,
        model: str,
        messages: Sequence[Message | MessageDict] | None = None,
        *,
        tools: Sequence[Tool | ToolDict | Callable[..., Any]] | None = None,
        format: Literal["json", ""] | Mapping[str, Any] | type[Any] | None = None,
        keep_alive: str | float | None = None,
        options: Options | OptionsDict | None = None,
        think: bool | Literal["high", "medium", "low", "max"] | None = None,
        truncate: bool | None = None,
        shift: bool | None = None,
        logprobs: bool | None = None,
        top_logprobs: int | None = None,
        _debug_render_only: bool | None = None,
        stream: Literal[True],
    ) -> AsyncStream[ChatResponse]: ...
    @overload
    async def chat(
        self,
        model: str,
        messages: Sequence[Message | MessageDict] | None = None,
        *,
        tools: Sequence[Tool | ToolDict | Callable[..., Any]] | None = None,
        format: Literal["json", ""] | Mapping[str, Any] | type[Any] | None = None,
        keep_alive: str | float | None = None,
        options: Options | OptionsDict | None = None,
        think: bool | Literal["high", "medium", "low", "max"] | None = None,
        truncate: bool | None = None,
        shift: bool | None = None,
        logprobs: bool | None = None,
        top_logprobs: int | None = None,
        _debug_render_only: bool | None = None,
        stream: bool,
    ) -> ChatResponse | AsyncStream[ChatResponse]: ...
    async def chat(
        self,
        model: str,
        messages: Sequence[Message | MessageDict] | None = None,
        *,
        tools: Sequence[Tool | ToolDict | Callable[..., Any]] | None = None,
        format: Literal["json", ""] | Mapping[str, Any] | type[Any] | None = None,
        keep_alive: str | float | None = None,
        options: Options | OptionsDict | None = None,
        think: bool | Literal["high", "medium", "low", "max"] | None = None,
        truncate: bool | None = None,
        shift: bool | None = None,
        logprobs: bool | None = None,
        top_logprobs: int | None = None,
        _debug_render_only: bool | None = None,
        stream: bool = False,
    ) -> ChatResponse | AsyncStream[ChatResponse]:
        """Continue a conversation.

        Generates the next message of a conversation. The response streams as NDJSON unless the
        request says `"stream": false`. No `messages` loads the model (`done_reason: load`); no
        `messages` with `keep_alive: 0` unloads it (`done_reason: unload`).

        Args:
            model: A model name, `[host/][namespace/]model[:tag]`. The host defaults to
                `registry.ollama.ai`, the namespace to `library` and the tag to `latest`. Matching
                is case-insensitive. Each part starts with a letter, digit or underscore; the model
                and tag may also hold `.`, `-` and `_` (up to 80 characters each), the namespace `-`
                and `_`, the host `.`, `:` and `-` (up to 350). With two parts the first is a
                namespace, so a host needs all three.
            messages: The conversation so far. Empty or absent loads the model without generating.
            tools: Tools the model may call. Needs the `tools` capability.
            format: The shape of the output: `"json"` for any JSON value, a JSON Schema object for
                structured output, or `""`/`null` for free text (the default).
            keep_alive: How long the model stays in memory after the request: a Go duration string
                (`"5m"`, `"1h30m"`, `"0"`) or a number of seconds. Zero unloads the model at once, a
                negative value keeps it loaded forever, and `null` or no value means the server's
                default (5 minutes). A string without a unit, such as `"10"`, is refused.
            options: Model options. They override the model's own parameters, which override the
                server's defaults. Unknown keys are ignored, and so is `null`. A wrongly typed value
                is refused with a 500 when the model is scheduled. Integer options also accept a
                number with a fraction, which the server truncates. The options marked `x-load-time:
                true` are fixed when the model is loaded: a request that asks for other values
                reloads the model (Ollama's scheduler compares them in `needsReload`), which costs
                seconds to minutes.
            think: Whether a thinking model thinks before it answers: `true`/`false`, or an effort
                level. `true` means `medium`. Models that cannot think refuse `true` and the levels;
                `false` is always accepted. Thinking models think when the field is absent.
            truncate: Drop the oldest messages to fit the context window instead of failing. Server
                default: `True`.
            shift: Server default: `True`.
            logprobs: Server default: `False`.
            top_logprobs: Server default: `0`.
            _debug_render_only: Server default: `False`.
            stream: False (the default) answers one object; True returns a stream of typed items,
                one per NDJSON line, read as they arrive.
        """
        return cast(
            "ChatResponse | AsyncStream[ChatResponse]",
            await self._call(
                "chat",
                {
                    "model": model,
                    "messages": messages,
                    "tools": tools,
                    "format": format,
                    "keep_alive": keep_alive,
                    "options": options,
                    "think": think,
                    "truncate": truncate,
                    "shift": shift,
                    "logprobs": logprobs,
                    "top_logprobs": top_logprobs,
                    "_debug_render_only": _debug_render_only,
                },
                stream=stream,
                path={},
            ),
        )

    async def embed(
        self,
        model: str,
        input: str | Sequence[str] | None = None,
        *,
        truncate: bool | None = None,
        dimensions: int | None = None,
        keep_alive: str | float | None = None,
        options: Options | OptionsDict | None = None,
    ) -> EmbedResponse:
        """Embed one or more inputs.

        Returns one L2-normalised vector per input. No input (an empty string, an empty array or no
        field) only loads the model and answers an empty `embeddings` array.

        Args:
            model: A model name, `[host/][namespace/]model[:tag]`. The host defaults to
                `registry.ollama.ai`, the namespace to `library` and the tag to `latest`. Matching
                is case-insensitive. Each part starts with a letter, digit or underscore; the model
                and tag may also hold `.`, `-` and `_` (up to 80 characters each), the namespace `-`
                and `_`, the host `.`, `:` and `-` (up to 350). With two parts the first is a
                namespace, so a host needs all three.
            input: One text or several. Empty or absent only loads the model.
            truncate: Cut inputs that are too long for the context; when false they are refused.
                Server default: `True`.
            dimensions: Shorten the vectors to this many dimensions (and normalise them again).
            keep_alive: How long the model stays in memory after the request: a Go duration string
                (`"5m"`, `"1h30m"`, `"0"`) or a number of seconds. Zero unloads the model at once, a
                negative value keeps it loaded forever, and `null` or no value means the server's
                default (5 minutes). A string without a unit, such as `"10"`, is refused.
            options: Model options. They override the model's own parameters, which override the
                server's defaults. Unknown keys are ignored, and so is `null`. A wrongly typed value
                is refused with a 500 when the model is scheduled. Integer options also accept a
                number with a fraction, which the server truncates. The options marked `x-load-time:
                true` are fixed when the model is loaded: a request that asks for other values
                reloads the model (Ollama's scheduler compares them in `needsReload`), which costs
                seconds to minutes.
        """
        return cast(
            "EmbedResponse",
            await self._call(
                "embed",
                {
                    "model": model,
                    "input": input,
                    "truncate": truncate,
                    "dimensions": dimensions,
                    "keep_alive": keep_alive,
                    "options": options,
                },
                stream=False,
                path={},
            ),
        )

    async def embeddings(
        self,
        model: str,
        prompt: str | None = None,
        *,
        keep_alive: str | float | None = None,
        options: Options | OptionsDict | None = None,
    ) -> EmbeddingsResponse:
        """Embed one prompt (legacy; prefer embed).

        The older embedding endpoint. The vector is **not** normalised and comes without metrics. An
        empty `prompt` loads the model and answers an empty `embedding`.

        Args:
            model: A model name, `[host/][namespace/]model[:tag]`. The host defaults to
                `registry.ollama.ai`, the namespace to `library` and the tag to `latest`. Matching
                is case-insensitive. Each part starts with a letter, digit or underscore; the model
                and tag may also hold `.`, `-` and `_` (up to 80 characters each), the namespace `-`
                and `_`, the host `.`, `:` and `-` (up to 350). With two parts the first is a
                namespace, so a host needs all three.
            prompt: The text to embed. Empty or absent only loads the model.
            keep_alive: How long the model stays in memory after the request: a Go duration string
                (`"5m"`, `"1h30m"`, `"0"`) or a number of seconds. Zero unloads the model at once, a
                negative value keeps it loaded forever, and `null` or no value means the server's
                default (5 minutes). A string without a unit, such as `"10"`, is refused.
            options: Model options. They override the model's own parameters, which override the
                server's defaults. Unknown keys are ignored, and so is `null`. A wrongly typed value
                is refused with a 500 when the model is scheduled. Integer options also accept a
                number with a fraction, which the server truncates. The options marked `x-load-time:
                true` are fixed when the model is loaded: a request that asks for other values
                reloads the model (Ollama's scheduler compares them in `needsReload`), which costs
                seconds to minutes.
        """
        return cast(
            "EmbeddingsResponse",
            await self._call(
                "embeddings",
                {
                    "model": model,
                    "prompt": prompt,
                    "keep_alive": keep_alive,
                    "options": options,
                },
                stream=False,
                path={},
            ),
        )

    @overload
    async def create(
        self,
        model: str | None = None,
        *,
        name: str | None = None,
        from_: str | None = None,
        files: Mapping[str, str] | None = None,
        adapters: Mapping[str, str] | None = None,
        template: str | None = None,
        license: str | Sequence[str] | None = None,
        system: str | None = None,
        parameters: Options | OptionsDict | None = None,
        messages: Sequence[Message | MessageDict] | None = None,
        quantize: str | None = None,
        renderer: str | None = None,
        parser: str | None = None,
        requires: str | None = None,
        remote_host: str | None = None,
        info: Mapping[str, Any] | None = None,
        draft_files: Mapping[str, str] | None = None,
        draft_quantize: str | None = None,
        quantization: str | None = None,
        stream: Literal[False] = False,
        progress: bool = False,
    ) -> ProgressResponse: ...
    @overload
    async def create(
        self,
        model: str | None = None,
        *,
        name: str | None = None,
        from_: str | None = None,
        files: Mapping[str, str] | None = None,
        adapters: Mapping[str, str] | None = None,
        template: str | None = None,
        license: str | Sequence[str] | None = None,
        system: str | None = None,
        parameters: Options | OptionsDict | None = None,
        messages: Sequence[Message | MessageDict] | None = None,
        quantize: str | None = None,
        renderer: str | None = None,
        parser: str | None = None,
        requires: str | None = None,
        remote_host: str | None = None,
        info: Mapping[str, Any] | None = None,
        draft_files: Mapping[str, str] | None = None,
        draft_quantize: str | None = None,
        quantization: str | None = None,
        stream: Literal[True],
        progress: Literal[False] = False,
    ) -> AsyncStream[ProgressResponse]: ...
    @overload
    async def create(
        self,
        model: str | None = None,
        *,
        name: str | None = None,
        from_: str | None = None,
        files: Mapping[str, str] | None = None,
        adapters: Mapping[str, str] | None = None,
        template: str | None = None,
        license: str | Sequence[str] | None = None,
        system: str | None = None,
        parameters: Options | OptionsDict | None = None,
        messages: Sequence[Message | MessageDict] | None = None,
        quantize: str | None = None,
        renderer: str | None = None,
        parser: str | None = None,
        requires: str | None = None,
        remote_host: str | None = None,
        info: Mapping[str, Any] | None = None,
        draft_files: Mapping[str, str] | None = None,
        draft_quantize: str | None = None,
        quantization: str | None = None,
        stream: bool,
        progress: bool = False,
    ) -> ProgressResponse | AsyncStream[ProgressResponse]: ...
    async def create(
        self,
        model: str | None = None,
        *,
        name: str | None = None,
        from_: str | None = None,
        files: Mapping[str, str] | None = None,
        adapters: Mapping[str, str] | None = None,
        template: str | None = None,
        license: str | Sequence[str] | None = None,
        system: str | None = None,
        parameters: Options | OptionsDict | None = None,
        messages: Sequence[Message | MessageDict] | None = None,
        quantize: str | None = None,
        renderer: str | None = None,
        parser: str | None = None,
        requires: str | None = None,
        remote_host: str | None = None,
        info: Mapping[str, Any] | None = None,
        draft_files: Mapping[str, str] | None = None,
        draft_quantize: str | None = None,
        quantization: str | None = None,
        stream: bool = False,
        progress: bool = False,
    ) -> ProgressResponse | AsyncStream[ProgressResponse]:
        """Create a model from another model, or from uploaded GGUF or Safetensors files.

        Needs `from` or `files`. Files must be uploaded first with `POST /api/blobs/{digest}`;
        `files` maps each file name to its digest. Progress streams as NDJSON unless `"stream":
        false`, in which case the last progress object (normally `{"status": "success"}`) is the
        answer. Once progress has started, a failure arrives as an error line under the `200`.

        Args:
            model: A model name, `[host/][namespace/]model[:tag]`. The host defaults to
                `registry.ollama.ai`, the namespace to `library` and the tag to `latest`. Matching
                is case-insensitive. Each part starts with a letter, digit or underscore; the model
                and tag may also hold `.`, `-` and `_` (up to 80 characters each), the namespace `-`
                and `_`, the host `.`, `:` and `-` (up to 350). With two parts the first is a
                namespace, so a host needs all three.
            name: Deprecated. The older spelling of `model`, still read when `model` is absent.
            from_: An existing model to build on; pulled first if it is not local.
            files: File name to blob digest, for GGUF or Safetensors files uploaded as blobs.
            adapters: File name to blob digest, for one LoRA adapter.
            template: The prompt template (Go template syntax).
            license: One license or several.
            parameters: Model options. They override the model's own parameters, which override the
                server's defaults. Unknown keys are ignored, and so is `null`. A wrongly typed value
                is refused with a 500 when the model is scheduled. Integer options also accept a
                number with a fraction, which the server truncates. The options marked `x-load-time:
                true` are fixed when the model is loaded: a request that asks for other values
                reloads the model (Ollama's scheduler compares them in `needsReload`), which costs
                seconds to minutes.
            messages: Messages placed before every conversation with the model.
            quantize: Quantize the source, which must be F16, BF16 or F32. Known types, case-
                insensitive: `q4_K_M` (also `q4_K`), `q4_K_S`, `q8_0`, `f16`, `f32`, `bf16`.
            requires: The oldest server version the model works with.
            remote_host: Make a stub that runs the model on this remote server.
            info: Extra facts about the model.
            draft_files: File name to blob digest, for a draft model used in speculative decoding.
            draft_quantize: Quantize the draft model; needs draft_files.
            quantization: Deprecated. The older spelling of `quantize`.
            stream: False (the default) answers one object; True returns a stream of typed items,
                one per NDJSON line, read as they arrive.
            progress: True draws a progress bar per layer on stderr (tqdm) while the stream is read,
                and answers its last item (normally `status: success`).
        """
        if progress:
            if stream:
                raise ValueError(
                    "progress=True draws the stream itself: leave stream= out"
                )
            return cast(
                "ProgressResponse",
                await self._progress(
                    await self._call(
                        "create_model",
                        {
                            "model": model,
                            "name": name,
                            "from": from_,
                            "files": files,
                            "adapters": adapters,
                            "template": template,
                            "license": license,
                            "system": system,
                            "parameters": parameters,
                            "messages": messages,
                            "quantize": quantize,
                            "renderer": renderer,
                            "parser": parser,
                            "requires": requires,
                            "remote_host": remote_host,
                            "info": info,
                            "draft_files": draft_files,
                            "draft_quantize": draft_quantize,
                            "quantization": quantization,
                        },
                        stream=True,
                        path={},
                    )
                ),
            )
        return cast(
            "ProgressResponse | AsyncStream[ProgressResponse]",
            await self._call(
                "create_model",
                {
                    "model": model,
                    "name": name,
                    "from": from_,
                    "files": files,
                    "adapters": adapters,
                    "template": template,
                    "license": license,
                    "system": system,
                    "parameters": parameters,
                    "messages": messages,
                    "quantize": quantize,
                    "renderer": renderer,
                    "parser": parser,
                    "requires": requires,
                    "remote_host": remote_host,
                    "info": info,
                    "draft_files": draft_files,
                    "draft_quantize": draft_quantize,
                    "quantization": quantization,
                },
                stream=stream,
                path={},
            ),
        )

    async def blob_exists(self, digest: str) -> bool:
        """Tell whether the server holds a blob.

        Answers by status alone: no response to a HEAD carries a body. The 400 and 404 still name
        `application/json` in their Content-Type, the type of the error a GET would have carried.

        Args:
            digest: The blob's sha256, spelled `sha256:<64 hex digits>`. HEAD also accepts `sha256-`
                and upper-case hex; POST only matches the lower-case `sha256:` form. (in the path)
        """
        return cast(
            "bool",
            await self._call(
                "blob_exists", None, stream=False, path={"digest": digest}
            ),
        )

    async def create_blob(
        self,
        data: bytes | IO[bytes] | str | os.PathLike[str],
        *,
        digest: str | None = None,
    ) -> str:
        """Upload a file as a blob named by its digest.

        The body is the raw file. The server hashes it and keeps it only when the sha256 matches the
        digest in the path, which must be spelled `sha256:` followed by 64 lower-case hex digits.
        When the blob already exists the body is not read.

        Args:
            data: the file's bytes, an open binary file, or a path to read.
            digest: The blob's sha256, spelled `sha256:<64 hex digits>`. HEAD also accepts `sha256-`
                and upper-case hex; POST only matches the lower-case `sha256:` form. Computed from
                `data` when left out. (in the path)

        Returns the digest of the blob, which `create(files=...)` names.
        """
        return cast(
            "str",
            await self._call(
                "push_blob", None, stream=False, path={"digest": digest}, content=data
            ),
        )

    async def list(self) -> ListResponse:
        """List the models the server holds."""
        return cast(
            "ListResponse", await self._call("list_models", None, stream=False, path={})
        )

    async def list_head(self) -> bool:
        """Tell whether the model list can be read, by status alone.

        Ollama registers HEAD with the GET's handler; Go's HTTP server then sends the GET's status
        and headers without the body.
        """
        return cast(
            "bool", await self._call("list_models_head", None, stream=False, path={})
        )

    async def show(
        self,
        model: str | None = None,
        *,
        name: str | None = None,
        verbose: bool | None = None,
        system: str | None = None,
        options: Options | OptionsDict | None = None,
        template: str | None = None,
    ) -> ShowResponse:
        """Show a model's details, template, parameters and metadata.

        Args:
            model: A model name, `[host/][namespace/]model[:tag]`. The host defaults to
                `registry.ollama.ai`, the namespace to `library` and the tag to `latest`. Matching
                is case-insensitive. Each part starts with a letter, digit or underscore; the model
                and tag may also hold `.`, `-` and `_` (up to 80 characters each), the namespace `-`
                and `_`, the host `.`, `:` and `-` (up to 350). With two parts the first is a
                namespace, so a host needs all three.
            name: Deprecated. The older spelling of `model`, still read when `model` is absent.
            verbose: Send long arrays of model_info in full. Server default: `False`.
            system: Show the model as if this were its system prompt.
            options: Model options. They override the model's own parameters, which override the
                server's defaults. Unknown keys are ignored, and so is `null`. A wrongly typed value
                is refused with a 500 when the model is scheduled. Integer options also accept a
                number with a fraction, which the server truncates. The options marked `x-load-time:
                true` are fixed when the model is loaded: a request that asks for other values
                reloads the model (Ollama's scheduler compares them in `needsReload`), which costs
                seconds to minutes.
            template: Deprecated. Read by old servers; current servers ignore it.
        """
        return cast(
            "ShowResponse",
            await self._call(
                "show_model",
                {
                    "model": model,
                    "name": name,
                    "verbose": verbose,
                    "system": system,
                    "options": options,
                    "template": template,
                },
                stream=False,
                path={},
            ),
        )

    async def copy(self, source: str, destination: str) -> None:
        """Copy a model under another name.

        Args:
            source: A model name, `[host/][namespace/]model[:tag]`. The host defaults to
                `registry.ollama.ai`, the namespace to `library` and the tag to `latest`. Matching
                is case-insensitive. Each part starts with a letter, digit or underscore; the model
                and tag may also hold `.`, `-` and `_` (up to 80 characters each), the namespace `-`
                and `_`, the host `.`, `:` and `-` (up to 350). With two parts the first is a
                namespace, so a host needs all three.
            destination: A model name, `[host/][namespace/]model[:tag]`. The host defaults to
                `registry.ollama.ai`, the namespace to `library` and the tag to `latest`. Matching
                is case-insensitive. Each part starts with a letter, digit or underscore; the model
                and tag may also hold `.`, `-` and `_` (up to 80 characters each), the namespace `-`
                and `_`, the host `.`, `:` and `-` (up to 350). With two parts the first is a
                namespace, so a host needs all three.
        """
        return cast(
            "None",
            await self._call(
                "copy_model",
                {"source": source, "destination": destination},
                stream=False,
                path={},
            ),
        )

    async def delete(
        self, model: str | None = None, *, name: str | None = None
    ) -> None:
        """Delete a model and the layers no other model uses.

        The model is named in a JSON body, which this DELETE carries.

        Args:
            model: A model name, `[host/][namespace/]model[:tag]`. The host defaults to
                `registry.ollama.ai`, the namespace to `library` and the tag to `latest`. Matching
                is case-insensitive. Each part starts with a letter, digit or underscore; the model
                and tag may also hold `.`, `-` and `_` (up to 80 characters each), the namespace `-`
                and `_`, the host `.`, `:` and `-` (up to 350). With two parts the first is a
                namespace, so a host needs all three.
            name: Deprecated. The older spelling of `model`, still read when `model` is absent.
        """
        return cast(
            "None",
            await self._call(
                "delete_model", {"model": model, "name": name}, stream=False, path={}
            ),
        )

    @overload
    async def pull(
        self,
        model: str | None = None,
        *,
        name: str | None = None,
        insecure: bool | None = None,
        username: str | None = None,
        password: str | None = None,
        stream: Literal[False] = False,
        progress: bool = False,
    ) -> ProgressResponse: ...
    @overload
    async def pull(
        self,
        model: str | None = None,
        *,
        name: str | None = None,
        insecure: bool | None = None,
        username: str | None = None,
        password: str | None = None,
        stream: Literal[True],
        progress: Literal[False] = False,
    ) -> AsyncStream[ProgressResponse]: ...
    @overload
    async def pull(
        self,
        model: str | None = None,
        *,
        name: str | None = None,
        insecure: bool | None = None,
        username: str | None = None,
        password: str | None = None,
        stream: bool,
        progress: bool = False,
    ) -> ProgressResponse | AsyncStream[ProgressResponse]: ...
    async def pull(
        self,
        model: str | None = None,
        *,
        name: str | None = None,
        insecure: bool | None = None,
        username: str | None = None,
        password: str | None = None,
        stream: bool = False,
        progress: bool = False,
    ) -> ProgressResponse | AsyncStream[ProgressResponse]:
        """Download a model from a registry.

        Progress streams as NDJSON unless `"stream": false`. A model the registry does not have is
        reported by an error line after `{"status": "pulling manifest"}`, or by a 500 when not
        streaming.

        Args:
            model: A model name, `[host/][namespace/]model[:tag]`. The host defaults to
                `registry.ollama.ai`, the namespace to `library` and the tag to `latest`. Matching
                is case-insensitive. Each part starts with a letter, digit or underscore; the model
                and tag may also hold `.`, `-` and `_` (up to 80 characters each), the namespace `-`
                and `_`, the host `.`, `:` and `-` (up to 350). With two parts the first is a
                namespace, so a host needs all three.
            name: Deprecated. The older spelling of `model`, still read when `model` is absent.
            insecure: Allow a registry reached over plain HTTP. Server default: `False`.
            username: Deprecated. Read and ignored.
            password: Deprecated. Read and ignored.
            stream: False (the default) answers one object; True returns a stream of typed items,
                one per NDJSON line, read as they arrive.
            progress: True draws a progress bar per layer on stderr (tqdm) while the stream is read,
                and answers its last item (normally `status: success`).
        """
        if progress:
            if stream:
                raise ValueError(
                    "progress=True draws the stream itself: leave stream= out"
                )
            return cast(
                "ProgressResponse",
                await self._progress(
                    await self._call(
                        "pull_model",
                        {
                            "model": model,
                            "name": name,
                            "insecure": insecure,
                            "username": username,
                            "password": password,
                        },
                        stream=True,
                        path={},
                    )
                ),
            )
        return cast(
            "ProgressResponse | AsyncStream[ProgressResponse]",
            await self._call(
                "pull_model",
                {
                    "model": model,
                    "name": name,
                    "insecure": insecure,
                    "username": username,
                    "password": password,
                },
                stream=stream,
                path={},
            ),
        )

    @overload
    async def push(
        self,
        model: str | None = None,
        *,
        name: str | None = None,
        insecure: bool | None = None,
        username: str | None = None,
        password: str | None = None,
        stream: Literal[False] = False,
        progress: bool = False,
    ) -> ProgressResponse: ...
    @overload
    async def push(
        self,
        model: str | None = None,
        *,
        name: str | None = None,
        insecure: bool | None = None,
        username: str | None = None,
        password: str | None = None,
        stream: Literal[True],
        progress: Literal[False] = False,
    ) -> AsyncStream[ProgressResponse]: ...
    @overload
    async def push(
        self,
        model: str | None = None,
        *,
        name: str | None = None,
        insecure: bool | None = None,
        username: str | None = None,
        password: str | None = None,
        stream: bool,
        progress: bool = False,
    ) -> ProgressResponse | AsyncStream[ProgressResponse]: ...
    async def push(
        self,
        model: str | None = None,
        *,
        name: str | None = None,
        insecure: bool | None = None,
        username: str | None = None,
        password: str | None = None,
        stream: bool = False,
        progress: bool = False,
    ) -> ProgressResponse | AsyncStream[ProgressResponse]:
        """Upload a model to a registry.

        The model name must include the namespace the registry expects
        (`<namespace>/<model>:<tag>`). Progress streams as NDJSON unless `"stream": false`.

        Args:
            model: A model name, `[host/][namespace/]model[:tag]`. The host defaults to
                `registry.ollama.ai`, the namespace to `library` and the tag to `latest`. Matching
                is case-insensitive. Each part starts with a letter, digit or underscore; the model
                and tag may also hold `.`, `-` and `_` (up to 80 characters each), the namespace `-`
                and `_`, the host `.`, `:` and `-` (up to 350). With two parts the first is a
                namespace, so a host needs all three.
            name: Deprecated. The older spelling of `model`, still read when `model` is absent.
            insecure: Allow a registry reached over plain HTTP. Server default: `False`.
            username: Deprecated. Read and ignored.
            password: Deprecated. Read and ignored.
            stream: False (the default) answers one object; True returns a stream of typed items,
                one per NDJSON line, read as they arrive.
            progress: True draws a progress bar per layer on stderr (tqdm) while the stream is read,
                and answers its last item (normally `status: success`).
        """
        if progress:
            if stream:
                raise ValueError(
                    "progress=True draws the stream itself: leave stream= out"
                )
            return cast(
                "ProgressResponse",
                await self._progress(
                    await self._call(
                        "push_model",
                        {
                            "model": model,
                            "name": name,
                            "insecure": insecure,
                            "username": username,
                            "password": password,
                        },
                        stream=True,
                        path={},
                    )
                ),
            )
        return cast(
            "ProgressResponse | AsyncStream[ProgressResponse]",
            await self._call(
                "push_model",
                {
                    "model": model,
                    "name": name,
                    "insecure": insecure,
                    "username": username,
                    "password": password,
                },
                stream=stream,
                path={},
            ),
        )

    async def ps(self) -> PsResponse:
        """List the models loaded in memory."""
        return cast(
            "PsResponse", await self._call("list_running", None, stream=False, path={})
        )

    async def whoami(self) -> UserResponse:
        """Tell which ollama.com account this server is signed in to.

        Asks ollama.com (since 0.12.0), signing the request with this machine's key; takes no body.
        The official CLI calls it before `ollama push` to an ollama.com name. A server that cannot
        reach ollama.com answers 503 `account unavailable`; a machine whose key is not connected to
        an account answers 401 with the `signin_url` that connects it. A plan ollama.com leaves out
        is reported as `free`.
        """
        return cast(
            "UserResponse", await self._call("whoami", None, stream=False, path={})
        )

    async def signout(self) -> None:
        """Disconnect this machine from its ollama.com account.

        Asks ollama.com (since 0.12.1) to forget this machine's public key; takes no body. Success
        is a 200 whose body is the JSON `null`. Offline, or without a key, the answer is a 500.
        """
        return cast("None", await self._call("signout", None, stream=False, path={}))

    async def disconnect(self, encodedKey: str) -> None:
        """Sign out (the older route, kept for old clients).

        The route the first account-aware clients (0.12.0) used to sign out. Ollama answers it with
        the sign-out handler: the key in the path is not read, the server's own key is the one
        disconnected, and the answers are those of `POST /api/signout`.

        Args:
            encodedKey: A public key in unpadded base64url. Ignored by the server. (in the path)
        """
        return cast(
            "None",
            await self._call(
                "disconnect", None, stream=False, path={"encodedKey": encodedKey}
            ),
        )

    async def web_search_experimental(
        self, query: str, max_results: int | None = None
    ) -> WebSearchResponse:
        """Search the web through ollama.com, signed by this server.

        Since 0.17.8. The server drops the client's `Authorization` header, signs the request with
        its own key and passes body and answer through to ollama.com's `/api/web_search`, so the
        statuses of ollama.com come back as they are. Only an empty body is refused locally.
        Offline, the answer is a 502 carrying the dial error.

        Args:
            query: What to search for.
            max_results: How many results to return at most; ollama.com decides when absent (the
                official clients send 3).
        """
        return cast(
            "WebSearchResponse",
            await self._call(
                "web_search_experimental",
                {"query": query, "max_results": max_results},
                stream=False,
                path={},
            ),
        )

    async def web_fetch_experimental(self, url: str) -> WebFetchResponse:
        """Fetch a web page through ollama.com, signed by this server.

        Since 0.17.8. Passed through to ollama.com's `/api/web_fetch` as `web_search` is: the
        client's `Authorization` is dropped, the server signs, and ollama.com's answer comes back.

        Args:
            url: The page to fetch.
        """
        return cast(
            "WebFetchResponse",
            await self._call(
                "web_fetch_experimental", {"url": url}, stream=False, path={}
            ),
        )

    async def model_recommendations(self) -> ModelRecommendationsResponse:
        """List the models Ollama recommends.

        Since 0.22.1. Answered from the server itself: a list built into the server, or one it keeps
        refreshed from ollama.com in the background. So it answers offline too.
        """
        return cast(
            "ModelRecommendationsResponse",
            await self._call("model_recommendations", None, stream=False, path={}),
        )

    async def web_search(
        self, query: str, max_results: int | None = None
    ) -> WebSearchResponse:
        """Search the web (ollama.com's hosted API, with an API key).

        Offered by ollama.com, not by a local server: the official clients send it to
        `https://ollama.com/api/web_search` with `Authorization: Bearer <OLLAMA_API_KEY>`.

        Args:
            query: What to search for.
            max_results: How many results to return at most; ollama.com decides when absent (the
                official clients send 3).
        """
        return cast(
            "WebSearchResponse",
            await self._call(
                "web_search",
                {"query": query, "max_results": max_results},
                stream=False,
                path={},
            ),
        )

    async def web_fetch(self, url: str) -> WebFetchResponse:
        """Fetch a web page (ollama.com's hosted API, with an API key).

        Offered by ollama.com, not by a local server: the official clients send it to
        `https://ollama.com/api/web_fetch` with `Authorization: Bearer <OLLAMA_API_KEY>`.

        Args:
            url: The page to fetch.
        """
        return cast(
            "WebFetchResponse",
            await self._call("web_fetch", {"url": url}, stream=False, path={}),
        )


class DefaultClient(SyncMethods):
    """Forwards every call to one client, built on first use by the factory given to `set_default`."""

    def __init__(self) -> None:
        self._factory: Callable[[], SyncMethods] | None = None
        self._client: SyncMethods | None = None
        self._lock = threading.Lock()

    def set_default(self, factory: Callable[[], SyncMethods]) -> None:
        """Build the client from `factory` on the next call (and drop the one built before)."""
        with self._lock:
            self._factory, self._client = factory, None

    def client(self) -> SyncMethods:
        """The client the shortcuts use, built now if it was not yet."""
        with self._lock:
            if self._client is None:
                if self._factory is None:
                    raise RuntimeError(
                        "no default client: import ollama_contract first"
                    )
                self._client = self._factory()
            return self._client

    def _call(
        self,
        operation: str,
        body: builtins.dict[str, Any] | None,
        *,
        stream: bool,
        path: builtins.dict[str, Any],
        content: Any = None,
    ) -> Any:
        return self.client()._call(
            operation, body, stream=stream, path=path, content=content
        )

    def _progress(self, stream: Any) -> Any:
        return self.client()._progress(stream)


default = DefaultClient()
"""The client behind the module-level shortcuts."""

heartbeat = default.heartbeat
heartbeat_head = default.heartbeat_head
version = default.version
version_head = default.version_head
status = default.status
generate = default.generate
chat = default.chat
embed = default.embed
embeddings = default.embeddings
create = default.create
blob_exists = default.blob_exists
create_blob = default.create_blob
list = default.list
list_head = default.list_head
show = default.show
copy = default.copy
delete = default.delete
pull = default.pull
push = default.push
ps = default.ps
whoami = default.whoami
signout = default.signout
disconnect = default.disconnect
web_search_experimental = default.web_search_experimental
web_fetch_experimental = default.web_fetch_experimental
model_recommendations = default.model_recommendations
web_search = default.web_search
web_fetch = default.web_fetch
