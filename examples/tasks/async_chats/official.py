# Task: two chats at once with the async client.
import asyncio

import ollama


async def ask(client, question):
    response = await client.chat(model="llama3.2", messages=[{"role": "user", "content": question}])
    return response.message.content


async def main():
    client = ollama.AsyncClient()
    answers = await asyncio.gather(ask(client, "Why is the sky blue?"), ask(client, "Why is the sea salty?"))
    for answer in answers:
        print(answer)


asyncio.run(main())
