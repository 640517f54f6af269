# Generated from openapi.yaml by scripts/regenerate: do not edit; change the spec or codegen/ instead.
import json
from collections.abc import AsyncIterator, Iterator
from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.progress_response import ProgressResponse
from ...models.pull_request import PullRequest
from ...types import Response


def _request_kwargs(
    *,
    body: PullRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/pull",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | ErrorResponse | ProgressResponse | None:
    if response.status_code == 200:
        response_200 = ProgressResponse.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ErrorResponse.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ErrorResponse.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = cast(Any, None)
        return response_403

    if response.status_code == 500:
        response_500 = ErrorResponse.from_dict(response.json())

        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Any | ErrorResponse | ProgressResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: PullRequest,
) -> Response[Any | ErrorResponse | ProgressResponse]:
    """Download a model from a registry.

     Progress streams as NDJSON unless `"stream": false`. A model the registry does not have is
    reported by an error line after `{"status": "pulling manifest"}`, or by a 500 when not
    streaming.

    Args:
        body (PullRequest): Names the model by `model`, or by the older `name`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorResponse | ProgressResponse]
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
    body: PullRequest,
) -> Any | ErrorResponse | ProgressResponse | None:
    """Download a model from a registry.

     Progress streams as NDJSON unless `"stream": false`. A model the registry does not have is
    reported by an error line after `{"status": "pulling manifest"}`, or by a 500 when not
    streaming.

    Args:
        body (PullRequest): Names the model by `model`, or by the older `name`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorResponse | ProgressResponse
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: PullRequest,
) -> Response[Any | ErrorResponse | ProgressResponse]:
    """Download a model from a registry.

     Progress streams as NDJSON unless `"stream": false`. A model the registry does not have is
    reported by an error line after `{"status": "pulling manifest"}`, or by a 500 when not
    streaming.

    Args:
        body (PullRequest): Names the model by `model`, or by the older `name`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorResponse | ProgressResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: PullRequest,
) -> Any | ErrorResponse | ProgressResponse | None:
    """Download a model from a registry.

     Progress streams as NDJSON unless `"stream": false`. A model the registry does not have is
    reported by an error line after `{"status": "pulling manifest"}`, or by a 500 when not
    streaming.

    Args:
        body (PullRequest): Names the model by `model`, or by the older `name`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorResponse | ProgressResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed


def _with_stream(kwargs: dict[str, Any], stream: bool) -> dict[str, Any]:
    kwargs["json"]["stream"] = stream
    return kwargs


def _get_kwargs(
    *,
    body: PullRequest,
) -> dict[str, Any]:
    return _with_stream(
        _request_kwargs(
            body=body,
        ),
        False,
    )


PARSED_LINES = "ollama_api.parsed_lines"
"""The key of response.extensions under which a hook may hand over the lines it parsed."""


def _parse_stream_line(line: str) -> ProgressResponse | ErrorResponse:
    return _build_stream_item(json.loads(line))


def _build_stream_item(data: Any) -> ProgressResponse | ErrorResponse:
    if isinstance(data, dict) and "error" in data:
        response_400 = ErrorResponse.from_dict(data)

        return response_400
    response_200 = ProgressResponse.from_dict(data)

    return response_200


def sync_stream(
    *,
    client: AuthenticatedClient | Client,
    body: PullRequest,
) -> Iterator[ProgressResponse | ErrorResponse]:
    """Stream the response line by line.

    Sends `"stream": true` and yields one item per NDJSON line: a chunk, or the error the server
    reported after the stream had started. A non-200 status raises errors.UnexpectedStatus.
    """
    kwargs = _with_stream(
        _request_kwargs(
            body=body,
        ),
        True,
    )
    with client.get_httpx_client().stream(**kwargs) as response:
        if response.status_code != 200:
            response.read()
            raise errors.UnexpectedStatus(response.status_code, response.content)
        parsed = response.extensions.get(PARSED_LINES)
        if parsed is not None:
            for data in parsed():
                # The common line is built here, one call less than through _build_stream_item.
                if type(data) is dict and "error" not in data:
                    response_200 = ProgressResponse.from_dict(data)

                    yield response_200
                else:
                    yield _build_stream_item(data)
            return
        for line in response.iter_lines():
            if line.strip():
                yield _parse_stream_line(line)


async def asyncio_stream(
    *,
    client: AuthenticatedClient | Client,
    body: PullRequest,
) -> AsyncIterator[ProgressResponse | ErrorResponse]:
    """Stream the response line by line; the async twin of sync_stream."""
    kwargs = _with_stream(
        _request_kwargs(
            body=body,
        ),
        True,
    )
    async with client.get_async_httpx_client().stream(**kwargs) as response:
        if response.status_code != 200:
            await response.aread()
            raise errors.UnexpectedStatus(response.status_code, response.content)
        parsed = response.extensions.get(PARSED_LINES)
        if parsed is not None:
            async for data in parsed():
                if type(data) is dict and "error" not in data:
                    response_200 = ProgressResponse.from_dict(data)

                    yield response_200
                else:
                    yield _build_stream_item(data)
            return
        async for line in response.aiter_lines():
            if line.strip():
                yield _parse_stream_line(line)
