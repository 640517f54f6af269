"""The `server` tag: the heartbeat at `/`, `/api/version` and `/api/status`, and the HEAD forms.

Ollama registers HEAD on `/` and `/api/version` with the GET's handler; the ASGI server then sends
the status and headers without the body, so the HEAD operations are the GET handlers again.
"""

from __future__ import annotations

from typing import Any

from ollama_api.models import StatusResponse, StatusResponseCloud, VersionResponse
from starlette.requests import Request
from starlette.responses import Response

from .._state import state_of
from ..http.wire import json_response, plain_response

__all__ = ["heartbeat", "heartbeat_head", "status", "version", "version_head"]


async def heartbeat(request: Request, data: dict[str, Any]) -> Response:
    return plain_response(200, "Ollama is running")


async def version(request: Request, data: dict[str, Any]) -> Response:
    return json_response(VersionResponse(version=state_of(request).settings.version).to_dict())


async def status(request: Request, data: dict[str, Any]) -> Response:
    cloud = StatusResponseCloud(disabled=False, source="default")
    return json_response(StatusResponse(cloud=cloud).to_dict())


heartbeat_head = heartbeat
version_head = version
