"""Fit the mood model on our labelled messages, reproducibly (fixed seeds, sorted input)."""

from pathlib import Path

import numpy as np

from humandesk.coach.mood import features, model
from humandesk.coach.mood.dataset import DATA_DIR, read_split

# Chosen on the dev split (see docs/MOOD.md); the test split is never used for tuning.
CHAR_NGRAMS = (2, 5)
WORD_NGRAMS = (1, 2)
C_EMOTION = 3.0
C_SITUATION = 3.0
CHAR_WEIGHT = 0.8
WORD_WEIGHT = 2.0
EMBEDDING_WEIGHT = 2.0
SEED = 13


def prepare_rows(rows: list[dict]) -> list:
    return [features.prepare(row["text"], row["lang"]) for row in rows]


def fit(rows: list[dict]) -> model.MoodModel:
    """Train both classifiers on `rows` and return the model (not saved)."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    rows = sorted(rows, key=lambda r: r["id"])
    prepared = prepare_rows(rows)
    char_vectorizer = TfidfVectorizer(analyzer="char_wb", ngram_range=CHAR_NGRAMS, sublinear_tf=True,
                                      min_df=1, dtype=np.float32)
    word_vectorizer = TfidfVectorizer(analyzer="word", ngram_range=WORD_NGRAMS, sublinear_tf=True,
                                      token_pattern=r"\S+", lowercase=False, dtype=np.float32)  # noqa: S106
    char_vectorizer.fit([p.lowered for p in prepared])
    word_vectorizer.fit([p.word_features for p in prepared])
    fitted = model.MoodModel(char_vectorizer, word_vectorizer, None, None, {}, CHAR_WEIGHT, WORD_WEIGHT, EMBEDDING_WEIGHT)
    matrix = fitted.features(prepared)
    classifiers = {}
    for target, c in (("emotion", C_EMOTION), ("situation", C_SITUATION)):
        classifier = LogisticRegression(C=c, class_weight="balanced", max_iter=5000, random_state=SEED)
        classifier.fit(matrix, [row[target] for row in rows])
        classifiers[target] = classifier
    fitted.emotion, fitted.situation = classifiers["emotion"], classifiers["situation"]
    fitted.info = {"messages": len(rows), "languages": sorted({r["lang"] for r in rows}),
                   "char_features": len(char_vectorizer.vocabulary_),
                   "word_features": len(word_vectorizer.vocabulary_)}
    return fitted


def train(data_dir: Path | None = None, out_dir: Path | None = None):
    """Fit on train, score on dev, refit on train+dev and save. Returns (path, dev predictions)."""
    data_dir = Path(data_dir or DATA_DIR)
    train_rows, dev_rows = read_split(data_dir, "train"), read_split(data_dir, "dev")
    dev_model = fit(train_rows)
    predictions = [_predict(dev_model, p) for p in prepare_rows(dev_rows)]
    final = fit(train_rows + dev_rows)
    final.info["trained_on"] = ["train", "dev"]
    path = model.save(final, Path(out_dir or model.MODEL_DIR))
    model.forget()
    return path, dev_rows, predictions


def _predict(fitted: model.MoodModel, prepared) -> dict:
    from humandesk.coach.mood.analyzer import decide

    emotions, situations = fitted.predict(prepared)
    return decide(prepared, emotions, situations)
