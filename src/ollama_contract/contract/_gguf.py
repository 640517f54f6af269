"""A tiny but real GGUF file, for the blob-and-create scenario."""

from __future__ import annotations

import tempfile
from pathlib import Path

__all__ = ["tiny_gguf"]


def tiny_gguf(name: str) -> bytes:
    """A llama-architecture GGUF with one small tensor, named so that each run uploads new bytes."""
    import gguf
    import numpy as np

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "model.gguf"
        writer = gguf.GGUFWriter(str(path), "llama")
        writer.add_name(name)
        writer.add_context_length(256)
        writer.add_embedding_length(8)
        writer.add_block_count(1)
        writer.add_tensor("token_embd.weight", np.zeros((4, 8), dtype=np.float32))
        writer.write_header_to_file()
        writer.write_kv_data_to_file()
        writer.write_tensors_to_file()
        writer.close()
        return path.read_bytes()
