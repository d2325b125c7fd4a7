"""Make the lexemes of many index entries hot, with their postings (search/postings.py)."""

from django.core.management.base import BaseCommand

from search import postings


class Command(BaseCommand):
    help = (
        "Give every lexeme of at least SEARCH_POSTINGS_MIN_ENTRIES index entries (or --min-entries)"
        " its postings, from which searches for it are ranked, and drop those of lexemes now in "
        "fewer than half as many. Index writes wait while it runs (seconds at 50,000 pages)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--min-entries", type=int, default=None)

    def handle(self, *, min_entries, verbosity, **options):
        refreshed = postings.refresh(min_entries)
        if refreshed is None:
            self.stdout.write("No postings: not PostgreSQL, or SEARCH_POSTINGS_MIN_ENTRIES is 0.")
        elif verbosity:
            self.stdout.write(postings.describe(refreshed))
