"""Errors analyze_message raises; all are ValueError so callers can catch one thing."""


class MoodError(ValueError):
    """The message cannot be analysed; `code` says why."""

    code = "invalid"


class EmptyMessage(MoodError):
    code = "empty"


class NotText(MoodError):
    code = "not_text"


class UnsupportedLanguage(MoodError):
    code = "unsupported_language"
