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
