# Generated from openapi.yaml by scripts/regenerate: do not edit; change the spec or codegen/ instead.
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.web_search_request import WebSearchRequest
from ...models.web_search_response import WebSearchResponse
from ...types import Response


def _get_kwargs(
    *,
    body: WebSearchRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/experimental/web_search",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | WebSearchResponse | str | None:
    if response.status_code == 200:
        response_200 = WebSearchResponse.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ErrorResponse.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ErrorResponse.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ErrorResponse.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = response.text
        return response_404

    if response.status_code == 429:
        response_429 = ErrorResponse.from_dict(response.json())

        return response_429

    if response.status_code == 500:
        response_500 = ErrorResponse.from_dict(response.json())

        return response_500

    if response.status_code == 502:
        response_502 = ErrorResponse.from_dict(response.json())

        return response_502

    if response.status_code == 503:
        response_503 = ErrorResponse.from_dict(response.json())

        return response_503

    if response.status_code == 504:
        response_504 = ErrorResponse.from_dict(response.json())

        return response_504

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorResponse | WebSearchResponse | str]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: WebSearchRequest,
) -> Response[ErrorResponse | WebSearchResponse | str]:
    """Search the web through ollama.com, signed by this server.

     Since 0.17.8. The server drops the client's `Authorization` header, signs the request with
    its own key and passes body and answer through to ollama.com's `/api/web_search`, so the
    statuses of ollama.com come back as they are. Only an empty body is refused locally.
    Offline, the answer is a 502 carrying the dial error.

    Args:
        body (WebSearchRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | WebSearchResponse | str]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: WebSearchRequest,
) -> ErrorResponse | WebSearchResponse | str | None:
    """Search the web through ollama.com, signed by this server.

     Since 0.17.8. The server drops the client's `Authorization` header, signs the request with
    its own key and passes body and answer through to ollama.com's `/api/web_search`, so the
    statuses of ollama.com come back as they are. Only an empty body is refused locally.
    Offline, the answer is a 502 carrying the dial error.

    Args:
        body (WebSearchRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | WebSearchResponse | str
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: WebSearchRequest,
) -> Response[ErrorResponse | WebSearchResponse | str]:
    """Search the web through ollama.com, signed by this server.

     Since 0.17.8. The server drops the client's `Authorization` header, signs the request with
    its own key and passes body and answer through to ollama.com's `/api/web_search`, so the
    statuses of ollama.com come back as they are. Only an empty body is refused locally.
    Offline, the answer is a 502 carrying the dial error.

    Args:
        body (WebSearchRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | WebSearchResponse | str]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: WebSearchRequest,
) -> ErrorResponse | WebSearchResponse | str | None:
    """Search the web through ollama.com, signed by this server.

     Since 0.17.8. The server drops the client's `Authorization` header, signs the request with
    its own key and passes body and answer through to ollama.com's `/api/web_search`, so the
    statuses of ollama.com come back as they are. Only an empty body is refused locally.
    Offline, the answer is a 502 carrying the dial error.

    Args:
        body (WebSearchRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | WebSearchResponse | str
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
