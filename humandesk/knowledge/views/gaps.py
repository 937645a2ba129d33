"""Staff page: articles we are missing, grouped from unanswered customer questions."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from humandesk.knowledge import services
from humandesk.knowledge.models import GapStatus, KnowledgeGap, UnansweredQuestion

MAX_GAPS_SHOWN = 100
EXAMPLES = 3


@login_required
def gap_list(request):
    """Open gaps of the workspace, most asked first, each with a few example questions."""
    gaps = list(
        KnowledgeGap.objects.filter(workspace_id=request.user.workspace_id, status=GapStatus.OPEN)
        .order_by("-question_count", "-last_asked_at")
        .prefetch_related(Prefetch("questions", queryset=UnansweredQuestion.objects.order_by("-created_at")))
        [:MAX_GAPS_SHOWN]
    )
    rows = [{"gap": gap, "examples": _examples(gap)} for gap in gaps]
    return render(request, "knowledge/manage_gaps.html", {"rows": rows, "can_dismiss": request.user.is_lead})


def _examples(gap: KnowledgeGap) -> list[str]:
    """Distinct wordings, newest first: the same question ten times is one example."""
    return list(dict.fromkeys(q.text for q in gap.questions.all()))[:EXAMPLES]


@login_required
@require_POST
def gap_dismiss(request, gap_id: int):
    """Hide a gap (leads and admins); another workspace's gap is 404."""
    gap = KnowledgeGap.objects.filter(workspace_id=request.user.workspace_id, pk=gap_id).first()
    if gap is None:
        raise Http404("No such gap")
    try:
        services.dismiss_gap(gap, request.user)
    except services.ArticleError as exc:
        raise PermissionDenied(exc.reason) from exc
    return redirect("knowledge:gaps")
