"""Set up the site search on PostgreSQL: dictionaries, configurations, index; report the state."""

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from search import dictionaries
from search.postgres import HUNSPELL, SEARCH_CONFIG, configure, hunspell_status

# A word per dictionary and the lemma it must give when the dictionary is a real one.
PROBES = {
    "cms_cs_hunspell": ("Praze", "praha"),
    "cms_uk_hunspell": ("кібербезпеки", "кібербезпека"),
}


class Command(BaseCommand):
    help = (
        "Re-create the text search dictionaries and configurations of the site search "
        "(search/postgres.py) and report whether Czech and Ukrainian Hunspell are active. "
        "--install-dictionaries first writes the Hunspell files into PostgreSQL's tsearch_data "
        "(on the database host, as a user that may write there); --rebuild then re-indexes."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--install-dictionaries",
            action="store_true",
            help="write cms_cs/cms_uk .affix/.dict from /usr/share/hunspell first",
        )
        parser.add_argument("--tsearch-dir", help="PostgreSQL's share/tsearch_data folder")
        parser.add_argument("--rebuild", action="store_true", help="run update_index afterwards")
        parser.add_argument(
            "--check",
            action="store_true",
            help="only report; exit with an error when a Hunspell dictionary is not active",
        )

    def handle(self, *args, install_dictionaries, tsearch_dir, rebuild, check, **options):
        if connection.vendor != "postgresql":
            self.stdout.write(
                f"The database is {connection.vendor}: search uses Wagtail's {connection.vendor} "
                "backend without dictionaries; nothing to set up."
            )
            return
        if install_dictionaries:
            dictionaries.install(dictionaries.tsearch_dir(tsearch_dir), out=self.stdout)
        if not check:
            configure(connection)
            self.stdout.write(f"Configuration {SEARCH_CONFIG} (re)created.")
        status = hunspell_status(connection)
        with connection.cursor() as cursor:
            for name, active in status.items():
                word, lemma = PROBES[name]
                cursor.execute(f"SELECT ts_lexize('{name}', %s)", [word])
                lexemes = cursor.fetchone()[0]
                state = "Hunspell" if active else "pass-through (files missing)"
                self.stdout.write(f"{name}: {state}; {word} -> {lexemes}")
        if rebuild and not check:
            call_command("update_index", stdout=self.stdout)
        missing = [name for name, active in status.items() if not active]
        if missing:
            files = ", ".join(f"{HUNSPELL[name]}.affix/.dict" for name in missing)
            message = (
                f"{', '.join(missing)} without Hunspell files ({files} in tsearch_data): "
                "install them with search/install-dictionaries.sh "
                "or --install-dictionaries, then run this command again with --rebuild."
            )
            if check:
                raise CommandError(message)
            self.stderr.write(message)
