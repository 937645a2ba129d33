"""The playbooks humandesk ships (data/<lang>.json): what a workspace gets until a lead edits."""

import json
from functools import lru_cache
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"
LANGUAGES = ("ru", "en", "es")
SITUATION_KEYS = (
    "service_failure", "price_question", "public_criticism", "trolling", "idea",
    "out_of_scope", "refund_return", "how_to", "compliment", "human_request",
)
# Emotions that change how the agent should act; the others need no playbook of their own.
EMOTION_KEYS = ("anger", "anxiety", "aggression", "greed", "sociability")
KEYS = SITUATION_KEYS + EMOTION_KEYS


@lru_cache(maxsize=len(LANGUAGES))
def _shipped(lang: str) -> dict:
    data = json.loads((DATA_DIR / f"{lang}.json").read_text(encoding="utf-8"))
    return data["playbooks"]


def default_playbook(key: str | None, lang: str) -> dict | None:
    """{"key", "title", "steps"} shipped for `key` in `lang`, or None when there is none."""
    if key not in KEYS or lang not in LANGUAGES:
        return None
    entry = _shipped(lang).get(key)
    if entry is None:
        return None
    return {"key": key, "title": entry["title"], "steps": list(entry["steps"])}


def shipped_version(lang: str) -> int:
    return json.loads((DATA_DIR / f"{lang}.json").read_text(encoding="utf-8"))["version"]
