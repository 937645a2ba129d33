"""The shared sentence encoder: shapes, normalisation, and one space for three languages."""

import numpy as np

from humandesk.core import embeddings


def test_rows_are_unit_length_float32_and_blank_text_is_allowed():
    vectors = embeddings.encode(["Где мой заказ?", "", "¿Dónde está mi pedido?"])
    assert vectors.shape == (3, embeddings.DIM)
    assert vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)


def test_no_texts_give_an_empty_matrix():
    assert embeddings.encode([]).shape == (0, embeddings.DIM)


def test_a_question_is_closer_to_its_translation_than_to_another_topic():
    ru, en, other = embeddings.encode(["Когда привезут мой заказ?", "When will my order arrive?",
                                       "Какая погода будет в горах?"])
    assert float(ru @ en) > float(ru @ other) + 0.1


def test_batches_give_the_same_vectors_as_one_call():
    texts = [f"сообщение номер {i}" for i in range(5)]
    assert np.allclose(embeddings.encode(texts, batch=2), embeddings.encode(texts), atol=1e-5)
