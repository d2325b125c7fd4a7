"""Images, documents and pages that rich text and StreamField blocks point at, fetched in bulk.

Converting content happens in two passes over many objects at once: first every reference is
collected, then each kind is fetched with one query (pages in the reader's locale), and only then
are the GraphQL objects built.
"""

from collections import defaultdict

from strawberry.types import Info
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Locale
from wagtail.models import Page as WagtailPage

from cms.renditions import load_renditions

from .localize import localized


class References:
    def __init__(self, info: Info, locale: Locale, fallback: bool):
        self.info = info
        self.locale = locale
        self.fallback = fallback
        self.image_ids: set[int] = set()
        self.document_ids: set[int] = set()
        self.page_ids: dict[type, set[int]] = defaultdict(set)
        self.images: dict[int, Image] = {}
        self.documents: dict[int, Document] = {}
        self.pages: dict[type, dict[int, WagtailPage]] = {}

    def add_image(self, pk):
        if pk:
            self.image_ids.add(int(pk))

    def add_document(self, pk):
        if pk:
            self.document_ids.add(int(pk))

    def add_page(self, pk, model=WagtailPage):
        if pk:
            self.page_ids[model].add(int(pk))

    def fetch(self):
        if self.image_ids:
            self.images = Image.objects.in_bulk(self.image_ids)
            load_renditions(self.images.values())
        if self.document_ids:
            self.documents = {
                doc.pk: doc for doc in Document.objects.filter(pk__in=self.document_ids)
            }
        for model, ids in self.page_ids.items():
            sources = list(model.objects.filter(pk__in=ids))
            by_key = {
                page.translation_key: page
                for page in localized(self.info, model, sources, self.locale, self.fallback)
            }
            # Keyed by the id the content points at (usually the English source page).
            self.pages[model] = {
                source.pk: by_key[source.translation_key]
                for source in sources
                if source.translation_key in by_key
            }
        return self

    def image(self, pk) -> Image | None:
        return self.images.get(int(pk)) if pk else None

    def document(self, pk) -> Document | None:
        return self.documents.get(int(pk)) if pk else None

    def page(self, pk, model=WagtailPage) -> WagtailPage | None:
        return self.pages.get(model, {}).get(int(pk)) if pk else None
