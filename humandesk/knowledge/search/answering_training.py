"""Fit the answer/hand-over model of answering.py on labelled queries, reproducibly.

Queries with an empty `relevant` list are the ones the bot must hand over on. Used by
`humandesk kb train-abstention`; scikit-learn is needed here only, never at run time.
"""

import numpy as np

from humandesk.knowledge import evaluation
from humandesk.knowledge.search import answering, hybrid

C = 1.0  # chosen by 5-fold cross-validation on the dev queries (docs/KNOWLEDGE.md)
THRESHOLDS = np.round(np.arange(0.2, 0.81, 0.02), 2)
SEED = 13


def collect(articles: list[dict], queries: list[dict], synonyms: list[dict]) -> tuple[np.ndarray, np.ndarray]:
    """Evidence rows and labels (1 = no answer) for every query the search finds anything for."""
    rows, labels = [], []
    with evaluation.scratch_workspace(articles, synonyms) as workspace:
        for query in queries:
            evidence = hybrid.rank(workspace.pk, str(query.get("query") or ""), lang=str(query.get("lang") or "ru"),
                                   audience=evaluation.audience_of(query)).evidence()
            if evidence:
                rows.append([evidence[name] for name in answering.FEATURES])
                labels.append(0 if query.get("relevant") else 1)
    return np.array(rows, dtype=float), np.array(labels)


def fit(x: np.ndarray, y: np.ndarray) -> answering.AbstentionModel:
    """Standardise, fit a balanced logistic regression, pick the threshold with the best F1."""
    from sklearn.linear_model import LogisticRegression

    mean, scale = x.mean(axis=0), x.std(axis=0) + 1e-9
    classifier = LogisticRegression(C=C, class_weight="balanced", max_iter=2000, random_state=SEED)
    classifier.fit((x - mean) / scale, y)
    p = classifier.predict_proba((x - mean) / scale)[:, 1]
    threshold = max(THRESHOLDS, key=lambda t: f1(y, p >= t))
    return answering.AbstentionModel(answering.FEATURES, mean, scale, classifier.coef_[0], float(classifier.intercept_[0]),
                                     float(threshold))


def cross_validated_f1(x: np.ndarray, y: np.ndarray, folds: int = 5) -> float:
    """Abstention F1 of models fitted without the fold they predict."""
    from sklearn.model_selection import StratifiedKFold

    predicted = np.zeros(len(y), dtype=bool)
    for train, held_out in StratifiedKFold(folds, shuffle=True, random_state=SEED).split(x, y):
        predicted[held_out] = fit(x[train], y[train]).hands_over(x[held_out])
    return f1(y, predicted)


def f1(y: np.ndarray, predicted: np.ndarray) -> float:
    tp = int(np.sum((y == 1) & predicted))
    fp, fn = int(np.sum((y == 0) & predicted)), int(np.sum((y == 1) & ~predicted))
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0
