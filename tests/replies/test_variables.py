"""Rendering canned replies: an allow-list of variables substituted as plain text, nothing else."""

from types import SimpleNamespace

from humandesk.replies.variables import render_reply, unknown_variables, values_for

IVAN = SimpleNamespace(name="Иван Петров", first_name="Иван")
ANNA = SimpleNamespace(name="Анна Смирнова", first_name="")
CONVERSATION = SimpleNamespace(pk=42)


def _render(text, contact=IVAN, agent=ANNA, conversation=CONVERSATION):
    return render_reply(text, values_for(contact=contact, agent=agent, conversation=conversation))


def test_allowed_variables_are_substituted_with_or_without_spaces():
    """Every allow-listed variable gets its value, however the braces are spaced."""
    text = "{{contact.first_name}}, {{ contact.name }} · {{  agent.name }} ({{ agent.first_name }}) #{{ conversation.id }}"
    rendered = _render(text)
    assert rendered.text == "Иван, Иван Петров · Анна Смирнова (Анна) #42"
    assert rendered.unresolved == ()


def test_unknown_variables_stay_visible_and_are_reported():
    """A variable off the list is left exactly as written, and the save check names it."""
    text = "Привет, {{ contact.email }} и {{ contact.first_name }}"
    assert _render(text).text == "Привет, {{ contact.email }} и Иван"
    assert unknown_variables(text + " {{ contact.email }} {{ agent.phone }}") == ["contact.email", "agent.phone"]


def test_template_engine_syntax_is_never_evaluated():
    """Django template syntax in a reply is text: tags, filters and settings stay literal."""
    text = "{% load static %}{{ settings.SECRET_KEY }} {% debug %} {{ contact.first_name|upper }} {# c #}"
    assert _render(text).text == text
    assert unknown_variables(text) == ["settings.SECRET_KEY"]


def test_substituted_values_are_not_read_again_for_variables():
    """A contact whose name looks like a variable keeps that name: one pass, no injection."""
    tricky = SimpleNamespace(name="{{ agent.name }} <script>", first_name="{{ agent.name }}")
    rendered = _render("Hi {{ contact.first_name }}, I'm {{ agent.first_name }}", contact=tricky)
    assert rendered.text == "Hi {{ agent.name }}, I'm Анна"


def test_missing_values_leave_the_variable_for_the_agent_to_fill_in():
    """Without a conversation (or with a nameless contact) the variable stays, listed as unresolved."""
    nameless = SimpleNamespace(name="", first_name="")
    rendered = _render("Здравствуйте, {{ contact.first_name }}! Чат #{{ conversation.id }}", contact=nameless,
                       conversation=None)
    assert rendered.text == "Здравствуйте, {{ contact.first_name }}! Чат #{{ conversation.id }}"
    assert rendered.unresolved == ("contact.first_name", "conversation.id")
