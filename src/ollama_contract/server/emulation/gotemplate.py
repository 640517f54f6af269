"""A small Go text/template: enough to check, and render, the prompt templates models carry.

Ollama refuses a `template` it cannot parse (400 `template error: ...` on create, 500 on
generate) and renders prompts with it; `_debug_render_only` shows the result. This covers the
syntax prompt templates use: fields, variables, pipelines, `if`/`else if`/`range`/`with`, the
comparison and logic functions, `json`, and the `-` whitespace trimmers.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from ..http.wire import encode

__all__ = ["Template", "TemplateError", "parse_template", "template_vars"]


class TemplateError(ValueError):
    pass


_ACTION = re.compile(r"\{\{(-\s)?(.*?)(\s-)?\}\}", re.S)
_TOKEN = re.compile(
    r"""\s*(?:
        (?P<str>"(?:[^"\\]|\\.)*") |
        (?P<raw>`[^`]*`) |
        (?P<num>-?\d+(?:\.\d+)?) |
        (?P<decl>:=|=) |
        (?P<var>\$[A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*) |
        (?P<field>(?:\.[A-Za-z_][A-Za-z0-9_]*)+|\.) |
        (?P<ident>[A-Za-z_][A-Za-z0-9_]*) |
        (?P<punct>[(),|])
    )""",
    re.X,
)
_FUNCS = {
    "eq", "ne", "lt", "le", "gt", "ge", "and", "or", "not", "len", "index", "slice", "print",
    "printf", "println", "json", "currentDate", "yesterdayDate", "toTypeScriptType", "html", "js",
}  # fmt: skip
_KEYWORDS = {"if", "else", "end", "range", "with", "define", "template", "block", "break", "continue"}


@dataclass
class _Node:
    kind: str  # text, expr, if, range, with
    text: str = ""
    tokens: list[tuple[str, str]] = field(default_factory=list)
    decl: list[str] = field(default_factory=list)
    body: list[_Node] = field(default_factory=list)
    orelse: list[_Node] = field(default_factory=list)


def _lex(src: str, line: int) -> list[tuple[str, str]]:
    tokens: list[tuple[str, str]] = []
    pos = 0
    src = src.rstrip()
    while pos < len(src):
        m = _TOKEN.match(src, pos)
        if m is None or m.end() == pos:
            bad = src[pos:].strip()[:1] or src[pos]
            raise TemplateError(f"template: :{line}: unexpected {json.dumps(bad)} in command")
        kind = m.lastgroup or ""
        tokens.append((kind, m.group(kind)))
        pos = m.end()
    return tokens


class Template:
    def __init__(self, source: str) -> None:
        self.source = source
        self.nodes = self._parse()

    def _parse(self) -> list[_Node]:
        root: list[_Node] = []
        stack: list[tuple[_Node, list[_Node]]] = []
        current = root
        pos = 0
        trim_next = False
        text = self.source
        for m in _ACTION.finditer(text):
            chunk = text[pos : m.start()]
            if trim_next:
                chunk = chunk.lstrip()
            if m.group(1):
                chunk = chunk.rstrip()
            if chunk:
                current.append(_Node("text", text=chunk))
            pos = m.end()
            trim_next = bool(m.group(3))
            line = text.count("\n", 0, m.start()) + 1
            body = m.group(2).strip()
            if body.startswith("/*"):
                continue
            tokens = _lex(body, line)
            if not tokens:
                raise TemplateError(f"template: :{line}: missing value for command")
            head = tokens[0][1] if tokens[0][0] == "ident" else ""
            if head in ("if", "range", "with"):
                node = _Node(head)
                rest = tokens[1:]
                if len(rest) >= 2 and rest[-1][0] != "decl" and any(k == "decl" for k, _ in rest):
                    i = next(i for i, (k, _) in enumerate(rest) if k == "decl")
                    node.decl = [v for k, v in rest[:i] if k == "var"]
                    rest = rest[i + 1 :]
                if not rest:
                    raise TemplateError(f"template: :{line}: missing value for {head}")
                node.tokens = rest
                current.append(node)
                stack.append((node, current))
                current = node.body
            elif head == "else":
                if not stack or stack[-1][0].kind not in ("if", "range", "with"):
                    raise TemplateError(f"template: :{line}: unexpected {{{{else}}}}")
                node = stack[-1][0]
                if current is node.orelse:
                    raise TemplateError(f"template: :{line}: expected end; found {{{{else}}}}")
                rest = tokens[1:]
                if rest and rest[0] == ("ident", "if"):
                    inner = _Node("if", tokens=rest[1:])
                    node.orelse.append(inner)
                    stack[-1] = (inner, stack[-1][1])
                    # a chained else-if closes with the same {{end}}
                    current = inner.body
                    continue
                current = node.orelse
            elif head == "end":
                if not stack:
                    raise TemplateError(f"template: :{line}: unexpected {{{{end}}}}")
                _, current = stack.pop()
            elif head in ("define", "template", "block"):
                raise TemplateError(f"template: :{line}: {head} is not supported here")
            elif head in ("break", "continue"):
                current.append(_Node("expr", tokens=tokens))
            else:
                self._check_funcs(tokens, line)
                decl: list[str] = []
                if any(k == "decl" for k, _ in tokens):
                    i = next(i for i, (k, _) in enumerate(tokens) if k == "decl")
                    decl = [v for k, v in tokens[:i] if k == "var"]
                    tokens = tokens[i + 1 :]
                current.append(_Node("expr", tokens=tokens, decl=decl))
        tail = text[pos:]
        if trim_next:
            tail = tail.lstrip()
        if "{{" in tail:
            line = text.count("\n", 0, pos + tail.index("{{")) + 1
            raise TemplateError(f"template: :{line}: unclosed action")
        if tail:
            current.append(_Node("text", text=tail))
        if stack:
            raise TemplateError(f"template: :{text.count(chr(10)) + 1}: unexpected EOF")
        return root

    @staticmethod
    def _check_funcs(tokens: list[tuple[str, str]], line: int) -> None:
        for kind, value in tokens:
            if kind == "ident" and value not in _FUNCS and value not in ("true", "false", "nil"):
                if value in _KEYWORDS:
                    raise TemplateError(f"template: :{line}: unexpected <{value}> in command")
                raise TemplateError(f'template: :{line}: function "{value}" not defined')

    def execute(self, values: dict[str, Any]) -> str:
        out: list[str] = []
        _Exec(values).run(self.nodes, values, {"$": values}, out)
        return "".join(out)


class _Break(Exception):
    pass


class _Continue(Exception):
    pass


def _truth(v: Any) -> bool:
    return bool(v) if v is not None else False


def _marshal(v: Any) -> str:
    """Go's json.Marshal: its floats and HTML escapes; "" when it fails (a NaN), as Ollama ignores the error."""
    try:
        return encode(v).decode("utf-8")
    except (TypeError, ValueError):
        return ""


def _text(v: Any) -> str:
    if v is None:
        return "<no value>"
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, list | dict):
        # The values a template prints whole in Ollama (Tools, a tool's parameters, call
        # arguments) print through their String(), which is json.Marshal.
        return _marshal(v)
    return str(v)


class _Exec:
    def __init__(self, root: dict[str, Any]) -> None:
        self.root = root

    def run(self, nodes: list[_Node], dot: Any, env: dict[str, Any], out: list[str]) -> None:
        for node in nodes:
            if node.kind == "text":
                out.append(node.text)
            elif node.kind == "expr":
                if node.tokens and node.tokens[0] == ("ident", "break"):
                    raise _Break
                if node.tokens and node.tokens[0] == ("ident", "continue"):
                    raise _Continue
                value = self.pipeline(node.tokens, dot, env)
                if node.decl:
                    env[node.decl[0]] = value
                else:
                    out.append(_text(value))
            elif node.kind == "if":
                if _truth(self.pipeline(node.tokens, dot, env)):
                    self.run(node.body, dot, dict(env), out)
                else:
                    self.run(node.orelse, dot, dict(env), out)
            elif node.kind == "with":
                value = self.pipeline(node.tokens, dot, env)
                if _truth(value):
                    self.run(node.body, value, dict(env), out)
                else:
                    self.run(node.orelse, dot, dict(env), out)
            elif node.kind == "range":
                seq = self.pipeline(node.tokens, dot, env)
                items = list(seq.items()) if isinstance(seq, dict) else list(enumerate(seq or []))
                if not items:
                    self.run(node.orelse, dot, dict(env), out)
                for key, item in items:
                    scope = dict(env)
                    if len(node.decl) == 1:
                        scope[node.decl[0]] = item
                    elif len(node.decl) >= 2:
                        scope[node.decl[0]], scope[node.decl[1]] = key, item
                    try:
                        self.run(node.body, item, scope, out)
                    except _Continue:
                        continue
                    except _Break:
                        break

    def pipeline(self, tokens: list[tuple[str, str]], dot: Any, env: dict[str, Any]) -> Any:
        stages: list[list[tuple[str, str]]] = [[]]
        depth = 0
        for tok in tokens:
            if tok == ("punct", "("):
                depth += 1
            elif tok == ("punct", ")"):
                depth -= 1
            if tok == ("punct", "|") and depth == 0:
                stages.append([])
            else:
                stages[-1].append(tok)
        value: Any = None
        for i, stage in enumerate(stages):
            value = self.command(stage, dot, env, [value] if i else [])
        return value

    def command(self, tokens: list[tuple[str, str]], dot: Any, env: dict[str, Any], piped: list[Any]) -> Any:
        args: list[Any] = []
        i = 0
        while i < len(tokens):
            kind, text = tokens[i]
            if (kind, text) == ("punct", "("):
                depth, j = 1, i + 1
                while j < len(tokens) and depth:
                    if tokens[j] == ("punct", "("):
                        depth += 1
                    elif tokens[j] == ("punct", ")"):
                        depth -= 1
                    j += 1
                args.append(self.pipeline(tokens[i + 1 : j - 1], dot, env))
                i = j
                continue
            args.append((kind, text))
            i += 1
        if args and isinstance(args[0], tuple) and args[0][0] == "ident" and args[0][1] in _FUNCS:
            name = args[0][1]
            values = [self.operand(a, dot, env) for a in args[1:]] + piped
            return _call(name, values)
        values = [self.operand(a, dot, env) for a in args] + piped
        return values[0] if values else None

    def operand(self, arg: Any, dot: Any, env: dict[str, Any]) -> Any:
        if not isinstance(arg, tuple):
            return arg
        kind, text = arg
        if kind == "str":
            return json.loads(text)
        if kind == "raw":
            return text[1:-1]
        if kind == "num":
            return float(text) if "." in text else int(text)
        if kind == "ident":
            return {"true": True, "false": False, "nil": None}.get(text)
        if kind == "field":
            return _lookup(dot, text)
        if kind == "var":
            name, _, rest = text.partition(".")
            base = env.get(name) if name != "$" else env.get("$")
            return _lookup(base, "." + rest) if rest else base
        return None


def _lookup(value: Any, path: str) -> Any:
    if path == ".":
        return value
    for part in path.strip(".").split("."):
        if not isinstance(value, dict):
            return None
        for key in (part, part[:1].lower() + part[1:], _snake(part)):
            if key in value:
                value = value[key]
                break
        else:
            return None
    return value


def _snake(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


def _call(name: str, args: list[Any]) -> Any:
    if name == "eq":
        return any(args[0] == other for other in args[1:]) if args else False
    if name == "ne":
        return len(args) == 2 and args[0] != args[1]
    if name in ("lt", "le", "gt", "ge"):
        a, b = args[0], args[1]
        try:
            return {"lt": a < b, "le": a <= b, "gt": a > b, "ge": a >= b}[name]
        except TypeError:
            return False
    if name == "and":
        result: Any = True
        for a in args:
            result = a
            if not _truth(a):
                return a
        return result
    if name == "or":
        for a in args:
            if _truth(a):
                return a
        return args[-1] if args else None
    if name == "not":
        return not _truth(args[0]) if args else True
    if name == "len":
        return len(args[0]) if args and args[0] is not None else 0
    if name == "index":
        value = args[0]
        for key in args[1:]:
            try:
                value = value[key]
            except (KeyError, IndexError, TypeError):
                return None
        return value
    if name == "slice":
        seq = args[0] or []
        return seq[args[1] if len(args) > 1 else 0 : args[2] if len(args) > 2 else None]
    if name == "json":
        return _marshal(args[0] if args else None)
    if name in ("print", "println", "html", "js"):
        return "".join(_text(a) for a in args)
    if name == "printf":
        fmt = str(args[0]) if args else ""
        rest = iter(args[1:])
        return re.sub(r"%[vsdq]", lambda _m: _text(next(rest, "")), fmt)
    if name in ("currentDate", "yesterdayDate"):
        return "2025-01-01"
    return ""


def parse_template(source: str) -> Template:
    return Template(source)


def template_vars(source: str) -> set[str]:
    """The top-level field names a template mentions, lower-cased like Ollama's Vars()."""
    return {m.lower() for m in re.findall(r"\.([A-Za-z_][A-Za-z0-9_]*)", source)}
