"""Who is told that a translation awaits review: the reviewers of its locale only.

Wagtail's group approval notifier emails every member of the task's groups; for the
"Translation review" task that is the reviewers of every locale. `LocaleReviewersNotifier`
takes its place (same signal, same dispatch_uid) and keeps, of the task's groups, those that
review the submitted object's locale (`TranslationReviewTask.reviewer_groups_for`). Superusers
are told as Wagtail tells them (WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS).
"""

from django.contrib.auth import get_user_model
from django.db.models import Q
from wagtail.admin.mail import GroupApprovalTaskStateSubmissionEmailNotifier
from wagtail.models import TaskState
from wagtail.signals import task_submitted

from .models import TranslationReviewTask

# Wagtail's own (wagtail/admin/signal_handlers.py); connecting under it replaces Wagtail's
# receiver, whichever app is ready first.
WAGTAIL_DISPATCH_UID = "group_approval_task_submitted_email_notification"


class LocaleReviewersNotifier(GroupApprovalTaskStateSubmissionEmailNotifier):
    def get_recipient_users(self, task_state, **kwargs):
        recipients = super().get_recipient_users(task_state, **kwargs)
        task = task_state.task.specific
        if not isinstance(task, TranslationReviewTask):
            return recipients
        groups = task.reviewer_groups_for(task_state.workflow_state.content_object)
        return (
            get_user_model()
            .objects.filter(pk__in=recipients.values("pk"))
            .filter(Q(is_superuser=True) | Q(groups__in=groups))
            .distinct()
        )


locale_reviewers_notifier = LocaleReviewersNotifier()


def connect():
    task_submitted.disconnect(sender=TaskState, dispatch_uid=WAGTAIL_DISPATCH_UID)
    task_submitted.connect(
        locale_reviewers_notifier, sender=TaskState, dispatch_uid=WAGTAIL_DISPATCH_UID
    )
