"""The handlers, one module per spec tag and one function per operation, named by its operationId.

The layout mirrors the generated client's `ollama_api/api/<tag>/<operation>.py`, so the handler
of an operation is always `routes.<tag>.<operationId>`; `handler_for` finds it from the spec, and
an operation the spec adds without a handler stops the app at start-up.

Each handler receives the request and its JSON body already decoded the way gin's
`ShouldBindJSON` decodes it (`{}` for operations without a JSON body): see `..http.app`.
"""

from __future__ import annotations

import importlib
from collections.abc import Awaitable, Callable
from typing import Any, cast

from starlette.requests import Request
from starlette.responses import Response

from ..._spec import Operation

__all__ = ["Handler", "handler_for"]

Handler = Callable[[Request, dict[str, Any]], Awaitable[Response]]
"""A route handler: the request, and its body decoded as gin's ShouldBindJSON would (or `{}`)."""


def handler_for(op: Operation) -> Handler:
    """`routes.<tag>.<operationId>` for an operation of the spec."""
    if not op.tags:
        raise RuntimeError(f"operation {op.operation_id} has no tag, so no route module")
    module = importlib.import_module(f"{__name__}.{op.tags[0]}")
    handler = getattr(module, op.operation_id, None)
    if handler is None:
        raise RuntimeError(f"no handler for operation {op.operation_id} in {module.__name__}")
    return cast(Handler, handler)
