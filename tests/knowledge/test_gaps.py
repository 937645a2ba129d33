"""Gap detection: unanswered questions grouped into articles we are missing, on a staff page."""

from django.urls import reverse

from humandesk.knowledge import services
from humandesk.knowledge.models import GapStatus, KnowledgeGap, QuestionSource


def test_similar_questions_join_one_gap(workspace):
    """Rewordings of a question count together; an unrelated question starts its own gap."""
    first = services.record_unanswered(workspace, "доставка в Казахстан", "ru", QuestionSource.BOT)
    second = services.record_unanswered(workspace, "Доставляете в Казахстан?", "ru", QuestionSource.BOT)
    other = services.record_unanswered(workspace, "вакансии в Тундре", "ru", QuestionSource.BOT)
    assert first.gap_id == second.gap_id != other.gap_id
    gap = KnowledgeGap.objects.get(pk=first.gap_id)
    assert gap.question_count == 2 and gap.title == "доставка в Казахстан"


def test_questions_without_words_are_not_gaps(workspace):
    """Empty, punctuation-only or stopword-only messages are not missing articles."""
    for text in ("", "   ", "???", "и а в", None):
        assert services.record_unanswered(workspace, text, "ru", QuestionSource.BOT) is None
    assert not KnowledgeGap.objects.exists()


def test_unknown_language_and_source_fall_back(workspace):
    """Bad input from a caller is cleaned instead of stored: the workspace language, the bot."""
    question = services.record_unanswered(workspace, "alquiler de kayaks " + "x" * 5000, "xx", "nonsense")
    assert question.lang == workspace.default_language and question.source == QuestionSource.BOT
    assert len(question.text) <= 1000


def test_gap_page_lists_gaps_by_count_with_a_draft_link(client, anna, workspace, other_workspace):
    """Most-asked first, with examples and a link to the editor prefilled with the question;
    another workspace's gaps never show."""
    for text in ("есть скидка для пенсионеров", "скидки пенсионерам есть?"):
        services.record_unanswered(workspace, text, "ru", QuestionSource.BOT)
    services.record_unanswered(workspace, "вакансии в Тундре", "ru", QuestionSource.AGENT)
    services.record_unanswered(other_workspace["workspace"], "secret gap of the other workspace", "en", QuestionSource.BOT)
    client.force_login(anna)
    page = client.get(reverse("knowledge:gaps")).content.decode()
    assert page.index("скидки пенсионерам есть?") < page.index("вакансии в Тундре")
    assert "secret gap" not in page
    gap = KnowledgeGap.objects.get(workspace=workspace, title="есть скидка для пенсионеров")
    draft = client.get(reverse("knowledge:manage_create"), {"title": gap.title, "lang": "ru"}).content.decode()
    assert 'value="есть скидка для пенсионеров"' in draft


def test_only_leads_dismiss_gaps(client, anna, olga, workspace, other_workspace):
    """An agent gets 403; a lead hides the gap; another workspace's gap is 404."""
    question = services.record_unanswered(workspace, "ремонт лодочного мотора", "ru", QuestionSource.BOT)
    foreign = services.record_unanswered(other_workspace["workspace"], "boat engine repair", "en", QuestionSource.BOT)
    url = reverse("knowledge:gap_dismiss", args=[question.gap_id])
    client.force_login(anna)
    assert client.post(url).status_code == 403
    client.force_login(olga)
    assert client.post(reverse("knowledge:gap_dismiss", args=[foreign.gap_id])).status_code == 404
    assert client.post(url).status_code == 302
    assert KnowledgeGap.objects.get(pk=question.gap_id).status == GapStatus.DISMISSED
    assert "ремонт лодочного мотора" not in client.get(reverse("knowledge:gaps")).content.decode()
    assert KnowledgeGap.objects.get(pk=foreign.gap_id).status == GapStatus.OPEN
