"""The review step every translation goes through before it is published."""

from wagtail.models import GroupApprovalTask, TaskState

from .roles import reviewer_locale, user_group_names


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
        verbose_name = "translation review task"
