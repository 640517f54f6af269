# Task: describe an image given by its file path (the path is the first argument).
import sys

import ollama_contract.helpers

images = ollama_contract.helpers.encode_images(sys.argv[1])
print(ollama_contract.chat("llava", [{"role": "user", "content": "What is in this picture?", "images": images}]).text)
