"""Model names as Ollama reads them: `[host/][namespace/]model[:tag]`.

A name is also a path on disk (`manifests/<host>/<namespace>/<model>/<tag>`), so validation is
the first line of defence of the data dir: every part must start with a letter, a digit or `_`
and may only hold the characters Ollama allows, which rules out `..`, slashes and NUL bytes.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = [
    "DEFAULT_HOST",
    "DEFAULT_NAMESPACE",
    "DEFAULT_TAG",
    "ModelName",
    "SourceConflict",
    "parse_name",
    "split_source",
]

DEFAULT_HOST = "registry.ollama.ai"
DEFAULT_NAMESPACE = "library"
DEFAULT_TAG = "latest"
_MISSING = "!MISSING!"
_ALNUM = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_")


class SourceConflict(ValueError):
    """Both `:local` and `:cloud` were given; Ollama answers 400 with this text."""


@dataclass(frozen=True)
class ModelName:
    host: str
    namespace: str
    model: str
    tag: str
    scheme: str = "https"

    def is_valid(self) -> bool:
        return (
            _valid_part("host", self.host)
            and _valid_part("namespace", self.namespace)
            and _valid_part("model", self.model)
            and _valid_part("tag", self.tag)
        )

    def __str__(self) -> str:
        """The fully qualified form, used in capability errors (`registry.ollama.ai/library/x:latest`)."""
        return f"{self.host}/{self.namespace}/{self.model}:{self.tag}"

    def shortest(self) -> str:
        """What tags and ps display: `x:latest`, `user/x:tag`, or `host/ns/x:tag`."""
        if self.host.lower() != DEFAULT_HOST:
            return f"{self.host}/{self.namespace}/{self.model}:{self.tag}"
        if self.namespace.lower() != DEFAULT_NAMESPACE:
            return f"{self.namespace}/{self.model}:{self.tag}"
        return f"{self.model}:{self.tag}"

    def key(self) -> tuple[str, str, str, str]:
        """Names match case-insensitively."""
        return (self.host.lower(), self.namespace.lower(), self.model.lower(), self.tag.lower())

    def parts(self) -> tuple[str, str, str, str]:
        return (self.host, self.namespace, self.model, self.tag)


def _valid_part(kind: str, s: str) -> bool:
    limit = 350 if kind == "host" else 80
    if not 1 <= len(s) <= limit or s[0] not in _ALNUM:
        return False
    for ch in s[1:]:
        if ch in _ALNUM or ch in "-_":
            continue
        if ch == "." and kind != "namespace":
            continue
        if ch == ":" and kind == "host":
            continue
        return False
    return True


def _cut_last(s: str, sep: str) -> tuple[str, str, bool]:
    i = s.rfind(sep)
    if i < 0:
        return s, "", False
    before, after = s[:i], s[i + len(sep) :]
    return before or _MISSING, after or _MISSING, True


def parse_name(raw: str) -> ModelName:
    """Parse like Ollama's ParseName: fill in defaults, never fail; check `is_valid()` after."""
    s = raw
    tag = ""
    if s.rfind(":") > s.rfind("/"):
        s, tag, _ = _cut_last(s, ":")
    host = namespace = ""
    scheme = "https"
    s, model, promised = _cut_last(s, "/")
    if not promised:
        model = s
    else:
        s, namespace, promised = _cut_last(s, "/")
        if not promised:
            namespace = s
        else:
            if "://" in s:
                scheme, s = s.split("://", 1)
            host = s
    return ModelName(
        host=host or DEFAULT_HOST,
        namespace=namespace or DEFAULT_NAMESPACE,
        model=model,
        tag=tag or DEFAULT_TAG,
        scheme=scheme or "https",
    )


def split_source(raw: str) -> tuple[str, str]:
    """Strip an explicit `:local` / `:cloud` / `-cloud` suffix; returns (base, source).

    Raises SourceConflict for `x:local:cloud` and ValueError("model is required") for a blank name.
    """
    raw = raw.strip()
    if not raw:
        raise ValueError("model is required")
    base, source = _source_suffix(raw)
    if source and _source_suffix(base)[1]:
        raise SourceConflict(f'use either :local or :cloud, not both: "{raw}"')
    return base, source


def _source_suffix(raw: str) -> tuple[str, str]:
    idx = raw.rfind(":")
    if idx < 0:
        return raw, ""
    suffix_raw = raw[idx + 1 :].strip()
    suffix = suffix_raw.lower()
    if suffix in ("cloud", "local"):
        return raw[:idx], suffix
    if "/" not in suffix_raw and suffix.endswith("-cloud"):
        return raw[: idx + 1] + suffix_raw[: -len("-cloud")], "cloud"
    return raw, ""
