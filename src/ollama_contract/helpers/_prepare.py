"""Plain Python in a request body made plain for the wire: one pass, before the body is checked.

What a caller may hand over, and what it becomes:

- `images` (of generate, or of any message): paths, bytes, file objects or base64 text, a single
  one or several, become a list of base64 texts (`encode_images`);
- `tools`: a Python function becomes its tool schema (`function_tool`); schemas and models stay;
- `format`: a class or any type (pydantic model, dataclass, attrs class, TypedDict) becomes its
  JSON Schema (`format_schema`); `"json"`, `""` and schema dicts stay.

The drop-in module runs every body through `prepare`; the client object may too.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ._images import encode_images

__all__ = ["FIELDS", "prepare"]

FIELDS = frozenset({"images", "messages", "tools", "format"})
"""The body fields `prepare` may change: a body with none of them needs no copy."""


def prepare(body: Mapping[str, Any]) -> dict[str, Any]:
    """A copy of a request body (as a dict of the caller's values) with images, tools and format made plain."""
    out = dict(body)
    if out.get("images") is not None:
        out["images"] = encode_images(out["images"])
    messages = out.get("messages")
    if messages is not None and not isinstance(messages, str | bytes):
        out["messages"] = [_message(message) for message in messages]
    tools = out.get("tools")
    if tools is not None and any(_is_function(tool) for tool in tools):
        from ._tools import function_tool  # pydantic, only for a body that needs it

        out["tools"] = [function_tool(tool) if _is_function(tool) else tool for tool in tools]
    shape = out.get("format")
    if shape is not None and not isinstance(shape, str | Mapping):
        from ._format import format_schema  # pydantic and jsonschema, only for a class as format

        out["format"] = format_schema(shape)
    return out


def _message(message: Any) -> Any:
    if isinstance(message, Mapping):
        if message.get("images") is None:
            return message
        return {**message, "images": encode_images(message["images"])}
    images = getattr(message, "images", None)
    if not isinstance(images, list) or not images:
        return message
    # A generated Message: sent as a dict, so the caller's object is left as it was.
    plain: dict[str, Any] = message.to_dict()
    return {**plain, "images": encode_images(images)}


def _is_function(tool: Any) -> bool:
    """A Python function or other callable meant as a tool; not a model, a dict or a class."""
    return callable(tool) and not isinstance(tool, type | Mapping) and not hasattr(tool, "to_dict")
