# Task: the three errors an app meets: an unknown model, a server that is down, a bad option.
import json

import ollama_contract as ollama

try:
    ollama.chat("no-such-model", [{"role": "user", "content": "Hi"}])
except ollama.ModelNotFoundError as error:
    print("unknown model:", error.message)

try:
    ollama.Ollama("http://127.0.0.1:9").list()
except ollama.APIConnectionError as error:
    print("server down:", error)

try:
    # Options read from a config file; the contract refuses the mistyped one before anything is sent.
    ollama.generate("mistral", "Hi", options=json.loads('{"num_ctx": "lots"}'))
except ollama.ContractViolation as error:
    print("bad option:", error)
