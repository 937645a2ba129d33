"""Read labelled message files in the contract format {"id","lang","channel","text","emotion","situation"}."""

import json
from pathlib import Path

from humandesk.coach.mood.labels import EMOTIONS, LANGUAGES, SITUATIONS

DATA_DIR = Path(__file__).resolve().parent / "data"
REQUIRED = ("id", "lang", "text", "emotion", "situation")


class BadDataset(ValueError):
    """A line of a messages file is not valid; the message names the file and line."""


def read_messages(path: Path | str) -> list[dict]:
    """Every row of a JSON Lines messages file, checked against the contract."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise BadDataset(f"{path}: cannot read ({exc.strerror})") from exc
    rows = []
    for number, line in enumerate(lines, start=1):
        if line.strip():
            rows.append(_checked(line, f"{path}:{number}"))
    return rows


def _checked(line: str, where: str) -> dict:
    try:
        row = json.loads(line)
    except json.JSONDecodeError as exc:
        raise BadDataset(f"{where}: not JSON ({exc.msg})") from exc
    if not isinstance(row, dict):
        raise BadDataset(f"{where}: expected an object")
    missing = [key for key in REQUIRED if key not in row]
    if missing:
        raise BadDataset(f"{where}: missing {', '.join(missing)}")
    if row["lang"] not in LANGUAGES:
        raise BadDataset(f"{where}: lang {row['lang']!r} is not one of {', '.join(LANGUAGES)}")
    if row["emotion"] not in EMOTIONS:
        raise BadDataset(f"{where}: unknown emotion {row['emotion']!r}")
    if row["situation"] not in SITUATIONS:
        raise BadDataset(f"{where}: unknown situation {row['situation']!r}")
    if not isinstance(row["text"], str):
        raise BadDataset(f"{where}: text must be a string")
    return row


def read_split(directory: Path | str, name: str) -> list[dict]:
    return read_messages(Path(directory) / f"{name}.jsonl")
