"""`humandesk kb search|eval|import|reindex`: the knowledge base from the command line."""

import json
import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from humandesk.accounts.models import Workspace
from humandesk.core.database import ensure_migrated
from humandesk.knowledge import evaluation, services
from humandesk.knowledge.search import indexer

ARTICLE_FIELDS = ("id", "title")
QUERY_FIELDS = ("id", "query")
# (report key, column title)
METRIC_COLUMNS = (("queries", "queries"), ("mrr@5", "mrr@5"), ("recall@1", "recall@1"), ("recall@5", "recall@5"),
                  ("answer_accuracy", "answer_acc"), ("abstention_precision", "abst_P"),
                  ("abstention_recall", "abst_R"), ("abstention_f1", "abst_F1"))


class Command(BaseCommand):
    help = "Knowledge base: search or evaluate on JSONL files, import articles, rebuild the index."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        for name, text in (("search", "one JSON line of results per query"), ("eval", "MRR, recall, abstention")):
            p = sub.add_parser(name, help=text)
            p.add_argument("--articles", required=True, help="articles JSONL")
            p.add_argument("--queries", required=True, help="queries JSONL")
            p.add_argument("--synonyms", help="synonym groups JSON (default: synonyms.json next to the articles, if any)")
            if name == "eval":
                p.add_argument("--json", action="store_true", help="print the metrics as JSON")
        p = sub.add_parser("train-abstention", help="fit the answer/hand-over model on labelled queries")
        p.add_argument("--articles", required=True, help="articles JSONL")
        p.add_argument("--queries", required=True, help="labelled queries JSONL (never the test split)")
        p.add_argument("--synonyms", help="synonym groups JSON (default: synonyms.json next to the articles, if any)")
        p.add_argument("--out", help="where to write the model (default: the shipped abstention.json)")
        p = sub.add_parser("import", help="load articles (JSONL) into a workspace, published")
        p.add_argument("file")
        p.add_argument("--workspace", required=True, help="workspace slug")
        p = sub.add_parser("reindex", help="rebuild a workspace's search index")
        p.add_argument("--workspace", required=True, help="workspace slug")

    def handle(self, *args, **options):
        try:
            return getattr(self, f"_{options['action'].replace('-', '_')}")(options)
        except evaluation.EvaluationInputError as exc:
            raise CommandError(str(exc)) from exc
        except services.ArticleError as exc:
            raise CommandError(exc.reason) from exc

    def _inputs(self, options) -> tuple[list[dict], list[dict], list[dict]]:
        articles = evaluation.read_jsonl(options["articles"], ARTICLE_FIELDS)
        queries = evaluation.read_jsonl(options["queries"], QUERY_FIELDS)
        path = options.get("synonyms") or Path(options["articles"]).with_name("synonyms.json")
        synonyms = evaluation.read_synonyms(path) if options.get("synonyms") or Path(path).exists() else []
        return articles, queries, synonyms

    def _run(self, options) -> tuple[list[dict], list[dict]]:
        articles, queries, synonyms = self._inputs(options)
        ensure_migrated(self.stderr)
        started = time.perf_counter()
        with evaluation.scratch_workspace(articles, synonyms) as workspace:
            loaded = time.perf_counter()
            outputs = evaluation.run_queries(workspace, queries)
        done = time.perf_counter()
        self.stderr.write(
            f"{len(articles)} articles indexed in {loaded - started:.1f} s; "
            f"{len(queries)} queries in {done - loaded:.2f} s"
        )
        return queries, outputs

    def _search(self, options):
        _queries, outputs = self._run(options)
        for line in outputs:
            self.stdout.write(json.dumps(line, ensure_ascii=False))

    def _eval(self, options):
        queries, outputs = self._run(options)
        result = evaluation.report(queries, outputs)
        if options["json"]:
            self.stdout.write(json.dumps(result, ensure_ascii=False, indent=2))
            return
        self.stdout.write(f"{'lang':<6}" + "".join(f"{title:>11}" for _key, title in METRIC_COLUMNS))
        for lang, row in result.items():
            self.stdout.write(f"{lang:<6}" + "".join(f"{row[key]:>11}" for key, _title in METRIC_COLUMNS))

    def _train_abstention(self, options):
        from humandesk.knowledge.search import answering, answering_training

        articles, queries, synonyms = self._inputs(options)
        ensure_migrated(self.stderr)
        x, y = answering_training.collect(articles, queries, synonyms)
        if len(set(y.tolist())) < 2:
            raise CommandError("the queries need both answerable ones and ones without an answer")
        fitted = answering_training.fit(x, y)
        out = Path(options.get("out") or answering.MODEL_FILE)
        out.write_text(json.dumps(fitted.to_json(), indent=2) + "\n", encoding="utf-8")
        answering.model.cache_clear()
        self.stdout.write(f"{len(y)} queries ({int(y.sum())} without an answer); threshold {fitted.threshold:.2f}; "
                          f"abstention F1 in-sample {answering_training.f1(y, fitted.hands_over(x)):.3f}, "
                          f"5-fold cross-validated {answering_training.cross_validated_f1(x, y):.3f}; written to {out}")

    def _workspace(self, slug: str) -> Workspace:
        workspace = Workspace.objects.filter(slug=slug).first()
        if workspace is None:
            raise CommandError(f"no workspace with slug {slug!r}")
        return workspace

    def _import(self, options):
        workspace = self._workspace(options["workspace"])
        records = evaluation.read_jsonl(options["file"], ARTICLE_FIELDS)
        saved = services.import_articles(workspace, records)
        self.stdout.write(f"{len(saved)} articles imported into {workspace.slug} and indexed")

    def _reindex(self, options):
        workspace = self._workspace(options["workspace"])
        count = indexer.rebuild_workspace(workspace.pk)
        self.stdout.write(f"{count} articles of {workspace.slug} reindexed")
