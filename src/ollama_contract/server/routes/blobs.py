"""`HEAD` and `POST /api/blobs/{digest}`: content-addressed uploads, checked while they stream in.

An upload is hashed into a temporary file in the blobs folder and renamed into place only when
it is complete, so a dropped connection or an oversized body leaves nothing behind. A body whose
hash differs from the path is refused, but kept under its real digest, as Ollama keeps it.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Any

from starlette.requests import ClientDisconnect, Request
from starlette.responses import Response

from .._state import state_of
from ..http.wire import HTTPError, RawResponse, go_quote
from ..store.local import InvalidDigest

__all__ = ["blob_exists", "push_blob"]


async def blob_exists(request: Request, data: dict[str, Any]) -> Response:
    state = state_of(request)
    digest = request.path_params["digest"]
    try:
        exists = state.store.has_blob(digest)
    except InvalidDigest:
        raise HTTPError(400, "invalid digest format") from None
    if not exists:
        raise HTTPError(404, f"blob {go_quote(digest)} not found")
    return RawResponse(200)


async def push_blob(request: Request, data: dict[str, Any]) -> Response:
    state = state_of(request)
    digest = request.path_params["digest"]
    try:
        final = state.store.blob_path(digest)
    except InvalidDigest:
        raise HTTPError(400, "invalid digest format") from None
    if final.is_file():
        return RawResponse(200)
    fd, tmp = state.store.temp_blob()
    hasher = hashlib.sha256()
    size = 0
    limit = state.settings.max_blob_bytes
    committed = False
    try:
        with os.fdopen(fd, "wb") as out:
            async for chunk in request.stream():
                size += len(chunk)
                if size > limit:
                    raise HTTPError(400, "http: request body too large")
                hasher.update(chunk)
                out.write(chunk)
        actual = "sha256:" + hasher.hexdigest()
        if actual != digest:
            _keep(state.store.blob_path(actual), tmp)
            committed = True
            raise HTTPError(400, f"digest mismatch, expected {go_quote(digest)}, got {go_quote(actual)}")
        state.store.commit_blob(tmp, digest)
        committed = True
    except ClientDisconnect:
        raise HTTPError(400, "unexpected EOF") from None
    finally:
        if not committed:
            tmp.unlink(missing_ok=True)
    return RawResponse(201)


def _keep(path: Path, tmp: Path) -> None:
    if path.exists():
        tmp.unlink(missing_ok=True)
    else:
        os.replace(tmp, path)
