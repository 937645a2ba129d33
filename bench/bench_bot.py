"""First-line bot answer latency: from a customer's question to the bot's reply stored.

    python -m bench.bench_bot              # every customer query of the evaluation files
    python -m bench.bench_bot --rounds 2   # each query twice (the second hits warm caches)

A throw-away SQLite database with the demo workspace; the 65 evaluation articles are
imported into it and the demo widget inbox gets the bot. Each question opens a new
conversation and goes through what the widget socket does: store the customer message
(`post_customer_message`), then `bot.widget.after_customer_message` (mood reading, search,
the answer or the hand-over stored). Query embeddings are not cached between questions.
"""

import argparse
import json
import sys
import time
from pathlib import Path

from bench import setup_env

DATA = Path(__file__).resolve().parent.parent / "humandesk" / "knowledge" / "eval_data"


def _prepare():
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)
    call_command("demo", verbosity=0)
    from humandesk.demo.personas import WIDGET_KEY
    from humandesk.inboxes.models import Inbox
    from humandesk.knowledge import services

    inbox = Inbox.objects.get(public_key=WIDGET_KEY)
    inbox.bot_enabled = True
    inbox.save(update_fields=["bot_enabled"])
    records = [json.loads(line) for line in (DATA / "articles.jsonl").read_text(encoding="utf-8").splitlines() if line]
    services.import_articles(inbox.workspace, records)
    return inbox


def _questions() -> list[str]:
    rows = [json.loads(line) for name in ("queries_dev.jsonl", "queries_test.jsonl")
            for line in (DATA / name).read_text(encoding="utf-8").splitlines() if line.strip()]
    return [r["query"] for r in rows if (r.get("audience") or "customer") == "customer"]


def measure(inbox, questions: list[str], rounds: int) -> tuple[list[float], dict[str, int]]:
    from humandesk.bot import widget
    from humandesk.contacts.models import Contact
    from humandesk.conversations import services
    from humandesk.knowledge.search import semantic

    contact = Contact.objects.filter(workspace=inbox.workspace).first()
    samples, states = [], {}
    for _ in range(rounds):
        for question in questions:
            conversation = services.start_conversation(inbox, contact)
            semantic.encode_query.cache_clear()
            started = time.perf_counter()
            message, _ = services.post_customer_message(conversation, question)
            frame = widget.after_customer_message(conversation.pk, message.seq)
            samples.append(time.perf_counter() - started)
            state = (frame or {}).get("state", "none")
            states[state] = states.get(state, 0) + 1
    return samples, states


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=1)
    args = parser.parse_args(argv)
    setup_env.use_temp_sqlite()
    inbox = _prepare()
    questions = _questions()
    measure(inbox, questions[:5], 1)  # load the encoder, the mood model and the snapshot
    samples, states = measure(inbox, questions, args.rounds)
    ms = [s * 1000 for s in samples]
    print(f"{'what':<44}{'n':>6}{'p50 ms':>9}{'p99 ms':>9}{'max ms':>9}")
    print(f"{'question -> bot reply stored (SQLite)':<44}{len(ms):>6}{setup_env.percentile(ms, 50):>9.1f}"
          f"{setup_env.percentile(ms, 99):>9.1f}{max(ms):>9.1f}")
    print("bot states after the question:", ", ".join(f"{k} {v}" for k, v in sorted(states.items())))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
