# Task: generate with a seed, twice; the same seed gives the same text.
import ollama

first = ollama.generate(model="mistral", prompt="Why is the sky blue?", options={"seed": 123})
second = ollama.generate(model="mistral", prompt="Why is the sky blue?", options={"seed": 123})
print(first.response)
print("same answer:", first.response == second.response)
