"""Models shared by every page type."""

import uuid

from django.core.serializers.json import DjangoJSONEncoder
from django.db import models


class PagePreview(models.Model):
    """What the editor saw in one press of Preview: the page as built from the (unsaved) form.

    The preview token (cms/preview.py) names a row by `key`; `content` is the page's serialised
    data, the same JSON a revision holds. Rows older than PREVIEW_TOKEN_MAX_AGE are deleted when
    a new preview is stored.
    """

    key = models.UUIDField(unique=True, default=uuid.uuid4, editable=False)
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    content = models.JSONField(encoder=DjangoJSONEncoder)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        # The table keeps the name it had when previews lived in the home app (migrations).
        db_table = "home_pagepreview"
        verbose_name = "page preview"

    def __str__(self):
        return f"Preview {self.key} of page {self.page_id}"


class PersistedQuery(models.Model):
    """A GraphQL document a frontend's build registered (`manage.py register_persisted_queries`).

    In GRAPHQL_PERSISTED_QUERIES "allowlist" mode only these run (cms/graphql/persisted.py); in
    "apq" mode they are found by hash as well as the documents clients sent. `sha256` is the
    hash of `document` as stored, which clients send as `extensions.persistedQuery.sha256Hash`;
    `operation_sha256` identifies the operation whatever the spacing, comments or other
    operations of the text a client sends it in (persisted.operation_identity).
    """

    sha256 = models.CharField(max_length=64, unique=True)
    operation_sha256 = models.CharField(max_length=64, db_index=True)
    document = models.TextField()
    operation_name = models.CharField(max_length=255, blank=True)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "persisted query"
        verbose_name_plural = "persisted queries"

    def __str__(self):
        return f"{self.operation_name or '(anonymous)'} {self.sha256[:12]}"
