app_name = "playbooks"
urlpatterns = []
