# Task: a tool from a Python function, called by the model, its result sent back.
from typing import Literal

from ollama_api.models import Message

import ollama_contract as ollama
from ollama_contract.helpers import Tools


def get_temperature(city: str, unit: Literal["celsius", "fahrenheit"] = "celsius") -> str:
    """Get the current temperature in a city.

    Args:
        city: The name of the city.
        unit: The unit of the temperature.
    """
    return f"21 degrees {unit} in {city}"


tools = Tools(get_temperature)
messages = [Message(role="user", content="What is the temperature in Paris?")]
response = ollama.chat("qwen3", messages, tools=tools)
messages += [response["message"], *tools.results(response["message"])]
print(ollama.chat("qwen3", messages).text)
