# Task: a tool from a Python function, called by the model, its result sent back.
from typing import Literal

import ollama


def get_temperature(city: str, unit: Literal["celsius", "fahrenheit"] = "celsius") -> str:
    """Get the current temperature in a city.

    Args:
        city: The name of the city.
        unit: The unit of the temperature.
    """
    return f"21 degrees {unit} in {city}"


messages = [{"role": "user", "content": "What is the temperature in Paris?"}]
response = ollama.chat(model="qwen3", messages=messages, tools=[get_temperature])
messages.append(response.message)
functions = {"get_temperature": get_temperature}
for call in response.message.tool_calls or []:
    result = functions[call.function.name](**call.function.arguments)
    messages.append({"role": "tool", "content": str(result), "tool_name": call.function.name})
final = ollama.chat(model="qwen3", messages=messages)
print(final.message.content)
