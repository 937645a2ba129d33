app_name = "ui"
urlpatterns = []
