# Task: the three errors an app meets: an unknown model, a server that is down, a bad option.
import json

from ollama_contract import APIConnectionError, ContractViolation, ModelNotFoundError, Ollama

client = Ollama()

try:
    client.chat("no-such-model", [{"role": "user", "content": "Hi"}])
except ModelNotFoundError as error:
    print("unknown model:", error.message)

try:
    Ollama("http://127.0.0.1:9").list()
except APIConnectionError as error:
    print("server down:", error)

try:
    # Options read from a config file; the contract refuses the mistyped one before anything is sent.
    client.generate("mistral", "Hi", options=json.loads('{"num_ctx": "lots"}'))
except ContractViolation as error:
    print("bad option:", error)
