# Generated from openapi.yaml by scripts/regenerate: do not edit; change the spec or codegen/ instead.
import json
from collections.abc import AsyncIterator, Iterator
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.generate_request import GenerateRequest
from ...models.generate_response import GenerateResponse
from ...types import Response


def _request_kwargs(
    *,
    body: GenerateRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/generate",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | GenerateResponse | None:
    if response.status_code == 200:
        response_200 = GenerateResponse.from_dict(response.json())

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
        response_404 = ErrorResponse.from_dict(response.json())

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
) -> Response[ErrorResponse | GenerateResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: GenerateRequest,
) -> Response[ErrorResponse | GenerateResponse]:
    """Complete a prompt.

     Generates text for a prompt with the given model. The response streams as NDJSON unless the
    request says `"stream": false`.

    Two requests do not generate anything: an empty `prompt` loads the model into memory and
    answers one object with `done_reason: load`; an empty `prompt` together with `keep_alive: 0`
    unloads it and answers `done_reason: unload`. Both answer a single object even when
    streaming was asked for.

    Args:
        body (GenerateRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | GenerateResponse]
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
    body: GenerateRequest,
) -> ErrorResponse | GenerateResponse | None:
    """Complete a prompt.

     Generates text for a prompt with the given model. The response streams as NDJSON unless the
    request says `"stream": false`.

    Two requests do not generate anything: an empty `prompt` loads the model into memory and
    answers one object with `done_reason: load`; an empty `prompt` together with `keep_alive: 0`
    unloads it and answers `done_reason: unload`. Both answer a single object even when
    streaming was asked for.

    Args:
        body (GenerateRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | GenerateResponse
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: GenerateRequest,
) -> Response[ErrorResponse | GenerateResponse]:
    """Complete a prompt.

     Generates text for a prompt with the given model. The response streams as NDJSON unless the
    request says `"stream": false`.

    Two requests do not generate anything: an empty `prompt` loads the model into memory and
    answers one object with `done_reason: load`; an empty `prompt` together with `keep_alive: 0`
    unloads it and answers `done_reason: unload`. Both answer a single object even when
    streaming was asked for.

    Args:
        body (GenerateRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | GenerateResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: GenerateRequest,
) -> ErrorResponse | GenerateResponse | None:
    """Complete a prompt.

     Generates text for a prompt with the given model. The response streams as NDJSON unless the
    request says `"stream": false`.

    Two requests do not generate anything: an empty `prompt` loads the model into memory and
    answers one object with `done_reason: load`; an empty `prompt` together with `keep_alive: 0`
    unloads it and answers `done_reason: unload`. Both answer a single object even when
    streaming was asked for.

    Args:
        body (GenerateRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | GenerateResponse
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
    body: GenerateRequest,
) -> dict[str, Any]:
    return _with_stream(
        _request_kwargs(
            body=body,
        ),
        False,
    )


PARSED_LINES = "ollama_api.parsed_lines"
"""The key of response.extensions under which a hook may hand over the lines it parsed."""


def _parse_stream_line(line: str) -> GenerateResponse | ErrorResponse:
    return _build_stream_item(json.loads(line))


def _build_stream_item(data: Any) -> GenerateResponse | ErrorResponse:
    if isinstance(data, dict) and "error" in data:
        response_400 = ErrorResponse.from_dict(data)

        return response_400
    response_200 = GenerateResponse.from_dict(data)

    return response_200


def sync_stream(
    *,
    client: AuthenticatedClient | Client,
    body: GenerateRequest,
) -> Iterator[GenerateResponse | ErrorResponse]:
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
                    response_200 = GenerateResponse.from_dict(data)

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
    body: GenerateRequest,
) -> AsyncIterator[GenerateResponse | ErrorResponse]:
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
                    response_200 = GenerateResponse.from_dict(data)

                    yield response_200
                else:
                    yield _build_stream_item(data)
            return
        async for line in response.aiter_lines():
            if line.strip():
                yield _parse_stream_line(line)
