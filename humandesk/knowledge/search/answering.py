"""Whether the best article answers the question (the bot replies with it) or not (the bot
hands over): a small logistic model over the evidence the search already has.

The hard cases are near misses: «доставка дроном», "student discount", «прокат автодомов».
The base knows the general word (delivery, discount, rental) and has a good article about
it, so the top score looks confident, but the word that says what the question is *about*
is one the base never uses. The evidence below tells such questions from paraphrases that
also use words the base never uses («передумал, как отдать покупку назад»):

- `drop`: how much of the top article's similarity comes from the unknown words. Embed the
  question without them; if the article is as close to that as to the whole question, the
  unknown words added nothing the article covers (a near miss). A paraphrase loses its
  meaning without them.
- `unknown` (idf share of words no article uses), `keyword` coverage of the top article,
  `known_coverage` (keyword coverage of the words the base does know), their product,
  `title` share, question length, best semantic similarity, the top score and whether the
  article is in the reader's language.

The coefficients are data (`abstention.json`), fitted by `humandesk kb train-abstention` on
the development queries; run time is a dot product.
"""

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from humandesk.knowledge.search import scoring, semantic
from humandesk.knowledge.search.query import ParsedQuery
from humandesk.knowledge.search.snapshot import Snapshot

MODEL_FILE = Path(__file__).with_name("abstention.json")
FEATURES = ("score", "keyword", "unknown", "title", "length", "keyword_unknown", "best_semantic",
            "same_language", "known_coverage", "drop")


@dataclass(frozen=True)
class AbstentionModel:
    features: tuple[str, ...]
    mean: np.ndarray
    scale: np.ndarray
    coef: np.ndarray
    intercept: float
    threshold: float  # hand over when P(no answer) >= threshold

    def p_no_answer(self, evidence: dict[str, float]) -> float:
        x = (np.array([evidence[name] for name in self.features]) - self.mean) / self.scale
        return 1.0 / (1.0 + math.exp(-(float(x @ self.coef) + self.intercept)))

    def hands_over(self, rows: np.ndarray) -> np.ndarray:
        """For a matrix of evidence rows in `features` order: True where the bot hands over."""
        z = ((rows - self.mean) / self.scale) @ self.coef + self.intercept
        return 1.0 / (1.0 + np.exp(-z)) >= self.threshold

    def to_json(self) -> dict:
        return {"features": list(self.features), "mean": self.mean.round(6).tolist(),
                "scale": self.scale.round(6).tolist(), "coef": self.coef.round(6).tolist(),
                "intercept": round(self.intercept, 6), "threshold": round(self.threshold, 4)}


@lru_cache(maxsize=1)
def model(path: Path = MODEL_FILE) -> AbstentionModel:
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    return AbstentionModel(tuple(data["features"]), np.array(data["mean"]), np.array(data["scale"]),
                           np.array(data["coef"]), float(data["intercept"]), float(data["threshold"]))


def evidence(parsed: ParsedQuery, snap: Snapshot, top, similarity: np.ndarray, lang: str) -> dict[str, float]:
    """The features of FEATURES for the top hit; `similarity` holds -1 for hidden articles."""
    unknown = unknown_share(parsed, snap)
    position = snap.position()[top.article_id]
    return {
        "score": top.score, "keyword": top.keyword, "unknown": unknown, "title": top.title,
        "length": math.log1p(len(parsed.groups)), "keyword_unknown": top.keyword * unknown,
        "best_semantic": float(similarity.max()) if len(similarity) else 0.0,
        "same_language": float(snap.langs[position] == lang),
        "known_coverage": top.keyword / max(1e-3, 1 - unknown) if unknown < 1 else 0.0,
        "drop": _drop(parsed, snap, position, top.semantic),
    }


def unknown_share(parsed: ParsedQuery, snap: Snapshot) -> float:
    """The share of the query's idf weight carried by words no article of the base uses."""
    weights = scoring.group_weights(parsed, snap)
    total = sum(weights)
    return sum(w for g, w in zip(parsed.groups, weights, strict=True) if not g.known) / total if total else 0.0


def _drop(parsed: ParsedQuery, snap: Snapshot, position: int, similarity: float) -> float:
    """Top similarity minus the similarity of the question without its unknown words."""
    if all(g.known for g in parsed.groups):
        return 0.0
    known = " ".join(g.word for g in parsed.groups if g.known)
    if not known:
        return similarity
    return similarity - float((snap.passages_of(position) @ semantic.encode_query(known)).max())
