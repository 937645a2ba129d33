app_name = "coach"
urlpatterns = []
