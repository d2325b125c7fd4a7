"""Export PO files of one locale's translations: all, outdated ones, one page or a subtree."""

from pathlib import Path

from django.core.management.base import BaseCommand

from cms.translation.po_files import export, select_translations


class Command(BaseCommand):
    help = "Write a PO file per translation of a locale into a folder (for agencies)."

    def add_arguments(self, parser):
        parser.add_argument("--locale", required=True, help="Target locale, e.g. uk.")
        parser.add_argument("--out", required=True, type=Path, help="Folder to write into.")
        parser.add_argument("--outdated", action="store_true", help="Only outdated ones.")
        parser.add_argument("--page", type=int, help="Only this page (its id, any locale).")
        parser.add_argument("--subtree", type=int, help="This page and everything below it.")

    def handle(self, *args, locale, out, outdated, page, subtree, **options):
        translations = select_translations(locale, outdated, page_id=page, subtree_id=subtree)
        for path in export(translations, out):
            self.stdout.write(f"  {path}")
        self.stdout.write(self.style.SUCCESS(f"Exported {len(translations)} PO file(s)."))
