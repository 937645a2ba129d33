from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from humandesk.accounts.models import ApiToken, Team, User, Workspace


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    fieldsets = BaseUserAdmin.fieldsets + (
        ("humandesk", {"fields": ("workspace", "role", "display_name", "language", "availability", "capacity")}),
    )
    list_display = ("username", "display_name", "workspace", "role", "availability")
    list_filter = ("role", "workspace")


admin.site.register(Workspace)
admin.site.register(Team)


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ("name", "user", "prefix", "created_at", "last_used_at")
    readonly_fields = ("prefix", "digest")
