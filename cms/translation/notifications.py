"""Who is told about a review, and in which language.

Wagtail's group approval notifier emails every member of the task's groups; for the
"Translation review" task that is the reviewers of every locale. `LocaleReviewersNotifier`
takes its place (same signal, same dispatch_uid) and keeps, of the task's groups, those that
review the submitted object's locale (`TranslationReviewTask.reviewer_groups_for`). Superusers
are told as Wagtail tells them (WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS).

Every workflow email (submitted, approved, rejected) is in its recipient's admin language, all
of it: its text is this app's (templates/wagtailadmin/notifications/, translated in locale/), and
the four notifiers here render each recipient's email in their language (Wagtail renders the HTML
alternative in whichever language is active, and for someone who chose none takes the sender's).
They also give the templates what Wagtail's leave out: who submitted (to the reviewers), and the
approval's task state with the reviewer's comment (to the submitter).
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils.translation import override
from wagtail.admin.mail import (
    GroupApprovalTaskStateSubmissionEmailNotifier,
    WorkflowStateApprovalEmailNotifier,
    WorkflowStateRejectionEmailNotifier,
    WorkflowStateSubmissionEmailNotifier,
)
from wagtail.models import TaskState, WorkflowState
from wagtail.signals import task_submitted, workflow_approved, workflow_rejected, workflow_submitted
from wagtail.users.models import UserProfile

from .models import TranslationReviewTask


def admin_language(user) -> str:
    """The user's admin language: English (LANGUAGE_CODE) for someone who chose none, as in the
    admin; Wagtail would take the language of whoever's request sends the email."""
    return UserProfile.get_for_user(user).preferred_language or settings.LANGUAGE_CODE


class InRecipientLanguage:
    """Wagtail renders the subject and text of an email in its recipient's language, but the
    HTML alternative (WAGTAILADMIN_NOTIFICATION_USE_HTML) in the active one: each recipient's
    email is sent on its own, all of it rendered in their language."""

    def send_emails(self, template_set, context, recipients, **kwargs):
        sent = True
        for recipient in recipients:
            with override(admin_language(recipient)):
                sent = super().send_emails(template_set, context, [recipient], **kwargs) and sent
        return sent


class LocaleReviewersNotifier(InRecipientLanguage, GroupApprovalTaskStateSubmissionEmailNotifier):
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

    def get_context(self, task_state, **kwargs):
        context = super().get_context(task_state, **kwargs)
        context["requested_by"] = task_state.workflow_state.requested_by
        return context


class SubmissionNotifier(InRecipientLanguage, WorkflowStateSubmissionEmailNotifier):
    pass


class ApprovalNotifier(InRecipientLanguage, WorkflowStateApprovalEmailNotifier):
    def get_context(self, workflow_state, **kwargs):
        # Approving the last task finishes the workflow with that task state still current.
        context = super().get_context(workflow_state, **kwargs)
        task_state = workflow_state.current_task_state
        if task_state is not None:
            task_state = task_state.specific
            context["task_state"] = task_state
            context["comment"] = task_state.get_comment()
        return context


class RejectionNotifier(InRecipientLanguage, WorkflowStateRejectionEmailNotifier):
    pass


# Wagtail's receivers (wagtail/admin/signal_handlers.py); connecting under their dispatch_uid
# replaces them, whichever app is ready first.
NOTIFIERS = [
    (
        task_submitted,
        TaskState,
        "group_approval_task_submitted_email_notification",
        LocaleReviewersNotifier(),
    ),
    (
        workflow_submitted,
        WorkflowState,
        "workflow_state_submitted_email_notification",
        SubmissionNotifier(),
    ),
    (
        workflow_approved,
        WorkflowState,
        "workflow_state_approved_email_notification",
        ApprovalNotifier(),
    ),
    (
        workflow_rejected,
        WorkflowState,
        "workflow_state_rejected_email_notification",
        RejectionNotifier(),
    ),
]


def connect():
    for signal, sender, dispatch_uid, notifier in NOTIFIERS:
        signal.disconnect(sender=sender, dispatch_uid=dispatch_uid)
        signal.connect(notifier, sender=sender, dispatch_uid=dispatch_uid)
