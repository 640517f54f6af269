# Task: structured output into a pydantic model.
from typing import Literal

from pydantic import BaseModel

from ollama_contract import Ollama
from ollama_contract.helpers import parse_as


class Pet(BaseModel):
    name: str
    species: Literal["cat", "dog", "bird"]
    age: int


class Pets(BaseModel):
    pets: list[Pet]


question = "I have a cat named Luna, 5, and a dog named Max, 3. List them."
response = Ollama().chat("llama3.1", [{"role": "user", "content": question}], format=Pets)
for pet in parse_as(Pets, response).pets:
    print(pet.name, pet.species, pet.age)
