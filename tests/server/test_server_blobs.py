"""`HEAD` and `POST /api/blobs/{digest}`: content addressing, Ollama's statuses and its empty bodies."""

from __future__ import annotations

import io

import pytest
from kit import Wire, digest_of, error_of
from ollama_api import Client
from ollama_api.api.blobs import blob_exists, push_blob
from ollama_api.types import File

import ollama_contract as oc

BAD_DIGESTS = ["sha256:abc", "md5:" + "0" * 64, "sha256:" + "g" * 64, "sha256:" + "0" * 65, "sha256-.."]


def test_upload_cycle(client: Client, wire: Wire) -> None:
    data = b"a blob of bytes for the cycle test"
    digest = digest_of(data)
    assert blob_exists.sync_detailed(digest, client=client).status_code == 404
    created = push_blob.sync_detailed(digest, client=client, body=File(payload=io.BytesIO(data)))
    assert created.status_code == 201 and created.content == b""
    assert created.headers.get("content-type") is None
    assert blob_exists.sync_detailed(digest, client=client).status_code == 200
    again = push_blob.sync_detailed(digest, client=client, body=File(payload=io.BytesIO(data)))
    assert again.status_code == 200 and again.content == b""
    # HEAD also takes the `sha256-` spelling of the file names on disk; upper-case hex passes the
    # format check but names no file (Ollama looks the path up as given, on a case-sensitive disk).
    assert wire.request("HEAD", "/api/blobs/" + digest.replace(":", "-")).status_code == 200
    assert wire.request("HEAD", "/api/blobs/sha256:" + digest[7:].upper()).status_code == 404


def test_missing_blob_head_is_an_empty_json_404(wire: Wire) -> None:
    response = wire.request("HEAD", "/api/blobs/" + digest_of(b"never uploaded"))
    assert (response.status_code, response.content) == (404, b"")
    assert response.headers["content-type"].startswith("application/json")


def test_digest_mismatch(client: Client, wire: Wire) -> None:
    claimed = digest_of(b"what the client says")
    response = wire.post(f"/api/blobs/{claimed}", content=b"what the client sends")
    actual = digest_of(b"what the client sends")
    assert error_of(response, 400) == f'digest mismatch, expected "{claimed}", got "{actual}"'
    assert wire.request("HEAD", f"/api/blobs/{claimed}").status_code == 404
    with pytest.raises(oc.BadRequestError) as caught:
        push_blob.sync(claimed, client=client, body=File(payload=io.BytesIO(b"other bytes")))
    assert caught.value.message.startswith("digest mismatch")
    # POST compares the exact string, so the `sha256-` spelling never matches.
    data = b"dash spelling"
    dashed = digest_of(data).replace(":", "-")
    assert error_of(wire.post(f"/api/blobs/{dashed}", content=data), 400).startswith("digest mismatch")


@pytest.mark.parametrize("digest", BAD_DIGESTS)
def test_malformed_digests(wire: Wire, digest: str) -> None:
    head = wire.request("HEAD", f"/api/blobs/{digest}")
    assert (head.status_code, head.content) == (400, b"")
    assert error_of(wire.post(f"/api/blobs/{digest}", content=b"x"), 400) == "invalid digest format"


def test_empty_blob(wire: Wire) -> None:
    digest = digest_of(b"")
    assert wire.post(f"/api/blobs/{digest}", content=b"").status_code == 201
    assert wire.request("HEAD", f"/api/blobs/{digest}").status_code == 200
