"""The official `ollama` package's names, on this package's client: change one import and keep your code.

```python
import ollama_contract.compat as ollama

response = ollama.chat(model="llama3.2", messages=[{"role": "user", "content": "Why is the sky blue?"}])
print(response["message"]["content"])      # or response.message.content
```

The top-level names match `ollama.__all__` (0.6.3) and its module-level functions, bound to one
default `Client()` made at import from `OLLAMA_HOST`, as the official package does. The calls go
through this package's client object, so every request and answer is checked against the
contract; the answers are the official package's own classes (`ollama.ChatResponse`...), and
the errors are the official ones and this package's typed errors at once. A type checker sees
the official package's signatures: the program type-checks as it did with `import ollama`.
`web_search` and `web_fetch` go to ollama.com, with `OLLAMA_API_KEY` as the official client
sends it. Needs the official package: `pip install 'ollama-contract[compat]'`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ollama import (
    ChatResponse,
    EmbeddingsResponse,
    EmbedResponse,
    GenerateResponse,
    Image,
    ListResponse,
    Message,
    Options,
    ProcessResponse,
    ProgressResponse,
    ShowResponse,
    StatusResponse,
    Tool,
    WebFetchResponse,
    WebSearchResponse,
)

from ._errors import RequestError, ResponseError

if TYPE_CHECKING:  # the official signatures; at run time, the classes below
    from ollama import AsyncClient, Client
else:
    from ._client import AsyncClient, Client

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
web_search = _client.web_search
web_fetch = _client.web_fetch
