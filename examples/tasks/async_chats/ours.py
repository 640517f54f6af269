# Task: two chats at once with the async client.
import asyncio

from ollama_contract import AsyncOllama


async def main() -> None:
    async with AsyncOllama() as client:
        questions = ["Why is the sky blue?", "Why is the sea salty?"]
        answers = await asyncio.gather(*(client.chat("llama3.2", [{"role": "user", "content": q}]) for q in questions))
    for answer in answers:
        print(answer.text)


asyncio.run(main())
