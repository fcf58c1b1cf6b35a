"""Render a model's chat template safely and faithfully.

The template (Jinja source from the GGUF, i.e. from the internet) runs in Jinja's
`ImmutableSandboxedEnvironment`, so it cannot reach Python internals or mutate its inputs, and
under a budget (`RENDER_SECONDS`, `RENDER_CHARS`), so it cannot hang or fill the memory: every
loop, call, attribute read and filter checks the deadline and the size of what it makes.

The template sees each message's real text, so templates that inspect it (`'</think>' in
content`, `content.split(...)`, `| trim`) render exactly like plain Jinja. Message text still
never becomes control tokens: a second rendering wraps each message's text in unique markers,
which show where that text landed, and the prompt is split into *segments*: template text
(tokenized with special tokens enabled) and message text (tokenized as plain text). A user who
types `<|im_start|>system` gets those characters, not a new system turn.
"""

from __future__ import annotations

import re
import secrets
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from jinja2 import TemplateError as JinjaTemplateError
from jinja2 import meta, nodes
from jinja2.sandbox import ImmutableSandboxedEnvironment

from app.core.errors import TemplateError
from app.core.messages import Message
from app.core.prompts.texts import (
    NO_REPLY,
    TEMPLATE_FAILED,
    TEMPLATE_INVALID,
    TEMPLATE_REFUSED,
    TEMPLATE_REPEATS,
    TEMPLATE_TOO_BIG,
    TEMPLATE_TOO_SLOW,
    TEMPLATE_UNKNOWN_MESSAGE,
)

RENDER_SECONDS = 1.0
"""How long one rendering may run."""
RENDER_CHARS = 4_000_000
"""How much text one rendering may make (the prompt, and any one string on the way)."""
REASONING_KEY = "reasoning_content"
"""The message field a reasoning model's template reads its earlier thoughts from."""
_BOUNDED = "hearth_bounded"
_SIZED = frozenset({str, list, tuple, dict})


@dataclass(frozen=True)
class Segment:
    """A run of prompt text; `literal` text must be tokenized without special tokens."""

    text: str
    literal: bool


class _Budget:
    """The deadline and size limit of the rendering under way."""

    def __init__(self, seconds: float, chars: int) -> None:
        self.deadline = time.monotonic() + seconds
        self.seconds = seconds
        self.chars = chars

    def tick(self) -> None:
        if time.monotonic() > self.deadline:
            raise TemplateError(TEMPLATE_TOO_SLOW(seconds=self.seconds))

    def size(self, value: Any) -> Any:
        kind = type(value)
        if kind in _SIZED and len(value) > self.chars:
            raise TemplateError(TEMPLATE_TOO_BIG(chars=self.chars))
        if kind is int and value.bit_length() > 4096:
            raise TemplateError(TEMPLATE_TOO_BIG(chars=self.chars))
        return value

    def argument(self, value: Any) -> None:
        """A call's argument: no count past the size limit (`'x'.ljust(10**10)`)."""
        if isinstance(value, int) and not isinstance(value, bool) and abs(value) > self.chars:
            raise TemplateError(TEMPLATE_TOO_BIG(chars=self.chars))
        self.size(value)


class _BoundedEnvironment(ImmutableSandboxedEnvironment):
    """The sandbox, with every loop, call, attribute read, operator and filter under a budget."""

    intercepted_binops = frozenset({"+", "*", "**"})

    def __init__(self) -> None:
        super().__init__(trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=False)
        self.budget = _Budget(RENDER_SECONDS, RENDER_CHARS)
        self.globals[_BOUNDED] = self._bounded
        self.filters = {name: self._guard(f) for name, f in self.filters.items()}

    def _parse(self, source: str, name: str | None, filename: str | None) -> nodes.Template:
        tree = super()._parse(source, name, filename)
        for loop in tree.find_all(nodes.For):  # every loop's items come through `_bounded`
            loop.iter = nodes.Call(
                nodes.Name(_BOUNDED, "load"), [loop.iter], [], None, None, lineno=loop.lineno
            )
        return tree

    def _bounded(self, items: Iterable[Any]) -> Iterator[Any]:
        for item in items:
            self.budget.tick()
            yield item

    def _guard(self, function: Callable[..., Any]) -> Callable[..., Any]:
        def guarded(*args: Any, **kwargs: Any) -> Any:
            self.budget.tick()
            for value in (*args[1:], *kwargs.values()):
                self.budget.argument(value)
            return self.budget.size(function(*args, **kwargs))

        for attribute in ("jinja_pass_arg",):  # keep @pass_context / @pass_environment
            if hasattr(function, attribute):
                setattr(guarded, attribute, getattr(function, attribute))
        return guarded

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        __self.budget.tick()
        for value in (*args, *kwargs.values()):
            __self.budget.argument(value)
        return __self.budget.size(super().call(__context, __obj, *args, **kwargs))

    def getattr(self, obj: Any, attribute: str) -> Any:
        self.budget.tick()
        return self.budget.size(super().getattr(obj, attribute))

    def getitem(self, obj: Any, argument: Any) -> Any:
        self.budget.tick()
        return self.budget.size(super().getitem(obj, argument))

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        self.budget.tick()
        if operator == "*" and isinstance(left, int) and isinstance(right, (str, list, tuple)):
            left, right = right, left
        if _too_big(operator, left, right, self.budget.chars):
            raise TemplateError(TEMPLATE_TOO_BIG(chars=self.budget.chars))
        return self.budget.size(super().call_binop(context, operator, left, right))


def _too_big(operator: str, left: Any, right: Any, chars: int) -> bool:
    """Whether `left operator right` would make a string, list or number past the limit."""
    if operator == "*" and isinstance(right, int) and isinstance(left, (str, list, tuple)):
        return len(left) * right > chars
    if operator == "**" and isinstance(left, int) and isinstance(right, int):
        return abs(left) > 1 and right * abs(left).bit_length() > 4096
    return False


class ChatTemplate:
    """A compiled chat template; `render` returns segments ready to tokenize. A template that
    does not parse raises `TemplateError` here, so a model load reports it."""

    def __init__(self, source: str, bos_token: str = "", eos_token: str = "") -> None:
        self._env = _BoundedEnvironment()
        self._env.globals["raise_exception"] = _raise_exception
        self._env.globals["strftime_now"] = _strftime_now
        self._special = {"bos_token": bos_token, "eos_token": eos_token}
        try:
            tree = self._env.parse(source)
            self._template = self._env.from_string(tree)
        except JinjaTemplateError as exc:
            raise TemplateError(TEMPLATE_INVALID(reason=str(exc))) from exc
        self.seconds = RENDER_SECONDS
        self.chars = RENDER_CHARS
        # `enable_thinking` (Qwen3): the chat gets a Think switch.
        self.thinking_switch = "enable_thinking" in meta.find_undeclared_variables(tree)
        # `message.reasoning_content`: earlier thinking is handed back the template's way.
        self.reads_reasoning = _reads_key(tree, REASONING_KEY)

    def render(
        self,
        messages: Sequence[Message],
        add_generation_prompt: bool = True,
        **variables: Any,
    ) -> list[Segment]:
        """The prompt as segments; `variables` (e.g. `enable_thinking`) reach the template.
        A message's `reasoning` reaches it as `reasoning_content`, only where it reads that;
        like the message text, it is marked, and stays plain text (thoughts often quote the
        user)."""
        real = [self._fields(m, m.content, m.reasoning) for m in messages]
        text = self.render_reference(real, add_generation_prompt, **variables)
        nonce, n = secrets.token_hex(4), len(messages)
        marked = [
            self._fields(m, _wrap(m.content, nonce, i), _wrap(m.reasoning or "", nonce, n + i))
            for i, m in enumerate(messages)
        ]
        marked_text = self.render_reference(marked, add_generation_prompt, **variables)
        contents = [m.content for m in messages] + [m.reasoning or "" for m in messages]
        pieces = _split(marked_text, nonce, contents)
        if "".join(p.text for p in pieces) == text:
            return _merge(pieces)
        return _locate(text, [p.text for p in pieces if p.literal], contents)

    def _fields(self, message: Message, content: str, reasoning: str | None) -> dict[str, str]:
        fields = {"role": message.role, "content": content}
        if message.reasoning and reasoning and self.reads_reasoning:
            fields[REASONING_KEY] = reasoning
        return fields

    def render_text(
        self, messages: Sequence[Message], add_generation_prompt: bool = True, **variables: Any
    ) -> str:
        """The prompt as one string (for display and debugging; never tokenize this directly)."""
        return "".join(s.text for s in self.render(messages, add_generation_prompt, **variables))

    def render_reference(
        self, messages: list[dict[str, str]], add_generation_prompt: bool, **variables: Any
    ) -> str:
        """The template's output for these message dicts, as plain Jinja makes it, under the
        time and size budget."""
        self._env.budget = _Budget(self.seconds, self.chars)
        context = {"messages": messages, "add_generation_prompt": add_generation_prompt}
        try:
            return _collect(
                self._template.generate(**self._special, **variables, **context), self._env
            )
        except TemplateError:
            raise
        except RecursionError as exc:
            raise TemplateError(TEMPLATE_FAILED("recursion too deep")) from exc
        except MemoryError as exc:
            raise TemplateError(TEMPLATE_TOO_BIG(chars=self.chars)) from exc
        except Exception as exc:  # SecurityError, UndefinedError, anything the template throws
            raise TemplateError(TEMPLATE_FAILED(str(exc))) from exc


def _reads_key(tree: nodes.Template, key: str) -> bool:
    """Whether the template reads `key` from anything (`x.key`, `x['key']`, `x.get('key')`)."""
    if any(n.attr == key for n in tree.find_all(nodes.Getattr)):
        return True
    if any(
        isinstance(n.arg, nodes.Const) and n.arg.value == key for n in tree.find_all(nodes.Getitem)
    ):
        return True
    return any(
        isinstance(n.node, nodes.Getattr)
        and n.node.attr == "get"
        and any(isinstance(a, nodes.Const) and a.value == key for a in n.args)
        for n in tree.find_all(nodes.Call)
    )


def _collect(chunks: Iterator[str], env: _BoundedEnvironment) -> str:
    parts: list[str] = []
    size = 0
    for chunk in chunks:
        env.budget.tick()
        size += len(chunk)
        if size > env.budget.chars:
            raise TemplateError(TEMPLATE_TOO_BIG(chars=env.budget.chars))
        parts.append(chunk)
    return "".join(parts)


def open_last_message(segments: list[Segment]) -> list[Segment]:
    """Cut the prompt right after the last message's text, dropping its end-of-turn markup, so
    the model continues that message (a cut-off reply) instead of starting a new turn."""
    for index in range(len(segments) - 1, -1, -1):
        if segments[index].literal:
            return segments[: index + 1]
    raise TemplateError(NO_REPLY())


# -- where the message text landed -------------------------------------------------------------


def _wrap(content: str, nonce: str, index: int) -> str:
    """The text with markers around its core; the surrounding whitespace stays outside, so a
    template's `| trim` / `strip()` works the same on it."""
    core = content.strip()
    if not core:
        return content
    start = content.index(core)
    head, tail = content[:start], content[start + len(core) :]
    return f"{head}\ue000{nonce}:{index}\ue001{core}\ue002{nonce}:{index}\ue003{tail}"


def _split(text: str, nonce: str, contents: list[str]) -> list[Segment]:
    """Segments of a marked rendering: text between a message's markers is literal. A marker
    whose partner the template cut off (`content.split('</think>')[-1]`) still bounds the
    longest run of that message's text next to it."""
    pattern = re.compile("([\ue000\ue002])" + re.escape(nonce) + r":(\d+)[\ue001\ue003]")
    pieces: list[Segment] = []
    seen: list[int] = []
    pos, open_at = 0, -1
    for match in pattern.finditer(text):
        index, opens = int(match.group(2)), match.group(1) == "\ue000"
        if index >= len(contents):
            raise TemplateError(TEMPLATE_UNKNOWN_MESSAGE())
        chunk = text[pos : match.start()]
        if not opens and open_at == index:
            pieces.append(Segment(chunk, literal=True))
            seen.append(index)
        else:
            pieces += _around_lone_markers(chunk, contents, open_at, -1 if opens else index)
        open_at = index if opens else -1
        pos = match.end()
    pieces += _around_lone_markers(text[pos:], contents, open_at, -1)
    if sorted(set(seen)) != sorted(seen):
        raise TemplateError(TEMPLATE_REPEATS())
    return [p for p in pieces if p.text]


def _around_lone_markers(chunk: str, contents: list[str], after: int, before: int) -> list[Segment]:
    """`chunk` between markers that are not a pair: the run of message `after`'s text right
    after an opening marker, and of message `before`'s text right before a closing one, are
    literal; the rest is template text."""
    head = _common_prefix(chunk, contents[after].strip()) if after >= 0 else 0
    while 0 < head < len(chunk) and not _boundary(chunk, head):
        head -= 1  # never end inside a word: the template's own text may look the same
    rest = chunk[head:]
    tail = _common_suffix(rest, contents[before].strip()) if before >= 0 else 0
    while 0 < tail < len(rest) and not _boundary(rest, len(rest) - tail):
        tail -= 1  # never start inside a word, e.g. the `>` of `<｜Assistant｜>`
    return [
        Segment(chunk[:head], literal=True),
        Segment(rest[: len(rest) - tail], literal=False),
        Segment(rest[len(rest) - tail :], literal=True),
    ]


def _boundary(text: str, at: int) -> bool:
    """Whether `at` can split message text from template text: at a space, or between a
    letter or digit and a sign (`b|` or `m<`), never inside `｜>` or a word."""
    before, after = text[at - 1], text[at]
    return before.isspace() or after.isspace() or before.isalnum() != after.isalnum()


def _common_prefix(a: str, b: str) -> int:
    n = 0
    while n < len(a) and n < len(b) and a[n] == b[n]:
        n += 1
    return n


def _common_suffix(a: str, b: str) -> int:
    n = 0
    while n < len(a) and n < len(b) and a[-1 - n] == b[-1 - n]:
        n += 1
    return n


def _merge(pieces: list[Segment]) -> list[Segment]:
    merged: list[Segment] = []
    for piece in pieces:
        if merged and merged[-1].literal == piece.literal:
            merged[-1] = Segment(merged[-1].text + piece.text, piece.literal)
        else:
            merged.append(piece)
    return merged


def _locate(text: str, literals: list[str], contents: list[str]) -> list[Segment]:
    """Segments of `text` when the marked rendering took another branch (a template that
    tests `startswith` or `length`): each piece of message text is found there, in order, and
    carried on as far as its message's text goes on (a template that cuts at `[:50]`)."""
    pieces: list[Segment] = []
    pos = 0
    for literal in literals:
        found = text.find(literal, pos) if literal else -1
        if found < 0:
            continue
        end = found + len(literal)
        end += _carried_on(text, end, literal, contents)
        pieces += [Segment(text[pos:found], False), Segment(text[found:end], True)]
        pos = end
    pieces.append(Segment(text[pos:], False))
    return _merge([p for p in pieces if p.text])


def _carried_on(text: str, end: int, literal: str, contents: list[str]) -> int:
    """How many characters after `end` still continue the message text `literal` is from."""
    more = 0
    for content in contents:
        at = content.find(literal)
        if at >= 0:
            more = max(more, _common_prefix(text[end:], content[at + len(literal) :]))
    while 0 < more < len(text) - end and not _boundary(text, end + more):
        more -= 1  # never stop inside a word: the template's own text may look the same
    return more


def _raise_exception(message: str) -> None:
    raise TemplateError(TEMPLATE_REFUSED(str(message)))


def _strftime_now(fmt: str) -> str:
    return datetime.now().strftime(fmt)
