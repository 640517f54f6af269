# Task: embed three texts, then the cosine similarity of the first to the others.
import math

import ollama

texts = ["The sky is blue.", "The sea is blue.", "I like trains."]
vectors = ollama.embed(model="all-minilm", input=texts).embeddings


def cosine(a, b):
    dot = sum(x * y for x, y in zip(a, b, strict=True))
    return dot / (math.sqrt(sum(x * x for x in a)) * math.sqrt(sum(y * y for y in b)))


for text, vector in zip(texts[1:], vectors[1:], strict=True):
    print(f"{cosine(vectors[0], vector):.3f}", text)
