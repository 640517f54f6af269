"""The emulated Ollama behind the HTTP edge: what a model is, knows and answers.

* `engine`: the emulated model (text, thinking, tool calls, structured output, vectors), fed by
  `tokens` (tokenizer and corpus walks) and `corpus` (the sentences answers are made of);
  `structured` builds values that fit a JSON Schema (structured outputs, tool arguments).
* `prompt` renders a request into the model's prompt with `gotemplate` (a small Go text/template);
  `govalues` gives it the tools and tool calls as Go marshals them (field order, omitempty).
* `catalogue` (with `templates`) is the built-in set of tiny models; `gguf` reads and writes their
  files; `convert` turns Safetensors uploads into GGUF; `llamacpp` is what llama.cpp's
  `llama-quantize` checks and writes when Ollama validates an uploaded GGUF; `autodetect` picks
  the template a GGUF chat template selects.
* `options` reads model options and keep-alive values with Ollama's rules; `scheduler` finds the
  model a request names and schedules it into `loaded` (the models "in memory", what `ps` lists,
  when a request reloads one); `pace` says whether all this takes real time.
"""
