# Task: embed three texts, then the cosine similarity of the first to the others.
import math

from ollama_contract import Ollama

texts = ["The sky is blue.", "The sea is blue.", "I like trains."]
vectors = Ollama().embed("all-minilm", texts).embeddings


def cosine(a: list[float], b: list[float]) -> float:
    dot = sum(x * y for x, y in zip(a, b, strict=True))
    return dot / (math.sqrt(sum(x * x for x in a)) * math.sqrt(sum(y * y for y in b)))


for text, vector in zip(texts[1:], vectors[1:], strict=True):
    print(f"{cosine(vectors[0], vector):.3f}", text)
