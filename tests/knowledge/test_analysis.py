"""Normalisation shared by indexing and search."""

from humandesk.knowledge.search import analysis


def test_russian_word_forms_share_one_stem():
    """«доставка», «доставки», «доставкой» match each other."""
    stems = {analysis.stem(w, "ru") for w in ("доставка", "доставки", "доставкой", "доставку")}
    assert len(stems) == 1


def test_yo_is_folded_to_ye():
    """«шёл» and «шел» are the same word to search."""
    assert analysis.tokens("Шёл ЁЖ") == ["шел", "еж"]


def test_latin_words_lose_accents_but_cyrillic_keeps_short_i():
    """«envío» = «envio», while «й» stays «й»."""
    assert analysis.tokens("Envío рейс") == ["envio", "рейс"]
    assert len({analysis.stem(w, "es") for w in analysis.tokens("garantía garantia")}) == 1


def test_a_latin_query_word_is_tried_in_english_and_spanish():
    """A query word may match an English or a Spanish article."""
    assert analysis.query_stems("returns") >= {analysis.stem("returns", "en")}
    assert analysis.stem("devoluciones", "es") in analysis.query_stems("devoluciones")


def test_stopwords_are_dropped_from_queries():
    """Function and question words do not count as topic words."""
    assert analysis.query_words("Когда и как вернуть палатку?") == ["вернуть", "палатку"]


def test_query_size_is_bounded():
    """A 10,000-character query is cut to a bounded number of words."""
    words = analysis.query_words("слово" + " другое".join(str(i) for i in range(3000)))
    assert 0 < len(words) <= analysis.MAX_QUERY_TOKENS


def test_syntax_characters_never_become_tokens():
    """FTS and SQL syntax characters are not part of any token."""
    assert analysis.tokens('"* NEAR(a b) -c :d \'; DROP TABLE x; --') == ["near", "a", "b", "c", "d", "drop", "table", "x"]
