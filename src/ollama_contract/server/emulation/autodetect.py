"""Which of Ollama's templates a GGUF's chat template selects (server/model.go detectChatTemplate).

Ollama compares the file's `tokenizer.chat_template` with the Jinja templates of its index
(template/index.json) and takes the closest one if its Levenshtein distance is under 100, with
that template's Go template and parameters (template/<name>.gotmpl and .json); a file without a
chat template, or with one far from all of them (the long templates of most current models),
keeps the default `{{ .Prompt }}` and no parameters. Without Ollama's index here, each template
is recognised by the marker its format is built around, and only when the chat template's length
is within 100 of one of that template's index entries (a distance is never below the difference
in length), so long templates are left alone as Ollama leaves them; a short template that has a
template's marker but is otherwise far from it is still taken for it.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Detected", "detect_template"]


@dataclass(frozen=True)
class Detected:
    name: str
    template: str
    stop: tuple[str, ...]


# Chat-template markers, the Ollama template they select, its Go template and the stop words of its
# parameters file (template/<name>.json; mistral-instruct's file does hold ChatML's words).
_CHATML_STOP = ("<|im_start|>", "<|im_end|>")
_KNOWN = (
    ("<|im_start|>", "chatml", "{{- range .Messages }}<|im_start|>{{ .Role }}\n{{ .Content }}<|im_end|>\n{{ end }}"
     "<|im_start|>assistant\n", _CHATML_STOP),
    ("<|start_header_id|>", "llama3-instruct", "{{- range .Messages }}<|start_header_id|>{{ .Role }}<|end_header_id|>"
     "\n\n{{ .Content }}<|eot_id|>{{ end }}<|start_header_id|>assistant<|end_header_id|>\n\n",
     ("<|start_header_id|>", "<|end_header_id|>", "<|eot_id|>")),
    ("[INST]", "mistral-instruct", "{{- range .Messages }}{{ if eq .Role \"user\" }}[INST] {{ .Content }}[/INST]"
     "{{ else }} {{ .Content }}</s>{{ end }}{{ end }}", _CHATML_STOP),
    ("<start_of_turn>", "gemma-instruct", "{{- range .Messages }}<start_of_turn>{{ .Role }}\n{{ .Content }}"
     "<end_of_turn>\n{{ end }}<start_of_turn>model\n", ("<start_of_turn>", "<end_of_turn>")),
    ("<|user|>", "zephyr", "{{- range .Messages }}<|{{ .Role }}|>\n{{ .Content }}</s>\n{{ end }}<|assistant|>\n",
     ("<|system|>", "</s>", "<|user|>", "<|assistant|>")),
)  # fmt: skip


# The lengths of the index's Jinja templates for each of these names (Ollama 0.33).
_INDEX_LENGTHS = {
    "chatml": (196, 209, 291, 306, 327, 328, 358, 441, 450, 629, 1842),
    "llama3-instruct": (389, 4614),
    "mistral-instruct": (470, 477),
    "gemma-instruct": (591,),
    "zephyr": (306, 410),
}


def detect_template(chat: str) -> Detected | None:
    """The template `chat` selects, with its stop words; None for an empty or unrecognised one."""
    if not chat:
        return None
    for marker, name, template, stop in _KNOWN:
        if marker in chat and any(abs(len(chat) - n) < 100 for n in _INDEX_LENGTHS[name]):
            return Detected(name, template, stop)
    return None
