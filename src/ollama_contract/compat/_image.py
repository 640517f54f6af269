"""The official client's `Image(value=...)`: a path, bytes or base64 text, read when it is sent."""

from __future__ import annotations

import base64
import os
from dataclasses import dataclass

from ..helpers import encode_image

__all__ = ["Image"]


@dataclass(frozen=True)
class Image:
    """An image for a message or a generate request, as the official client wraps one.

    `value` is a path (`str` or `Path`), raw bytes or base64 text; a `str` is a path only when
    such a file exists (`helpers.encode_image`).
    """

    value: str | bytes | os.PathLike[str]

    def read(self) -> bytes:
        """The image's bytes, which makes it a file-like input for `helpers.encode_image`."""
        return base64.b64decode(encode_image(self.value))
