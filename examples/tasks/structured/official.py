# Task: structured output into a pydantic model.
from typing import Literal

import ollama
from pydantic import BaseModel


class Pet(BaseModel):
    name: str
    species: Literal["cat", "dog", "bird"]
    age: int


class Pets(BaseModel):
    pets: list[Pet]


response = ollama.chat(
    model="llama3.1",
    messages=[{"role": "user", "content": "I have a cat named Luna, 5, and a dog named Max, 3. List them."}],
    format=Pets.model_json_schema(),
)
pets = Pets.model_validate_json(response.message.content)
for pet in pets.pets:
    print(pet.name, pet.species, pet.age)
