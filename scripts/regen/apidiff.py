"""What a regeneration does to the Python API: griffe's breaking-change check, plus the names added.

Two copies of each package (the one committed at a git ref, extracted with `git archive`, and the
one just regenerated or in the work tree) are loaded by griffe from source, never imported, so a
package that no longer imports is still compared. `griffe.find_breaking_changes` reports removed
objects and parameters, parameters made required, moved or re-kinded and changed defaults; every
such breakage is a `breaking:` line, and so is a public attribute whose annotation changed (griffe
does not compare annotations; any change is counted, as a widened field of a response model breaks
its readers and a narrowed one of a request model breaks its writers). New public names (a model, a function,
a method, a field) are `compatible:` lines. Private names (a leading `_`) are not the API.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

from .specdiff import Change

__all__ = ["compare_borrowed", "compare_packages"]


@cache
def _load(name: str, where: Path) -> Any:
    import griffe

    return griffe.load(name, search_paths=[str(where)], allow_inspection=False, try_relative_path=False)


def _public(obj: Any) -> Iterator[tuple[str, Any]]:
    for name, member in sorted(obj.members.items()):
        if name.startswith("_"):
            continue
        try:
            if member.is_alias:
                continue  # a re-export: judged where it is defined
        except Exception:  # pragma: no cover - an alias griffe cannot follow
            continue
        yield name, member


def _added(old: Any, new: Any) -> Iterator[str]:
    """Dotted paths of the public objects in `new` that `old` lacks (the top-most new one only)."""
    for name, member in _public(new):
        if name not in old.members:
            yield member.path
        elif member.kind.value in ("module", "class") and not old.members[name].is_alias:
            yield from _added(old.members[name], member)


def compare_packages(name: str, old_root: Path | None, new_root: Path, skip: tuple[str, ...] = ()) -> list[Change]:
    """Breaking and added public API of package `name`, from its copy under `old_root` to `new_root`.

    Subpackages named in `skip` are left out (for `ollama_contract`: the reference server, the
    contract suite and the CLI are programs of their own, not the client's API). A package absent
    at the ref (`old_root` None, or no such folder) is one compatible line."""
    import griffe

    if old_root is None or not (old_root / name).is_dir():
        return [Change(False, name, "package added")] if (new_root / name).is_dir() else []
    if not (new_root / name).is_dir():
        return [Change(True, name, "package removed")]
    old, new = _load(name, old_root), _load(name, new_root)
    exported = _exported(old) | _exported(new)
    changes = []
    for breakage in griffe.find_breaking_changes(old, new):
        if not _is_api(breakage.obj.path, exported) or _skipped(breakage.obj.path, name, skip):
            continue
        where, old_value, new_value = breakage.obj.path, _value(breakage.old_value), _value(breakage.new_value)
        if breakage.kind.name.startswith("PARAMETER_"):
            where = f"{where}({old_value or new_value})"
            old_value = new_value = None
            if breakage.kind.name == "PARAMETER_CHANGED_DEFAULT":
                old_value = _value(getattr(breakage.old_value, "default", None))
                new_value = _value(getattr(breakage.new_value, "default", None))
        what = str(breakage.kind.value).lower()
        if breakage.kind.name == "OBJECT_REMOVED":
            what = "removed"
        elif old_value is not None or new_value is not None:
            what += f": {old_value} -> {new_value}"
        changes.append(Change(True, where, what))
    changes += [
        Change(True, path, f"type changed: {before} -> {after}")
        for path, before, after in _retyped(old, new)
        if _is_api(path, exported) and not _skipped(path, name, skip)
    ]
    changes += [Change(False, path, "added") for path in _added(old, new) if not _skipped(path, name, skip)]
    return changes


def _exported(package: Any) -> set[str]:
    """Where the public names of a package's modules point: `ollama_contract.Client` is defined in
    `ollama_contract._client`, a private module, but is the API all the same."""
    targets: set[str] = set()

    def walk(obj: Any) -> None:
        for name, member in obj.members.items():
            if name.startswith("_"):
                continue
            if member.is_alias:
                targets.add(str(member.target_path))
            elif member.kind.value == "module":
                walk(member)

    walk(package)
    return targets


def _retyped(old: Any, new: Any) -> Iterator[tuple[str, str, str]]:
    """Public attributes whose annotation changed (griffe's own check compares attribute values,
    not types): `temperature: float | Unset` made `int | Unset` breaks a caller passing 0.5."""
    for name, member in _public(new):
        before = old.members.get(name)
        if before is None or before.is_alias or before.kind != member.kind:
            continue
        if member.kind.value in ("module", "class"):
            yield from _retyped(before, member)
        elif member.kind.value == "attribute" and str(before.annotation) != str(member.annotation):
            yield member.path, str(before.annotation), str(member.annotation)


def _skipped(path: str, name: str, skip: tuple[str, ...]) -> bool:
    return any(path == f"{name}.{sub}" or path.startswith(f"{name}.{sub}.") for sub in skip)


def _is_api(path: str, exported: set[str]) -> bool:
    """Is this dotted path public: no private part, or inside an object a public name re-exports?"""
    if not any(part.startswith("_") and not part.startswith("__") for part in path.split(".")):
        return True
    return any(path == target or path.startswith(target + ".") for target in exported)


def _value(value: Any) -> str | None:
    """A short text for what griffe hands over: a parameter's name, an object's path, an expression."""
    if value is None:
        return None
    if hasattr(value, "path") and hasattr(value, "members"):
        return str(value.path)
    name = getattr(value, "name", None)
    if name is not None and hasattr(value, "default"):
        return str(name)
    return str(value)


def borrowed(name: str, root: Path, source: str) -> set[str]:
    """Paths in package `source` that package `name` makes part of its own API: the targets of its
    public re-exports (`from ollama_api._methods import *`), and the bases of its public classes
    (`class Ollama(SyncMethods)`). The client object's methods are generated into a private module
    of `ollama_api`, which griffe does not look into by itself."""
    if not (root / name).is_dir():
        return set()
    package = _load(name, root)
    found: set[str] = set()

    def walk(obj: Any) -> None:
        for member_name, member in obj.members.items():
            if member_name.startswith("_"):
                continue
            if member.is_alias:
                target = str(member.target_path)
                if target.startswith(source + "."):
                    found.add(target)
                elif target.startswith(name + "."):
                    try:
                        local = package[target[len(name) + 1 :]]
                    except (KeyError, ValueError):
                        continue
                    if not local.is_alias and local.kind.value == "class":
                        found.update(b for b in map(_base_path, local.bases) if b.startswith(source + "."))
            elif member.kind.value == "module":
                walk(member)

    walk(package)
    return found


def _base_path(base: Any) -> str:
    return str(getattr(base, "canonical_path", base))


def compare_borrowed(paths: set[str], source: str, old_root: Path | None, new_root: Path) -> list[Change]:
    """griffe's breakages of each borrowed object of `source` (see `borrowed`), and its new members."""
    import griffe

    if old_root is None or not (old_root / source).is_dir() or not (new_root / source).is_dir():
        return []
    old_pkg, new_pkg = _load(source, old_root), _load(source, new_root)
    changes: list[Change] = []
    for path in sorted(paths):
        sub = path[len(source) + 1 :]
        try:
            old = old_pkg[sub]
        except (KeyError, ValueError):
            continue  # new at this ref: its names show as added where they are re-exported
        try:
            new = new_pkg[sub]
        except (KeyError, ValueError):
            changes.append(Change(True, path, "removed"))
            continue
        for breakage in griffe.find_breaking_changes(old, new):
            where = breakage.obj.path
            if breakage.kind.name.startswith("PARAMETER_"):
                where = f"{where}({_value(breakage.old_value) or _value(breakage.new_value)})"
            changes.append(Change(True, where, str(breakage.kind.value).lower()))
        if new.kind.value == "class":
            changes += [Change(False, added, "added") for added in _added(old, new)]
    return changes
