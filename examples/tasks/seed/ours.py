# Task: generate with a seed, twice; the same seed gives the same text.
from ollama_contract import Ollama

client = Ollama()

first = client.generate("mistral", "Why is the sky blue?", options={"seed": 123})
second = client.generate("mistral", "Why is the sky blue?", options={"seed": 123})
print(first.text)
print("same answer:", first.text == second.text)
