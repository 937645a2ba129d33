from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/", include("humandesk.api.urls")),
    path("coach/", include("humandesk.coach.urls")),
    path("playbooks/", include("humandesk.playbooks.urls")),
    path("help/", include("humandesk.knowledge.urls")),
    path("replies/", include("humandesk.replies.urls")),
    path("", include("humandesk.inboxes.urls")),
    path("", include("humandesk.demo.urls")),
    path("", include("humandesk.ui.urls")),
]
