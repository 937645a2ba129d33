app_name = "inboxes"
urlpatterns = []
