"""The review workflow's emails in each recipient's admin language (cms/translation/notifications.py
and templates/wagtailadmin/notifications/): submitted (to the locale's reviewers), approved and
rejected (to the submitter), for a page and a snippet, with the task and the workflow named in the
reader's language; English readers get English, and Wagtail's "Moderators approval" of English
pages still reads as before."""

import functools
import re
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.core import mail
from django.urls import reverse
from django.utils import translation
from wagtail.models import Page, Task, Workflow
from wagtail.users.models import UserProfile
from wagtail_localize.models import Translation

from cms.translation.models import TranslationReviewTask
from cms.translation.templatetags.translation_notifications import task_label, workflow_label
from home.models import Topic
from tests.factories import UserFactory
from tests.translation.test_admin_i18n import catalogue, compiled, pattern_of  # noqa: F401 (fixture)

BASE_URL = "https://cms.example.org"
MEMORANDUM = "/en/who-are-we/memorandum/"
PREFERENCES_URL = f"{BASE_URL}/admin/account/#tab-notifications"
TITLES = {
    "page": {
        "en": "Memorandum on cooperation in the field of digital innovation",
        "cs": "Memorandum o spolupráci v oblasti digitálních inovací",
        "uk": "Меморандум про співпрацю у сфері цифрових інновацій",
    },
    "snippet": {"en": "Cybersecurity", "cs": "Kybernetická bezpečnost", "uk": "Кібербезпека"},
}
# How each email names the object, page or snippet (a topic), in each language.
OPENING = {
    "page": {"en": 'The page "{}"', "cs": "Stránka „{}“", "uk": "Сторінку «{}»"},
    "snippet": {"en": 'The topic "{}"', "cs": "Položka „{}“ (téma)", "uk": "Запис «{}» (тема)"},
}
EDIT_HERE = {
    "page": {
        "en": "You can edit the page here:",
        "cs": "Stránku můžete upravit zde:",
        "uk": "Редагувати сторінку можна тут:",
    },
    "snippet": {
        "en": "You can edit the topic here:",
        "cs": "Položku (téma) můžete upravit zde:",
        "uk": "Редагувати запис (тема) можна тут:",
    },
}
PREVIEW_HERE = {
    "en": "You can preview the page here:",
    "cs": "Náhled stránky najdete zde:",
    "uk": "Попередньо переглянути сторінку можна тут:",
}
HELLO = {"en": "Hello {},", "cs": "Dobrý den {},", "uk": "Привіт {},"}
PREFERENCES = {
    "en": f"Edit your notification preferences here: {PREFERENCES_URL}",
    "cs": f"Své nastavení notifikací najdete zde: {PREFERENCES_URL}",
    "uk": f"Змінюйте вподобання ваших сповіщень тут: {PREFERENCES_URL}",
}
COMMENT = "Рік у назві має бути 2024 <перевірте>."


@pytest.fixture(autouse=True)
def base_url(settings, compiled):  # noqa: F811 (the fixture imported above)
    """The addresses the emails give; and the catalogues compiled (`make messages`), or the
    emails would be in English."""
    settings.WAGTAILADMIN_BASE_URL = BASE_URL


def person(username, groups, language=None, **names):
    user = UserFactory(username=username, groups=groups, **names)
    if language:
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = language
        profile.save()
    return user


@pytest.fixture
def people(db):
    return {
        "cs reviewer": person("recenzent", ["Reviewers (cs)"], "cs"),
        "cs reviewer in English": person("reviewer-cs-en", ["Reviewers (cs)"]),
        "uk reviewer": person("retsenzent", ["Reviewers (uk)"], "uk"),
        "cs translator": person(
            "prekladatelka", ["Translators (cs)"], "cs", first_name="Jana", last_name="Nováková"
        ),
        "uk translator": person(
            "perekladachka", ["Translators (uk)"], "uk", first_name="Олена", last_name="Коваленко"
        ),
        "editor": person("editor", ["Editors"], first_name="Eve", last_name="Editor"),
    }


@pytest.fixture(params=["page", "snippet"])
def kind(request):
    return request.param


@pytest.fixture
def english(kind, locales):
    if kind == "page":
        return Page.objects.get(url_path=MEMORANDUM).specific
    return Topic.objects.get(locale=locales["en"], slug="cybersecurity")


def target(english, locale):
    obj = english.get_translation(locale)
    return obj.specific if isinstance(obj, Page) else obj


def submit(client, user, english, locale):
    translation_ = Translation.objects.get(
        source__object_id=english.translation_key, target_locale=locale
    )
    client.force_login(user)
    response = client.post(reverse("translation_review_submit", args=[translation_.pk]))
    assert response.status_code == 302


def act(client, reviewer, obj, action, comment=""):
    """The reviewer approves or rejects in Wagtail's admin, as from the dashboard."""
    obj = type(obj).objects.get(pk=obj.pk)
    task_state = obj.current_workflow_state.current_task_state
    if isinstance(obj, Page):
        name = "wagtailadmin_pages:workflow_action"
    else:
        name = obj.snippet_viewset.get_url_name("workflow_action")
    client.force_login(reviewer)
    url = reverse(name, args=[obj.pk, action, task_state.pk])
    response = client.post(url, {"comment": comment})
    assert response.status_code == 302


def edit_url(obj) -> str:
    if isinstance(obj, Page):
        return f"{BASE_URL}/admin/pages/{obj.pk}/edit/"
    return f"{BASE_URL}/admin/snippets/home/topic/edit/{obj.pk}/"


def links(kind, obj, code) -> list[str]:
    """The submission email's links: a page's preview in the review task, and its editor."""
    lines = [f"{EDIT_HERE[kind][code]} {edit_url(obj)}"]
    if kind == "page":
        task = obj.get_workflow().tasks.get()
        preview = f"{BASE_URL}/admin/pages/workflow/preview/{obj.pk}/{task.pk}/"
        lines.insert(0, f"{PREVIEW_HERE[code]} {preview}")
    return lines


def email(code, name, *parts: list[str]) -> str:
    """A body as Wagtail's base template frames it: greeting, the parts, the preferences link,
    one blank line between them."""
    blocks = [[HELLO[code].format(name)], *parts, [PREFERENCES[code]]]
    return "\n\n".join("\n".join(block) for block in blocks)


def sent_to(user):
    found = [message for message in mail.outbox if message.to == [user.email]]
    assert len(found) == 1, [message.to for message in mail.outbox]
    return found[0]


@functools.cache
def english_sentences() -> list[re.Pattern]:
    """The English sentences of the notification templates and the workflow and task names."""
    patterns = []
    for entry in polib.pofile(str(catalogue(Path(settings.BASE_DIR), "cs"))):
        places = [path for path, _line in entry.occurrences]
        if any("/notifications/" in path or path.endswith("roles.py") for path in places):
            patterns.append(pattern_of(entry.msgid))
    return patterns


def english_in(text: str) -> list[str]:
    return [pattern.pattern for pattern in english_sentences() if pattern.search(text)]


# --- submitted: to the reviewers of the content's locale, in each one's language -----------------


def test_a_czech_submission_reaches_the_czech_reviewers_each_in_their_language(
    client, locales, people, kind, english
):
    czech = target(english, locales["cs"])
    title = TITLES[kind]["cs"]
    mail.outbox.clear()

    submit(client, people["cs translator"], english, locales["cs"])

    reviewers = [people["cs reviewer"], people["cs reviewer in English"]]
    assert sorted(address for message in mail.outbox for address in message.to) == sorted(
        reviewer.email for reviewer in reviewers
    )  # the Ukrainian reviewer gets nothing
    in_czech = sent_to(people["cs reviewer"])
    assert in_czech.subject == (
        f"{OPENING[kind]['cs'].format(title)} byla odeslána ke schválení ve fázi "
        "„Kontrola recenzenty jazyka“"
    )
    assert in_czech.body == email(
        "cs",
        "recenzent",
        [
            f"{OPENING[kind]['cs'].format(title)} byla odeslána ke schválení ve fázi "
            "„Kontrola recenzenty jazyka“ uživatelem Jana Nováková.",
            "Jazyk: Čeština",
        ],
        links(kind, czech, "cs"),
    )
    assert english_in(in_czech.subject + in_czech.body) == []

    in_english = sent_to(people["cs reviewer in English"])
    assert in_english.subject == (
        f"{OPENING[kind]['en'].format(title)} has been submitted for approval in moderation "
        'stage "Review by the locale\'s reviewers"'
    )
    assert in_english.body == email(
        "en",
        "reviewer-cs-en",
        [
            f"{OPENING[kind]['en'].format(title)} has been submitted for approval in moderation "
            'stage "Review by the locale\'s reviewers" by Jana Nováková.',
            "Language: Czech",
        ],
        links(kind, czech, "en"),
    )
    assert english_in(in_english.subject + in_english.body) != []  # the check finds English


def test_a_superuser_is_told_in_english_whoever_submits(client, locales, people, kind, english):
    """A superuser who chose no language reads English, not the submitter's Czech (Wagtail
    would render the email in the language of the request that sends it)."""
    admin = person("admin", [], is_superuser=True)
    czech = target(english, locales["cs"])
    title = TITLES[kind]["cs"]
    mail.outbox.clear()

    submit(client, people["cs translator"], english, locales["cs"])

    messages = [message for message in mail.outbox if message.to == [admin.email]]
    assert [message.subject for message in messages] == [
        f"{OPENING[kind]['en'].format(title)} has been submitted for approval in moderation "
        'stage "Review by the locale\'s reviewers"',
        f'{OPENING[kind]["en"].format(title)} has been submitted to workflow "Translation review"',
    ]
    assert messages[1].body == email(
        "en",
        "admin",
        [
            f"{OPENING[kind]['en'].format(title)} has been submitted for moderation to workflow "
            '"Translation review" by Jana Nováková.',
            "Language: Czech",
        ],
        [f"{EDIT_HERE[kind]['en']} {edit_url(czech)}"],
    )


# --- rejected and approved: back to the submitter, with the reviewer's comment -------------------


def test_the_ukrainian_translator_hears_of_rejection_and_approval_in_ukrainian(
    client, locales, people, kind, english
):
    ukrainian = target(english, locales["uk"])
    title = TITLES[kind]["uk"]
    opening = OPENING[kind]["uk"].format(title)
    translator = people["uk translator"]
    submit(client, translator, english, locales["uk"])
    mail.outbox.clear()

    act(client, people["uk reviewer"], ukrainian, "reject", COMMENT)

    rejection = sent_to(translator)
    assert [message.to for message in mail.outbox] == [[translator.email]]
    assert rejection.subject == f"{opening} відхилено в робочому процесі «Перевірка перекладу»."
    assert rejection.body == email(
        "uk",
        "Олена",
        [
            f"{opening} відхилено на етапі «Перевірка рецензентами мови» робочого процесу "
            "«Перевірка перекладу» користувачем retsenzent.",
            f"Залишено коментар: «{COMMENT}»",
            "Мова: Українська",
        ],
        [f"{EDIT_HERE[kind]['uk']} {edit_url(ukrainian)}"],
    )
    assert english_in(rejection.subject + rejection.body) == []

    submit(client, translator, english, locales["uk"])
    mail.outbox.clear()
    act(client, people["uk reviewer"], ukrainian, "approve", "Дякую!")

    approval = sent_to(translator)
    assert [message.to for message in mail.outbox] == [[translator.email]]
    assert approval.subject == f"{opening} схвалено в робочому процесі «Перевірка перекладу»."
    # A translation's tree is no site's, so a page has no public address: its editor is linked.
    after = [f"{EDIT_HERE['page']['uk']} {edit_url(ukrainian)}"] if kind == "page" else None
    assert approval.body == email(
        "uk",
        "Олена",
        [
            f"{opening} схвалено в робочому процесі «Перевірка перекладу» користувачем retsenzent.",
            "Залишено коментар: «Дякую!»",
            "Мова: Українська",
        ],
        *([after] if after else []),
    )
    assert english_in(approval.subject + approval.body) == []


def test_an_english_editor_hears_of_the_czech_reviewers_approval_in_english(
    client, locales, people, kind, english
):
    czech = target(english, locales["cs"])
    opening = OPENING[kind]["en"].format(TITLES[kind]["cs"])
    submit(client, people["editor"], english, locales["cs"])
    mail.outbox.clear()

    # The reviewer's admin, and so the request that sends the email, is in Czech.
    act(client, people["cs reviewer"], czech, "approve")

    approval = sent_to(people["editor"])
    assert approval.subject == f'{opening} has been approved in "Translation review".'
    after = [f"{EDIT_HERE['page']['en']} {edit_url(czech)}"] if kind == "page" else None
    assert approval.body == email(
        "en",
        "Eve",
        [
            f'{opening} has been approved in workflow "Translation review" by recenzent.',
            "Language: Czech",
        ],
        *([after] if after else []),
    )


# --- the HTML alternative, when it is sent -------------------------------------------------------


def html_text(html: str) -> list[str]:
    """The lines a reader sees in the body of the HTML email."""
    body = html[html.index("<body") :]
    text = re.sub(r"<br/>|</p>", "\n", body)
    text = re.sub(r"<[^>]+>", " ", text).replace("&nbsp;", " ")
    return [re.sub(r"\s+", " ", line).strip() for line in text.splitlines() if line.strip()]


def test_the_html_alternative_is_in_the_reviewers_language_too(
    client, locales, people, kind, english, settings
):
    settings.WAGTAILADMIN_NOTIFICATION_USE_HTML = True
    mail.outbox.clear()

    submit(client, people["cs translator"], english, locales["cs"])

    message = sent_to(people["cs reviewer"])
    [(html, mimetype)] = message.alternatives
    assert mimetype == "text/html"
    assert '<html lang="cs"' in html
    assert html_text(html) == [line for line in message.body.splitlines() if line]


# --- other workflows, and the names --------------------------------------------------------------


def test_moderators_approval_of_english_pages_reads_as_before(client, locales):
    """Wagtail's workflow on the English tree goes through the same templates: its task's name
    is shown as entered, in English and in Czech."""
    moderator = person("moderator", ["Moderators"])
    czech_moderator = person("moderatorka", ["Moderators"], "cs")
    editor = person("editor", ["Editors"], first_name="Eve", last_name="Editor")
    page = Page.objects.get(url_path=MEMORANDUM).specific
    workflow = page.get_workflow()
    assert workflow.name == "Moderators approval"
    task = workflow.tasks.get()
    page.save_revision(user=editor)
    mail.outbox.clear()

    workflow.start(page, editor)

    title = TITLES["page"]["en"]
    links = [
        f"You can preview the page here: {BASE_URL}/admin/pages/workflow/preview/{page.pk}/"
        f"{task.pk}/",
        f"You can edit the page here: {edit_url(page)}",
    ]
    in_english = sent_to(moderator)
    assert in_english.subject == (
        f'The page "{title}" has been submitted for approval in moderation stage '
        '"Moderators approval"'
    )
    assert in_english.body == email(
        "en",
        "moderator",
        [
            f'The page "{title}" has been submitted for approval in moderation stage '
            '"Moderators approval" by Eve Editor.',
            "Language: English",
        ],
        links,
    )
    in_czech = sent_to(czech_moderator)
    assert in_czech.subject == (
        f"Stránka „{title}“ byla odeslána ke schválení ve fázi „Moderators approval“"
    )
    assert in_czech.body.splitlines()[2:4] == [
        f"Stránka „{title}“ byla odeslána ke schválení ve fázi „Moderators approval“ "
        "uživatelem Eve Editor.",
        "Jazyk: Angličtina",
    ]


def test_the_review_task_and_workflow_are_named_in_the_readers_language(locales):
    task = TranslationReviewTask.objects.get()
    workflow = Workflow.objects.get(name="Translation review")
    with translation.override("uk"):
        assert task.display_name == "Перевірка рецензентами мови"
        # The rejection email is given the plain Task row.
        assert task_label(Task.objects.get(pk=task.pk)) == "Перевірка рецензентами мови"
        assert workflow_label(workflow) == "Перевірка перекладу"
        assert workflow_label(Workflow.objects.get(name="Moderators approval")) == (
            "Moderators approval"
        )
    with translation.override("cs"):
        assert task.display_name == "Kontrola recenzenty jazyka"
        assert workflow_label(workflow) == "Kontrola překladu"
    task.name = "Kontrola rodilým mluvčím"
    assert task.display_name == "Kontrola rodilým mluvčím"  # an administrator's name, as given
