# Task: describe an image given by its file path (the path is the first argument).
import sys

from ollama_contract import Ollama

print(Ollama().chat("llava", [{"role": "user", "content": "What is in this picture?", "images": [sys.argv[1]]}]).text)
