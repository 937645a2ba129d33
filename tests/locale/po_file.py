"""A small reader for gettext .po catalogues (polib is not a dependency)."""

import re
from dataclasses import dataclass, field
from pathlib import Path

KEYWORD = re.compile(r'^(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)\s+"(.*)"\s*$')
CONTINUATION = re.compile(r'^"(.*)"\s*$')
ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\"}


@dataclass
class Entry:
    """One catalogue entry: its ids, translations and flags (`fuzzy`, `python-format`, …)."""

    msgid: str = ""
    msgid_plural: str | None = None
    msgctxt: str | None = None
    msgstr: dict[int, str] = field(default_factory=dict)
    flags: set[str] = field(default_factory=set)
    line: int = 0

    @property
    def is_header(self) -> bool:
        return self.msgid == "" and self.msgctxt is None

    @property
    def is_translated(self) -> bool:
        return bool(self.msgstr) and all(self.msgstr.values())

    @property
    def is_fuzzy(self) -> bool:
        return "fuzzy" in self.flags


def unescape(text: str) -> str:
    return re.sub(r"\\(.)", lambda m: ESCAPES.get(m.group(1), m.group(1)), text)


class _Reader:
    """Line-by-line state machine; `field` is the keyword that continuation lines extend."""

    def __init__(self) -> None:
        self.entries: list[Entry] = []
        self.current: Entry | None = None
        self.field: tuple[str, int] | None = None
        self.pending_flags: set[str] = set()

    def start_entry(self, number: int) -> Entry:
        entry = Entry(flags=self.pending_flags, line=number)
        self.pending_flags = set()
        self.entries.append(entry)
        return entry

    def append(self, name: str, index: int, text: str) -> None:
        entry = self.current
        if name == "msgstr":
            entry.msgstr[index] = entry.msgstr.get(index, "") + text
        else:
            setattr(entry, name, (getattr(entry, name) or "") + text)

    def feed(self, number: int, line: str) -> None:
        line = line.rstrip("\n")
        if line.startswith("#~") or not line.strip():
            self.field = None
            return
        if line.startswith("#,"):
            self.pending_flags |= {flag.strip() for flag in line[2:].split(",") if flag.strip()}
            return
        if line.startswith("#"):
            return
        keyword = KEYWORD.match(line)
        if keyword:
            name = "msgstr" if keyword.group(1).startswith("msgstr") else keyword.group(1)
            index = int(keyword.group(2) or 0)
            # msgctxt or msgid after a translation begins the next entry
            if name in ("msgctxt", "msgid") and (
                self.current is None or self.current.msgstr or name == "msgctxt"
            ):
                self.current = self.start_entry(number)
            self.field = (name, index)
            self.append(name, index, unescape(keyword.group(3)))
            return
        continuation = CONTINUATION.match(line)
        if continuation and self.field:
            self.append(*self.field, unescape(continuation.group(1)))
            return
        raise ValueError(f"line {number}: cannot parse {line!r}")


def read_po(path: Path) -> list[Entry]:
    """Every entry of a .po file, the header first; obsolete (#~) entries are left out."""
    reader = _Reader()
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            reader.feed(number, line)
    return reader.entries


def header_fields(entries: list[Entry]) -> dict[str, str]:
    """The header's `Name: value` pairs (Language, Plural-Forms, …)."""
    header = next(entry for entry in entries if entry.is_header)
    pairs = (line.split(":", 1) for line in header.msgstr[0].splitlines() if ":" in line)
    return {name.strip(): value.strip() for name, value in pairs}
