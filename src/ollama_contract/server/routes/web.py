"""The `web` tag: web search and fetch, through the server (`/api/experimental/...`) and hosted.

Ollama 0.33 proxies `/api/experimental/web_search` and `web_fetch` to ollama.com, signed with its
own key: only an empty body is refused locally, and offline the answer is a 502 with the dial
error. `/api/web_search` and `/api/web_fetch` are ollama.com's own (bearer key); a local server
does not have them, so the reference server answers them (as a stand-in for ollama.com that tests
can reach on loopback) only when it plays a machine that reaches ollama.com, signed in or out.
"""

from __future__ import annotations

from typing import Any

from ollama_api.models import WebFetchResponse, WebSearchResponse
from starlette.requests import Request
from starlette.responses import Response

from .._state import state_of
from ..emulation.account import DIAL_ERROR, fetched_page, search_results
from ..http.decode import decode_body
from ..http.wire import error_response, json_response, plain_response

__all__ = ["web_fetch", "web_fetch_experimental", "web_search", "web_search_experimental"]


def _text(data: dict[str, Any], key: str) -> str:
    value = data.get(key)
    return value if isinstance(value, str) else ""


def _search(data: dict[str, Any]) -> Response:
    limit = data.get("max_results")
    results = search_results(_text(data, "query"), limit if isinstance(limit, int) else 0)
    return json_response(WebSearchResponse.from_dict({"results": results}).to_dict())


def _fetch(data: dict[str, Any]) -> Response:
    return json_response(WebFetchResponse.from_dict(fetched_page(_text(data, "url"))).to_dict())


async def _proxied(request: Request, operation_id: str, path: str) -> Response | dict[str, Any]:
    """What the proxy answers before ollama.com does, or the body ollama.com would read.

    The spec marks these operations `proxied`, so the app hands the body over unread: Ollama
    passes it on as it is, and offline even a body that is not JSON gets the dial error.
    """
    body = await request.body()
    if not body.strip():
        return error_response(400, "missing request body")
    if state_of(request).account == "offline":
        return error_response(502, DIAL_ERROR.format(path=path))
    return decode_body(operation_id, body)


async def web_search_experimental(request: Request, data: dict[str, Any]) -> Response:
    answer = await _proxied(request, "web_search_experimental", "/api/web_search")
    return answer if isinstance(answer, Response) else _search(answer)


async def web_fetch_experimental(request: Request, data: dict[str, Any]) -> Response:
    answer = await _proxied(request, "web_fetch_experimental", "/api/web_fetch")
    return answer if isinstance(answer, Response) else _fetch(answer)


def _hosted(request: Request) -> Response | None:
    if state_of(request).account == "offline":
        return plain_response(404, "404 page not found")  # a local Ollama has no such route
    if not request.headers.get("authorization", "").lower().startswith("bearer "):
        return error_response(401, "unauthorized")
    return None


async def web_search(request: Request, data: dict[str, Any]) -> Response:
    return _hosted(request) or _search(data)


async def web_fetch(request: Request, data: dict[str, Any]) -> Response:
    return _hosted(request) or _fetch(data)
