# Task: pull a model with a progress bar, then list, show, copy and delete.
import ollama
from tqdm import tqdm

bars = {}
for progress in ollama.pull("tinyllama", stream=True):
    digest = progress.get("digest", "")
    if not digest:
        print(progress.get("status"))
        continue
    if digest not in bars and (total := progress.get("total")):
        bars[digest] = tqdm(total=total, desc=f"pulling {digest[7:19]}", unit="B", unit_scale=True)
    if completed := progress.get("completed"):
        bars[digest].update(completed - bars[digest].n)
for bar in bars.values():
    bar.close()
print([m.model for m in ollama.list().models])
print(ollama.show("tinyllama").details.family)
ollama.copy("tinyllama", "tinyllama-copy")
ollama.delete("tinyllama-copy")
print("tinyllama-copy" in [m.model for m in ollama.list().models])
