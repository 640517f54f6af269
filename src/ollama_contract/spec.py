"""The contract as data, for code that wants to ask it: operations, their facts, and a verdict.

```python
import httpx
from ollama_contract.spec import judge_response, operation_for

op = operation_for("POST", "/api/chat")
op.stream.final_field, op.stream.text     # '/done', '/message/content'
op.writes, op.runs, op.target.field       # False, 'generate', 'model'
judge_response(httpx.get("http://127.0.0.1:11434/api/tags"))   # [] when the answer conforms
```

Everything here is read from the `openapi.yaml` shipped inside the generated package: the
routes, the schemas, and each operation's `x-ollama` facts (whether it streams and how its stream
ends, which text it accumulates, whether it writes, which request fields name models, whether it
runs a model or reaches the network). No table of operations is kept anywhere else.
"""

from ._facts import ModelField, StreamShape
from ._judge import Judgement, is_final, judge, judge_lines, judge_response
from ._spec import (
    NDJSON,
    NO_CONTENT,
    Operation,
    SpecError,
    escape,
    follow,
    index,
    load_spec,
    load_time_options,
    module_for,
    operation_for,
    operations,
    pointer,
    resolve,
    split_pointer,
    unescape,
)

__all__ = [
    "NDJSON",
    "NO_CONTENT",
    "Judgement",
    "ModelField",
    "Operation",
    "SpecError",
    "StreamShape",
    "escape",
    "follow",
    "index",
    "is_final",
    "judge",
    "judge_lines",
    "judge_response",
    "load_spec",
    "load_time_options",
    "module_for",
    "operation_for",
    "operations",
    "pointer",
    "resolve",
    "split_pointer",
    "unescape",
]
