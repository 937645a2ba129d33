"""The analysed form of an article: stems per field, vocabulary words, passages to embed."""

from dataclasses import dataclass

from humandesk.knowledge.search import analysis, semantic

MIN_VOCABULARY_CHARS = 3
MAX_BODY_CHARS = 20_000  # longer bodies add little to search and a lot to indexing time


@dataclass
class PreparedDocument:
    article_id: int
    workspace_id: int
    lang: str
    is_public: bool
    title_terms: str
    tag_terms: str
    body_terms: str
    title_text: str  # normalised words, for PostgreSQL's own configurations
    tag_text: str
    body_text: str
    words: set[str]
    passages: list[str]


def prepare(article) -> PreparedDocument:
    """Analyse one article (any object with the Article fields)."""
    tags = [t for t in (article.tags or []) if isinstance(t, str)]
    body = (article.body_markdown or "")[:MAX_BODY_CHARS]
    fields = {"title": article.title or "", "tags": " ".join(tags), "body": body}
    words = {
        w for text in fields.values() for w in analysis.tokens(text)
        if len(w) >= MIN_VOCABULARY_CHARS and not w.isdigit() and not analysis.is_stopword(w)
    }
    return PreparedDocument(
        article_id=article.pk, workspace_id=article.workspace_id, lang=article.lang,
        is_public=article.visibility == "public",
        title_terms=" ".join(analysis.document_terms(fields["title"], article.lang)),
        tag_terms=" ".join(analysis.document_terms(fields["tags"], article.lang)),
        body_terms=" ".join(analysis.document_terms(fields["body"], article.lang)),
        title_text=" ".join(analysis.tokens(fields["title"])),
        tag_text=" ".join(analysis.tokens(fields["tags"])),
        body_text=" ".join(analysis.tokens(fields["body"])),
        words=words,
        passages=semantic.passages(article.title or "", tags, body),
    )
