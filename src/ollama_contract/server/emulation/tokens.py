"""Tokens: a reversible tokenizer and a walk through the corpus that produces them.

The tokenizer has byte tokens (ids 0-255) and word pieces; anything it does not know is spelled
in bytes, so `detokenize(tokenize(text)) == text` for every text. That is what lets `context`
travel back to the server and mean the same prompt.
"""

from __future__ import annotations

import random
import re
import zlib
from collections.abc import Iterator
from functools import cache

from .corpus import ANSWERS, CODE, IMAGE, THOUGHTS

__all__ = ["STOPWORDS", "Vocabulary", "Walker", "stable_hash", "vocabulary"]

_PIECE = re.compile(r" ?[A-Za-z]+| ?[0-9]| ?[^\sA-Za-z0-9]|\n|[ \t]+")
_END = frozenset({".", "!", "?"})
STOPWORDS = frozenset(
    (
        "a",
        "an",
        "the",
        "is",
        "are",
        "was",
        "were",
        "be",
        "to",
        "of",
        "and",
        "or",
        "in",
        "on",
        "at",
        "by",
        "for",
        "with",
        "what",
        "why",
        "how",
        "who",
        "which",
        "that",
        "this",
        "it",
        "do",
        "does",
        "did",
        "i",
        "you",
        "me",
        "my",
        "your",
        "we",
        "our",
        "they",
        "their",
        "its",
        "as",
        "from",
        "about",
        "can",
        "could",
        "would",
        "should",
    )
)


def stable_hash(*parts: object) -> int:
    """A hash that is the same in every process (Python's hash() is salted)."""
    data = "\x1f".join(repr(p) for p in parts).encode("utf-8", "replace")
    return zlib.crc32(data) | (zlib.adler32(data) << 32)


class Vocabulary:
    def __init__(self, texts: list[str]) -> None:
        pieces: set[str] = set()
        for text in texts:
            pieces.update(_PIECE.findall(text))
        self.pieces = ["<s>", "</s>", *sorted(pieces)]
        self.offset = 256
        self.ids = {p: i + self.offset for i, p in enumerate(self.pieces)}

    @property
    def size(self) -> int:
        return self.offset + len(self.pieces)

    def tokenize(self, text: str) -> list[int]:
        out: list[int] = []
        pos = 0
        for m in _PIECE.finditer(text):
            if m.start() > pos:
                out.extend(text[pos : m.start()].encode("utf-8"))
            piece = m.group(0)
            tid = self.ids.get(piece)
            if tid is None:
                out.extend(piece.encode("utf-8"))
            else:
                out.append(tid)
            pos = m.end()
        if pos < len(text):
            out.extend(text[pos:].encode("utf-8"))
        return out

    def split(self, text: str) -> list[str]:
        """Cut a text into the pieces a model would stream it in."""
        out: list[str] = []
        pos = 0
        for m in _PIECE.finditer(text):
            if m.start() > pos:
                out.append(text[pos : m.start()])
            out.append(m.group(0))
            pos = m.end()
        if pos < len(text):
            out.append(text[pos:])
        return out

    def detokenize(self, ids: list[int]) -> str:
        out = bytearray()
        for tid in ids:
            if 0 <= tid < self.offset:
                out.append(tid)
            elif self.offset <= tid < self.size:
                piece = self.pieces[tid - self.offset]
                if piece not in ("<s>", "</s>"):
                    out += piece.encode("utf-8")
        return out.decode("utf-8", "replace")


@cache
def vocabulary() -> Vocabulary:
    return Vocabulary([ANSWERS, THOUGHTS, IMAGE, CODE])


def _sentences(text: str) -> list[list[str]]:
    """Prose is cut into sentences; code (indented) line by line."""
    vocab = vocabulary()
    if text.startswith("\n    "):
        return [vocab.split(line.rstrip()) for line in text.strip("\n").splitlines() if line.strip()]
    flat = " ".join(line.strip() for line in text.splitlines() if line.strip())
    return [vocab.split(s) for s in re.split(r"(?<=[.!?])\s+", flat) if s]


class Chain:
    """An order-2 Markov chain over the pieces of one corpus."""

    def __init__(self, text: str, joiner: str) -> None:
        self.sentences = _sentences(text)
        self.joiner = joiner
        self.next: dict[tuple[str, str], list[str]] = {}
        for sentence in self.sentences:
            seq = ["", "", *sentence, joiner]
            for i in range(2, len(seq)):
                self.next.setdefault((seq[i - 2], seq[i - 1]), []).append(seq[i])
        self.words = [{p.strip().lower() for p in s if p.strip().isalpha()} for s in self.sentences]

    def start(self, topic: set[str], rng: random.Random) -> list[str]:
        scores = [len(words & topic) for words in self.words]
        best = max(scores)
        pool = [i for i, s in enumerate(scores) if s == best] if best else list(range(len(self.sentences)))
        sentence = self.sentences[rng.choice(pool)]
        return sentence[:2]


@cache
def _chain(kind: str) -> Chain:
    text = {"answer": ANSWERS, "thought": THOUGHTS, "image": IMAGE, "code": CODE}[kind]
    return Chain(text, "\n" if kind == "code" else " ")


def topic_words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z]+", text.lower()) if w not in STOPWORDS and len(w) > 2}


class Walker:
    """Produces pieces of text, forever or until a natural end, from a seed and a topic."""

    def __init__(self, kind: str, rng: random.Random, topic: set[str], greedy: bool) -> None:
        self.chain = _chain(kind)
        self.rng = rng
        self.topic = topic
        self.greedy = greedy
        # The natural length has its own generator, so that an answer cut short by `num_predict`
        # is a prefix of the same answer left to end by itself, as with a real sampler.
        self.length_rng = random.Random(rng.getrandbits(64))

    def pieces(self) -> Iterator[tuple[str, list[str]]]:
        """Yield (piece, alternatives) pairs without end."""
        chain = self.chain
        rng = self.rng
        first = True
        while True:
            start = chain.start(self.topic, rng) if first else chain.sentences[rng.randrange(len(chain.sentences))][:2]
            if not first and chain.joiner == " ":
                yield " ", [" "]
            first = False
            a, b = ([*start, "", ""])[:2]
            for piece in start:
                yield piece, [piece]
            while True:
                options = chain.next.get((a, b))
                if not options:
                    break
                piece = options[0] if self.greedy and len(set(options)) == 1 else rng.choice(options)
                if piece == chain.joiner:
                    if chain.joiner == "\n":
                        yield "\n", ["\n"]
                    break
                yield piece, options
                a, b = b, piece

    def natural(self, min_tokens: int, max_tokens: int) -> Iterator[tuple[str, list[str]]]:
        """Pieces until a sentence ends past a length the seed picks."""
        target = self.length_rng.randint(min_tokens, max_tokens)
        for count, (piece, options) in enumerate(self.pieces(), start=1):
            yield piece, options
            if count >= target and (piece.strip() in _END or piece == "\n"):
                return
