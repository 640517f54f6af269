# Task: generate with a seed, twice; the same seed gives the same text.
from ollama_contract import Ollama

first = Ollama().generate("mistral", "Why is the sky blue?", options={"seed": 123})
second = Ollama().generate("mistral", "Why is the sky blue?", options={"seed": 123})
print(first.text)
print("same answer:", first.text == second.text)
