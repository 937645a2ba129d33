from django.urls import path

from humandesk.accounts import views as account_views
from humandesk.ui.views import actions, conversation, inbox

app_name = "ui"
urlpatterns = [
    path("login/", account_views.SignInView.as_view(), name="login"),
    path("logout/", account_views.SignOutView.as_view(), name="logout"),
    path("profile/", account_views.profile, name="profile"),
    path("", inbox.inbox, name="inbox"),
    path("inbox/list", inbox.inbox_list, name="inbox_list"),
    path("conversations/<int:pk>/", conversation.conversation_page, name="conversation"),
    path("conversations/<int:pk>/messages", conversation.messages_view, name="messages"),
    path("conversations/<int:pk>/panel", conversation.panel, name="panel"),
    path("conversations/<int:pk>/actions/<slug:action>", actions.conversation_action, name="action"),
]
