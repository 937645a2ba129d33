from django.contrib import admin

from humandesk.coach.models import GlossaryEntry, ReplyFinding, RuleSetting


@admin.register(GlossaryEntry)
class GlossaryEntryAdmin(admin.ModelAdmin):
    list_display = ("workspace", "lang", "unsuitable", "suitable")
    list_filter = ("lang",)
    search_fields = ("unsuitable", "suitable")


@admin.register(RuleSetting)
class RuleSettingAdmin(admin.ModelAdmin):
    list_display = ("workspace", "rule", "must_fix")


@admin.register(ReplyFinding)
class ReplyFindingAdmin(admin.ModelAdmin):
    list_display = ("workspace", "rule", "lang", "agent", "created_at")
    list_filter = ("rule", "lang")
    raw_id_fields = ("message", "agent")
