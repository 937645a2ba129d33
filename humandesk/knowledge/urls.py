from django.urls import path

from humandesk.knowledge.views import gaps, help_centre, manage, suggest

app_name = "knowledge"
urlpatterns = [
    path("", help_centre.index, name="help"),
    path("a/<int:article_id>/", help_centre.article, name="article"),
    path("manage/", manage.article_list, name="manage"),
    path("manage/new/", manage.article_create, name="manage_create"),
    path("manage/preview/", manage.preview, name="manage_preview"),
    path("manage/<int:article_id>/", manage.article_edit, name="manage_edit"),
    path("manage/<int:article_id>/revisions/", manage.revisions, name="manage_revisions"),
    path("manage/<int:article_id>/publish/", manage.publish, name="manage_publish"),
    path("manage/gaps/", gaps.gap_list, name="gaps"),
    path("manage/gaps/<int:gap_id>/dismiss/", gaps.gap_dismiss, name="gap_dismiss"),
    path("suggest/conversation/<int:conversation_id>/", suggest.sidebar, name="suggest"),
    path("suggest/conversation/<int:conversation_id>/gap/", suggest.mark_gap, name="suggest_gap"),
]
