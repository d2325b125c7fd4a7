"""Moving a model to another app in migrations without losing what refers to its content type.

A state-only move keeps the table; the content type row is renamed in place (app_label), so
permissions, group grants, workflow tasks, revisions and log entries keep pointing at it. When a
row for the new label exists too (post_migrate created it between two migrate runs, e.g. while
rolling back app by app), the original row is kept: the grants of the newcomer's permissions are
moved onto the original's permissions of the same codename, whatever else points at the newcomer
is pointed at the original, and the newcomer is deleted.
"""

# (app label, model, field) of what refers to a content type and must follow it.
REFERENCES = [
    ("wagtailcore", "Task", "content_type"),
    ("wagtailcore", "Revision", "content_type"),
    ("wagtailcore", "Revision", "base_content_type"),
    ("wagtailcore", "ModelLogEntry", "content_type"),
    ("wagtailcore", "WorkflowState", "content_type"),
    ("wagtailcore", "WorkflowState", "base_content_type"),
    ("wagtailcore", "WorkflowContentType", "content_type"),
]


def move_content_types(apps, old_label: str, new_label: str, models: list[str]):
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model in models:
        original = ContentType.objects.filter(app_label=old_label, model=model).first()
        if original is None:
            continue
        newcomer = ContentType.objects.filter(app_label=new_label, model=model).first()
        if newcomer is not None:
            _merge(apps, newcomer, into=original)
        original.app_label = new_label
        original.save(update_fields=["app_label"])


def _merge(apps, newcomer, into):
    Permission = apps.get_model("auth", "Permission")
    kept = {perm.codename: perm for perm in Permission.objects.filter(content_type=into)}
    for permission in Permission.objects.filter(content_type=newcomer):
        target = kept.get(permission.codename)
        if target is None:
            permission.content_type = into
            permission.save(update_fields=["content_type"])
            continue
        target.group_set.add(*permission.group_set.all())
        target.user_set.add(*permission.user_set.all())
    for app_label, model_name, field in REFERENCES:
        try:
            model = apps.get_model(app_label, model_name)
        except LookupError:
            continue
        model.objects.filter(**{field: newcomer}).update(**{field: into})
    newcomer.delete()
