# Task: the three errors an app meets: an unknown model, a server that is down, a bad option.
import ollama

try:
    ollama.chat(model="no-such-model", messages=[{"role": "user", "content": "Hi"}])
except ollama.ResponseError as error:
    if error.status_code == 404:
        print("unknown model:", error.error)
    else:
        raise

try:
    ollama.Client(host="http://127.0.0.1:9").list()
except ConnectionError as error:
    print("server down:", error)

try:
    ollama.generate(model="mistral", prompt="Hi", options={"num_ctx": "lots"})
except ollama.ResponseError as error:
    # Ollama answers a mistyped option with a 500, after the request was sent.
    print("bad option:", error.error, error.status_code)
