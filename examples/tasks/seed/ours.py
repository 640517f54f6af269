# Task: generate with a seed, twice; the same seed gives the same text.
import ollama_contract as ollama

first = ollama.generate("mistral", "Why is the sky blue?", options={"seed": 123})
second = ollama.generate("mistral", "Why is the sky blue?", options={"seed": 123})
print(first.text)
print("same answer:", first.text == second.text)
