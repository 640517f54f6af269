"""The helpers apps used to write by hand: tools from functions, format from classes, images, blobs, progress.

Each is a plain function or a small class, independent of the client object, so it works with
the generated functions, the client object and the drop-in module alike.
"""

from ._blobs import acreate_blob, amodel_files, create_blob, file_digest, model_files
from ._format import FormatError, format_schema, parse_as
from ._images import ImageInput, encode_image, encode_images
from ._prepare import prepare
from ._progress import Progress, aprogress_bars, progress_bars
from ._tools import ToolCallError, Tools, function_tool, tool_message
from ._types import type_schema

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
