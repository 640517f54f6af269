"""Which JSON fields a Go struct always writes, read from Go source with `encoding/json`'s rules.

The version facts of the spec (`x-always-since`, `x-removed-in`) are mined from the history of
Ollama's `api/types.go` by `scripts/mine_versions`; this module is its pure core, so that the
rules can be tested on small snippets. It is a small Go reader, not a Go compiler: it knows type
declarations, struct fields and their tags, and which types have their own `MarshalJSON`.

The rules (encoding/json, Go 1.24):
- `json:"-"` is never written; an unexported field is never written.
- a field without `omitempty`/`omitzero` is always written (a nil pointer, slice or map as null);
- `omitempty` drops false, 0, "", a nil pointer or interface, and an empty slice, map or string,
  but never a struct, nor an array of non-zero length;
- `omitzero` drops any zero value, so such a field may always be missing;
- the fields of an embedded struct without a tag are promoted into the outer object (through a
  nil embedded pointer they are skipped, so they are only sometimes written); a shallower field
  wins over a deeper one of the same name, and at equal depth a tagged one wins, else both go.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

__all__ = ["Field", "GoType", "Module", "absence", "flatten", "nested_structs", "parse", "struct_fields"]

Kind = Literal["struct", "pointer", "slice", "array", "map", "string", "number", "bool", "interface", "unknown"]
Presence = Literal["always", "maybe"]
Absence = Literal["zero", "nil"]
"""What a reader of Go's JSON learns from a field's absence: its type's zero value (`""`, 0, false,
an empty slice, map or struct), or nothing (a nil pointer or interface: "not known")."""

_BUILTIN: dict[str, Kind] = {
    "string": "string",
    "bool": "bool",
    "any": "interface",
    "error": "interface",
    **{
        name: "number"
        for name in [
            "int",
            "int8",
            "int16",
            "int32",
            "int64",
            "uint",
            "uint8",
            "uint16",
            "uint32",
            "uint64",
            "uintptr",
            "byte",
            "rune",
            "float32",
            "float64",
            "complex64",
            "complex128",
        ]
    },
}

# Types from other packages that api/types.go uses, by what they are underneath.
_FOREIGN: dict[str, Kind] = {
    "time.Time": "struct",
    "time.Duration": "number",
    "json.RawMessage": "slice",
    "uuid.UUID": "array",
    "model.Capability": "string",
    "fs.FileMode": "number",
    "os.FileMode": "number",
}


@dataclass
class GoType:
    """A Go type expression: a name, or a constructor around an element (and, for maps, a key)."""

    kind: Literal["name", "pointer", "slice", "array", "map", "struct", "interface", "func", "chan"]
    name: str = ""
    elem: GoType | None = None
    length: str = ""
    fields: list[Field] = field(default_factory=list)


@dataclass
class Field:
    """One field of a struct as written in the source."""

    name: str
    """The Go name; for an embedded field, the type's name."""
    type: GoType
    tag: str
    embedded: bool


@dataclass
class Module:
    """The type declarations of one Go file, and the types that marshal themselves."""

    types: dict[str, GoType]
    marshalers: set[str]


# ---------------------------------------------------------------- tokens

_TOKEN = re.compile(
    r"""
    (?P<space>[ \t\r]+)
  | (?P<comment>//[^\n]*|/\*.*?\*/)
  | (?P<newline>\n)
  | (?P<raw>`[^`]*`)
  | (?P<string>"(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*')
  | (?P<ident>[A-Za-z_][A-Za-z0-9_]*)
  | (?P<number>[0-9][0-9A-Za-z_.]*)
  | (?P<op>\.\.\.|:=|<-|[{}()\[\];,.*=&|^!<>+\-/%:~])
    """,
    re.VERBOSE | re.DOTALL,
)


def _tokens(source: str) -> list[str]:
    """Go tokens, with automatic semicolons as `;` (the rule: after an identifier, literal,
    closing bracket or `}`, a newline ends the statement)."""
    out: list[str] = []
    for m in _TOKEN.finditer(source):
        kind, text = m.lastgroup, m.group()
        if kind == "space":
            continue
        if kind == "comment":
            if "\n" in text and _ends_statement(out):
                out.append(";")
            continue
        if kind == "newline":
            if _ends_statement(out):
                out.append(";")
            continue
        out.append(text)
    return out


def _ends_statement(out: list[str]) -> bool:
    if not out:
        return False
    last = out[-1]
    return last[0].isalnum() or last[0] in "_`\"'" or last in {")", "]", "}"}


# ---------------------------------------------------------------- parser


class _Parser:
    def __init__(self, tokens: list[str]) -> None:
        self.t = tokens
        self.i = 0

    def peek(self, ahead: int = 0) -> str:
        j = self.i + ahead
        return self.t[j] if j < len(self.t) else ""

    def take(self) -> str:
        tok = self.peek()
        self.i += 1
        return tok

    def skip_semis(self) -> None:
        while self.peek() == ";":
            self.i += 1

    def skip_balanced(self, open_: str, close: str) -> None:
        depth = 0
        while self.i < len(self.t):
            tok = self.take()
            if tok == open_:
                depth += 1
            elif tok == close:
                depth -= 1
                if depth == 0:
                    return

    def type_expr(self) -> GoType:
        tok = self.peek()
        if tok == "*":
            self.take()
            return GoType("pointer", elem=self.type_expr())
        if tok == "[":
            self.take()
            if self.peek() == "]":
                self.take()
                return GoType("slice", elem=self.type_expr())
            length = []
            while self.peek() != "]":
                length.append(self.take())
            self.take()
            return GoType("array", length="".join(length), elem=self.type_expr())
        if tok == "map":
            self.take()
            self.take()  # [
            self.type_expr()
            self.take()  # ]
            return GoType("map", elem=self.type_expr())
        if tok == "struct":
            self.take()
            return GoType("struct", fields=self.struct_body())
        if tok == "interface":
            self.take()
            self.skip_balanced("{", "}")
            return GoType("interface")
        if tok == "func":
            self.take()
            self.skip_balanced("(", ")")
            if self.peek() == "(":
                self.skip_balanced("(", ")")
            elif self.peek() not in {";", "`", "}", ")", ","} and not self.peek().startswith("`"):
                self.type_expr()
            return GoType("func")
        if tok == "chan" or tok == "<-":
            while self.peek() in {"chan", "<-"}:
                self.take()
            return GoType("chan", elem=self.type_expr())
        if tok == "(":
            self.take()
            inner = self.type_expr()
            self.take()
            return inner
        name = self.take()
        if self.peek() == ".":
            self.take()
            name += "." + self.take()
        if self.peek() == "[":  # type arguments of a generic type
            self.skip_balanced("[", "]")
        return GoType("name", name=name)

    def struct_body(self) -> list[Field]:
        fields: list[Field] = []
        self.take()  # {
        self.skip_semis()
        while self.peek() not in {"}", ""}:
            fields += self.field_decl()
            self.skip_semis()
        self.take()  # }
        return fields

    def field_decl(self) -> list[Field]:
        # Embedded: `T`, `*T`, `pkg.T`, each maybe followed by a tag. Named: `A, B T tag`.
        start = self.i
        if self.peek() == "*" or (self.peek(1) in {";", "}", "."} or self.peek(1).startswith("`")):
            typ = self.type_expr()
            if self.peek() in {";", "}"} or self.peek().startswith("`"):
                tag = self.take() if self.peek().startswith("`") else ""
                base = typ.elem if typ.kind == "pointer" and typ.elem else typ
                return [Field(base.name.rsplit(".", 1)[-1], typ, tag[1:-1] if tag else "", True)]
            self.i = start
        names = [self.take()]
        while self.peek() == ",":
            self.take()
            names.append(self.take())
        typ = self.type_expr()
        tag = self.take()[1:-1] if self.peek().startswith("`") else ""
        return [Field(n, typ, tag, False) for n in names]


def parse(source: str) -> Module:
    """The named types of a Go file and the types with a MarshalJSON method."""
    p = _Parser(_tokens(source))
    types: dict[str, GoType] = {}
    marshalers: set[str] = set()
    while p.i < len(p.t):
        tok = p.take()
        if tok == "type":
            if p.peek() == "(":
                p.take()
                p.skip_semis()
                while p.peek() not in {")", ""}:
                    _type_spec(p, types)
                    p.skip_semis()
                p.take()
            else:
                _type_spec(p, types)
        elif tok == "func" and p.peek() == "(":
            receiver = p.i
            p.skip_balanced("(", ")")
            rtoks = [x for x in p.t[receiver : p.i] if x not in {"(", ")", "*"}]
            if p.peek() == "MarshalJSON" and rtoks:
                marshalers.add(rtoks[-1])
        elif tok == "{":
            p.i -= 1
            p.skip_balanced("{", "}")
    return Module(types, marshalers)


def _type_spec(p: _Parser, types: dict[str, GoType]) -> None:
    name = p.take()
    if p.peek() == "[" and p.peek(1)[:1].isalpha() and p.peek(2) != "]":  # a generic type's parameters
        p.skip_balanced("[", "]")
    if p.peek() == "=":
        p.take()
    types[name] = p.type_expr()


# ---------------------------------------------------------------- encoding rules


def _tag(tag: str) -> tuple[str | None, set[str]]:
    """The json name (None when the tag names none) and the options of a struct tag."""
    m = re.search(r'(?:^|\s)json:"([^"]*)"', tag)
    if not m:
        return None, set()
    name, *options = m.group(1).split(",")
    return name, set(options)


def kind_of(module: Module, typ: GoType, seen: frozenset[str] = frozenset()) -> Kind:
    """What a type is underneath, for omitempty: named types are followed to their definition."""
    if typ.kind == "name":
        if typ.name in _BUILTIN:
            return _BUILTIN[typ.name]
        if typ.name in _FOREIGN:
            return _FOREIGN[typ.name]
        if typ.name in module.types and typ.name not in seen:
            return kind_of(module, module.types[typ.name], seen | {typ.name})
        return "unknown"
    constructors: dict[str, Kind] = {
        "pointer": "pointer", "slice": "slice", "array": "array", "map": "map", "struct": "struct",
        "interface": "interface",
    }  # fmt: skip
    return constructors.get(typ.kind, "unknown")


def _sent(module: Module, typ: GoType, options: set[str]) -> Presence:
    if "omitzero" in options:
        return "maybe"
    if "omitempty" not in options:
        return "always"
    kind = kind_of(module, typ)
    if kind == "struct":
        return "always"
    if kind == "array":
        return "always" if _array_length(module, typ) not in {"0", ""} else "maybe"
    return "maybe"


def _array_length(module: Module, typ: GoType) -> str:
    while typ.kind == "name" and typ.name in module.types:
        typ = module.types[typ.name]
    if typ.kind == "array":
        return typ.length
    return "16" if typ.kind == "name" and typ.name == "uuid.UUID" else ""


def _struct_of(module: Module, typ: GoType) -> tuple[str, list[Field]] | None:
    """The fields of a struct type (named or literal), unless it marshals itself."""
    name = ""
    seen: set[str] = set()
    while typ.kind == "name" and typ.name in module.types and typ.name not in seen:
        if typ.name in module.marshalers:
            return None
        seen.add(typ.name)
        name = typ.name
        typ = module.types[typ.name]
    return (name, typ.fields) if typ.kind == "struct" else None


@dataclass
class _Candidate:
    presence: Presence
    typ: GoType
    depth: int
    tagged: bool
    through_pointer: bool = False


def struct_fields(module: Module, typ: GoType, depth: int = 0, nil_able: bool = False) -> dict[str, _Candidate]:
    """The JSON fields of a struct, by json name, after promotion and Go's dominance rules."""
    found = _struct_of(module, typ)
    if found is None:
        return {}
    candidates: dict[str, list[_Candidate]] = {}
    for f in found[1]:
        name, options = _tag(f.tag)
        if name == "-" and not options:
            continue
        inner = f.type.elem if f.type.kind == "pointer" and f.type.elem else f.type
        if f.embedded and name is None and _struct_of(module, inner) is not None:
            through_pointer = nil_able or f.type.kind == "pointer"
            for key, c in struct_fields(module, inner, depth + 1, through_pointer).items():
                candidates.setdefault(key, []).append(c)
            continue
        if not f.name[:1].isupper():
            continue
        presence = "maybe" if nil_able else _sent(module, f.type, options)
        candidates.setdefault(name or f.name, []).append(
            _Candidate(presence, f.type, depth, name is not None, nil_able)
        )
    out: dict[str, _Candidate] = {}
    for key, options_ in candidates.items():
        shallowest = min(c.depth for c in options_)
        top = [c for c in options_ if c.depth == shallowest]
        tagged = [c for c in top if c.tagged]
        if len(top) == 1:
            out[key] = top[0]
        elif len(tagged) == 1:
            out[key] = tagged[0]
    return out


def _unwrap(module: Module, typ: GoType) -> tuple[GoType, str]:
    """The element type a field's value holds objects of, and the path suffix that gets there."""
    suffix = ""
    for _ in range(16):
        if typ.kind == "pointer" and typ.elem:
            typ = typ.elem
        elif typ.kind in {"slice", "array"} and typ.elem:
            typ, suffix = typ.elem, suffix + "[]"
        elif typ.kind == "map" and typ.elem:
            typ, suffix = typ.elem, suffix + "{}"
        elif typ.kind == "name" and typ.name in module.types and typ.name not in module.marshalers:
            resolved = module.types[typ.name]
            if resolved.kind == "struct":
                break
            typ = resolved
        else:
            break
    return typ, suffix


def flatten(module: Module, root: str, limit: int = 6) -> dict[str, Presence]:
    """Every JSON field reachable from the struct `root`, by path (`message.tool_calls[].id`).

    The nested paths follow struct-valued fields, pointers, slices and arrays of structs (`[]`)
    and map values (`{}`); a struct with its own MarshalJSON is a leaf.
    """
    return _walk(module, root, limit)[0]


def nested_structs(module: Module, root: str, limit: int = 6) -> dict[str, str]:
    """The named struct each object-valued path holds, by path with its suffix (`models[]` ->
    `ListModelResponse`): how the spec's nested schemas are matched to Go's types."""
    return _walk(module, root, limit)[1]


def absence(module: Module, root: str, limit: int = 6) -> dict[str, Absence]:
    """What the absence of each field of `flatten` means to a Go reader: `nil` for a pointer or an
    interface, and for a field promoted through an embedded pointer; `zero` for every other type,
    whose absence decodes as its zero value."""
    return _walk(module, root, limit)[2]


def _absence(module: Module, c: _Candidate) -> Absence:
    if c.through_pointer:
        return "nil"
    return "nil" if kind_of(module, c.typ) in {"pointer", "interface"} else "zero"


def _walk(module: Module, root: str, limit: int) -> tuple[dict[str, Presence], dict[str, str], dict[str, Absence]]:
    out: dict[str, Presence] = {}
    structs: dict[str, str] = {}
    absent: dict[str, Absence] = {}

    def walk(typ: GoType, prefix: str, depth: int) -> None:
        if depth > limit:
            return
        for key, c in struct_fields(module, typ).items():
            path = prefix + key
            out[path] = c.presence
            absent[path] = _absence(module, c)
            child, suffix = _unwrap(module, c.typ)
            found = _struct_of(module, child)
            if found is not None:
                if found[0]:
                    structs[path + suffix] = found[0]
                walk(child, f"{path}{suffix}.", depth + 1)

    walk(GoType("name", name=root), "", 0)
    return out, structs, absent
