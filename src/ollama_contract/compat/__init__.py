"""The official `ollama` package's names, on this package's client: change one import and keep your code.

```python
import ollama_contract.compat as ollama

response = ollama.chat(model="llama3.2", messages=[{"role": "user", "content": "Why is the sky blue?"}])
print(response["message"]["content"])      # or response.message.content
```

The top-level names match `ollama.__all__` (0.6.3) and its module-level functions, bound to one
default `Client()` made at import from `OLLAMA_HOST`, as the official package does. The answers
are this package's generated models, which also allow dict-style access; the errors are the
official ones and this package's typed errors at once. What the official package offers and
Ollama's API, as this package's spec describes it, does not (`web_search` and `web_fetch`, which
call ollama.com; `systemone`) raise `RequestError` saying so.
"""

from __future__ import annotations

from typing import Any, NoReturn, TypeAlias

from ollama_api.models import (
    ChatResponse,
    EmbeddingsResponse,
    EmbedResponse,
    GenerateResponse,
    ListResponse,
    Message,
    Options,
    ProgressResponse,
    Tool,
)
from ollama_api.models import ProgressResponse as StatusResponse  # {status}, as the official one
from ollama_api.models import PsResponse as ProcessResponse

from ._client import AsyncClient, Client, ShowResponse
from ._errors import RequestError, ResponseError
from ._image import Image

__all__ = [
    "AsyncClient",
    "ChatResponse",
    "Client",
    "EmbedResponse",
    "EmbeddingsResponse",
    "GenerateResponse",
    "Image",
    "ListResponse",
    "Message",
    "Options",
    "ProcessResponse",
    "ProgressResponse",
    "RequestError",
    "ResponseError",
    "ShowResponse",
    "StatusResponse",
    "Tool",
    "WebFetchResponse",
    "WebSearchResponse",
    "chat",
    "copy",
    "create",
    "delete",
    "embed",
    "embeddings",
    "generate",
    "list",
    "ps",
    "pull",
    "push",
    "show",
    "web_fetch",
    "web_search",
]

_client = Client()

generate = _client.generate
chat = _client.chat
embed = _client.embed
embeddings = _client.embeddings
pull = _client.pull
push = _client.push
create = _client.create
delete = _client.delete
list = _client.list
copy = _client.copy
show = _client.show
ps = _client.ps


def _outside_the_contract(name: str) -> Any:
    def refuse(*args: Any, **kwargs: Any) -> NoReturn:
        raise RequestError(
            f"{name} is not part of Ollama's API as this package's spec describes it "
            "(the official client sends it to ollama.com); use the official client for it"
        )

    refuse.__name__ = name
    return refuse


WebSearchResponse: TypeAlias = Any
"""No such answer comes from this client (see `web_search`); the name is here so imports work."""
WebFetchResponse: TypeAlias = Any
"""No such answer comes from this client (see `web_fetch`); the name is here so imports work."""

web_search = _outside_the_contract("web_search")
web_fetch = _outside_the_contract("web_fetch")
