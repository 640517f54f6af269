"""Turning a request into the prompt the model reads, with the model's Go template.

The rendered prompt is what `_debug_render_only` returns, what `context` encodes, and what the
prompt token count measures. A template the mini engine cannot run falls back to plain text.
"""

from __future__ import annotations

from typing import Any

from .gotemplate import TemplateError, parse_template, template_vars

__all__ = ["render_chat", "render_generate"]


def _values(
    messages: list[dict[str, Any]], system: str, tools: list[Any], think: str | None, think_set: bool
) -> dict[str, Any]:
    last_user = next((m.get("content", "") for m in reversed(messages) if m.get("role") == "user"), "")
    return {
        "System": system,
        "Messages": messages,
        "Tools": tools,
        "Prompt": last_user,
        "Response": "",
        "Suffix": "",
        "Think": think is not None,
        "ThinkLevel": think if isinstance(think, str) and think not in ("medium",) else "",
        "IsThinkSet": think_set,
    }


def _plain(messages: list[dict[str, Any]], system: str) -> str:
    parts = [system] if system else []
    parts += [str(m.get("content", "")) for m in messages]
    return "\n".join(p for p in parts if p)


def _execute(template: str, values: dict[str, Any]) -> str | None:
    try:
        return parse_template(template).execute(values)
    except (TemplateError, RecursionError, TypeError, ValueError, KeyError, IndexError, AttributeError):
        return None


def render_chat(
    template: str,
    messages: list[dict[str, Any]],
    *,
    tools: list[Any] | None = None,
    think: str | None = None,
    think_set: bool = False,
) -> str:
    """Render a conversation; a leading system message becomes the template's `.System`."""
    system = ""
    convo = list(messages)
    systems = [m for m in convo if m.get("role") == "system"]
    if systems:
        system = str(systems[-1].get("content", ""))
    if not template:
        return _plain([m for m in convo if m.get("role") != "system"], system)
    if "messages" in template_vars(template):
        rendered = _execute(template, _values(convo, system, tools or [], think, think_set))
        return rendered if rendered is not None else _plain(convo, system)
    # A template without .Messages is run once per turn, as Ollama does for old templates.
    out: list[str] = []
    turns = [m for m in convo if m.get("role") != "system"]
    first = True
    i = 0
    while i < len(turns):
        msg = turns[i]
        if msg.get("role") != "user":
            i += 1
            continue
        response = ""
        if i + 1 < len(turns) and turns[i + 1].get("role") == "assistant":
            response = str(turns[i + 1].get("content", ""))
            i += 1
        values = _values(turns, system if first else "", tools or [], think, think_set)
        values.update({"Prompt": msg.get("content", ""), "Response": response})
        rendered = _execute(template, values)
        out.append(rendered if rendered is not None else str(msg.get("content", "")))
        first = False
        i += 1
    return "".join(out) if out else _plain(turns, system)


def render_generate(template: str, prompt: str, system: str, suffix: str, think: str | None, think_set: bool) -> str:
    if suffix and template:
        values = _values([], system, [], think, think_set)
        values.update({"Prompt": prompt, "Suffix": suffix})
        rendered = _execute(template, values)
        return rendered if rendered is not None else prompt + suffix
    messages: list[dict[str, Any]] = []
    if system:
        messages.append({"role": "system", "content": system})
    messages.append({"role": "user", "content": prompt})
    return render_chat(template, messages, think=think, think_set=think_set)
