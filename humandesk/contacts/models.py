"""Customers and the identities they are known by in each channel."""

from django.db import models

from humandesk.accounts.models import Workspace


class Contact(models.Model):
    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="contacts")
    name = models.CharField(max_length=200, blank=True)
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=40, blank=True)
    language = models.CharField(max_length=8, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        indexes = [
            models.Index(fields=["workspace", "email"]),
            models.Index(fields=["workspace", "-updated_at"]),
        ]

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        return self.name or self.email or f"#{self.pk}"

    @property
    def first_name(self) -> str:
        return (self.name or "").split(" ")[0]



class ContactIdentity(models.Model):
    """How a channel knows this contact: a widget visitor id, an email address, a Telegram id."""

    contact = models.ForeignKey(Contact, on_delete=models.CASCADE, related_name="identities")
    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE)
    channel = models.CharField(max_length=16)
    external_id = models.CharField(max_length=255)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["workspace", "channel", "external_id"], name="identity_unique_per_channel"
            )
        ]

    def __str__(self) -> str:
        return f"{self.channel}:{self.external_id}"
