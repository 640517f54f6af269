"""Images for vision models, from whatever the caller has: the base64 text Ollama wants.

A `str` is the one ambiguous input: it is a file when a file by that name exists, else it must be
base64 (a `data:` URL is accepted too). Anything else is refused with an error that says which it
was taken for, instead of sending a path to the server as if it were image data. A single image
is never mistaken for a list of them: `encode_images("cat.png")` is one image, not seven.
"""

from __future__ import annotations

import base64
import binascii
import os
from collections.abc import Iterable
from pathlib import Path
from typing import IO, TypeAlias, cast

__all__ = ["ImageInput", "encode_image", "encode_images"]

ImageInput: TypeAlias = str | os.PathLike[str] | bytes | bytearray | memoryview | IO[bytes]
"""A path, raw image bytes, a binary file object, or base64 text."""


def encode_image(image: ImageInput) -> str:
    """One image as base64 text: read from a path or a file object, encoded from bytes, or checked if text."""
    if isinstance(image, bytes | bytearray | memoryview):
        return base64.b64encode(image).decode("ascii")
    if isinstance(image, os.PathLike):
        return _read(Path(image))
    if isinstance(image, str):
        path = _existing_file(image)
        if path is not None:
            return _read(path)
        return _checked_base64(image)
    read = getattr(image, "read", None)
    if callable(read):
        data = read()
        if isinstance(data, str):
            raise TypeError("the file object gives text; open the image in binary mode ('rb')")
        return base64.b64encode(data).decode("ascii")
    raise TypeError(f"an image is a path, bytes, a binary file object or base64 text, not {type(image).__name__}")


def encode_images(images: ImageInput | Iterable[ImageInput]) -> list[str]:
    """Several images (or a single one, which is not iterated) as base64 texts, in order."""
    if isinstance(images, str | bytes | bytearray | memoryview | os.PathLike) or hasattr(images, "read"):
        return [encode_image(cast(ImageInput, images))]
    return [encode_image(image) for image in images]


def _existing_file(text: str) -> Path | None:
    try:
        path = Path(text).expanduser()
        return path if path.is_file() else None
    except (OSError, ValueError):  # a long base64 text is too long a file name for the OS
        return None


def _read(path: Path) -> str:
    try:
        return base64.b64encode(path.read_bytes()).decode("ascii")
    except FileNotFoundError:
        raise FileNotFoundError(f"image file not found: {path}") from None


def _checked_base64(text: str) -> str:
    body = text.strip()
    if body.startswith("data:") and "," in body:
        body = body.split(",", 1)[1]
    compact = "".join(body.split())
    try:
        if not compact:
            raise ValueError
        base64.b64decode(compact, validate=True)
    except (binascii.Error, ValueError):
        shown = text if len(text) <= 80 else text[:77] + "..."
        raise ValueError(
            f"image {shown!r} is neither an existing file nor base64 text "
            f"(looked for a file at {Path(text).expanduser().absolute() if len(text) < 4096 else '(too long)'})"
        ) from None
    return compact
