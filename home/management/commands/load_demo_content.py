import datetime as dt

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from wagtail.models import Locale, Page

from events.models import EventIndexPage, EventPage
from home.demo.builder import DemoBuilder
from home.demo.text import MissingTranslation
from home.models import HomePage, NewsIndexPage, NewsPage, StandardPage, Topic
from people.models import Award, Organisation, PeopleIndexPage, PersonPage

SUMMARY_MODELS = [
    HomePage,
    StandardPage,
    NewsIndexPage,
    NewsPage,
    EventIndexPage,
    EventPage,
    PeopleIndexPage,
    PersonPage,
    Topic,
    Organisation,
    Award,
]


def iso_date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError as error:
        raise CommandError(f"--today takes a date as YYYY-MM-DD, not {value!r}.") from error


class Command(BaseCommand):
    help = (
        "Build the demo site from the network's text in English, Czech and Ukrainian. "
        "Idempotent: what exists already is left as it is."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--quiet-steps", action="store_true", help="Print only the summary, not each step."
        )
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Load only into a database without a home page (what `make run` uses).",
        )
        parser.add_argument(
            "--today",
            type=iso_date,
            default=None,
            help="The day the demo's current events and news are counted from, YYYY-MM-DD "
            "(default: today). The same day gives the same site; the tests use a fixed one.",
        )

    def handle(self, *args, **options):
        def log(line):
            if not options["quiet_steps"]:
                self.stdout.write(line)

        if options["if_empty"] and HomePage.objects.exists():
            self.stdout.write("The site already has content; demo content not loaded.")
            self.write_summary()
            return

        today = options["today"] or timezone.localdate()
        self.stdout.write(f"Loading demo content (en → cs, uk), dates counted from {today}…")
        try:
            created = DemoBuilder(log, today=today).build()
        except MissingTranslation as error:
            raise CommandError(f"The demo text has no translation for: {error}") from error

        if created:
            made = ", ".join(f"{count} {kind}" for kind, count in sorted(created.items()))
            self.stdout.write(self.style.SUCCESS(f"Created: {made}."))
        else:
            self.stdout.write(self.style.SUCCESS("Demo content already present; nothing changed."))
        self.write_summary()

    def write_summary(self):
        locales = list(Locale.objects.order_by("id"))
        codes = [locale.language_code for locale in locales]
        self.stdout.write("\nWhat exists per locale (live / all):")
        self.stdout.write(f"  {'':<18}" + "".join(f"{code:>10}" for code in codes))
        for model in SUMMARY_MODELS:
            cells = []
            for locale in locales:
                objects = model.objects.filter(locale=locale)
                if issubclass(model, Page):
                    objects = objects.filter(depth__gt=1)
                cells.append(f"{objects.filter(live=True).count()}/{objects.count()}")
            label = model._meta.verbose_name_plural
            self.stdout.write(f"  {label:<18}" + "".join(f"{cell:>10}" for cell in cells))
