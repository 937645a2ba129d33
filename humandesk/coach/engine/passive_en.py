"""English passive voice: "was shipped", "will be refunded", "has been processed".

Not flagged: adjectival participles ("I'm interested", "we're closed", "excited"), a present
negation that states a fact ("isn't included"), a named third-party actor ("by the courier"),
and passives whose subject is "I"/"we" ("we were delighted").
"""

import functools

from humandesk.coach.engine import lexicon
from humandesk.coach.engine.analysis import Analysis, Token
from humandesk.coach.engine.report import Finding

_MODALS = frozenset({"will", "'ll", "can", "could", "should", "must", "may", "might", "would", "shall"})
_PERFECT = frozenset({"has", "have", "had", "'ve", "'s"})
_NOT_PARTICIPLES = frozenset({"need", "feed", "speed", "hundred", "bed", "red", "seed", "shed", "embed",
                              "naked", "sacred", "wicked", "rugged", "indeed", "proceed", "exceed", "succeed"})
_OBJECT_OF = {"it": "it", "they": "them", "you": "you", "he": "him", "she": "her", "i": "me", "we": "us"}
_DETERMINERS = frozenset({"your", "the", "this", "that", "these", "those", "our", "my", "its", "their", "a",
                          "an", "every", "each", "all", "some", "any", "no"})
_HYPOTHETICAL = frozenset({"if", "whether", "unless", "perhaps", "maybe"})
_CANCELLED = {"cancelled": "cancel", "labelled": "label", "travelled": "travel", "refuelled": "refuel"}


@functools.cache
def _data() -> dict:
    raw = lexicon.load("en", "passive")
    data = {k: frozenset(v) for k, v in raw.items() if isinstance(v, list)}
    data["irregular"] = raw.get("irregular", {})
    return data


def _participle(word: str) -> bool:
    if word in _data()["irregular"]:
        return True
    return word.endswith("ed") and len(word) > 4 and word not in _NOT_PARTICIPLES


def base_form(participle: str) -> str:
    """"shipped" → "ship", "applied" → "apply", "received" → "receive"."""
    if participle in _data()["irregular"]:
        return _data()["irregular"][participle][0]
    if participle in _CANCELLED:
        return _CANCELLED[participle]
    stem = participle[:-2]
    known = _data()["regular_bases"]
    for candidate in (stem, participle[:-1], participle[:-3] + "y", stem[:-1]):
        if candidate in known:
            return candidate
    if participle.endswith("ied"):
        return participle[:-3] + "y"
    if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] in "bgmnpt":
        return stem[:-1]
    return participle[:-1] if stem.endswith(("v", "c", "z", "at", "dg", "rg", "ng", "s")) and not stem.endswith("ss") else stem


def _past(participle: str) -> str:
    return _data()["irregular"][participle][1] if participle in _data()["irregular"] else participle


def _ing(base: str) -> str:
    if base.endswith("e") and not base.endswith("ee"):
        return base[:-1] + "ing"
    return base + "ing"


def _split(token: Token) -> tuple[str, str]:
    """"it's" → ("it", "'s"), "we're" → ("we", "'re"), "is" → ("", "is")."""
    word = token.lower
    for suffix in ("'re", "'s", "'m"):
        if word.endswith(suffix) and len(word) > len(suffix):
            return word[: -len(suffix)], suffix
    return "", word


def _subject(tokens: list[Token], index: int) -> tuple[int, str] | None:
    """Start index and object form of the subject just before the verb group."""
    j = index - 1
    if j < 0 or tokens[j].kind != "word" or tokens[j].sent != tokens[index].sent:
        return None
    word = tokens[j].lower
    if word in _OBJECT_OF:
        return j, _OBJECT_OF[word]
    for k in range(j, max(-1, j - 3), -1):
        if tokens[k].kind != "word" or tokens[k].sent != tokens[index].sent:
            return None
        if tokens[k].lower in _DETERMINERS:
            phrase = " ".join(t.lower for t in tokens[k:j + 1])
            return k, phrase
    return None


def _group_before(tokens: list[Token], index: int) -> tuple[int, str]:
    """Auxiliaries before «be/been»: ("will"|"can"|…) → modal, ("has"|"have") → perfect."""
    j = index - 1
    if j < 0 or tokens[j].kind != "word" or tokens[j].sent != tokens[index].sent:
        return index, ""
    word = tokens[j].lower
    if tokens[index].lower == "be" and (word in _MODALS or word.endswith("'ll")):
        return j, "will" if word.endswith("'ll") else word
    if tokens[index].lower == "been" and (word in _PERFECT or word.endswith(("'ve", "'s"))):
        return j, "perfect"
    return index, ""


def _tense(be: str, aux: str, progressive: bool) -> str:
    if aux:
        return aux
    if progressive:
        return "progressive"
    return "past" if be in {"was", "were", "wasn't", "weren't"} else "present"


def _verb(tense: str, participle: str, negated: bool) -> str | None:
    base = base_form(participle)
    if tense == "past":
        return f"we didn't {base}" if negated else f"we {_past(participle)}"
    if tense == "progressive":
        return f"we're {_ing(base)}"
    if tense == "perfect":
        return f"we haven't {participle}" if negated else f"we've {participle}"
    if tense in {"will", "shall"}:
        return f"we won't {base}" if negated else f"we'll {base}"
    if tense in {"can", "could", "may"}:
        return f"you {tense}{' not' if negated else ''} {base}"
    if tense == "present":
        return f"we {base}"
    if tense == "done":
        return f"we've {participle}"
    return f"we {tense}{' not' if negated else ''} {base}"


def _actor(tokens: list[Token], index: int) -> str:
    if index + 2 < len(tokens) and tokens[index + 1].lower == "by":
        nxt = tokens[index + 2].lower
        return "ours" if nxt in {"us", "me", "our", "myself", "ourselves"} else "other"
    return ""


def _candidate(analysis: Analysis, i: int) -> Finding | None:
    tokens, data = analysis.tokens, _data()
    inline, be = _split(tokens[i])
    if tokens[i].lower not in data["be_forms"] and be not in {"'re", "'s", "'m"}:
        return None
    if be == "being" and i > 0 and tokens[i - 1].lower in data["be_forms"]:
        return None  # "is being processed" is read from "is"
    start, aux = _group_before(tokens, i)
    if be == "be" and not aux:
        return None  # "to be replaced": an infinitive, leave it
    j, negated, progressive = i + 1, tokens[i].lower.endswith("n't"), False
    while j < len(tokens) and tokens[j].kind == "word" and tokens[j].lower in data["skip_between"]:
        negated = negated or tokens[j].lower in {"not", "never"}
        progressive = progressive or tokens[j].lower == "being"
        j += 1
    if j >= len(tokens) or tokens[j].kind != "word" or tokens[j].sent != tokens[i].sent:
        return None
    participle = tokens[j].lower
    nxt = tokens[j + 1].lower if j + 1 < len(tokens) else ""
    if not _participle(participle) or participle in data["adjectival"]:
        return None
    if participle == "made" and nxt in data["made_of"]:
        return None
    first = analysis.sentences[tokens[i].sent][0]
    if any(t.lower in _HYPOTHETICAL for t in tokens[first:i]):
        return None  # "we'll see if it can be patched": a hypothesis, not a report
    tense = _tense(be, aux, progressive)
    actor = _actor(tokens, j)
    if actor == "other" or (negated and tense == "present"):
        return None
    subject = (start, _OBJECT_OF.get(inline, inline)) if inline else _subject(tokens, start)
    if subject and subject[1] in {"me", "us"}:
        return None
    if tense == "present" and subject and subject[1].split()[0] in {"it", "your", "this", "that"}:
        tense = "done"  # "your order is confirmed" reports a finished action
    return _build(analysis, subject or (start, ""), j + 2 if actor else j, _verb(tense, participle, negated))


def _build(analysis: Analysis, subject: tuple[int, str], end: int, verb: str | None) -> Finding:
    tokens = analysis.tokens
    start, obj = subject
    text = f"{verb} {obj}".strip() if verb else None
    first = analysis.sentences[tokens[start].sent][0]
    if text and all(t.kind != "word" for t in tokens[first:start]):
        text = text[:1].upper() + text[1:]
    return Finding("passive_voice", tokens[start].start, tokens[end].end, suggestion=text)


def passive_findings(analysis: Analysis, context) -> list[Finding]:
    findings = []
    for index, token in enumerate(analysis.tokens):
        if token.kind == "word":
            finding = _candidate(analysis, index)
            if finding:
                findings.append(finding)
    return findings
