# Task: pull a model with a progress bar, then list, show, copy and delete.
from ollama_contract import Ollama

client = Ollama()
client.pull("tinyllama", progress=True)  # a bar per layer, and each status line
print([model.model for model in client.list().models])
print(client.show("tinyllama").details.family)
client.copy("tinyllama", "tinyllama-copy")
client.delete("tinyllama-copy")
print("tinyllama-copy" in [model.model for model in client.list().models])
