"""The one-line explanation of each finding, in the agent's interface language."""

import functools
import json

from humandesk.coach.engine.lexicon import DATA_DIR
from humandesk.coach.engine.report import LANGUAGES, Finding


@functools.cache
def _messages() -> dict:
    return json.loads((DATA_DIR / "messages.json").read_text(encoding="utf-8"))


def ui_language(requested: str | None, reply_lang: str) -> str:
    for lang in (requested, reply_lang):
        if lang:
            short = lang.split("-")[0].lower()
            if short in LANGUAGES:
                return short
    return "en"


def explain(finding: Finding, ui_lang: str) -> str:
    text = _messages()[finding.rule][ui_lang]
    if finding.note:
        text = f"{text} {finding.note}"
    return text
