"""The HTTP edge: how requests come in and answers go out, as Ollama's gin server does it.

* `app`: the Starlette app, the routes built from the spec, the dispatcher that decodes each body
  before the handler runs, the host check and the 404/405/500 answers;
* `decode`: request bodies read as Go's encoding/json reads them (the 400s of a wrong type);
* `wire`: Go-flavoured JSON (numbers from `gofloat`), content types, timestamps, NDJSON streaming,
  error bodies;
* `cors`: browser origins; `faults` and `breakers`: misbehaviour on purpose; `logs`: a line per
  request as gin writes it in Ollama, and the server's other log lines;
* `serving`: uvicorn, in a background thread (`running_server`) or in the foreground (`serve`).
"""
