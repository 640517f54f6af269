"""An offline Ollama: the reference server for the contract suite and for users' own tests.

It speaks Ollama's native API as a real server does (statuses, error messages, content types,
NDJSON streams, timestamps) without a GPU or a model download. Models come from a built-in
catalogue of tiny GGUF files; answers are deterministic functions of the model, the prompt and
the options.

Three ways to run it:

* `create_app(...)` returns the ASGI app;
* `running_server(data_dir=None, models=None, faults=(), pace="instant")` serves it on a free loopback port in a
  background thread and yields the base URL;
* `ollama-contract serve [--host H] [--port P] [--data-dir D] [--models M] [--fault SPEC]...
  [--pace instant|real] [--token-rate N] [--prompt-rate N] [--load-time S]`.

Fault injection
---------------
Off by default. Faults apply to every request when given to the server (`faults=[...]`,
`--fault SPEC`) and to one request when it carries the header `X-Ollama-Fault: spec[,spec...]`.

For testing clients:

* `drop-after=N`: close the connection abruptly after N lines of an NDJSON stream (at its end,
  if it is shorter).
* `garbage-line=N`: after N lines of a stream, send a line that is not JSON.
* `delay=MS`: delay every response by MS milliseconds, and each gap between stream lines.
* `status=CODE`, `status=CODE@NTH`: answer CODE with an Ollama-style `{"error": ...}` body, on
  every request, or only on the NTH request: for a server fault, the NTH request the server
  receives; for a header fault, the NTH request carrying that same header value.
* `endless`: the model never stops by itself; only `num_predict` ends an answer (without a
  positive one: the client leaving, or 10 x num_ctx tokens).
* `hang`, `hang@NTH`: read the request and never answer, until the client disconnects.

Pace
----
`pace="real"` (`--pace real`) makes loads, prompt evaluation and tokens take the time the answers
report (`token_rate`, `prompt_rate`, `load_time` tune it), and a change of a load-time option
reloads the model. Every load is logged (`msg="load model"`, logger `ollama_contract.server`) and
listed in `app.state.ollama.runtime.loads`.

Contract breakers (they make responses violate the spec, to prove a contract suite notices):

* `wrong-type`: a documented field has a JSON type its schema refuses (the first field of the
  body whose change the spec's validator refuses: `model` as a number in generate/chat chunks,
  `models` as an object in tags, `status` as a number in progress lines, ...).
* `missing-field`: a field the spec marks required is left out (the spec is asked which: `model`
  of generate/chat/embed answers, `models` of tags and ps, `status` of progress lines, `error`
  of error bodies, ...).
* `undocumented-status`: answer a status the spec does not declare for the operation (418,
  or the next undeclared one), with a JSON body.
* `bad-ndjson`: a stream contains a line that is not valid JSON.
* `no-final-line`: a stream ends without its `done: true` / `status: success` line.
* `ghost-model`: delete answers 200 but the model stays, in tags and in show.
"""

from __future__ import annotations

from .emulation.catalogue import CATALOGUE, DEFAULT_MODELS
from .http.app import create_app
from .http.faults import FAULT_HEADER, parse_faults
from .http.serving import running_server

__all__ = ["CATALOGUE", "DEFAULT_MODELS", "FAULT_HEADER", "create_app", "parse_faults", "running_server"]
