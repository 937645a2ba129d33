"""A query as groups of interchangeable stems: the word itself, its typo corrections and
its workspace synonyms. An article matches a group if it has any stem of it."""

from collections.abc import Callable
from dataclasses import dataclass, field

from humandesk.knowledge.search import analysis, fuzzy
from humandesk.knowledge.search.snapshot import Snapshot

MAX_POSTINGS = 1000


@dataclass
class QueryGroup:
    word: str
    stems: set[str]
    words: set[str]  # surface forms, for PostgreSQL's own stemming
    known: bool = True


@dataclass
class ParsedQuery:
    text: str
    lang: str
    groups: list[QueryGroup] = field(default_factory=list)
    corrections: dict[str, str] = field(default_factory=dict)

    @property
    def semantic_text(self) -> str:
        """The query with typos fixed: the embedding of «гарнтия» means nothing, of «гарантия» a lot."""
        if not self.corrections:
            return self.text
        return " ".join(self.corrections.get(w, w) for w in analysis.tokens(self.text))

    def selective(self, snap: Snapshot) -> "ParsedQuery":
        """The groups worth sending to the keyword index: rarest first, within a postings
        budget. A word in half of 10,000 articles would make the index score thousands of
        rows while barely changing which articles come out on top; scoring still uses every
        group, and the semantic stage brings its own candidates."""
        def postings(group: QueryGroup) -> int:
            return sum(snap.df.get(s, 0) for s in group.stems)

        kept, total = [], 0
        for group in sorted(self.groups, key=postings):
            total += postings(group)
            if kept and total > MAX_POSTINGS:
                break
            kept.append(group)
        return ParsedQuery(text=self.text, lang=self.lang, groups=kept, corrections=self.corrections)

    def all_stems(self) -> set[str]:
        return {s for g in self.groups for s in g.stems}

    def all_words(self) -> set[str]:
        return {w for g in self.groups for w in g.words}


def parse(text: str, lang: str, snap: Snapshot, similar_words: Callable[[list[str]], dict[str, list[str]]]) -> ParsedQuery:
    """Split a query into groups, correcting unknown words and adding synonyms."""
    text = " ".join(str(text or "")[: analysis.MAX_QUERY_CHARS].split())
    parsed = ParsedQuery(text=text, lang=lang)
    for word in analysis.query_words(text):
        stems = set(analysis.query_stems(word))
        parsed.groups.append(QueryGroup(word=word, stems=stems, words={word}, known=any(s in snap.df for s in stems)))
    unknown = [g.word for g in parsed.groups if not g.known and fuzzy.needs_correction(g.word)]
    pools = similar_words(unknown) if unknown else {}
    for group in parsed.groups:
        for fixed in fuzzy.corrections(group.word, snap, pools.get(group.word, [])):
            parsed.corrections.setdefault(group.word, fixed)
            group.words.add(fixed)
            group.stems.update(analysis.query_stems(fixed))
        _add_synonyms(group, lang, snap)
        group.known = any(s in snap.df for s in group.stems)
    return parsed


def _add_synonyms(group: QueryGroup, lang: str, snap: Snapshot) -> None:
    for synonyms in snap.synonyms:
        if synonyms.lang in ("", lang) and synonyms.stems & group.stems:
            group.stems.update(synonyms.stems)
            group.words.update(synonyms.words)
