"""The `models` tag: create, tags, show, copy, delete, pull, push and ps.

Responses are built from the generated models, so a field the spec renames breaks the type check
here instead of slipping past the contract. The long-running work of create, pull and push
(progress lines while blobs are written) lives in `._create` and `._transfer`; the checks that
answer before any progress, and so decide the status, are here.
"""

from __future__ import annotations

from typing import Any

from ollama_api.models import (
    ListResponse,
    ModelDetails,
    ModelRecommendationsResponse,
    ModelSummary,
    PsResponse,
    RunningModel,
    ShowResponse,
    ShowResponseModelInfo,
    ShowResponseProjectorInfo,
    Tensor,
)
from ollama_api.models import Message as MessageModel
from ollama_api.types import parse_time
from starlette.requests import Request
from starlette.responses import Response

from .._state import state_of
from ..emulation.account import RECOMMENDATIONS
from ..http.faults import faults_of
from ..http.gofloat import go_verb_v
from ..http.wire import HTTPError, RawResponse, go_quote, json_response, local_timestamp, progress_response
from ..store.local import Model
from ..store.names import SourceConflict, parse_name, split_source
from ._create import check_files, create_events
from ._transfer import pull_events, push_events

__all__ = [
    "copy_model",
    "create_model",
    "delete_model",
    "list_models",
    "list_models_head",
    "list_running",
    "model_recommendations",
    "pull_model",
    "push_model",
    "show_model",
]


async def create_model(request: Request, data: dict[str, Any]) -> Response:
    state = state_of(request)
    check_files(data.get("files"))
    check_files(data.get("draft_files"))
    if data.get("draft_quantize") and not data.get("draft_files"):
        raise HTTPError(400, "--draft-quantize requires a DRAFT model")
    adapters = data.get("adapters")
    if isinstance(adapters, dict) and any(not d for d in adapters.values()):
        raise HTTPError(400, "invalid digest format")
    raw = data.get("model") or data.get("name") or ""
    name = parse_name(raw if isinstance(raw, str) else "")
    if not name.is_valid():
        raise HTTPError(400, "invalid model name")
    name = state.store.canonical(name)
    return await progress_response(create_events(state, name, data), data.get("stream") is not False)


def model_details(model: Model, *, lengths: bool = False) -> ModelDetails:
    d = model.details(lengths=lengths)
    details = ModelDetails(
        parent_model=d["parent_model"],
        format_=d["format"],
        family=d["family"],
        families=d["families"],
        parameter_size=d["parameter_size"],
        quantization_level=d["quantization_level"],
    )
    if "context_length" in d:
        details.context_length = d["context_length"]
    if "embedding_length" in d:
        details.embedding_length = d["embedding_length"]
    return details


async def list_models(request: Request, data: dict[str, Any]) -> Response:
    models = []
    for model in state_of(request).store.models():
        summary = ModelSummary(
            name=model.name.shortest(),
            model=model.name.shortest(),
            modified_at=parse_time(local_timestamp(model.modified_ns)),
            size=model.size,
            digest=model.digest,
            details=model_details(model, lengths=True),
        )
        if model.capabilities:
            summary.capabilities = list(model.capabilities)
        models.append(summary)
    return json_response(ListResponse(models=models).to_dict())


async def list_running(request: Request, data: dict[str, Any]) -> Response:
    models = []
    for entry in state_of(request).runtime.running():
        details = ModelDetails.from_dict(entry["details"])
        models.append(
            RunningModel(
                name=entry["name"],
                model=entry["model"],
                size=entry["size"],
                digest=entry["digest"],
                expires_at=parse_time(entry["expires_at"]),
                details=details,
                size_vram=entry["size_vram"],
                context_length=entry["context_length"],
            )
        )
    return json_response(PsResponse(models=models).to_dict())


# template.DefaultTemplate: what a model without a template layer has.
DEFAULT_TEMPLATE = "{{ .Prompt }}"


def _go_value(value: Any) -> str:
    """Go's `%#v` for the values a parameters layer holds (JSON numbers are float64 in Go)."""
    if isinstance(value, str):
        return go_quote(value)
    return _go_plain(value)


def _go_plain(value: Any) -> str:
    """Go's `%v` for a decoded JSON value: strings as they are, numbers as float64."""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return go_verb_v(float(value))
    return str(value)


def parameter_lines(params: dict[str, Any]) -> str:
    lines: list[str] = []
    for key, value in params.items():
        for item in value if isinstance(value, list) else [value]:
            lines.append(f"{key:<30} {_go_value(item)}")
    return "\n".join(lines)


def _go_modelfile_quote(text: str) -> str:
    """parser.quote: only text with a newline or an edge space is quoted, in triple quotes if it holds a quote."""
    if "\n" in text or text.startswith(" ") or text.endswith(" "):
        return '"""' + text + '"""' if '"' in text else '"' + text + '"'
    return text


def shown_template(model: Model) -> str:
    """The `template` of `show` (routes.go selectedModelTemplate): a model that runs on its GGUF chat
    template (no Go template, renderer or parser) shows that; any other shows its Go template, and a
    model without one Go's default `{{ .Prompt }}`."""
    chat = model.gguf.chat_template if model.gguf else ""
    rendered = bool(model.template or model.config.get("renderer") or model.config.get("parser"))
    if chat and not rendered:
        return chat
    return model.template or DEFAULT_TEMPLATE


def modelfile(model: Model, system: str, params: dict[str, Any], blob_path: str) -> str:
    out = [
        '# Modelfile generated by "ollama show"',
        "# To build a new Modelfile based on this, replace FROM with:",
        f"# FROM {model.name.shortest()}",
        "",
        f"FROM {blob_path}",
        # Model.String: the Go template, or the default one; never the GGUF's chat template.
        f"TEMPLATE {_go_modelfile_quote(model.template or DEFAULT_TEMPLATE)}",
    ]
    if system:
        out.append(f"SYSTEM {_go_modelfile_quote(system)}")
    for key in ("renderer", "parser"):
        if model.config.get(key):
            out.append(f"{key.upper()} {_go_modelfile_quote(str(model.config[key]))}")
    for key, value in params.items():
        for item in value if isinstance(value, list) else [value]:
            out.append(f"PARAMETER {key} {_go_modelfile_quote(_go_plain(item))}")
    for text in model.licenses:
        out.append(f"LICENSE {_go_modelfile_quote(text)}")
    for message in model.messages:
        out.append(f"MESSAGE {message.get('role', '')} {_go_modelfile_quote(_go_plain(message.get('content', '')))}")
    return "\n".join(out) + "\n"


def _model_info(kv: dict[str, Any], verbose: bool) -> dict[str, Any]:
    """Ollama decodes the file for `show` keeping array elements only when verbose (getModelData with
    maxArraySize 0): without it every non-empty array is `null`, an empty one `[]`."""
    out: dict[str, Any] = {}
    for key, value in kv.items():
        if key in ("general.name", "tokenizer.chat_template"):
            continue
        if not verbose and isinstance(value, list) and value:
            value = None
        out[key] = value
    return dict(sorted(out.items()))  # a Go map: encoding/json writes its keys sorted


async def show_model(request: Request, data: dict[str, Any]) -> Response:
    state = state_of(request)
    raw = data.get("model") or data.get("name") or ""
    if not isinstance(raw, str) or not raw:
        raise HTTPError(400, "model is required")
    try:
        base, _ = split_source(raw)
    except SourceConflict as exc:
        raise HTTPError(400, str(exc)) from None
    except ValueError as exc:
        raise HTTPError(400, str(exc)) from None
    name = parse_name(base)
    if not name.is_valid():
        raise HTTPError(400, "invalid model name")
    name = state.store.canonical(name)
    model = state.store.load(name)
    if model is None:
        raise HTTPError(404, f"model '{name.shortest()}' not found")
    verbose = data.get("verbose") is True
    system = data.get("system") or model.system
    params = dict(model.params)
    resp = ShowResponse(
        details=model_details(model),
        model_info=ShowResponseModelInfo.from_dict(_model_info(model.gguf.kv, verbose) if model.gguf else {}),
        modified_at=parse_time(local_timestamp(model.modified_ns)),
        capabilities=list(model.capabilities),
    )
    if model.licenses:
        resp.license_ = "\n".join(model.licenses)
    if system:
        resp.system = system
    resp.template = shown_template(model)
    if params:
        resp.parameters = parameter_lines(params)
    if model.messages:
        resp.messages = [MessageModel(role=m.get("role", ""), content=m.get("content", "")) for m in model.messages]
    options = data.get("options")
    if isinstance(options, dict):
        params.update(options)
    model_layer = next(
        (layer for layer in model.manifest.get("layers", []) if layer.get("mediaType", "").endswith(".model")), None
    )
    blob = str(state.store.blob_path(model_layer["digest"])) if model_layer else ""
    resp.modelfile = modelfile(model, system, params, blob)
    if model.gguf is not None:
        resp.tensors = [Tensor(name=t.name, type_=t.type, shape=t.shape) for t in model.gguf.tensors]
    if model.projector is not None:
        resp.projector_info = ShowResponseProjectorInfo.from_dict(_model_info(model.projector.kv, verbose))
    if model.config.get("requires"):
        resp.requires = str(model.config["requires"])
    return json_response(resp.to_dict())


async def copy_model(request: Request, data: dict[str, Any]) -> Response:
    state = state_of(request)
    source_raw = str(data.get("source") or "")
    dest_raw = str(data.get("destination") or "")
    source = parse_name(source_raw)
    if not source.is_valid():
        raise HTTPError(400, f"source {go_quote(source_raw)} is invalid")
    source = state.store.canonical(source)
    dest = parse_name(dest_raw)
    if not dest.is_valid():
        raise HTTPError(400, f"destination {go_quote(dest_raw)} is invalid")
    dest = state.store.canonical(dest)
    if not state.store.copy(source, dest):
        raise HTTPError(404, f"model {go_quote(source_raw)} not found")
    return RawResponse(200)


async def delete_model(request: Request, data: dict[str, Any]) -> Response:
    state = state_of(request)
    raw = data.get("model") or data.get("name") or ""
    raw = raw if isinstance(raw, str) else ""
    try:
        base, source = split_source(raw)
    except (SourceConflict, ValueError) as exc:
        raise HTTPError(400, str(exc)) from None
    if source == "cloud":
        base = base + ("-cloud" if base.rfind(":") > base.rfind("/") else ":cloud")
    name = parse_name(base)
    if not name.is_valid():
        raise HTTPError(400, f"name {go_quote(raw)} is invalid")
    name = state.store.canonical(name)
    model = state.store.load(name)
    if model is None:
        raise HTTPError(404, f"model '{raw}' not found")
    if "ghost-model" in faults_of(request):
        return RawResponse(200)
    state.store.delete(name)
    state.runtime.forget_digest(model.digest)
    return RawResponse(200)


async def pull_model(request: Request, data: dict[str, Any]) -> Response:
    state = state_of(request)
    raw = data.get("model") or data.get("name") or ""
    raw = raw if isinstance(raw, str) else ""
    try:
        base, source = split_source(raw)
    except SourceConflict as exc:
        raise HTTPError(400, str(exc)) from None
    except ValueError:
        raise HTTPError(400, "invalid model name") from None
    if source == "cloud":
        base = base + ("-cloud" if base.rfind(":") > base.rfind("/") else ":cloud")
    name = parse_name(base)
    if not name.is_valid():
        raise HTTPError(400, "invalid model name")
    name = state.store.canonical(name)
    events = pull_events(state, name, data.get("insecure") is True)
    return await progress_response(events, data.get("stream") is not False)


async def push_model(request: Request, data: dict[str, Any]) -> Response:
    state = state_of(request)
    raw = data.get("model") or data.get("name") or ""
    if not isinstance(raw, str) or not raw:
        raise HTTPError(400, "model is required")
    name = parse_name(raw)
    if name.is_valid():
        name = state.store.canonical(name)
    events = push_events(state, name, data.get("insecure") is True)
    return await progress_response(events, data.get("stream") is not False)


list_models_head = list_models
"""HEAD /api/tags: Ollama registers the list handler for HEAD too; the body is dropped on the way out."""


async def model_recommendations(request: Request, data: dict[str, Any]) -> Response:
    """The list a 0.33 server answers from itself (its built-in list, offline or not)."""
    answer = ModelRecommendationsResponse.from_dict({"recommendations": list(RECOMMENDATIONS)})
    return json_response(answer.to_dict())
