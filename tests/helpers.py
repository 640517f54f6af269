"""Helpers shared by the tests: loading the spec and fixtures, finding examples, validating."""

from __future__ import annotations

import importlib
import json
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from ollama_contract.spec import escape, unescape

ROOT = Path(__file__).resolve().parent.parent
SPEC_PATH = ROOT / "openapi.yaml"
WIRE = Path(__file__).resolve().parent / "fixtures" / "wire"
CORPUS = Path(__file__).resolve().parent / "fixtures" / "corpus"
URN = "urn:ollama-spec"


@cache
def load_yaml_spec() -> dict[str, Any]:
    with SPEC_PATH.open(encoding="utf-8") as f:
        doc: dict[str, Any] = yaml.safe_load(f)
    return doc


def load_wire_fixtures() -> list[dict[str, Any]]:
    """Every exchange of tests/fixtures/wire, tagged with its operation (the file's stem)."""
    out = []
    for path in sorted(WIRE.glob("*.json")):
        for exchange in json.loads(path.read_text(encoding="utf-8")):
            out.append({"operation": path.stem, **exchange})
    return out


def load_corpus() -> list[dict[str, Any]]:
    """Every item of tests/fixtures/corpus, named by its path there; the same shape as a wire fixture."""
    out = []
    for path in sorted(CORPUS.rglob("*.json")):
        item = json.loads(path.read_text(encoding="utf-8"))
        out.append({"name": path.relative_to(CORPUS).with_suffix("").as_posix(), **item})
    return out


def reference_validator(doc: dict[str, Any], ptr: str) -> Draft202012Validator:
    """jsonschema, the reference implementation, with the whole document as its registry."""
    registry: Registry[Any] = Registry().with_resource(URN, Resource(doc, specification=DRAFT202012))
    return Draft202012Validator({"$ref": URN + ptr}, registry=registry)


def _esc(part: str) -> str:
    return escape(part)


def _media_examples(media: dict[str, Any], base: str) -> Iterator[tuple[str, str, Any]]:
    schema = f"{base}/schema"
    if "example" in media:
        yield f"{base}/example", schema, media["example"]
    for name, ex in media.get("examples", {}).items():
        yield f"{base}/examples/{_esc(name)}", schema, ex["value"]


def _schema_examples(schema: Any, base: str) -> Iterator[tuple[str, str, Any]]:
    if isinstance(schema, dict):
        for i, value in enumerate(schema.get("examples", [])):
            yield f"{base}/examples/{i}", base, value
        for key, sub in schema.items():
            if key in {"properties", "$defs"} and isinstance(sub, dict):
                for name, prop in sub.items():
                    yield from _schema_examples(prop, f"{base}/{key}/{_esc(name)}")
            elif key in {"items", "additionalProperties", "if", "then", "else", "not"}:
                yield from _schema_examples(sub, f"{base}/{key}")
            elif key in {"allOf", "anyOf", "oneOf"}:
                for i, member in enumerate(sub):
                    yield from _schema_examples(member, f"{base}/{key}/{i}")


def iter_examples(doc: dict[str, Any]) -> Iterator[tuple[str, str, Any]]:
    """Yield (where, schema pointer, value) for every example anywhere in the document."""
    for path, item in doc["paths"].items():
        for method, op in item.items():
            if method == "parameters":
                continue
            base = f"#/paths/{_esc(path)}/{method}"
            for media_type, media in op.get("requestBody", {}).get("content", {}).items():
                yield from _media_examples(media, f"{base}/requestBody/content/{_esc(media_type)}")
            for status, response in op.get("responses", {}).items():
                if "$ref" not in response:
                    for media_type, media in response.get("content", {}).items():
                        yield from _media_examples(media, f"{base}/responses/{status}/content/{_esc(media_type)}")
    for name, response in doc["components"].get("responses", {}).items():
        for media_type, media in response.get("content", {}).items():
            yield from _media_examples(media, f"#/components/responses/{name}/content/{_esc(media_type)}")
    for name, param in doc["components"].get("parameters", {}).items():
        if "example" in param:
            yield f"#/components/parameters/{name}/example", f"#/components/parameters/{name}/schema", param["example"]
    for name, schema in doc["components"]["schemas"].items():
        yield from _schema_examples(schema, f"#/components/schemas/{name}")


def canonical(value: Any) -> str:
    """JSON text that tells 1 from 1.0 from True, so a round trip cannot hide a changed type."""
    return json.dumps(value, sort_keys=True)


def model_for(spec: dict[str, Any], schema_ptr: str) -> type[Any] | None:
    """The generated attrs class for a schema that references a component, if there is one."""
    import ollama_api.models

    from ollama_contract._spec import resolve

    schema = resolve(spec, schema_ptr)
    ref = schema.get("$ref", "")
    if not ref.startswith("#/components/schemas/"):
        return None
    cls = getattr(ollama_api.models, ref.rsplit("/", 1)[1], None)
    return cls if isinstance(cls, type) else None


def endpoint_module(op: Any) -> Any:
    """The generated module of an operation (an ollama_contract._spec.Operation)."""
    return importlib.import_module(f"ollama_api.api.{op.tags[0]}.{op.operation_id}")


def as_go_reads(spec: dict[str, Any], schema: Any, value: Any) -> Any:
    """`value` with each `null` left out where Go reads a field's absence as its zero value
    (`x-go-absent: zero`): the generated models read such a null as the zero value and write it
    back as left out, which is what Go itself does with it."""
    from ollama_contract._spec import resolve

    while isinstance(schema, dict) and "$ref" in schema:
        schema = resolve(spec, schema["$ref"])
    if not isinstance(schema, dict):
        return value
    branches = [schema, *schema.get("allOf", []), *schema.get("anyOf", []), *schema.get("oneOf", [])]
    branches += [schema[key] for key in ("then", "else") if key in schema]
    if len(branches) > 1:
        for branch in branches[1:]:
            value = as_go_reads(spec, branch, value)
    if isinstance(value, list) and "items" in schema:
        return [as_go_reads(spec, schema["items"], item) for item in value]
    if not isinstance(value, dict):
        return value
    properties = schema.get("properties", {})
    extra = schema.get("additionalProperties")
    out = {}
    for key, item in value.items():
        declared = properties.get(key)
        if declared is None:
            out[key] = as_go_reads(spec, extra, item) if isinstance(extra, dict) else item
        elif not (item is None and declared.get("x-go-absent") == "zero"):
            out[key] = as_go_reads(spec, declared, item)
    return out


def round_trip(spec: dict[str, Any], op: Any, ptr: str, value: Any) -> Any:
    """Parse a response body (or one NDJSON line) with the generated code and serialise it again."""
    media = unescape(ptr.rsplit("/content/", 1)[1].split("/", 1)[0]) if "/content/" in ptr else ""
    if media == "application/x-ndjson":
        return endpoint_module(op)._parse_stream_line(json.dumps(value)).to_dict()
    cls = model_for(spec, ptr)
    assert cls is not None, f"{ptr} has no generated model"
    return cls.from_dict(value).to_dict()
