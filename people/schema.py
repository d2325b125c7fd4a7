"""GraphQL types and queries of people, organisations and awards."""

import strawberry
import strawberry_django
from django.db.models import Q, QuerySet
from django.utils import translation
from strawberry.types import Info

from cms.graphql import relations
from cms.graphql.context import context
from cms.graphql.errors import checked_text, parse_id
from cms.graphql.images import ImageType
from cms.graphql.listing import page_queries, snippet_queries
from cms.graphql.localize import localized
from cms.graphql.pages import PageInterface, listing_page_type
from cms.graphql.references import References
from cms.graphql.richtext import collect_rich_text, render_rich_text
from cms.graphql.snippets import TranslatableSnippetInterface

from . import models

OrganisationKind = strawberry.enum(
    models.OrganisationKind,
    name="OrganisationKind",
    description="How an organisation belongs to the network.",
)


def country_name(info: Info, root) -> str:
    """The country's name in the asked-for language."""
    if not root.country:
        return ""
    with translation.override(context(info).asked(root).locale.language_code):
        return str(root.country.name)


@strawberry_django.type(models.Organisation, name="Organisation")
class Organisation(TranslatableSnippetInterface):
    kind: OrganisationKind
    name: str
    short_name: str
    website: str
    description: str

    @strawberry_django.field(description="ISO 3166 code of the country of the seat, e.g. 'CZ'.")
    def country(self, root: models.Organisation) -> str:
        return root.country.code

    @strawberry_django.field(description="The country's name in the asked-for language.")
    def country_name(self, root: models.Organisation, info: Info) -> str:
        return country_name(info, root)

    logo: ImageType | None = relations.image_of(models.Organisation.logo)


@strawberry_django.type(models.Award, name="Award")
class Award(TranslatableSnippetInterface):
    name: str
    description: str

    awarded_by: Organisation | None = relations.target_of(models.Award.awarded_by)


@strawberry.type(description="An award a person received: which, when and why.")
class AwardProfile:
    award: Award = strawberry.field(description="The award, in the asked-for locale.")
    year: int = strawberry.field(description="The year it was given.")
    citation: str = strawberry.field(description="Why the person received it.")


@strawberry_django.type(
    models.PersonLink, name="PersonLink", description="A link on a person's profile."
)
class PersonLink:
    label: str
    url: str


PeopleIndexPage = listing_page_type(models.PeopleIndexPage)


@strawberry_django.type(models.PersonPage, name="PersonPage")
class PersonPage(PageInterface):
    role: str

    @strawberry_django.field(description="The person's full name (the page title).")
    def name(self, root: models.PersonPage) -> str:
        return root.title

    organisation: Organisation | None = relations.target_of(models.PersonPage.organisation)

    @strawberry_django.field(description="ISO 3166 code of the country the person works in.")
    def country(self, root: models.PersonPage) -> str:
        return root.country.code if root.country else ""

    @strawberry_django.field(description="The country's name in the asked-for language.")
    def country_name(self, root: models.PersonPage, info: Info) -> str:
        return country_name(info, root)

    photo: ImageType | None = relations.image_of(models.PersonPage.photo)

    @strawberry_django.field(description="Biography as HTML, with internal links resolved.")
    def biography(self, root: models.PersonPage, info: Info) -> str:
        return context(info).batch("biography", root, _biographies(info))

    @strawberry_django.field(description="Links on the profile.")
    def links(self, root: models.PersonPage, info: Info) -> list[PersonLink]:
        return context(info).batch("links", root, _links(info))

    @strawberry_django.field(description="Awards the person received, oldest first.")
    def award_profiles(self, root: models.PersonPage, info: Info) -> list[AwardProfile]:
        return context(info).batch("award_profiles", root, _award_profiles(info))


def _biographies(info: Info):
    def compute(people, locale, fallback):
        refs = References(info, locale, fallback)
        for person in people:
            collect_rich_text(person.biography, refs)
        refs.fetch()
        return {person.pk: render_rich_text(person.biography, refs) for person in people}

    return compute


def _links(info: Info):
    in_memory = context(info).is_in_memory

    def compute(people, locale, fallback):
        result = {person.pk: [] for person in people}
        stored = [person.pk for person in people if not in_memory(person)]
        links = list(models.PersonLink.objects.filter(page__in=stored).order_by("sort_order"))
        links += [link for person in people if in_memory(person) for link in person.links.all()]
        for link in links:
            result[link.page_id].append(link)
        return result

    return compute


def _award_profiles(info: Info):
    in_memory = context(info).is_in_memory

    def compute(people, locale, fallback):
        stored = [person.pk for person in people if not in_memory(person)]
        rows = list(
            models.AwardProfile.objects.filter(page__in=stored)
            .select_related("award")
            .order_by("year", "sort_order")
        )
        # Drafts and published revisions carry their profiles in memory.
        unsaved = [
            row for person in people if in_memory(person) for row in person.award_profiles.all()
        ]
        awards_by_id = models.Award.objects.in_bulk({row.award_id for row in unsaved})
        for row in unsaved:
            row.award = awards_by_id.get(row.award_id)
        rows += sorted(
            (row for row in unsaved if row.award is not None),
            key=lambda row: (row.year, row.sort_order or 0),
        )
        awards = {
            award.translation_key: award
            for award in localized(
                info, models.Award, [row.award for row in rows], locale, fallback
            )
        }
        result = {person.pk: [] for person in people}
        for row in rows:
            award = awards.get(row.award.translation_key)
            if award is not None:
                result[row.page_id].append(
                    AwardProfile(award=award, year=row.year, citation=row.citation)
                )
        return result

    return compute


@strawberry_django.filter_type(models.PersonPage, description="Filters of the people listing.")
class PersonFilter:
    @strawberry_django.filter_field(description="Only people who received this award (its id).")
    def award(self, queryset: QuerySet, value: strawberry.ID, prefix: str):
        key = models.Award.objects.filter(pk=parse_id(value, "ids")).values("translation_key")
        return queryset, Q(**{f"{prefix}award_profiles__award__translation_key__in": key})

    @strawberry_django.filter_field(description="Only people who received an award that year.")
    def award_year(self, queryset: QuerySet, value: int, prefix: str):
        return queryset, Q(**{f"{prefix}award_profiles__year": value})

    @strawberry_django.filter_field(description="Only people working in this country (ISO code).")
    def country(self, queryset: QuerySet, value: str, prefix: str):
        return queryset, Q(**{f"{prefix}country": checked_text(value, "country").upper()})

    @strawberry_django.filter_field(description="Only people of this organisation (its id).")
    def organisation(self, queryset: QuerySet, value: strawberry.ID, prefix: str):
        key = models.Organisation.objects.filter(pk=parse_id(value, "ids")).values(
            "translation_key"
        )
        return queryset, Q(**{f"{prefix}organisation__translation_key__in": key})


@strawberry_django.order_type(models.PersonPage, description="Orderings of the people listing.")
class PersonOrdering:
    title: strawberry.auto = strawberry_django.order_field(description="By name.")


@strawberry_django.filter_type(
    models.Organisation, description="Filters of the organisations listing."
)
class OrganisationFilter:
    kind: OrganisationKind | None = strawberry_django.filter_field(description="Only this kind.")

    @strawberry_django.filter_field(description="Only organisations of this country (ISO code).")
    def country(self, queryset: QuerySet, value: str, prefix: str):
        return queryset, Q(**{f"{prefix}country": checked_text(value, "country").upper()})


@strawberry_django.order_type(
    models.Organisation, description="Orderings of the organisations listing."
)
class OrganisationOrdering:
    name: strawberry.auto = strawberry_django.order_field(description="By name.")


@strawberry_django.order_type(models.Award, description="Orderings of the awards listing.")
class AwardOrdering:
    name: strawberry.auto = strawberry_django.order_field(description="By name.")


@strawberry.type
class Query:
    people, person, people_index = page_queries(
        PersonPage,
        PeopleIndexPage,
        filters=PersonFilter,
        ordering=PersonOrdering,
        order_by=lambda people: people.order_by("title"),
        description="Ambassador profiles in the asked-for locale, by name.",
    )
    organisations, organisation = snippet_queries(
        Organisation,
        filters=OrganisationFilter,
        ordering=OrganisationOrdering,
        description="Organisations of the network in the asked-for locale, by name.",
    )
    awards, award = snippet_queries(
        Award, ordering=AwardOrdering, description="Awards in the asked-for locale, by name."
    )
