"""The `account` tag: `POST /api/me`, `POST /api/signout` and its older route `DELETE /api/user/keys/{key}`.

A real server asks ollama.com; the reference server answers from its `--account` situation
(`..emulation.account`): offline by default, as a machine that cannot reach ollama.com.
"""

from __future__ import annotations

from typing import Any

from ollama_api.models import UserResponse
from starlette.requests import Request
from starlette.responses import Response

from .._state import state_of
from ..emulation.account import signin_url, user
from ..http.wire import error_response, json_response

__all__ = ["disconnect", "signout", "whoami"]


async def whoami(request: Request, data: dict[str, Any]) -> Response:
    account = state_of(request).account
    if account == "offline":
        return error_response(503, "account unavailable")
    if account == "signed-out":
        return json_response({"error": "unauthorized", "signin_url": signin_url()}, 401)
    return json_response(UserResponse.from_dict(user()).to_dict())


async def signout(request: Request, data: dict[str, Any]) -> Response:
    state = state_of(request)
    if state.account == "offline":
        return error_response(500, "there was an error signing out")
    if state.account == "signed-out":
        return error_response(401, "you are not currently signed in")
    state.account = "signed-out"
    return json_response(None)  # Ollama's c.JSON(200, nil): the body is `null`


async def disconnect(request: Request, data: dict[str, Any]) -> Response:
    """The deprecated route: Ollama serves it with the sign-out handler, ignoring the key in the path."""
    return await signout(request, data)
