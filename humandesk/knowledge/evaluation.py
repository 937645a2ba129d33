"""Search evaluation on JSON Lines files (formats in docs/KNOWLEDGE.md and DESIGN.md).

Articles are loaded into a throw-away workspace inside a transaction that is rolled back,
so real workspaces are never touched.
"""

import json
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from django.db import transaction

from humandesk.accounts.models import Workspace
from humandesk.knowledge import services
from humandesk.knowledge.models import Article
from humandesk.knowledge.search import hybrid

AUDIENCES = ("customer", "operator")


class EvaluationInputError(ValueError):
    """A file that cannot be read as the documented format."""


def read_jsonl(path: str | Path, required: tuple[str, ...]) -> list[dict]:
    """Records of a JSON Lines file; blank lines skipped, every error names its line."""
    records = []
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise EvaluationInputError(f"{path}: cannot read ({exc})") from exc
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise EvaluationInputError(f"{path}:{number}: not JSON ({exc.msg})") from exc
        missing = [k for k in required if not isinstance(record, dict) or k not in record]
        if missing:
            raise EvaluationInputError(f"{path}:{number}: missing {', '.join(missing)}")
        records.append(record)
    return records


def read_synonyms(path: str | Path) -> list[dict]:
    """Synonym groups: a JSON list of {"lang": "ru" or "", "terms": [...]}."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise EvaluationInputError(f"{path}: cannot read synonyms ({exc})") from exc
    if not isinstance(data, list) or not all(isinstance(g, dict) and isinstance(g.get("terms"), list) for g in data):
        raise EvaluationInputError(f"{path}: expected a list of {{\"lang\", \"terms\"}} objects")
    return data


@contextmanager
def scratch_workspace(articles: list[dict], synonyms: list[dict] | None = None) -> Iterator[Workspace]:
    """A workspace holding the given articles that disappears (rollback) when the block ends."""
    with transaction.atomic():
        workspace = Workspace.objects.create(name="kb evaluation (discarded)", slug=f"kb-eval-{uuid.uuid4().hex[:12]}")
        try:
            for lang in sorted({g.get("lang", "") or "" for g in synonyms or []}):
                services.set_synonyms(workspace, [g["terms"] for g in synonyms if (g.get("lang") or "") == lang], lang)
            services.import_articles(workspace, articles)
            yield workspace
        finally:
            transaction.set_rollback(True)


def run_queries(workspace: Workspace, queries: list[dict]) -> list[dict]:
    """One output line per query: {"id", "results": [keys], "answer": key or null}."""
    keys = dict(Article.objects.filter(workspace=workspace).values_list("pk", "external_id"))
    out = []
    for query in queries:
        result = hybrid.search(workspace.pk, str(query.get("query") or ""), lang=str(query.get("lang") or "ru"),
                               audience=audience_of(query))
        out.append({
            "id": query.get("id"),
            "results": [keys.get(pk) or str(pk) for pk in result.article_ids],
            "answer": (keys.get(result.answer) or str(result.answer)) if result.answer else None,
        })
    return out


def audience_of(query: dict) -> str:
    """Who searches: an operator also sees internal articles; anything else is a customer."""
    return query.get("audience") if query.get("audience") in AUDIENCES else "customer"


def _ratio(num: float, den: float) -> float:
    return round(num / den, 4) if den else 0.0


def metrics(queries: list[dict], outputs: list[dict]) -> dict:
    """MRR@5, recall@1/@5 and answer accuracy on answerable queries; abstention P/R/F1."""
    rr = hit1 = hit5 = right_answer = 0.0
    answerable = no_answer = abstained_right = abstained_wrong = 0
    for query, output in zip(queries, outputs, strict=True):
        relevant = set(query.get("relevant") or [])
        abstained = output["answer"] is None
        if not relevant:
            no_answer += 1
            abstained_right += abstained
            continue
        answerable += 1
        abstained_wrong += abstained
        top = output["results"][:5]
        rank = next((i for i, key in enumerate(top, start=1) if key in relevant), None)
        rr += 1 / rank if rank else 0
        hit1 += rank == 1
        hit5 += rank is not None
        right_answer += output["answer"] in relevant
    precision = _ratio(abstained_right, abstained_right + abstained_wrong)
    recall = _ratio(abstained_right, no_answer)
    return {
        "queries": len(queries), "answerable": answerable, "no_answer": no_answer,
        "mrr@5": _ratio(rr, answerable), "recall@1": _ratio(hit1, answerable), "recall@5": _ratio(hit5, answerable),
        "answer_accuracy": _ratio(right_answer, answerable),
        "abstention_precision": precision, "abstention_recall": recall,
        "abstention_f1": round(2 * precision * recall / (precision + recall), 4) if precision + recall else 0.0,
    }


def report(queries: list[dict], outputs: list[dict]) -> dict:
    """Metrics overall and per query language."""
    result = {"all": metrics(queries, outputs)}
    for lang in sorted({str(q.get("lang") or "?") for q in queries}):
        pairs = [(q, o) for q, o in zip(queries, outputs, strict=True) if str(q.get("lang") or "?") == lang]
        result[lang] = metrics([q for q, _ in pairs], [o for _, o in pairs])
    return result
