"""Images from paths, bytes, file objects and base64 text; a bare str is never iterated."""

from __future__ import annotations

import base64
import io
from pathlib import Path

import pytest

from ollama_contract.helpers import encode_image, encode_images

PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYGD4DwABBAEAfbLI3wAAAABJRU5ErkJggg=="
)
B64 = base64.b64encode(PNG).decode()


@pytest.fixture
def png(tmp_path: Path) -> Path:
    path = tmp_path / "dot.png"
    path.write_bytes(PNG)
    return path


def test_every_input_gives_the_same_base64(png: Path) -> None:
    with png.open("rb") as handle:
        from_file = encode_image(handle)
    for image in (
        png,
        str(png),
        PNG,
        bytearray(PNG),
        memoryview(PNG),
        io.BytesIO(PNG),
        B64,
        f"data:image/png;base64,{B64}",
    ):
        assert encode_image(image) == B64
    assert from_file == B64


def test_a_single_image_is_one_image_not_a_list_of_characters(png: Path) -> None:
    assert encode_images(str(png)) == [B64]
    assert encode_images(png) == [B64]
    assert encode_images(PNG) == [B64]
    assert encode_images([png, B64]) == [B64, B64]


def test_a_missing_file_is_neither_sent_nor_taken_for_base64(tmp_path: Path) -> None:
    missing = tmp_path / "missing.png"
    with pytest.raises(
        ValueError, match=r"neither an existing file nor base64 text \(looked for a file at .*missing.png\)"
    ):
        encode_image(str(missing))
    with pytest.raises(FileNotFoundError, match="image file not found"):
        encode_image(missing)
    with pytest.raises(ValueError, match="neither"):
        encode_image("")


def test_a_long_base64_text_is_not_mistaken_for_a_path() -> None:
    long = base64.b64encode(PNG * 400).decode()
    assert encode_image(long) == long


def test_text_mode_files_and_other_objects_are_refused(png: Path) -> None:
    with png.open("r", encoding="latin-1") as handle, pytest.raises(TypeError, match="binary mode"):
        encode_image(handle)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="not int"):
        encode_image(3)  # type: ignore[arg-type]
