# Task: a streaming chat that keeps its history across turns.
from ollama_api.params import MessageDict

from ollama_contract import Ollama

messages: list[MessageDict] = []
for question in ["Why is the sky blue?", "And why are sunsets red?"]:
    messages.append({"role": "user", "content": question})
    chunks = Ollama().chat("llama3.2", messages, stream=True)
    for chunk in chunks:
        print(chunk.text, end="", flush=True)
    print()
    messages.append({"role": "assistant", "content": chunks.text})
print(len(messages), "messages")
