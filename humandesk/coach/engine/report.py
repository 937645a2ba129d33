"""What the reply checker takes in and gives back: context, findings, report, input errors."""

from dataclasses import dataclass, field

RULES = (
    "greeting_missing", "bureaucratese", "cliche", "passive_voice", "unsuitable_phrase", "blame",
    "bare_refusal", "next_step_missing", "apology_missing", "link_only", "name_overuse", "lecturing",
)
LANGUAGES = ("ru", "en", "es")
UNKNOWN = "unknown"


class CoachInputError(ValueError):
    """Input the checker refuses, with a machine code: `invalid_text`, `unsupported_language`."""

    def __init__(self, code: str, reason: str):
        super().__init__(reason)
        self.code = code
        self.reason = reason


@dataclass(frozen=True)
class GlossaryItem:
    """One team glossary line: a phrase to avoid and what to say instead."""

    unsuitable: str
    suitable: str
    note: str = ""


@dataclass(frozen=True)
class Context:
    """What the coach knows about the conversation the draft answers."""

    lang: str | None = None
    first_message: bool = False
    our_fault: bool = False
    customer_name: str = ""
    customer_message: str = ""
    # None: the default glossary of the reply's language; a tuple: exactly these entries.
    glossary: tuple[GlossaryItem, ...] | None = None
    # Language of the explanations (the agent's UI); None: the reply's language.
    ui_lang: str | None = None


@dataclass
class Finding:
    rule: str
    start: int
    end: int
    message: str = ""
    suggestion: str | None = None
    text: str = ""
    # Extra words for the explanation (a glossary note); not part of the contract.
    note: str = ""

    def to_dict(self) -> dict:
        return {"rule": self.rule, "start": self.start, "end": self.end, "text": self.text,
                "message": self.message, "suggestion": self.suggestion}


@dataclass
class Report:
    lang: str
    findings: list[Finding] = field(default_factory=list)
    score: int = 100
    # Characters actually analysed: huge drafts are cut, the report says so.
    analysed_chars: int = 0
    truncated: bool = False

    @property
    def rules(self) -> list[str]:
        """Rule ids found, unique, in order of first appearance."""
        return list(dict.fromkeys(f.rule for f in self.findings))

    def to_dict(self) -> dict:
        return {"lang": self.lang, "score": self.score, "rules": self.rules,
                "findings": [f.to_dict() for f in self.findings],
                "analysed_chars": self.analysed_chars, "truncated": self.truncated}
