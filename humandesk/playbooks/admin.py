from django.contrib import admin

from humandesk.playbooks.models import Playbook


@admin.register(Playbook)
class PlaybookAdmin(admin.ModelAdmin):
    list_display = ("situation", "lang", "title", "workspace", "updated_at")
    list_filter = ("lang", "situation")
