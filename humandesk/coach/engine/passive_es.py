"""Spanish passive voice: ser/estar + participio and the «se» pasiva refleja that hides who acts.

Flagged: «fue enviado», «será resuelto», «ha sido cancelado», «está procesado»,
«se ha enviado su pedido», «se le reembolsará». Not flagged: adjectival participles
(«estamos cerrados», «está incluido», «estoy interesado»), a named third-party actor
(«por la mensajería»), «se lo envío» (there «se» stands for «le»), and hypotheses («si …»).
"""

import functools
import re

from humandesk.coach.engine import lexicon
from humandesk.coach.engine.analysis import Analysis, Token
from humandesk.coach.engine.report import Finding

_PARTICIPLE = re.compile(r"\w{2,}(?:ad|id|íd)(?:o|a|os|as)$")
_PRONOUN = {"o": "lo", "a": "la", "os": "los", "as": "las"}
_TIME_WORDS = frozenset({"mañana", "tarde", "noche", "semana", "mes", "momento", "ahora", "vez"})
_ARTICLES = frozenset({"el", "la", "los", "las", "un", "una", "su", "sus", "este", "esta", "nuestro", "nuestra"})


@functools.cache
def _data() -> dict:
    raw = lexicon.load("es", "passive")
    return {k: (frozenset(v) if isinstance(v, list) else v) for k, v in raw.items()}


def _masculine(word: str) -> str:
    """«enviadas» → «enviado», «resuelta» → «resuelto»."""
    if word.endswith("os"):
        return word[:-1]
    if word.endswith("as"):
        return word[:-2] + "o"
    if word.endswith("a"):
        return word[:-1] + "o"
    return word


def _is_participle(word: str) -> bool:
    base = _masculine(word)
    if base in _data()["irregular"]:
        return True
    return bool(_PARTICIPLE.match(word)) and word not in _data()["not_participles"] \
        and base not in _data()["not_participles"]


def infinitive(participle: str) -> str:
    base = _masculine(participle)
    data = _data()
    if base in data["irregular"]:
        return data["irregular"][base]
    if base in data["er_ir"]:
        return data["er_ir"][base]
    return base[:-3] + "ar" if base.endswith("ado") else base[:-3] + "ir"


def conjugate(inf: str, tense: str) -> str:
    """First person plural: «enviar» → enviamos / enviaremos / hemos enviado."""
    data, stem, group = _data(), inf[:-2], inf[-2:]
    if tense == "future":
        return data["irregular_futures"].get(inf, inf + "emos")
    if tense == "conditional":
        return inf + "íamos"
    if tense == "preterite":
        return data["irregular_preterites"].get(inf, stem + ("amos" if group == "ar" else "imos"))
    return stem + {"ar": "amos", "er": "emos"}.get(group, "imos")


def _hypothetical(analysis: Analysis, index: int) -> bool:
    first = analysis.sentences[analysis.tokens[index].sent][0]
    return any(t.lower in {"si", "quizá", "quizás", "posiblemente"} for t in analysis.tokens[first:index])


def _capitalize(analysis: Analysis, start: int, text: str) -> str:
    first = analysis.sentences[analysis.tokens[start].sent][0]
    if all(t.kind != "word" for t in analysis.tokens[first:start]):
        return text[:1].upper() + text[1:]
    return text


def _ser_tense(aux: str, perfect: bool) -> str:
    if perfect:
        return "perfect"
    if aux in {"fue", "fueron", "era", "eran", "estuvo", "estuvieron", "fuera", "fueran"}:
        return "preterite"
    if aux in {"será", "serán", "estará", "estarán"}:
        return "future"
    if aux in {"sería", "serían"}:
        return "conditional"
    if aux in {"está", "están", "estaba", "estaban"}:
        return "perfect"  # «está enviado»: a finished action reported as a state
    return "present"


def _agent(tokens: list[Token], index: int) -> str:
    """'ours' for «por nosotros», 'other' for «por la mensajería», '' when none."""
    if index + 2 >= len(tokens) or tokens[index + 1].lower != "por":
        return ""
    nxt = tokens[index + 2].lower
    if nxt in _data()["actor_words"]:
        return "ours"
    if nxt in _ARTICLES and (index + 3 >= len(tokens) or tokens[index + 3].lower not in _TIME_WORDS):
        return "other"
    return ""


def _ser_passive(analysis: Analysis, i: int) -> Finding | None:
    tokens, data = analysis.tokens, _data()
    aux = tokens[i].lower
    if aux not in data["ser_forms"] and aux not in data["estar_forms"]:
        return None
    start = i
    perfect = aux == "sido" and i > 0 and tokens[i - 1].lower in data["haber_forms"]
    if aux == "sido" and not perfect:
        return None
    start = i - 1 if perfect else i
    j = i + 1
    while j < len(tokens) and tokens[j].kind == "word" and tokens[j].lower in data["skip_between"]:
        j += 1
    if j >= len(tokens) or tokens[j].kind != "word" or tokens[j].sent != tokens[i].sent:
        return None
    word = tokens[j].lower
    if not _is_participle(word) or _masculine(word) in data["adjectival"] or word in data["adjectival"]:
        return None
    agent = _agent(tokens, j)
    if agent == "other" or _hypothetical(analysis, i):
        return None
    negated = start > 0 and tokens[start - 1].lower == "no"
    start = start - 1 if negated else start
    tense = _ser_tense(aux, perfect)
    inf = infinitive(word)
    verb = f"hemos {_masculine(word)}" if tense == "perfect" else conjugate(inf, tense)
    ending = next((e for e in ("os", "as", "o", "a") if word.endswith(e)), "o")
    text = " ".join(["no"] * negated + [_PRONOUN[ending], verb])
    end = j + 2 if agent == "ours" else j
    return Finding("passive_voice", tokens[start].start, tokens[end].end,
                   suggestion=_capitalize(analysis, start, text))


def _se_verb(word: str) -> str | None:
    for inf, stems in _data()["se_verbs"].items():
        for stem in stems:
            if word.startswith(stem) and len(word) > len(stem):
                rest = word[len(stem):]
                if not rest.endswith(("mos", "é")) and rest not in {"o"}:
                    return inf
    return None


def _se_tense(word: str, haber: bool, periphrastic: bool) -> str:
    if periphrastic:
        return "periphrastic"
    if haber:
        return "perfect"
    if word.endswith(("rá", "rán")):
        return "future"
    if word.endswith(("ó", "aron", "ieron", "ió")):
        return "preterite"
    return "present"


def _se_passive(analysis: Analysis, i: int) -> Finding | None:
    tokens, data = analysis.tokens, _data()
    if tokens[i].lower != "se" or (i > 0 and tokens[i - 1].lower in {"usted", "él", "ella", "cliente", "tú", "ustedes"}):
        return None
    k, clitic, haber, periphrastic = i + 1, "", False, False
    if k < len(tokens) and tokens[k].lower in {"lo", "la", "los", "las"}:
        return None  # «se lo envío»: here «se» is «le», the verb names us
    if k < len(tokens) and tokens[k].lower in {"le", "les"}:
        clitic, k = tokens[k].lower, k + 1
    if k < len(tokens) and tokens[k].lower in data["haber_forms"]:
        haber, k = True, k + 1
    elif k + 1 < len(tokens) and tokens[k].lower in {"va", "van"} and tokens[k + 1].lower == "a":
        periphrastic, k = True, k + 2
    if k >= len(tokens) or tokens[k].kind != "word" or tokens[k].sent != tokens[i].sent:
        return None
    word = tokens[k].lower
    inf = _se_verb(word)
    if inf is None or _hypothetical(analysis, i):
        return None
    tense = _se_tense(word, haber, periphrastic)
    verb = {"perfect": f"hemos {word}", "periphrastic": f"vamos a {inf}"}.get(tense) or conjugate(inf, tense)
    text = f"{clitic} {verb}".strip()
    return Finding("passive_voice", tokens[i].start, tokens[k].end, suggestion=_capitalize(analysis, i, text))


def passive_findings(analysis: Analysis, context) -> list[Finding]:
    findings = []
    for index, token in enumerate(analysis.tokens):
        if token.kind == "word":
            finding = _ser_passive(analysis, index) or _se_passive(analysis, index)
            if finding:
                findings.append(finding)
    return findings
