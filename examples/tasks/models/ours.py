# Task: pull a model with a progress bar, then list, show, copy and delete.
import ollama_contract as ollama

ollama.pull("tinyllama", progress=True)  # a bar per layer, and each status line
print([m.model for m in ollama.list().models or []])
print(ollama.show("tinyllama")["details"]["family"])
ollama.copy("tinyllama", "tinyllama-copy")
ollama.delete("tinyllama-copy")
print("tinyllama-copy" in [m.model for m in ollama.list().models or []])
