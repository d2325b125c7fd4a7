"""The translators' digest of source changes: "12 strings changed in 3 pages you translate".

`manage.py send_translation_digest` (daily, docs/deployment.md) emails each translator, per
locale they translate, the pages and snippets whose source text changed since the last digest
they were sent, with the number of new or changed strings and a link to each translation in the
admin. Nothing is sent to someone with nothing new. The changes are those recorded when a
source is synced (`SourceChange`, cms/translation/sync.py); a string counts once however often
it changed, and only while the source still has it. Each email is in the recipient's admin
language (their Wagtail profile's preference).
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, override
from django_tasks import task
from wagtail.models import Locale, Page
from wagtail.users.models import UserProfile

from .models import SourceChange, TranslationDigest
from .roles import TARGET_LOCALES, translators
from .sync import segment_pairs, target_of
from .workflow import edit_url


@dataclass(frozen=True)
class ChangedItem:
    title: str
    kind: object  # the model's verbose name, translated when the email is rendered
    is_page: bool
    strings: int
    url: str


@dataclass(frozen=True)
class LocaleSection:
    locale: object  # the language's name, translated when the email is rendered
    items: list[ChangedItem]


def admin_url(path: str) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def changed_items(locale: Locale, since: datetime, until: datetime) -> list[ChangedItem]:
    """Sources translated into `locale` whose strings changed in (since, until]."""
    changes = SourceChange.objects.filter(
        changed_at__gt=since,
        changed_at__lte=until,
        source__translations__target_locale=locale,
        source__translations__enabled=True,
    ).select_related("source", "source__specific_content_type")
    strings_by_source = defaultdict(set)
    sources = {}
    for change in changes:
        sources[change.source_id] = change.source
        strings_by_source[change.source_id] |= {tuple(pair) for pair in change.strings}
    items = []
    for source_id, strings in strings_by_source.items():
        source = sources[source_id]
        still_there = strings & segment_pairs(source)
        translation = source.translations.filter(target_locale=locale).first()
        target = target_of(translation) if translation else None
        if not still_there or target is None:
            continue
        model = source.specific_content_type.model_class()
        items.append(
            ChangedItem(
                title=str(target),
                kind=capfirst(model._meta.verbose_name),
                is_page=isinstance(target, Page),
                strings=len(still_there),
                url=admin_url(edit_url(target)),
            )
        )
    return sorted(items, key=lambda item: (not item.is_page, item.title))


def translated_locales(user) -> list[Locale]:
    names = set(user.groups.values_list("name", flat=True))
    codes = [code for code in TARGET_LOCALES if translators(code) in names]
    return list(Locale.objects.filter(language_code__in=codes).order_by("language_code"))


def subject(sections: list[LocaleSection]) -> str:
    items = [item for section in sections for item in section.items]
    strings = sum(item.strings for item in items)
    pages = sum(1 for item in items if item.is_page)
    snippets = len(items) - pages
    changed = ngettext("%(count)d string changed", "%(count)d strings changed", strings) % {
        "count": strings
    }
    page_part = ngettext("%(count)d page", "%(count)d pages", pages) % {"count": pages}
    snippet_part = ngettext("%(count)d snippet", "%(count)d snippets", snippets) % {
        "count": snippets
    }
    if pages and snippets:
        where = _("%(pages)s and %(snippets)s") % {"pages": page_part, "snippets": snippet_part}
    else:
        where = page_part if pages else snippet_part
    return _("%(changed)s in %(where)s you translate") % {"changed": changed, "where": where}


def render(user, sections: list[LocaleSection], since: datetime) -> tuple[str, str]:
    """Subject and body in the recipient's admin language."""
    with override(UserProfile.get_for_user(user).get_preferred_language()):
        body = render_to_string(
            "translation/digest_email.txt",
            {
                "name": user.get_full_name() or user.get_username(),
                "sections": sections,
                "since": timezone.localtime(since),
                "site_name": settings.WAGTAIL_SITE_NAME,
                "report_url": admin_url(reverse("translation_status_report")),
            },
        )
        return subject(sections), body.strip() + "\n"


def recipients():
    """Active translators with an email address, in a stable order."""
    names = [translators(code) for code in TARGET_LOCALES]
    return (
        get_user_model()
        .objects.filter(is_active=True, groups__name__in=names)
        .exclude(email="")
        .distinct()
        .order_by("pk")
    )


def send_digest(user, now: datetime) -> bool:
    """Email the user what changed since their last digest; True when something was sent.

    The user's row is locked while the email is made and sent, so two runs at once send it once;
    a failed send leaves the last digest time as it was (the next run tries again)."""
    TranslationDigest.objects.get_or_create(
        user=user, defaults={"last_digest_at": user.date_joined}
    )
    with transaction.atomic():
        record = TranslationDigest.objects.select_for_update().get(user=user)
        since = record.last_digest_at
        sections = [
            LocaleSection(locale.get_display_name(), items)
            for locale in translated_locales(user)
            if (items := changed_items(locale, since, now))
        ]
        if not sections:
            return False
        email_subject, body = render(user, sections, since)
        send_mail(email_subject, body, settings.DEFAULT_FROM_EMAIL, [user.email])
        record.last_digest_at = now
        record.save(update_fields=["last_digest_at"])
    return True


def send_digests(now: datetime | None = None) -> int:
    """Send every translator their digest; the number of emails sent."""
    if not settings.TRANSLATION_DIGEST_ENABLED:
        return 0
    now = now or timezone.now()
    return sum(send_digest(user, now) for user in recipients())


@task()
def send_translation_digest() -> int:
    """The same as `manage.py send_translation_digest`, for a scheduler that enqueues tasks."""
    return send_digests()
