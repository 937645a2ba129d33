"""What the bot says, in the customer's language, and how an article becomes chat steps.

Product copy per language (ru first, then es and en), like the widget's own strings: the bot
speaks the customer's language, not the UI language of whoever runs the server.
"""

import re

from django.utils.translation import gettext as _

from humandesk.coach.engine.report import CoachInputError
from humandesk.coach.services import check_text_for_save

LANGUAGES = ("ru", "en", "es")
ANSWER_MAX_CHARS = 1200

COPY = {
    "ru": {
        "greeting": "Здравствуйте! Я бот «{company}». Напишите, что случилось, — подскажу, что делать. "
                    "Если удобнее с человеком, нажмите «Позвать человека».",
        "answer_intro": "Вот что поможет — «{title}»:",
        "did_it_help": "Это помогло?",
        "thanks": "Отлично, что всё получилось! Если появится ещё вопрос — пишите, я здесь.",
        "handover_team": "Передаю разговор коллегам из команды «{team}»",
        "handover_any": "Передаю разговор коллегам из поддержки",
        "handover_eta": " — обычно отвечаем в течение пары минут. Всё, что вы написали, они увидят.",
    },
    "en": {
        "greeting": "Hi! I'm the {company} bot. Tell me what happened and I'll tell you what to do. "
                    "If you'd rather talk to a person, press \"Talk to a person\".",
        "answer_intro": "Here's what should help — \"{title}\":",
        "did_it_help": "Did this help?",
        "thanks": "Glad it worked! If anything else comes up, just write — I'm here.",
        "handover_team": "I'm passing the conversation to my colleagues in the {team} team",
        "handover_any": "I'm passing the conversation to my colleagues in support",
        "handover_eta": " — we usually reply within a couple of minutes. They will see everything you wrote.",
    },
    "es": {
        "greeting": "¡Hola! Soy el bot de {company}. Cuéntame qué ha pasado y te digo qué hacer. "
                    "Si prefieres hablar con una persona, pulsa «Hablar con una persona».",
        "answer_intro": "Esto debería ayudarte — «{title}»:",
        "did_it_help": "¿Te ha servido?",
        "thanks": "¡Me alegro de que se haya resuelto! Si surge algo más, escríbeme: aquí estoy.",
        "handover_team": "Paso la conversación a mis compañeros del equipo «{team}»",
        "handover_any": "Paso la conversación a mis compañeros de soporte",
        "handover_eta": ": solemos responder en un par de minutos. Verán todo lo que has escrito.",
    },
}


def language(code: str | None) -> str:
    """One of the bot's languages for a code like "ru", "es-ES" or None (Russian first)."""
    code = (code or "").split("-")[0].lower()
    return code if code in LANGUAGES else "ru"


def say(lang: str, key: str, **values) -> str:
    return COPY[language(lang)][key].format(**values)


_LINK = re.compile(r"!?\[([^\]]*)\]\(([^)\s]*)[^)]*\)")
_EMPHASIS = re.compile(r"(\*\*|__|\*|_|`)(?=\S)(.+?)(?<=\S)\1")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s*")
_BULLET = re.compile(r"^\s*[-*+]\s+")
_NUMBERED = re.compile(r"^\s*(\d+)[.)]\s+")


def _plain_line(line: str) -> str:
    line = _LINK.sub(lambda m: f"{m.group(1)} ({m.group(2)})" if m.group(2) else m.group(1), line)
    line = _EMPHASIS.sub(r"\2", line)
    line = _HEADING.sub("", line)
    line = _NUMBERED.sub(r"\1. ", line)
    line = _BULLET.sub("• ", line)
    return line.replace(">", "", 1).strip() if line.lstrip().startswith(">") else line.rstrip()


def article_steps(markdown: str, limit: int = ANSWER_MAX_CHARS) -> str:
    """An article's Markdown as plain chat text (steps kept), cut at a paragraph near `limit`."""
    lines = [_plain_line(line) for line in (markdown or "").replace("\r\n", "\n").split("\n")]
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
    if len(text) <= limit:
        return text
    cut = text.rfind("\n", 0, limit)
    cut = cut if cut > limit // 2 else text.rfind(" ", 0, limit)
    return text[: cut if cut > 0 else limit].rstrip() + " …"


# The hours text is appended to the handover line, so it needs no greeting or next step of its own.
NOT_FOR_HOURS_TEXT = frozenset({"greeting_missing", "next_step_missing"})


def review(inbox) -> list[str]:
    """The coach's findings on an inbox's bot texts, as warnings to show whoever saved them."""
    warnings = []
    for label, text, skip in ((_("Bot greeting"), inbox.bot_greeting, frozenset()),
                              (_("Working-hours text"), inbox.bot_hours_text, NOT_FOR_HOURS_TEXT)):
        if not text.strip():
            continue
        try:
            report = check_text_for_save(inbox.workspace, text, inbox.language)
        except CoachInputError:
            continue
        for finding in report.findings:
            if finding.rule not in skip:
                hint = f" → {finding.suggestion}" if finding.suggestion else ""
                warnings.append(f"{label}: «{finding.text}» — {finding.message}{hint}")
    return warnings
