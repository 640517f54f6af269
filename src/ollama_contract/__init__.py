"""ollama-contract: talk to Ollama from Python, and know that client and server agree.

```python
from ollama_api.api.inference import generate
from ollama_api.models import GenerateRequest
from ollama_contract import create_client, stream

client = create_client()                       # OLLAMA_HOST, OLLAMA_API_KEY, strict validation
answer = generate.sync(client=client, body=GenerateRequest(model="llama3.2", prompt="Hi"))
with stream(client, generate, GenerateRequest(model="llama3.2", prompt="Hi")) as chunks:
    for chunk in chunks:
        print(chunk.response, end="")
```
"""

__version__ = "0.1.0"

from ._client import create_client
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
from ._profiles import profile, profile_for, profiled_spec
from ._streams import AsyncStream, Stream, StreamingOperation, astream, stream

__all__ = [
    "DEFAULT_TIMEOUT",
    "APIConnectionError",
    "APIStatusError",
    "APITimeoutError",
    "AsyncStream",
    "AuthenticationError",
    "BadRequestError",
    "ContractViolation",
    "IncompleteStreamError",
    "ModelNotFoundError",
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
