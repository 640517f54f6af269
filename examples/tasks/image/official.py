# Task: describe an image given by its file path (the path is the first argument).
import sys

import ollama

response = ollama.chat(
    model="llava", messages=[{"role": "user", "content": "What is in this picture?", "images": [sys.argv[1]]}]
)
print(response.message.content)
