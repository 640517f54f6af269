# Task: describe an image given by its file path (the path is the first argument).
import sys

import ollama_contract as ollama

print(ollama.chat("llava", [{"role": "user", "content": "What is in this picture?", "images": [sys.argv[1]]}]).text)
