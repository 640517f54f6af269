# Task: a tool from a Python function, called by the model, its result sent back.
from typing import Literal

from ollama_api.models import Message

from ollama_contract import Ollama


def get_temperature(city: str, unit: Literal["celsius", "fahrenheit"] = "celsius") -> str:
    """Get the current temperature in a city.

    Args:
        city: The name of the city.
        unit: The unit of the temperature.
    """
    return f"21 degrees {unit} in {city}"


client = Ollama()
messages = [Message(role="user", content="What is the temperature in Paris?")]
response = client.chat("qwen3", messages, tools=[get_temperature])
messages.append(response.message)
for call in response.message.tool_calls:
    result = get_temperature(**call.function.arguments)
    messages.append(Message(role="tool", content=result, tool_name=call.function.name))
print(client.chat("qwen3", messages).text)
