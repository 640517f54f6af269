# Task: a streaming chat that keeps its history across turns.
import ollama

messages = []
for question in ["Why is the sky blue?", "And why are sunsets red?"]:
    messages.append({"role": "user", "content": question})
    reply = ""
    for chunk in ollama.chat(model="llama3.2", messages=messages, stream=True):
        print(chunk.message.content, end="", flush=True)
        reply += chunk.message.content
    print()
    messages.append({"role": "assistant", "content": reply})
print(len(messages), "messages")
