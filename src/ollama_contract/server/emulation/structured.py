"""Values that fit a JSON Schema: structured outputs and tool-call arguments.

A real model is constrained by a grammar built from the schema; the emulated one builds an
instance directly, picking values with the request's random generator so they vary with the
seed, and checks the result with jsonschema before trusting it.
"""

from __future__ import annotations

import math
import random
import re
from typing import Any

import jsonschema

from ..._spec import split_pointer
from .tokens import STOPWORDS

__all__ = ["instance_for", "json_mode_value"]

_WORDS = ["sky", "blue", "light", "llama", "ollama", "green", "river", "sun", "model", "answer", "cloud", "paris"]
_PLACES = ["Paris, FR", "San Francisco, CA", "Tokyo, JP", "Lima, PE"]


def _type_of(schema: dict[str, Any]) -> str | None:
    kind = schema.get("type")
    if isinstance(kind, list):
        kinds = [k for k in kind if k != "null"]
        return str(kinds[0]) if kinds else "null"
    return str(kind) if isinstance(kind, str) else None


class _Builder:
    def __init__(self, root: dict[str, Any], rng: random.Random, hints: list[str]) -> None:
        self.root = root
        self.rng = rng
        self.hints = hints

    def resolve(self, schema: Any) -> dict[str, Any]:
        seen = 0
        while isinstance(schema, dict) and isinstance(schema.get("$ref"), str) and seen < 20:
            ref = schema["$ref"]
            node: Any = self.root
            if not ref.startswith("#"):
                return {}
            for part in split_pointer(ref):
                node = node.get(part, {}) if isinstance(node, dict) else {}
            schema = node
            seen += 1
        return schema if isinstance(schema, dict) else {}

    def build(self, schema: Any, name: str = "", depth: int = 0) -> Any:
        schema = self.resolve(schema)
        rng = self.rng
        if "const" in schema:
            return schema["const"]
        if isinstance(schema.get("enum"), list) and schema["enum"]:
            return rng.choice(schema["enum"])
        for key in ("anyOf", "oneOf"):
            if isinstance(schema.get(key), list) and schema[key]:
                return self.build(schema[key][0], name, depth + 1)
        if isinstance(schema.get("allOf"), list) and schema["allOf"]:
            merged: dict[str, Any] = {}
            for part in schema["allOf"]:
                part = self.resolve(part)
                for k, v in part.items():
                    if k in ("properties",) and isinstance(v, dict):
                        merged.setdefault("properties", {}).update(v)
                    elif k == "required" and isinstance(v, list):
                        merged.setdefault("required", []).extend(v)
                    else:
                        merged.setdefault(k, v)
            return self.build(merged, name, depth + 1)
        kind = _type_of(schema)
        if kind is None:
            kind = "object" if "properties" in schema else ("array" if "items" in schema else "string")
        if depth > 6 and kind in ("object", "array"):
            return {} if kind == "object" else []
        if kind == "object":
            out: dict[str, Any] = {}
            props = schema.get("properties") if isinstance(schema.get("properties"), dict) else {}
            for prop, sub in props.items():
                out[prop] = self.build(sub, prop, depth + 1)
            return out
        if kind == "array":
            lo = int(schema.get("minItems", 1))
            hi = int(schema.get("maxItems", max(lo, 3)))
            count = rng.randint(lo, max(lo, min(hi, lo + 3)))
            items = schema.get("items", {})
            return [self.build(items, name, depth + 1) for _ in range(count)]
        if kind == "integer":
            lo = int(schema.get("minimum", 0))
            hi = int(schema.get("maximum", max(lo, 100)))
            if "exclusiveMinimum" in schema:
                lo = math.floor(schema["exclusiveMinimum"]) + 1
            if "exclusiveMaximum" in schema:
                hi = math.ceil(schema["exclusiveMaximum"]) - 1
            return rng.randint(lo, max(lo, hi))
        if kind == "number":
            low = float(schema.get("minimum", 0))
            high = float(schema.get("maximum", max(low, 100)))
            return round(rng.uniform(low, high), 2)
        if kind == "boolean":
            return rng.random() < 0.5
        if kind == "null":
            return None
        return self.string(schema, name)

    def string(self, schema: dict[str, Any], name: str) -> str:
        rng = self.rng
        label = (name + " " + str(schema.get("description", ""))).lower()
        fmt = schema.get("format")
        if fmt == "date-time":
            return "2025-01-01T12:00:00Z"
        if fmt == "date":
            return "2025-01-01"
        if fmt == "email":
            return "llama@example.com"
        if fmt in ("uri", "url"):
            return "https://example.com/"
        if any(w in label for w in ("location", "city", "place", "where")):
            # A capitalised word of the prompt, but not one that is only capitalised as a sentence start.
            places = [h for h in self.hints if h[:1].isupper() and h.lower() not in STOPWORDS]
            text = f"{places[0]}" if places else rng.choice(_PLACES)
        elif "name" in label:
            text = rng.choice(["Ada", "Grace", "Linus", "Llama"])
        else:
            count = rng.randint(1, 3)
            text = " ".join(rng.choice(_WORDS) for _ in range(count))
        lo = int(schema.get("minLength", 0))
        hi = schema.get("maxLength")
        while len(text) < lo:
            text += rng.choice(_WORDS)
        if isinstance(hi, int):
            text = text[:hi]
        pattern = schema.get("pattern")
        if isinstance(pattern, str) and not re.search(pattern, text):
            return _from_pattern(pattern, rng) or text
        return text


def _from_pattern(pattern: str, rng: random.Random) -> str:
    """A best-effort string for simple patterns such as `^[a-z]+$` or `^\\d{3}$`."""
    body = pattern.removeprefix("^").removesuffix("$")
    out: list[str] = []
    tokens = re.findall(r"\\d|\\w|\[[^\]]+\]|.", body)
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        count = 1
        nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
        if nxt in ("+", "*"):
            count = 3 if nxt == "+" else 0
            i += 1
        elif nxt == "{":
            m = re.match(r"\{(\d+)", body[body.find("{") :])
            count = int(m.group(1)) if m else 1
            while i < len(tokens) and tokens[i] != "}":
                i += 1
        if tok == "\\d":
            chars = "0123456789"
        elif tok == "\\w":
            chars = "abcdefghij"
        elif tok.startswith("["):
            chars = _expand_class(tok[1:-1])
        elif tok in "()|?{}":
            chars = ""
        else:
            chars = tok
        if chars:
            out.extend(rng.choice(chars) for _ in range(count))
        i += 1
    return "".join(out)


def _expand_class(spec: str) -> str:
    chars: list[str] = []
    i = 0
    while i < len(spec):
        if i + 2 < len(spec) and spec[i + 1] == "-":
            chars.extend(chr(c) for c in range(ord(spec[i]), ord(spec[i + 2]) + 1))
            i += 3
        else:
            chars.append(spec[i])
            i += 1
    return "".join(chars) or "a"


def instance_for(schema: dict[str, Any], rng: random.Random, hints: list[str]) -> Any:
    """A value valid against the schema when one can be found in a few tries."""
    try:
        # Clients send whatever they call a schema (`"type": ""`, say); Ollama never checks it.
        jsonschema.Draft202012Validator.check_schema(schema)
        validator = jsonschema.Draft202012Validator(schema)
    except jsonschema.SchemaError:
        validator = None
    value: Any = None
    for _ in range(8):
        value = _Builder(schema, rng, hints).build(schema)
        if validator is None:
            return value
        try:
            if validator.is_valid(value):
                return value
        except (jsonschema.exceptions.UnknownType, jsonschema.exceptions.RefResolutionError, TypeError, ValueError):
            return value
    return value


def json_mode_value(topic: list[str], rng: random.Random, sentence: str) -> dict[str, Any]:
    """What a model in `format: "json"` mode answers: a small object about the prompt."""
    keys = [w for w in topic if w.isalpha()][:3] or ["answer"]
    out: dict[str, Any] = {}
    for i, key in enumerate(keys):
        if i == 0:
            out[key] = sentence
        elif rng.random() < 0.5:
            out[key] = rng.randint(1, 100)
        else:
            out[key] = rng.choice(_WORDS)
    return out
