"""The helpers apps used to write by hand: tools from functions, format from classes, images, blobs, progress.

Each is a plain function or a small class, independent of the client object, so it works with
the generated functions, the client object and the drop-in module alike.

Each helper's module is imported when the helper is first used, not with `ollama_contract`:
the tools and format helpers need pydantic and jsonschema, the bars tqdm, and a plain chat
needs none of them (tests/client/test_exports.py keeps it so).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # for type checkers; at run time __getattr__ imports a module on first use
    from ._blobs import acreate_blob, amodel_files, create_blob, file_digest, model_files
    from ._format import FormatError, format_schema, parse_as
    from ._images import ImageInput, encode_image, encode_images
    from ._prepare import prepare
    from ._progress import Progress, aprogress_bars, progress_bars
    from ._tools import ToolCallError, Tools, function_tool, tool_message
    from ._types import type_schema

# Where each name lives (tests/client/test_exports.py checks it against __all__ and the imports above).
_HOME = {
    "_blobs": ("acreate_blob", "amodel_files", "create_blob", "file_digest", "model_files"),
    "_format": ("FormatError", "format_schema", "parse_as"),
    "_images": ("ImageInput", "encode_image", "encode_images"),
    "_prepare": ("prepare",),
    "_progress": ("Progress", "aprogress_bars", "progress_bars"),
    "_tools": ("ToolCallError", "Tools", "function_tool", "tool_message"),
    "_types": ("type_schema",),
}
_MODULE_OF = {name: module for module, names in _HOME.items() for name in names}

__all__ = [
    "FormatError",
    "ImageInput",
    "Progress",
    "ToolCallError",
    "Tools",
    "acreate_blob",
    "amodel_files",
    "aprogress_bars",
    "create_blob",
    "encode_image",
    "encode_images",
    "file_digest",
    "format_schema",
    "function_tool",
    "model_files",
    "parse_as",
    "prepare",
    "progress_bars",
    "tool_message",
    "type_schema",
]


def __getattr__(name: str) -> Any:
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value  # once imported, a plain module attribute
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])
