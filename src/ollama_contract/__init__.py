"""ollama-contract: talk to Ollama from Python, and know that client and server agree.

```python
import ollama_contract
from ollama_contract import Ollama

answer = ollama_contract.generate("llama3.2", "Hi")     # a default client: OLLAMA_HOST, strict validation
client = Ollama("http://127.0.0.1:11434")
for chunk in client.chat("llama3.2", [{"role": "user", "content": "Hi"}], stream=True):
    print(chunk.message.content, end="")
```

The module-level shortcuts (`generate`, `chat`, `embed`, `list`, `pull`... one per operation, named
as the client object's methods) call one `Ollama()` built on first use.
"""

from ollama_api import _methods as _generated
from ollama_api._methods import *  # noqa: F403 - the shortcuts: one per operation, named by the spec

from ._client import ContractClient, create_client
from ._config import DEFAULT_TIMEOUT, Retries, parse_host
from ._errors import (
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ContractViolation,
    IncompleteStreamError,
    ModelNotFoundError,
    OllamaError,
    PermissionDeniedError,
    RateLimitError,
    ServerError,
    StreamError,
    Violation,
)
from ._ndjson import StreamResult
from ._object import AsyncOllama, Ollama
from ._profiles import profile, profile_for, profiled_spec
from ._streams import AsyncStream, Stream, StreamingOperation, astream, stream
from ._version import __version__

_generated.default.set_default(Ollama)

__all__ = [
    "DEFAULT_TIMEOUT",
    "APIConnectionError",
    "APIStatusError",
    "APITimeoutError",
    "AsyncOllama",
    "AsyncStream",
    "AuthenticationError",
    "BadRequestError",
    "ContractClient",
    "ContractViolation",
    "IncompleteStreamError",
    "ModelNotFoundError",
    "Ollama",
    "OllamaError",
    "PermissionDeniedError",
    "RateLimitError",
    "Retries",
    "ServerError",
    "Stream",
    "StreamError",
    "StreamResult",
    "StreamingOperation",
    "Violation",
    "__version__",
    "astream",
    "create_client",
    "parse_host",
    "profile",
    "profile_for",
    "profiled_spec",
    "stream",
]
__all__ += _generated.__all__
