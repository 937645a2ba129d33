"""Russian passive voice: short passive participles and reflexive passives that hide who acts.

Flagged: «был заблокирован», «будет исправлен», «зарегистрировано», «нами принято»,
«осуществляется», «рассматривается». Not flagged: attributive full participles
(«заблокированный аккаунт»), middle-voice reflexives («открывается», «находится»),
state participles («магазин закрыт», «палатка рассчитана на троих»), a negated state without
«быть» («служба не запущена»), hypotheses («если на сервере используется Linux»), a named
third-party actor («закрыт брандмауэром»), and a passive whose actor the reply already named
actively («нам пришлось заблокировать … из-за которой VPS была заблокирована»).
"""

import functools

from humandesk.coach.engine import lexicon, morphology
from humandesk.coach.engine.analysis import Analysis, Token
from humandesk.coach.engine.report import Finding

# Instrumental nouns that say when or how, not who: «утром», «таким образом».
_NOT_ACTORS = frozenset({"утро", "вечер", "день", "ночь", "весна", "лето", "осень", "зима", "раз", "образ",
                         "способ", "путь", "время", "карта"})
_MODALS = {"мочь": ("мы можем", "мы могли"), "смочь": ("мы сможем", "мы смогли"),
           "должный": ("мы должны", "мы должны были")}


@functools.cache
def _data() -> dict:
    raw = lexicon.load("ru", "passive")
    return {key: frozenset(value) for key, value in raw.items() if isinstance(value, list)}


def _is_cyrillic(token: Token) -> bool:
    return token.kind == "word" and any("а" <= ch <= "я" or ch == "ё" for ch in token.lower)


def _prev_word(tokens: list[Token], index: int, skip: frozenset = frozenset()) -> int | None:
    index -= 1
    while index >= 0 and tokens[index].kind == "word" and tokens[index].lower in skip:
        index -= 1
    if index >= 0 and tokens[index].kind == "word":
        return index
    return None


def _lemma(token: Token) -> str:
    return morphology.best(token.lower).normal_form if _is_cyrillic(token) else token.lower


def _auxiliary(tokens: list[Token], index: int) -> tuple[int | None, str]:
    """Index of «быть» before the verb and the tense it sets: past, futr, infn or none."""
    aux = _prev_word(tokens, index, _data()["skip_between"])
    if aux is None or tokens[aux].sent != tokens[index].sent or _lemma(tokens[aux]) != "быть":
        return None, "none"
    tag = morphology.best(tokens[aux].lower).tag
    if "INFN" in tag:
        return aux, "infn"
    return aux, "futr" if "futr" in tag else "past"


def _hypothetical(analysis: Analysis, index: int) -> bool:
    """«если …», «возможно …», or one of alternatives («сервер выключен либо ОС не работает»)."""
    sentence = analysis.sentence_tokens(analysis.tokens[index].sent)
    before = [t.lower for t in sentence if t.start < analysis.tokens[index].start]
    if not _data()["hypothetical"].isdisjoint(before):
        return True
    checks = lexicon.words("ru", "dialogue", "state_check_verbs")
    if "что" in before and any(_lemma(t) in checks for t in sentence if t.start < analysis.tokens[index].start):
        return True  # «проверьте, что баллон вкручен»: a state to check, not a report
    for position, token in enumerate(sentence):
        if token.lower in {"или", "либо"} and any(
            _is_cyrillic(t) and "VERB" in morphology.best(t.lower).tag for t in sentence[position + 1:]
        ):
            return True
    return False


def _named_actor(tokens: list[Token], index: int) -> str:
    """'ours' for «нами/мной» near the verb, 'other' for another actor in the instrumental."""
    for j in (index - 2, index - 1):
        if j >= 0 and tokens[j].lower in {"нами", "мной", "мною"}:
            return "ours"
    for j in range(index + 1, min(index + 4, len(tokens))):
        token = tokens[j]
        if token.kind != "word" or token.sent != tokens[index].sent:
            break
        if token.lower in {"нами", "мной", "мною"}:
            return "ours"
        parse = morphology.best(token.lower) if _is_cyrillic(token) else None
        if parse and "ablt" in parse.tag and ({"NOUN", "NPRO"} & parse.tag.grammemes) \
                and parse.normal_form not in _NOT_ACTORS:
            return "other"
    return ""


def _named_earlier(tokens: list[Token], index: int, lemma: str) -> bool:
    """The reply already said who does this, in the active voice."""
    for token in tokens[:index]:
        if _is_cyrillic(token):
            parse = morphology.best(token.lower)
            if parse.normal_form == lemma and ("VERB" in parse.tag or "INFN" in parse.tag):
                return True
    return False


def _active_form(lemma: str, tense: str) -> str | None:
    """«заблокировать», past → «мы заблокировали»; future perfective → «мы исправим»."""
    if tense == "futr":
        if morphology.aspect(lemma) == "impf":
            return f"мы будем {lemma}"
        form = morphology.inflect(lemma, "INFN", frozenset({"1per", "plur", "futr"}))
    elif tense == "pres":
        form = morphology.inflect(lemma, "INFN", frozenset({"1per", "plur", "pres"}))
    else:
        form = morphology.inflect(lemma, "INFN", frozenset({"plur", "past"}))
    return f"мы {form}" if form else None


def _noun_phrase(tokens: list[Token], first: int, last: int, step: int) -> list[int]:
    """Indices of a nominative noun phrase («ваша заявка») touching the verb group."""
    picked, index, seen_noun = [], first, False
    while 0 <= index < len(tokens) and len(picked) < 4 and tokens[index].sent == tokens[last].sent:
        token = tokens[index]
        if not _is_cyrillic(token):
            break
        parse = _nominative(token)
        if parse is None or (step < 0 and not picked and "NOUN" not in parse.tag):
            break
        if "NOUN" in parse.tag:
            if seen_noun:
                break
            seen_noun = True
        picked.append(index)
        index += step
    return sorted(picked) if seen_noun else []


def _nominative(token: Token):
    if morphology.best(token.lower).tag.POS not in {"NOUN", "ADJF", "PRTF"} or len(token.lower) < 2:
        return None
    for parse in morphology.parses(token.lower):
        grammemes = parse.tag.grammemes
        if "nomn" in grammemes and {"NOUN", "ADJF", "PRTF"} & grammemes and not {"Surn", "Patr"} & grammemes:
            return parse
    return None


def _accusative(token: Token) -> str:
    parse = _nominative(token)
    form = parse.inflect({"accs"})
    word = form.word if form else token.lower
    return word[:1].upper() + word[1:] if token.text[:1].isupper() else word


def _rewrite(analysis: Analysis, start: int, end: int, verb: str | None) -> tuple[int, int, str | None]:
    """Widen the span over the subject and say it with «мы» as the actor."""
    if verb is None:
        return start, end, None
    tokens = analysis.tokens
    before = _noun_phrase(tokens, start - 1, start, -1)
    after = [] if before else _noun_phrase(tokens, end + 1, end, 1)
    obj = " ".join(_accusative(tokens[i]) for i in before or after)
    if before:
        start, text = before[0], f"{obj} {verb}"
    elif after:
        end, text = after[-1], f"{verb} {obj}"
    else:
        text = verb
    first_word = analysis.sentences[tokens[start].sent][0]
    if all(t.kind != "word" for t in tokens[first_word:start]):
        text = text[:1].upper() + text[1:]
    return start, end, text


def _phrase(verb: str | None, adverbs: list[str], negated: bool) -> str | None:
    """«мы» + adverbs + «не» + verb: «мы своевременно не приняли»."""
    if verb is None:
        return None
    core = verb.removeprefix("мы ")
    return " ".join(["мы", *adverbs, *(["не"] if negated else []), core])


def _group_start(tokens: list[Token], index: int) -> int:
    """First index of the verb group: «быть» or adverbs like «уже» right before the verb."""
    start = index
    while start > 0 and tokens[start - 1].kind == "word" and (
        tokens[start - 1].lower in _data()["skip_between"] or _lemma(tokens[start - 1]) == "быть"
    ) and tokens[start - 1].sent == tokens[index].sent:
        start -= 1
    return start


def _participle(analysis: Analysis, index: int, parse) -> Finding | None:
    tokens, lemma = analysis.tokens, parse.normal_form
    if lemma in _data()["state_participles"] or _hypothetical(analysis, index):
        return None
    aux, tense = _auxiliary(tokens, index)
    start = _group_start(tokens, index)
    negated = start > 0 and tokens[start - 1].lower == "не"
    actor = _named_actor(tokens, index)
    if (negated and aux is None) or actor == "other" or _named_earlier(tokens, index, lemma):
        return None
    verb = _active_form(lemma, tense)
    if tense == "infn":
        modal = _prev_word(tokens, aux)
        pair = _MODALS.get(_lemma(tokens[modal])) if modal is not None else None
        verb = None
        if pair:
            start = modal
            verb = f"{pair[1] if 'past' in morphology.best(tokens[modal].lower).tag else pair[0]} {lemma}"
    adverbs = [t.lower for t in tokens[start:index] if t.lower in _data()["skip_between"]]
    start = start - 1 if negated else start
    end = index
    if actor == "ours":
        start, end = _widen_to_actor(tokens, start, end)
    start, end, text = _rewrite(analysis, start, end, _phrase(verb, adverbs, negated))
    return Finding("passive_voice", tokens[start].start, tokens[end].end, suggestion=text)


def _widen_to_actor(tokens: list[Token], start: int, end: int) -> tuple[int, int]:
    """Take «нами»/«мной» into the span: «нами принято» → «мы приняли»."""
    for j in (start - 1, start - 2):
        if j >= 0 and tokens[j].lower in {"нами", "мной", "мною"}:
            return j, end
    for j in range(end + 1, min(end + 4, len(tokens))):
        if tokens[j].lower in {"нами", "мной", "мною"}:
            return start, j
    return start, end


def _animate_subject(tokens: list[Token], index: int) -> bool:
    for j in range(index - 1, max(-1, index - 4), -1):
        token = tokens[j]
        if token.kind != "word" or token.sent != tokens[index].sent:
            break
        if token.lower in {"он", "она", "они", "вы", "ты", "кто", "я", "мы"}:
            return True
        if _is_cyrillic(token) and {"NOUN", "anim", "nomn"} <= morphology.best(token.lower).tag.grammemes:
            return True
    return False


def _reflexive(analysis: Analysis, index: int, parse) -> Finding | None:
    tokens, lemma = analysis.tokens, parse.normal_form
    if "impr" in parse.tag or not ("3per" in parse.tag or "past" in parse.tag or "INFN" in parse.tag):
        return None
    nxt = index + 1
    if nxt < len(tokens) and _is_cyrillic(tokens[nxt]) and "INFN" in morphology.best(tokens[nxt].lower).tag:
        return None  # «собирается приехать»: intention, not a passive
    if _hypothetical(analysis, index) or _animate_subject(tokens, index):
        return None
    start, tense = index, "past" if "past" in parse.tag else ("futr" if "futr" in parse.tag else "pres")
    if "INFN" in parse.tag:
        aux = _prev_word(tokens, index)
        if aux is None or _lemma(tokens[aux]) != "быть":
            return None
        start, tense = aux, "futr"
    base = lemma[:-2]
    verb = f"мы будем {base}" if "INFN" in parse.tag else _active_form(base, tense)
    start, end, text = _rewrite(analysis, start, index, verb)
    return Finding("passive_voice", tokens[start].start, tokens[end].end, suggestion=text)


def passive_findings(analysis: Analysis, context) -> list[Finding]:
    findings, reflexives = [], _data()["reflexive_passives"]
    for index, token in enumerate(analysis.tokens):
        if not _is_cyrillic(token):
            continue
        parse = morphology.best(token.lower)
        finding = None
        if "PRTS" in parse.tag and "pssv" in parse.tag:
            finding = _participle(analysis, index, parse)
        elif parse.normal_form in reflexives and ("VERB" in parse.tag or "INFN" in parse.tag):
            finding = _reflexive(analysis, index, parse)
        if finding:
            findings.append(finding)
    return findings
