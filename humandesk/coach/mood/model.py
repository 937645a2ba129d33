"""The fitted classifiers: built by `humandesk coach train-mood`, shipped in model/mood.joblib,
loaded lazily once per process. Run time never trains."""

import threading
from dataclasses import dataclass
from pathlib import Path

import numpy as np

MODEL_DIR = Path(__file__).resolve().parent / "model"
MODEL_FILE = "mood.joblib"
FORMAT_VERSION = 2
_lock = threading.Lock()
_loaded: dict[Path, "MoodModel"] = {}


class ModelMissing(RuntimeError):
    """The shipped model file is absent or from another format version: retrain it."""


@dataclass
class MoodModel:
    """Three views of a message — TF-IDF of char n-grams, TF-IDF of lemma/stem words + cues,
    and its multilingual sentence embedding — shared by two logistic regressions, one per
    output."""

    char_vectorizer: object
    word_vectorizer: object
    emotion: object
    situation: object
    info: dict
    # Char n-grams mostly carry topic; lemma words and cues carry tone: weigh them up.
    char_weight: float = 0.5
    word_weight: float = 2.0
    # The embedding carries tone across languages (a Russian "опять" teaches the Spanish
    # "otra vez"): on the dev split it lifted emotion macro-F1 from 0.83 to 0.90.
    embedding_weight: float = 2.0

    def features(self, prepared_items):
        from scipy.sparse import csr_matrix, hstack
        from sklearn import config_context

        from humandesk.core import embeddings

        # Input is ours and always finite: skip sklearn's per-call checks (a third of the time).
        with config_context(assume_finite=True, skip_parameter_validation=True):
            chars = self.char_vectorizer.transform([p.lowered for p in prepared_items])
            words = self.word_vectorizer.transform([p.word_features for p in prepared_items])
        vectors = embeddings.encode([p.snippet for p in prepared_items])
        return hstack([chars * self.char_weight, words * self.word_weight,
                       csr_matrix(vectors * self.embedding_weight)]).tocsr()

    def predict(self, prepared) -> tuple[dict[str, float], dict[str, float]]:
        """Probabilities per emotion and per situation for one prepared message."""
        matrix = self.features([prepared])
        return (_probabilities(self.emotion, matrix), _probabilities(self.situation, matrix))


def _probabilities(classifier, matrix) -> dict[str, float]:
    # Multinomial logistic regression: softmax of the linear scores, computed directly
    # because predict_proba's input checks cost more than the arithmetic for one row.
    scores = (matrix @ classifier.coef_.T).ravel() + classifier.intercept_
    scores = np.exp(scores - scores.max())
    row = scores / scores.sum()
    return {str(label): float(p) for label, p in zip(classifier.classes_, row, strict=True)}


def save(model: MoodModel, directory: Path) -> Path:
    import joblib

    directory.mkdir(parents=True, exist_ok=True)
    path = directory / MODEL_FILE
    payload = {"format": FORMAT_VERSION, "char": model.char_vectorizer, "word": model.word_vectorizer,
               "emotion": model.emotion, "situation": model.situation, "info": model.info,
               "weights": (model.char_weight, model.word_weight, model.embedding_weight)}
    joblib.dump(payload, path, compress=3)
    return path


def load(directory: Path | None = None) -> MoodModel:
    """The model in `directory` (default: the shipped one), loaded once and cached."""
    path = (directory or MODEL_DIR) / MODEL_FILE
    model = _loaded.get(path)
    if model is None:
        with _lock:
            model = _loaded.get(path) or _read(path)
            _loaded[path] = model
    return model


def _read(path: Path) -> MoodModel:
    import joblib

    if not path.exists():
        raise ModelMissing(f"{path} is missing: run `humandesk coach train-mood`")
    # Only our own file from inside the package is ever unpickled.
    payload = joblib.load(path)
    if payload.get("format") != FORMAT_VERSION:
        raise ModelMissing(f"{path} has format {payload.get('format')}, expected {FORMAT_VERSION}")
    return MoodModel(payload["char"], payload["word"], payload["emotion"], payload["situation"],
                     payload["info"], *payload["weights"])


def forget() -> None:
    """Drop cached models (after retraining in the same process)."""
    with _lock:
        _loaded.clear()


def top(probabilities: dict[str, float]) -> tuple[str, float]:
    labels = list(probabilities)
    best = int(np.argmax([probabilities[label] for label in labels]))
    return labels[best], probabilities[labels[best]]
