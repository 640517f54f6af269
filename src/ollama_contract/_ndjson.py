"""The NDJSON stream protocol as pure functions: split bytes into lines, and turn lines into items.

The fourth stage of a streamed call (prepare, send, judge, decode, build): nothing here does I/O,
sends, judges a status or knows httpx. The sync and async streams (`_streams.py`) and the
pass-through stream the hooks put under the generated `sync_stream` (`_hooks.py`) feed bytes in
and get items out, built by the generated models (the fifth stage). A sync stream hands its
response's byte iterator to `LineDecoder.read`, which keeps the loop: a stream's items then come
from this module alone, with no frame of the stream object between one line and the next.

**Per-operation facts.** Everything about a streaming operation comes from the spec and the
generated package: the line schema, the JSON schema and its attrs class, the key that marks an
error line (the `if` of the line schema), and, from the operation's `x-ollama` stream facts, the
fields that carry the streamed text and what the final line looks like.

**Hot path.** A generate chunk costs, on the development machine, about 1 µs to split and
parse, 0.5 µs to validate and 0.8 µs to build. Bytes are split at `\\n` before decoding (a newline
byte never occurs inside a UTF-8 sequence, so a chunk cut mid-character is kept whole for the next
round), and each chunk's complete lines are decoded in one call. Then the lines of the chunk are
parsed together, each by the C scanner that `json.loads` uses, called directly in the loop (it
skips two regex matches and two Python frames per line and accepts exactly what `json.loads`
accepts: a blank or padded line, or one that is not JSON, falls back to `json.loads` for its
verdict). When the checker is active they are then validated together, in one call, against
the schema of a chunk (`_validation.all_valid`): the Python-to-Rust crossing and the line
schema's `if` (is it an error line?) are paid once per read, not once per line. Only when that
call says no is each line checked on its own, as it is reached, so the items before a bad line
are still yielded first and the violation names its line. Items are built by the generated
`from_dict`, whose template makes the common line one dict copy.
"""

from __future__ import annotations

import io
import json
from collections.abc import AsyncGenerator, AsyncIterable, Awaitable, Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any, Generic, NoReturn, TypeVar

from ollama_api.streaming import StreamResult

from ._errors import IncompleteStreamError, StreamError, Violation, cut
from ._spec import NDJSON, Operation, StreamShape, follow, load_spec, model_for, operations, split_pointer
from ._validation import Checker, all_valid, check_value, validator

__all__ = ["LineDecoder", "LineSplitter", "StreamFacts", "StreamResult", "facts_for", "lines_holding"]

T = TypeVar("T")


@dataclass(frozen=True)
class StreamFacts:
    """What a stream of one operation needs to know, derived once from the spec."""

    operation: Operation
    shape: StreamShape
    line_schema: str
    chunk_schema: str
    """The line schema's `else`: what a line that is not an error line must be."""
    json_schema: str
    item: type[Any]
    error_key: str
    get_text: Callable[[dict[str, Any]], Any]
    get_thinking: Callable[[dict[str, Any]], Any]
    get_final: Callable[[dict[str, Any]], Any]


@cache
def facts_for(operation_id: str) -> StreamFacts:
    op = operations()[operation_id]
    if not op.streams or op.stream is None:
        raise ValueError(f"{operation_id} does not stream")
    line_schema = op.responses[200][NDJSON]
    json_schema = op.responses[200]["application/json"]
    item = model_for(json_schema)
    if line_schema is None or json_schema is None or item is None:  # pragma: no cover - the spec test guards this
        raise ValueError(f"{operation_id}: the spec gives its stream no schema")
    line = follow(load_spec(), line_schema)
    error_key, chunk_schema = line["if"]["required"][0], line["else"]["$ref"]
    shape = op.stream
    return StreamFacts(
        op,
        shape,
        line_schema,
        chunk_schema,
        json_schema,
        item,
        error_key,
        _getter(shape.text),
        _getter(shape.thinking),
        _getter(shape.final_field),
    )


class LineSplitter:
    """Bytes in, complete lines out. Keeps a partial line (or a partial UTF-8 character) for later."""

    __slots__ = ("_pending",)

    def __init__(self) -> None:
        self._pending: list[bytes] = []

    def feed(self, chunk: bytes) -> list[str | bytes]:
        """Complete lines so far (str; bytes for a line that is not UTF-8); blank lines included."""
        cut_at = chunk.rfind(b"\n")
        if cut_at < 0:
            if chunk:
                self._pending.append(chunk)
            return []
        head = chunk[:cut_at]
        if self._pending:
            self._pending.append(head)
            head = b"".join(self._pending)
            self._pending.clear()
        rest = chunk[cut_at + 1 :]
        if rest:
            self._pending.append(rest)
        try:
            return head.decode("utf-8").split("\n")  # type: ignore[return-value]
        except UnicodeDecodeError:
            return [_decode(line) for line in head.split(b"\n")]

    def flush(self) -> list[str | bytes]:
        """The last line, when the stream ended without a newline."""
        rest = b"".join(self._pending)
        self._pending.clear()
        return [_decode(rest)] if rest.strip() else []


def _decode(line: bytes) -> str | bytes:
    try:
        return line.decode("utf-8")
    except UnicodeDecodeError:
        return line


_scan: Callable[[str, int], tuple[Any, int]] = json.JSONDecoder().scan_once  # type: ignore[attr-defined]


def parse_line(line: str | bytes) -> Any:
    """Parse one line exactly as `json.loads` would, faster. Raises ValueError when it is not JSON."""
    if type(line) is str:
        try:
            value, end = _scan(line, 0)
            if end == len(line):
                return value
        except (StopIteration, ValueError):
            pass
        return json.loads(line)  # leading/trailing whitespace, or the error message
    raise ValueError("the line is not UTF-8")


class _Text:
    """Joins many small strings as they come, so a million chunks cost their characters, not a
    million objects: `add` is a StringIO's own `write`, a C method with no Python frame per piece."""

    __slots__ = ("_buffer", "add")

    def __init__(self) -> None:
        self._buffer = io.StringIO()
        self.add: Callable[[str], object] = self._buffer.write

    def value(self) -> str:
        return self._buffer.getvalue()


def _getter(ptr: str | None) -> Callable[[dict[str, Any]], Any]:
    """A fast reader of the field at a JSON pointer inside one parsed line (None when absent)."""
    if ptr is None:
        return lambda line: None
    path = split_pointer(ptr)
    if len(path) == 1:
        key = path[0]
        return lambda line: line.get(key)

    def get(line: dict[str, Any]) -> Any:
        node: Any = line
        for key in path:
            if type(node) is not dict:
                return None
            node = node.get(key)
        return node

    return get


def _blank(line: str | bytes) -> bool:
    return not line or (line.isspace() if type(line) is str else not line.strip())


class _Unparsed:
    """A line that is not JSON, kept in its place among the parsed ones until it is reached."""

    __slots__ = ("error", "line")

    def __init__(self, line: str | bytes, error: ValueError) -> None:
        self.line = line
        self.error = error


def _parse_all(lines: Iterable[str | bytes]) -> tuple[list[Any], bool]:
    """The values of the lines that are not blank, in order, and whether every one was JSON."""
    values: list[Any] = []
    append, scan, clean = values.append, _scan, True
    for line in lines:
        # The common line is one JSON object and nothing else: one scanner call, no other test.
        try:
            data, end = scan(line, 0)  # type: ignore[arg-type]  # bytes raise TypeError: the slow path
            if end == len(line):
                append(data)
                continue
        except (StopIteration, ValueError, TypeError):  # not JSON, blank, padded, or bytes
            pass
        if _blank(line):
            continue
        try:
            append(parse_line(line))
        except ValueError as exc:
            append(_Unparsed(line, exc))
            clean = False
    return values, clean


def lines_holding(lines: Iterable[str | bytes], items: int) -> int:
    """How many of `lines` it takes to hold their first `items` items (blank lines hold none)."""
    if items <= 0:
        return 0
    for index, line in enumerate(lines):
        if not _blank(line):
            items -= 1
            if items == 0:
                return index + 1
    raise ValueError("fewer items than that in these lines")


def _same(data: Any) -> Any:
    return data


class LineDecoder(Generic[T]):
    """Turns the lines of one response into typed items, enforcing the stream protocol.

    For each line: parse it (a line that is not JSON is a ContractViolation in every mode: there
    is nothing to return); an error line raises StreamError with the server's message; validate
    it (per the checker's mode); note the final line; build the item. `finish()` raises
    IncompleteStreamError when no final line came. The text of every item is joined as it passes,
    for `result()` and for the partial output carried by the stream errors.
    """

    def __init__(
        self, facts: StreamFacts, checker: Checker, *, typed: bool = True, build: Callable[[Any], T] | None = None
    ) -> None:
        self.facts = facts
        self.checker = checker
        self.operation = facts.operation.operation_id
        # Untyped: the hooks check the parsed lines and hand them to the generated code, which builds them.
        # Typed: the generated from_dict, whose template makes the common line one dict copy, or
        # the caller's `build` (the drop-in's official classes).
        self.build: Callable[[Any], T] = build if build is not None else facts.item.from_dict if typed else _same
        self.done = False
        self.count = 0
        self.last: T | None = None
        self._text = _Text()
        self._thinking = _Text()
        self._get_text = facts.get_text
        self._get_thinking = facts.get_thinking
        self._get_final = facts.get_final

    @property
    def text(self) -> str:
        return self._text.value()

    @property
    def thinking(self) -> str:
        return self._thinking.value()

    def items(self, lines: Iterable[str | bytes]) -> Iterator[T]:
        """The items of some complete lines (one read's worth), in order; blank lines are skipped."""
        values, clean = _parse_all(lines)
        if not values:
            return
        checker, facts = self.checker, self.facts
        # None when there is nothing left to check: off, or every line is a valid chunk.
        is_valid = None
        if checker.active and not (clean and all_valid(facts.chunk_schema, checker.profile)(values)):
            is_valid = validator(facts.line_schema, checker.profile).is_valid
        error_key, get_final, final_value = facts.error_key, self._get_final, facts.shape.final_value
        get_text, get_thinking, build = self._get_text, self._get_thinking, self.build
        add_text, add_thinking = self._text.add, self._thinking.add
        for data in values:
            self.count += 1
            if type(data) is dict:
                if error_key in data:
                    self._error_line(data)
                if get_final(data) == final_value:
                    self.done = True
                if (piece := get_text(data)) and type(piece) is str:
                    add_text(piece)
                if (piece := get_thinking(data)) and type(piece) is str:
                    add_thinking(piece)
            elif type(data) is _Unparsed:
                self._not_json(data.line, data.error)
            if is_valid is not None and not is_valid(data):
                self._invalid(data)
            try:
                item = build(data)
            except (KeyError, TypeError, ValueError, AttributeError) as exc:
                self._cannot_build(data, exc)
            self.last = item
            yield item

    def read(
        self,
        chunks: Iterable[bytes],
        close: Callable[[], object],
        broken: type[Exception],
        translate: Callable[[Exception], Exception],
    ) -> Iterator[T]:
        """The items of a whole body, read chunk by chunk, then `finish()`; `close` runs however the
        reading ends. An exception of type `broken` raised by `chunks` (a connection that broke)
        leaves as `translate(exc)`: the caller says what a broken read means, this module does
        not know httpx."""
        splitter, items = LineSplitter(), self.items
        try:
            try:
                for chunk in chunks:
                    yield from items(splitter.feed(chunk))
            except broken as exc:
                raise translate(exc) from exc
            yield from items(splitter.flush())
            self.finish()
        finally:
            close()

    async def aread(
        self,
        chunks: AsyncIterable[bytes],
        aclose: Callable[[], Awaitable[object]],
        broken: type[Exception],
        translate: Callable[[Exception], Exception],
    ) -> AsyncGenerator[T, None]:
        """The async `read`."""
        splitter, items = LineSplitter(), self.items
        try:
            try:
                async for chunk in chunks:
                    for item in items(splitter.feed(chunk)):
                        yield item
            except broken as exc:
                raise translate(exc) from exc
            for item in items(splitter.flush()):
                yield item
            self.finish()
        finally:
            await aclose()

    def whole(self, data: Any) -> T:
        """The item of a 200 `application/json` answer to a streamed request (a load, an unload,
        or a server that ignored `stream: true`): the whole response, so it ends the stream."""
        self.done = True
        if type(data) is dict:
            for get, text in ((self._get_text, self._text), (self._get_thinking, self._thinking)):
                if (piece := get(data)) and type(piece) is str:
                    text.add(piece)
        try:
            item = self.build(data)
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            self._cannot_build(data, exc)
        self.last = item
        return item

    def finish(self) -> None:
        """The response ended: raise IncompleteStreamError unless the final line came."""
        if not self.done:
            shape = self.facts.shape
            raise IncompleteStreamError(
                f"{self.operation}: the stream ended after {self.count} lines without its final line "
                f"({shape.final_field.lstrip('/')}: {json.dumps(shape.final_value)})",
                operation=self.operation,
                message=None,
                partial_text=self.text,
                thinking=self.thinking,
                last=self.last,
            )

    def _where(self) -> str:
        return f"response 200 {NDJSON} line {self.count}"

    def _not_json(self, line: str | bytes, exc: ValueError) -> NoReturn:
        self.checker.fail(self.operation, [Violation(self._where(), "", "json", f"not JSON: {exc}", cut(line))], 200)

    def _error_line(self, data: dict[str, Any]) -> NoReturn:
        if self.checker.active:
            where = self._where()
            self.checker.report(
                self.operation, check_value(self.facts.line_schema, data, where, profile=self.checker.profile), 200
            )
        message = data.get(self.facts.error_key)
        raise StreamError(
            f"{self.operation}: the server failed after the stream had started: {message}",
            operation=self.operation,
            message=message if isinstance(message, str) else cut(message),
            partial_text=self.text,
            thinking=self.thinking,
            last=self.last,
        )

    def _invalid(self, data: Any) -> None:
        found = check_value(self.facts.line_schema, data, self._where(), profile=self.checker.profile)
        self.checker.report(self.operation, found, 200)

    def _cannot_build(self, data: Any, exc: Exception) -> NoReturn:
        """The generated model cannot hold this line (a required field is missing...): a violation
        in every mode, since there is no typed item to return."""
        detail = f"cannot build {self.facts.item.__name__}: {type(exc).__name__}: {exc}"
        self.checker.fail(self.operation, [Violation(self._where(), "", "construct", detail, cut(data))], 200)
