"""The shipped labelled messages: contract format, coverage per language, no split leakage."""

import collections

from humandesk.coach.mood.dataset import DATA_DIR, read_split
from humandesk.coach.mood.labels import EMOTIONS, LANGUAGES, SITUATIONS

SPLITS = ("train", "dev", "test")


def _rows():
    return {name: read_split(DATA_DIR, name) for name in SPLITS}


def test_at_least_400_messages_with_russian_the_largest_share():
    rows = [r for split in _rows().values() for r in split]
    assert len(rows) >= 400
    per_lang = collections.Counter(r["lang"] for r in rows)
    assert per_lang["ru"] == max(per_lang.values())
    assert {"id", "lang", "channel", "text", "emotion", "situation"} <= set(rows[0])


def test_every_label_has_at_least_8_messages_per_language():
    rows = [r for split in _rows().values() for r in split]
    counts = collections.Counter((r["lang"], r["emotion"]) for r in rows)
    counts.update((r["lang"], r["situation"]) for r in rows)
    short = [(lang, label) for lang in LANGUAGES for label in EMOTIONS + SITUATIONS if counts[(lang, label)] < 8]
    assert not short


def test_ids_are_unique_and_no_text_is_in_two_splits():
    splits = _rows()
    ids = [r["id"] for rows in splits.values() for r in rows]
    assert len(ids) == len(set(ids))
    texts = {name: {r["text"].strip().lower() for r in rows} for name, rows in splits.items()}
    assert not texts["test"] & (texts["train"] | texts["dev"])
