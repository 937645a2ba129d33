"""Workspaces, staff users with roles, teams and API tokens."""

import hashlib
import secrets

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class Workspace(models.Model):
    """One support organisation; every other object belongs to exactly one workspace."""

    name = models.CharField(max_length=200)
    slug = models.SlugField(unique=True)
    default_language = models.CharField(max_length=8, default="ru")
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return self.name


class Role(models.TextChoices):
    AGENT = "agent", _("Agent")
    ENGINEER = "engineer", _("Support engineer")
    LEAD = "lead", _("Lead")
    ADMIN = "admin", _("Admin")


class Availability(models.TextChoices):
    ONLINE = "online", _("Online")
    AWAY = "away", _("Away")
    OFFLINE = "offline", _("Offline")


class User(AbstractUser):
    """A staff member. Customers are Contacts, never Users."""

    workspace = models.ForeignKey(
        Workspace, on_delete=models.CASCADE, related_name="users", null=True, blank=True
    )
    role = models.CharField(max_length=16, choices=Role.choices, default=Role.AGENT)
    display_name = models.CharField(max_length=150, blank=True)
    language = models.CharField(max_length=8, default="ru", choices=[("ru", "Русский"), ("en", "English"), ("es", "Español")])
    availability = models.CharField(max_length=16, choices=Availability.choices, default=Availability.OFFLINE)
    capacity = models.PositiveSmallIntegerField(default=8)

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return self.display_name or self.get_full_name() or self.username

    @property
    def is_lead(self) -> bool:
        return self.role in {Role.LEAD, Role.ADMIN}

    @property
    def is_admin_role(self) -> bool:
        return self.role == Role.ADMIN



class Team(models.Model):
    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="teams")
    name = models.CharField(max_length=100)
    members = models.ManyToManyField(User, related_name="teams", blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["workspace", "name"], name="team_name_unique")]
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class ApiToken(models.Model):
    """A personal API token; only its SHA-256 is stored, the secret is shown once."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(max_length=100)
    prefix = models.CharField(max_length=12)
    digest = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @staticmethod
    def hash(secret: str) -> str:
        return hashlib.sha256(secret.encode()).hexdigest()

    @classmethod
    def issue(cls, user: User, name: str) -> tuple["ApiToken", str]:
        secret = "hd_" + secrets.token_urlsafe(32)
        token = cls.objects.create(user=user, name=name, prefix=secret[:10], digest=cls.hash(secret))
        return token, secret
