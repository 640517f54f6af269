"""Configuration: OLLAMA_HOST parsing (the official client is the oracle), modes, the API key, retries."""

from __future__ import annotations

import doctest
import logging

import httpx
import pytest
from ollama._client import _parse_host as official_parse_host

from ollama_contract import Retries, parse_host
from ollama_contract._config import ApiKey, resolve_mode

OFFICIAL_CASES = [
    ex.source.split("(", 1)[1].rsplit(")", 1)[0]
    for ex in doctest.DocTestParser().get_examples(official_parse_host.__doc__ or "")
]
MORE_CASES = [
    "'localhost'",
    "'localhost:1'",
    "'http://localhost'",
    "'https://localhost/'",
    "'HTTP://Example.COM'",
    "'https://example.com:443/a/b/'",
    "'//x'",
    "'example.com//p//'",
    "'[::1]'",
    "'[::1]:5'",
    "'http://[::1]/p'",
    "'0.0.0.0'",
    "'0.0.0.0:11434'",
    "'ftp://h'",
    "'h:0'",
    "'127.0.0.1:11434/ollama/'",
]


@pytest.mark.parametrize("case", OFFICIAL_CASES + MORE_CASES)
def test_parse_host_matches_the_official_client(case: str) -> None:
    value = eval(case)  # a literal from the official doctests or the list above
    assert parse_host(value) == official_parse_host(value)


def test_the_official_doctests_were_found() -> None:
    assert len(OFFICIAL_CASES) >= 30


@pytest.mark.parametrize(
    ("host", "url"),
    [
        (None, "http://127.0.0.1:11434"),
        ("example.com", "http://example.com:11434"),
        ("example.com:56789", "http://example.com:56789"),
        ("https://example.com", "https://example.com:443"),
        ("[0001:002:003:0004::1]:56789/path/", "http://[0001:002:003:0004::1]:56789/path"),
    ],
)
def test_parse_host_table(host: str | None, url: str) -> None:
    assert parse_host(host) == url


def test_mode_from_argument_then_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    assert resolve_mode() == "strict"
    monkeypatch.setenv("OLLAMA_CONTRACT_VALIDATION", " WARN ")
    assert resolve_mode() == "warn"
    assert resolve_mode("off") == "off"
    monkeypatch.setenv("OLLAMA_CONTRACT_VALIDATION", "loud")
    with pytest.raises(ValueError, match="OLLAMA_CONTRACT_VALIDATION"):
        resolve_mode()
    with pytest.raises(ValueError, match="validation"):
        resolve_mode("sometimes")


def test_api_key_is_sent_and_never_shown(caplog: pytest.LogCaptureFixture) -> None:
    key = ApiKey("sk-very-secret")
    request = httpx.Request("GET", "http://h/api/tags")
    sent = next(key.auth_flow(request))
    assert sent.headers["Authorization"] == "Bearer sk-very-secret"
    with caplog.at_level(logging.DEBUG):
        logging.getLogger("x").warning("key %r %s", key, key)
    for text in (repr(key), str(key), f"{key}", caplog.text, repr(sent.headers)):
        assert "sk-very-secret" not in text


def test_an_explicit_authorization_header_wins() -> None:
    request = httpx.Request("GET", "http://h/", headers={"Authorization": "Basic abc"})
    assert next(ApiKey("k").auth_flow(request)).headers["Authorization"] == "Basic abc"


def test_api_key_from_env(monkeypatch: pytest.MonkeyPatch) -> None:
    assert ApiKey.from_env() is None
    monkeypatch.setenv("OLLAMA_API_KEY", "abc")
    key = ApiKey.from_env()
    assert key is not None and "abc" not in repr(key)
    with pytest.raises(ValueError):
        ApiKey("")


@pytest.mark.parametrize(
    ("method", "extensions", "status", "error", "retried"),
    [
        ("GET", {}, 503, None, True),
        ("HEAD", {}, 502, None, True),
        ("GET", {}, None, httpx.ConnectError("refused"), True),
        ("GET", {}, None, httpx.ReadTimeout("slow"), True),
        ("GET", {}, 404, None, False),
        ("GET", {}, 500, None, False),
        ("GET", {}, None, httpx.DecodingError("gzip"), False),
        ("POST", {}, 503, None, False),
        ("POST", {}, None, httpx.ConnectError("refused"), False),
        ("DELETE", {}, 503, None, False),
        ("GET", {"ollama_contract": "stream"}, 503, None, False),
    ],
)
def test_retry_policy(
    method: str, extensions: dict[str, str], status: int | None, error: Exception | None, retried: bool
) -> None:
    request = httpx.Request(method, "http://h/api/tags", extensions=extensions)
    delay = Retries().next_delay(request, 1, status=status, error=error)
    assert (delay is not None) == retried


def test_backoff_grows_and_stops() -> None:
    retries = Retries(attempts=4, backoff=1.0, max_backoff=3.0)
    request = httpx.Request("GET", "http://h/")
    delays = [retries.next_delay(request, n, status=503) for n in (1, 2, 3, 4)]
    assert delays[3] is None
    assert 0.5 <= delays[0] <= 1.0 and 1.0 <= delays[1] <= 2.0 and 1.5 <= delays[2] <= 3.0  # type: ignore[operator]
    with pytest.raises(ValueError):
        Retries(attempts=0)
