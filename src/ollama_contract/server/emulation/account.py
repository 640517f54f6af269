"""The ollama.com account and web services, as an offline server sees them, or as a signed-in one.

A real server reaches ollama.com for `/api/me`, `/api/signout` and the experimental web search
and fetch. The reference server never leaves the machine, so it plays one of three situations,
chosen by `--account` (`create_app(account=...)`):

- `offline` (the default): ollama.com cannot be reached, as on a machine with no network; the
  answers are those a real 0.33 gives then (`503 account unavailable`, `500 there was an error
  signing out`, a 502 with the dial error for web search and fetch).
- `signed-in`: the machine is connected to a fixed account, and web search and fetch answer
  deterministic results (a pure function of the query or the URL), for client tests. Signing out
  moves it to `signed-out`.
- `signed-out`: ollama.com answers, but the machine's key is connected to no account.

Everything here is data; the handlers in `routes/account.py` and `routes/web.py` send it.
"""

from __future__ import annotations

import base64
import hashlib
import socket
import uuid
from typing import Any, Literal
from urllib.parse import quote

__all__ = [
    "ACCOUNTS",
    "DIAL_ERROR",
    "RECOMMENDATIONS",
    "Account",
    "fetched_page",
    "search_results",
    "signin_url",
    "user",
]

Account = Literal["offline", "signed-in", "signed-out"]
ACCOUNTS: tuple[Account, ...] = ("offline", "signed-in", "signed-out")

DIAL_ERROR = 'Post "https://ollama.com{path}": dial tcp: lookup ollama.com: no such host'
"""What Go's HTTP client says when ollama.com's name cannot be resolved (the path is filled in)."""

_KEY = b"ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOllYW1hLWNvbnRyYWN0LXJlZmVyZW5jZS1rZXk"
"""A fixed public key: the reference server's identity towards a pretend ollama.com."""


def signin_url() -> str:
    """The link that connects this machine's key to an account, in the form Ollama builds it."""
    key = base64.urlsafe_b64encode(_KEY).rstrip(b"=").decode("ascii")
    return f"https://ollama.com/connect?name={quote(socket.gethostname(), safe='')}&key={key}"


def user() -> dict[str, Any]:
    """The account a signed-in reference server is connected to."""
    return {
        "id": str(uuid.uuid5(uuid.NAMESPACE_URL, "https://ollama.com/ollama-contract")),
        "email": "contract@example.com",
        "name": "ollama-contract",
        "plan": "free",
    }


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def search_results(query: str, max_results: int) -> list[dict[str, str]]:
    """Deterministic results for a query: the same query always finds the same pages."""
    count = 3 if max_results <= 0 else min(max_results, 10)
    out = []
    for rank in range(1, count + 1):
        key = _digest(f"{query}\x00{rank}")
        out.append(
            {
                "title": f"Result {rank} for {query}",
                "url": f"https://example.com/{key}",
                "content": f"Page {key} is result {rank} of a search for {query!r}.",
            }
        )
    return out


def fetched_page(url: str) -> dict[str, Any]:
    """Deterministic content for a URL."""
    key = _digest(url)
    return {
        "title": f"Page {key}",
        "content": f"The text of {url}.",
        "links": [f"https://example.com/{key}/next"],
    }


_GB = 1000 * 1000 * 1000

RECOMMENDATIONS: tuple[dict[str, Any], ...] = (
    {
        "model": "kimi-k2.6:cloud",
        "description": "Moonshot's large mixture-of-experts model, run on ollama.com",
        "context_length": 262_144,
        "max_output_tokens": 262_144,
    },
    {
        "model": "glm-5.1:cloud",
        "description": "Zhipu's general model for agents and code, run on ollama.com",
        "context_length": 202_752,
        "max_output_tokens": 131_072,
    },
    {
        "model": "qwen3.5:cloud",
        "description": "Alibaba's Qwen 3.5, run on ollama.com",
        "context_length": 262_144,
        "max_output_tokens": 32_768,
    },
    {
        "model": "minimax-m2.7:cloud",
        "description": "MiniMax's coding and agent model, run on ollama.com",
        "context_length": 204_800,
        "max_output_tokens": 128_000,
    },
    {"model": "gemma4", "description": "Google's Gemma 4, run locally", "vram_bytes": 12 * _GB},
    {"model": "qwen3.5", "description": "Alibaba's Qwen 3.5, run locally", "vram_bytes": 14 * _GB},
)
"""The list a 0.33 server answers before it has fetched a fresh one from ollama.com."""
