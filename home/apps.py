from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "home"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.apps import apps
        from django.db.models.signals import post_save

        from .models import HomePage
        from .translation_roles import attach_locale_tree

        def on_home_created(sender, instance, created, raw=False, **kwargs):
            # A locale's tree appears (the English site, or wagtail-localize making cs/uk):
            # the translation roles get their permissions on it and it goes under review.
            if created and not raw and instance.depth == 2:
                attach_locale_tree(apps, instance)

        post_save.connect(
            on_home_created, sender=HomePage, weak=False, dispatch_uid="home_translation_roles"
        )

        from wagtail.signals import workflow_approved

        from .translation_workflow import mark_reviewed_on_approval, repair_child_count

        post_save.connect(repair_child_count, weak=False, dispatch_uid="home_page_numchild")
        workflow_approved.connect(
            mark_reviewed_on_approval, weak=False, dispatch_uid="home_machine_reviewed"
        )
