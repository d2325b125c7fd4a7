"""The review step every translation goes through before it is published, and what keeping
translations current records: source changes (the digest), the source strings of translated
revisions (outdated strings) and when each translator was last sent the digest."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.models import GroupApprovalTask, TaskState

from .roles import TASK_NAME, reviewer_locale, user_group_names


class TranslationReviewTask(GroupApprovalTask):
    """Group approval where a reviewer moderates only content of their own locale.

    The task's groups are the reviewers of every target locale (Reviewers (cs), Reviewers (uk));
    a member of "Reviewers (cs)" sees, approves and rejects Czech content only. Superusers and
    members of the task's groups that are not locale roles moderate everything.
    """

    def _user_reviews(self, obj, user) -> bool:
        if user.is_superuser:
            return True
        task_groups = set(self.groups.values_list("name", flat=True))
        code = getattr(getattr(obj, "locale", None), "language_code", None)
        for name in user_group_names(user) & task_groups:
            locale = reviewer_locale(name)
            if locale is None or locale == code:
                return True
        return False

    def reviewer_groups_for(self, obj):
        """The task's groups that review this object: its locale's reviewers and the groups not
        bound to a locale (the ones notified when it is submitted)."""
        code = getattr(getattr(obj, "locale", None), "language_code", None)
        return [group for group in self.groups.all() if reviewer_locale(group.name) in (None, code)]

    @property
    def display_name(self) -> str:
        """The task's name in the active language (the workflow emails): the name it was created
        with is translated, a name an administrator gave it is shown as given."""
        return gettext(TASK_NAME) if self.name == TASK_NAME else self.name

    @classmethod
    def get_description(cls):
        # Shown where a workflow's tasks are chosen (Settings → Workflow tasks).
        return _(
            "Members of the chosen groups approve; a locale's reviewers (e.g. Reviewers (uk)) "
            "approve only content in their own locale"
        )

    def user_can_access_editor(self, obj, user):
        return self._user_reviews(obj, user)

    def locked_for_user(self, obj, user):
        return not self._user_reviews(obj, user)

    def user_can_lock(self, obj, user):
        return self._user_reviews(obj, user)

    def get_actions(self, obj, user):
        if self._user_reviews(obj, user):
            return super().get_actions(obj, user)
        return []

    def get_task_states_user_can_moderate(self, user, **kwargs):
        states = super().get_task_states_user_can_moderate(user, **kwargs)
        if user.is_superuser:
            return states
        allowed = [
            state.pk
            for state in states.select_related("revision")
            if self._user_reviews(state.revision.content_object, user)
        ]
        return TaskState.objects.filter(pk__in=allowed)

    class Meta:
        # The table keeps the name it had when this task lived in the home app (migrations).
        db_table = "home_translationreviewtask"
        verbose_name = _("translation review task")
        verbose_name_plural = _("translation review tasks")


class SourceChange(models.Model):
    """Source text that changed when a translation source was synced: the digest's record.

    One row per sync that changed anything; `strings` are the new or different strings as
    [context id, string id] pairs (a string at its place in the source: a field or block). The
    digest counts those still in the source, so a paragraph edited twice counts once.
    """

    source = models.ForeignKey(
        "wagtail_localize.TranslationSource", on_delete=models.CASCADE, related_name="+"
    )
    changed_at = models.DateTimeField(default=timezone.now, db_index=True)
    strings = models.JSONField(default=list)

    class Meta:
        verbose_name = _("source change")
        verbose_name_plural = _("source changes")

    def __str__(self):
        return f"{len(self.strings)} strings of source {self.source_id} at {self.changed_at}"


class RevisionSource(models.Model):
    """The source strings a translation's revision was made from, as (context id, string id)
    pairs: what the live translation says is compared with the source by them (outdated strings
    in the translation editor)."""

    revision = models.OneToOneField(
        "wagtailcore.Revision", on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    segments = models.JSONField(default=list)

    class Meta:
        verbose_name = _("source of a translated revision")
        verbose_name_plural = _("sources of translated revisions")

    def __str__(self):
        return f"Source strings of revision {self.revision_id}"


class TranslationDigest(models.Model):
    """The digest of source changes a translator was last sent (send_translation_digest):
    changes up to `last_digest_at` have been reported to them (for someone never sent one, the
    moment they joined)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    last_digest_at = models.DateTimeField()

    class Meta:
        verbose_name = _("translation digest")
        verbose_name_plural = _("translation digests")

    def __str__(self):
        return f"Digest of user {self.user_id} up to {self.last_digest_at}"
