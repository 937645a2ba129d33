from django.contrib import admin

from humandesk.contacts.models import Contact, ContactIdentity


class IdentityInline(admin.TabularInline):
    model = ContactIdentity
    extra = 0


@admin.register(Contact)
class ContactAdmin(admin.ModelAdmin):
    list_display = ("display_name", "email", "workspace", "language", "created_at")
    search_fields = ("name", "email")
    inlines = [IdentityInline]
