"""The text the emulated models know: a few hundred sentences to build answers from.

Answers are walks through this text, so they read like English, stay near the prompt's topic,
and cost almost nothing to produce.
"""

from __future__ import annotations

__all__ = ["ANSWERS", "CODE", "IMAGE", "THOUGHTS"]

ANSWERS = """
The sky appears blue because of a phenomenon called Rayleigh scattering.
Sunlight is made of many colors, and the shorter blue wavelengths are scattered by the gases in the atmosphere
far more than the longer red ones.
When you look at the sky away from the sun, you see this scattered blue light coming from every direction.
At sunrise and sunset the light travels through more air, so most of the blue is scattered away and the sky
turns orange and red.
On a cloudy day the water droplets scatter all colors equally, which is why clouds look white or gray.
The ocean looks blue partly because it reflects the sky and partly because water absorbs red light.
Grass is green because its leaves contain chlorophyll, a pigment that absorbs red and blue light and reflects
green light.
Plants use the energy of the absorbed light to turn water and carbon dioxide into sugar through
photosynthesis.
Llamas are domesticated South American camelids that have been used as pack animals for thousands of years.
A llama can carry about a quarter of its body weight over long distances in the mountains.
Llamas are social animals and prefer to live in herds with other llamas.
Ollama is a tool that runs large language models on your own computer.
It offers a simple HTTP API for generating text, chatting, and creating embeddings.
A language model predicts the next token of a text from the tokens that come before it.
The temperature option controls how random the choice of the next token is.
With a fixed seed the same prompt produces the same answer every time.
Mie scattering happens when particles are about as large as the wavelength of light, and it scatters all
colors almost equally.
Rayleigh scattering happens with particles much smaller than the wavelength, and it favors short wavelengths
strongly.
The weather today depends on the pressure systems moving across the region.
In Paris the summer is usually warm and the winter is cool and damp.
A good answer is short, clear, and honest about what it does not know.
Hello! How can I help you today?
I am an assistant running inside an offline test server, and I am happy to help.
Water boils at one hundred degrees Celsius at sea level, and at a lower temperature on high mountains.
The moon has no atmosphere, so its sky is black even during the day.
Mars has a thin atmosphere full of dust, which makes its sky look pink during the day and blue at sunset.
Three is the number of times the letter r appears in the word strawberry.
Testing software against a predictable server makes failures easy to reproduce.
Every answer from this server is a pure function of the model, the prompt and the options.
The result depends on the question, so it helps to ask precisely.
"""

THOUGHTS = """
The user is asking a question, so I should think about what they really want to know.
Let me recall the relevant facts before I answer.
First I will identify the key idea, then I will explain it in simple words.
I should keep the answer short and make sure it is correct.
Rayleigh scattering explains it, because short wavelengths scatter more than long ones.
I need to check each step of the reasoning once more before I write the final answer.
The question mentions a detail that matters, so I will address it directly.
"""

IMAGE = """
The image shows a small picture with a few simple shapes and colors.
In the picture there is a bright area in the middle and darker areas around it.
The image appears to be a tiny test picture rather than a photograph.
"""

CODE = """
    if a == 0:
        return b
    while b != 0:
        a, b = b, a % b
    result = a
    for i in range(len(items)):
        total += items[i]
    return total
    if not values:
        return None
    values.sort()
    count = count + 1
    print(result)
"""
