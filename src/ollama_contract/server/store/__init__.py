"""Where models live: names as Ollama reads them, the store on disk and the offline registry.

* `names`: `[host/][namespace/]model[:tag]`, validated before it becomes a path;
* `local`: the model store laid out as `~/.ollama/models` (blobs and manifests), and `Model`;
* `registry`: what pull and push talk to, kept offline;
* `snapshot`: a data dir as it was, and back (per-test isolation of one shared server).
"""
