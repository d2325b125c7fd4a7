"""Wagtail's `update_index`, then the site search's GIN index rebuilt compact and its postings
refreshed (search/postings.py: which lexemes are hot).

A full update rewrites every index entry, and the GIN index the searches match through comes
out of it bloated (search/postgres.py `compact_text_index`); the rebuild takes ~2 s at 50,000
pages against the minutes of the update itself.
"""

from wagtail.search.management.commands.update_index import Command as WagtailUpdateIndex

from search import postings
from search.postgres import compact_text_index


class Command(WagtailUpdateIndex):
    def handle(self, **options):
        super().handle(**options)
        if not options.get("schema_only"):
            compact_text_index()
            refreshed = postings.refresh()
            if refreshed is not None and options.get("verbosity", 1):
                self.stdout.write(f"Search postings: {postings.describe(refreshed)}")
