"""A small «Тундра» knowledge base, imported and indexed per test (a few ms after the first)."""

import pytest

ARTICLES = [
    {"id": "delivery", "lang": "ru", "title": "Сроки доставки по России", "category": "Доставка",
     "visibility": "public", "tags": ["доставка", "сроки"],
     "body": "Курьер привозит заказ по Москве за 1–2 дня, в регионы — за 3–10 дней. Трек-номер придёт в SMS."},
    {"id": "returns", "lang": "ru", "title": "Возврат товара", "category": "Возврат",
     "visibility": "public", "tags": ["возврат"],
     "body": "Вернуть товар можно в течение 30 дней, если он не был в использовании."},
    {"id": "warranty", "lang": "ru", "title": "Гарантия на снаряжение", "category": "Возврат",
     "visibility": "public", "tags": ["гарантия", "брак"],
     "body": "Гарантия на палатки — 2 года, на горелки — 1 год. Пришлите фото неисправности."},
    {"id": "stove", "lang": "ru", "title": "Безопасность газовой горелки", "category": "Снаряжение",
     "visibility": "public", "tags": ["горелка", "газ"],
     "body": "Не готовьте в закрытой палатке. Если товар сломался, смотрите статью про гарантию."},
    {"id": "laptop", "lang": "ru", "title": "Ноутбук для экспедиций", "category": "Снаряжение",
     "visibility": "public", "tags": ["электроника"],
     "body": "Защищённый ноутбук выдерживает мороз до минус 20 градусов."},
    {"id": "tariff", "lang": "ru", "title": "Тариф «Тундра Клуб»", "category": "Оплата",
     "visibility": "public", "tags": ["клуб"],
     "body": "Годовое членство даёт скидку 5% на всё снаряжение."},
    {"id": "sop-compensation", "lang": "ru", "title": "СОП: лимит компенсации оператора", "category": "Регламенты",
     "visibility": "internal", "tags": ["компенсация", "лимит"],
     "body": "Оператор может предложить компенсацию до 1 000 ₽ без согласования с руководителем."},
    {"id": "returns-en", "lang": "en", "title": "Returns", "category": "Returns",
     "visibility": "public", "tags": ["returns"],
     "body": "You can return unused items within 30 days of delivery."},
]


@pytest.fixture
def kb(workspace):
    """The workspace with ARTICLES published and indexed; returns {external id: Article}."""
    from humandesk.knowledge import services

    return {a.external_id: a for a in services.import_articles(workspace, ARTICLES)}


@pytest.fixture
def find(workspace):
    """search(query, **options) -> list of external ids, best first."""
    from humandesk.knowledge.models import Article
    from humandesk.knowledge.search import hybrid

    def run(query, **options):
        result = hybrid.search(workspace.pk, query, **options)
        keys = dict(Article.objects.filter(pk__in=result.article_ids).values_list("pk", "external_id"))
        run.last = result
        return [keys[pk] for pk in result.article_ids]

    return run
