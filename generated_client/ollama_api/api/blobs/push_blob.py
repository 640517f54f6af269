# Generated from openapi.yaml by scripts/regenerate: do not edit; change the spec or codegen/ instead.
from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...types import File, Response


def _get_kwargs(
    digest: str,
    *,
    body: File,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/blobs/{digest}".format(
            digest=quote(str(digest), safe=""),
        ),
    }

    _kwargs["content"] = body.payload
    headers["Content-Type"] = "application/octet-stream"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | ErrorResponse | str | None:
    if response.status_code == 200:
        response_200 = cast(Any, None)
        return response_200

    if response.status_code == 201:
        response_201 = cast(Any, None)
        return response_201

    if response.status_code == 400:
        response_400 = ErrorResponse.from_dict(response.json())

        return response_400

    if response.status_code == 403:
        response_403 = cast(Any, None)
        return response_403

    if response.status_code == 404:
        response_404 = response.text
        return response_404

    if response.status_code == 500:
        response_500 = ErrorResponse.from_dict(response.json())

        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Any | ErrorResponse | str]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    digest: str,
    *,
    client: AuthenticatedClient | Client,
    body: File,
) -> Response[Any | ErrorResponse | str]:
    """Upload a file as a blob named by its digest.

     The body is the raw file. The server hashes it and keeps it only when the sha256 matches the
    digest in the path, which must be spelled `sha256:` followed by 64 lower-case hex digits.
    When the blob already exists the body is not read.

    Args:
        digest (str):
        body (File):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorResponse | str]
    """

    kwargs = _get_kwargs(
        digest=digest,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    digest: str,
    *,
    client: AuthenticatedClient | Client,
    body: File,
) -> Any | ErrorResponse | str | None:
    """Upload a file as a blob named by its digest.

     The body is the raw file. The server hashes it and keeps it only when the sha256 matches the
    digest in the path, which must be spelled `sha256:` followed by 64 lower-case hex digits.
    When the blob already exists the body is not read.

    Args:
        digest (str):
        body (File):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorResponse | str
    """

    return sync_detailed(
        digest=digest,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    digest: str,
    *,
    client: AuthenticatedClient | Client,
    body: File,
) -> Response[Any | ErrorResponse | str]:
    """Upload a file as a blob named by its digest.

     The body is the raw file. The server hashes it and keeps it only when the sha256 matches the
    digest in the path, which must be spelled `sha256:` followed by 64 lower-case hex digits.
    When the blob already exists the body is not read.

    Args:
        digest (str):
        body (File):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorResponse | str]
    """

    kwargs = _get_kwargs(
        digest=digest,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    digest: str,
    *,
    client: AuthenticatedClient | Client,
    body: File,
) -> Any | ErrorResponse | str | None:
    """Upload a file as a blob named by its digest.

     The body is the raw file. The server hashes it and keeps it only when the sha256 matches the
    digest in the path, which must be spelled `sha256:` followed by 64 lower-case hex digits.
    When the blob already exists the body is not read.

    Args:
        digest (str):
        body (File):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorResponse | str
    """

    return (
        await asyncio_detailed(
            digest=digest,
            client=client,
            body=body,
        )
    ).parsed
