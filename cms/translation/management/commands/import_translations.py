"""Import PO files written by export_translations (after translation by a person or agency)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from cms.translation.po_files import import_file


class Command(BaseCommand):
    help = "Read translated PO files back; reports strings that no longer exist in the source."

    def add_arguments(self, parser):
        parser.add_argument("folder", type=Path)

    def handle(self, *args, folder, **options):
        files = sorted(folder.rglob("*.po"))
        if not files:
            raise CommandError(f"No PO files in {folder}.")
        for path in files:
            translation, warnings = import_file(path)
            self.stdout.write(f"  {path.name}: {translation}")
            for warning in warnings:
                self.stdout.write(self.style.WARNING(f"    {warning}"))
        self.stdout.write(self.style.SUCCESS(f"Imported {len(files)} PO file(s)."))
