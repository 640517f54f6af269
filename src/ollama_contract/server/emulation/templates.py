"""The prompt templates and licenses the catalogue models carry, as their real namesakes do.

Go templates (what Ollama renders prompts with) and the Jinja chat templates stored in the GGUF
files: the capabilities of a catalogue model are read back from these texts, so a template that
mentions `.Tools` or `<think>` is what makes a model accept tools or thinking.
"""

from __future__ import annotations

__all__ = [
    "APACHE",
    "CHATML_THINK",
    "CHATML_TOOLS",
    "CODELLAMA",
    "DEEPSEEK",
    "LLAMA3",
    "LLAMA3_JINJA",
    "LLAMA_LICENSE",
    "LLAVA",
    "MISTRAL",
    "MISTRAL_JINJA",
    "MIT",
    "PLAIN_JINJA",
    "QWEN3",
    "ZEPHYR",
]

MISTRAL = """{{- range $index, $_ := .Messages }}
{{- if eq .Role "user" }}
{{- if and (eq (len (slice $.Messages $index)) 1) $.Tools }}\
[AVAILABLE_TOOLS] {{ json $.Tools }}[/AVAILABLE_TOOLS]
{{- end }}[INST] {{ if and $.System (eq (len (slice $.Messages $index)) 1) }}{{ $.System }}

{{ end }}{{ .Content }}[/INST]
{{- else if eq .Role "assistant" }}
{{- if .Content }} {{ .Content }}</s>
{{- else if .ToolCalls }}[TOOL_CALLS] [
{{- range .ToolCalls }}{"name": "{{ .Function.Name }}", "arguments": {{ json .Function.Arguments }}}
{{- end }}]</s>
{{- end }}
{{- else if eq .Role "tool" }}[TOOL_RESULTS] {"content": {{ .Content }}} [/TOOL_RESULTS]
{{- end }}
{{- end }}"""

LLAMA3 = """<|start_header_id|>system<|end_header_id|>

{{ if .System }}{{ .System }}{{ end }}
{{- if .Tools }}You have access to the following functions:
{{ range .Tools }}{{ json . }}
{{ end }}{{ end }}<|eot_id|>
{{- range .Messages }}<|start_header_id|>{{ .Role }}<|end_header_id|>

{{ if .ToolCalls }}{{ range .ToolCalls }}\
{"name": "{{ .Function.Name }}", "parameters": {{ json .Function.Arguments }}}{{ end }}
{{- else }}{{ .Content }}{{ end }}<|eot_id|>
{{- end }}<|start_header_id|>assistant<|end_header_id|>

"""

QWEN3 = """{{- if or .System .Tools }}<|im_start|>system
{{ .System }}
{{- if .Tools }}

# Tools

<tools>
{{- range .Tools }}
{{ json .Function }}
{{- end }}
</tools>
{{- end }}<|im_end|>
{{ end }}
{{- range .Messages }}<|im_start|>{{ .Role }}
{{ if .Thinking }}<think>{{ .Thinking }}</think>
{{ end }}{{ .Content }}
{{- range .ToolCalls }}
<tool_call>
{"name": "{{ .Function.Name }}", "arguments": {{ json .Function.Arguments }}}
</tool_call>
{{- end }}<|im_end|>
{{ end }}<|im_start|>assistant
{{ if and .IsThinkSet (not .Think) }}<think>

</think>

{{ end }}"""

DEEPSEEK = (
    (
        """{{- if .System }}{{ .System }}{{ end }}
{{- range .Messages }}
{{- if eq .Role "user" }}<<User>>{{ .Content }}
{{- else if eq .Role "assistant" }}<<Assistant>>"""
        """{{ if .Thinking }}<think>{{ .Thinking }}</think>{{ end }}{{ .Content }}"""
        """<<end_of_sentence>>
{{- end }}
{{- end }}<<Assistant>>"""
    )
    .replace("<<", "<\uff5c")
    .replace(">>", "\uff5c>")
)

LLAVA = """{{ .System }}
USER: {{ .Prompt }}
ASSISTANT: """

CODELLAMA = """{{- if .Suffix }}<PRE> {{ .Prompt }} <SUF>{{ .Suffix }} <MID>
{{- else }}{{ .Prompt }}
{{- end }}"""

ZEPHYR = """{{- if .System }}<|system|>
{{ .System }}</s>
{{ end }}<|user|>
{{ .Prompt }}</s>
<|assistant|>
"""

CHATML_TOOLS = (
    "{%- if tools %}<|im_start|>system\n# Tools\n<tools>{% for tool in tools %}{{ tool | tojson }}{% endfor %}"
    "</tools><|im_end|>\n{%- endif %}{%- for message in messages %}<|im_start|>{{ message.role }}\n"
    "{%- if message.tool_calls %}<tool_call>{{ message.tool_calls | tojson }}</tool_call>{%- endif %}"
    "{{ message.content }}<|im_end|>\n{%- endfor %}<|im_start|>assistant\n"
)
CHATML_THINK = CHATML_TOOLS.replace("<|im_start|>assistant\n", "<|im_start|>assistant\n<think>\n\n</think>\n\n")
LLAMA3_JINJA = (
    "{{- bos_token }}{%- if tools %}Environment: ipython{%- endif %}{%- for message in messages %}"
    "<|start_header_id|>{{ message['role'] }}<|end_header_id|>\n\n{{ message['content'] | trim }}<|eot_id|>"
    "{%- endfor %}<|start_header_id|>assistant<|end_header_id|>\n\n"
)
MISTRAL_JINJA = (
    "{{ bos_token }}{% for message in messages %}{% if message['role'] == 'user' %}[INST] {{ message['content'] }}"
    " [/INST]{% elif message['role'] == 'assistant' %}{{ message['content'] }}{{ eos_token }}{% endif %}{% endfor %}"
    "{% if tools %}[AVAILABLE_TOOLS]{{ tools | tojson }}[/AVAILABLE_TOOLS]{% endif %}"
)
PLAIN_JINJA = "{% for message in messages %}{{ message['role'] }}: {{ message['content'] }}\n{% endfor %}assistant: "

APACHE = "Apache License\nVersion 2.0, January 2004\nhttp://www.apache.org/licenses/"
LLAMA_LICENSE = "LLAMA 3.2 COMMUNITY LICENSE AGREEMENT\nLlama 3.2 Version Release Date: September 25, 2024"
MIT = "MIT License\n\nPermission is hereby granted, free of charge, to any person obtaining a copy of this software."
