from django import forms
from django.utils.translation import gettext_lazy as _

from humandesk.knowledge.models import LANGUAGES, Visibility


class ArticleForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=255)
    body = forms.CharField(label=_("Body (Markdown)"), required=False, widget=forms.Textarea(attrs={"rows": 18}))
    category = forms.CharField(label=_("Category"), max_length=120, required=False)
    lang = forms.ChoiceField(label=_("Language"), choices=LANGUAGES)
    tags = forms.CharField(label=_("Tags, comma-separated"), max_length=600, required=False)
    visibility = forms.ChoiceField(label=_("Visibility"), choices=Visibility.choices)

    def article_fields(self) -> dict:
        data = self.cleaned_data
        return {
            "title": data["title"], "body": data["body"], "category": data["category"], "lang": data["lang"],
            "tags": [t.strip() for t in data["tags"].split(",") if t.strip()], "visibility": data["visibility"],
        }

    @classmethod
    def for_article(cls, article) -> "ArticleForm":
        return cls(initial={
            "title": article.title, "body": article.body_markdown,
            "category": article.category.name if article.category else "", "lang": article.lang,
            "tags": ", ".join(article.tags or []), "visibility": article.visibility,
        })
