"""The contract ids (docs DESIGN.md): never rename, only add."""

EMOTIONS = ("anger", "anxiety", "greed", "joy", "curiosity", "sociability", "aggression", "neutral")
SITUATIONS = (
    "service_failure", "price_question", "public_criticism", "trolling", "idea",
    "out_of_scope", "refund_return", "how_to", "compliment", "human_request",
)
LANGUAGES = ("ru", "en", "es")
UNKNOWN_LANGUAGE = "unknown"
