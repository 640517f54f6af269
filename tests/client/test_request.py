"""The first stage: URLs joined once as httpx joins them, bodies checked before anything is sent."""

from __future__ import annotations

import httpx
import pytest

import ollama_contract as oc
from ollama_contract._request import join, prepare
from ollama_contract._spec import operations
from ollama_contract._validation import Checker

BASES = [
    "http://127.0.0.1:11434",
    "http://127.0.0.1:11434/",
    "https://example.com:443/ollama",
    "https://example.com/ollama/v1/",
    "http://[::1]:11434/pre%20fix",
]


@pytest.mark.parametrize("base", BASES)
def test_join_is_what_httpx_sends(base: str) -> None:
    """The client object joins each operation's URL to the base URL once, with public httpx API
    only; httpx joins it again on every request it builds. If httpx ever joins differently, this
    fails for the operation and base URL that differ."""
    with httpx.Client(base_url=base) as http:
        for op in operations().values():
            if "{" in op.path:
                continue
            url = op.servers[0] + op.path if op.servers else op.path
            assert join(http.base_url, url) == http.build_request(op.method.upper(), url).url, (base, url)


def test_join_can_tell_a_wrong_join() -> None:
    """The comparison above can fail: a join that forgets the base URL's prefix is caught."""
    with httpx.Client(base_url="http://h:1/prefix") as http:
        wrong = httpx.URL("http://h:1/api/tags")
        assert wrong != http.build_request("GET", "/api/tags").url == join(http.base_url, "/api/tags")


def test_the_client_object_sends_to_the_joined_url() -> None:
    sent: list[httpx.URL] = []

    def handle(request: httpx.Request) -> httpx.Response:
        sent.append(request.url)
        return httpx.Response(200, json={"version": "0.33.0"})

    with oc.Ollama("http://h:1/prefix/", transport=httpx.MockTransport(handle)) as client:
        client.version()
        client.version()
    assert [str(u) for u in sent] == ["http://h:1/prefix/api/version"] * 2


def test_a_strict_check_refuses_before_anything_is_built_to_send() -> None:
    with pytest.raises(oc.ContractViolation) as caught:
        prepare("generate", Checker("strict"), {"model": "", "prompt": None}, {}, False)
    assert caught.value.operation == "generate" and caught.value.where == "request"
    kwargs = prepare("generate", Checker("off"), {"model": "", "prompt": None}, {}, True)
    assert kwargs["json"] == {"model": "", "stream": True} and kwargs["method"] == "POST"
