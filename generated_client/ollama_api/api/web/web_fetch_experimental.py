# Generated from openapi.yaml by scripts/regenerate: do not edit; change the spec or codegen/ instead.
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.web_fetch_request import WebFetchRequest
from ...models.web_fetch_response import WebFetchResponse
from ...types import Response


def _get_kwargs(
    *,
    body: WebFetchRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/experimental/web_fetch",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | WebFetchResponse | str | None:
    if response.status_code == 200:
        response_200 = WebFetchResponse.from_dict(response.json())

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
) -> Response[ErrorResponse | WebFetchResponse | str]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: WebFetchRequest,
) -> Response[ErrorResponse | WebFetchResponse | str]:
    """Fetch a web page through ollama.com, signed by this server.

     Since 0.17.8. Passed through to ollama.com's `/api/web_fetch` as `web_search` is: the
    client's `Authorization` is dropped, the server signs, and ollama.com's answer comes back.

    Args:
        body (WebFetchRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | WebFetchResponse | str]
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
    body: WebFetchRequest,
) -> ErrorResponse | WebFetchResponse | str | None:
    """Fetch a web page through ollama.com, signed by this server.

     Since 0.17.8. Passed through to ollama.com's `/api/web_fetch` as `web_search` is: the
    client's `Authorization` is dropped, the server signs, and ollama.com's answer comes back.

    Args:
        body (WebFetchRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | WebFetchResponse | str
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: WebFetchRequest,
) -> Response[ErrorResponse | WebFetchResponse | str]:
    """Fetch a web page through ollama.com, signed by this server.

     Since 0.17.8. Passed through to ollama.com's `/api/web_fetch` as `web_search` is: the
    client's `Authorization` is dropped, the server signs, and ollama.com's answer comes back.

    Args:
        body (WebFetchRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | WebFetchResponse | str]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: WebFetchRequest,
) -> ErrorResponse | WebFetchResponse | str | None:
    """Fetch a web page through ollama.com, signed by this server.

     Since 0.17.8. Passed through to ollama.com's `/api/web_fetch` as `web_search` is: the
    client's `Authorization` is dropped, the server signs, and ollama.com's answer comes back.

    Args:
        body (WebFetchRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | WebFetchResponse | str
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
