"""Every admin action × role × locale, as the tables "Actions, by role" of docs/translation.md say.

The tables are read from the document, so the document and the behaviour cannot drift apart. Each
cell is performed through the admin views with the test client: GET the view and, where the
action changes something, POST (or PUT) it. Allowed: the requests succeed (2xx, or a redirect that
is not Wagtail's permission refusal) and the change is done. Refused: the request that would
change something is answered with 403 or Wagtail's permission refusal (its message and a
redirect to the dashboard), and nothing changed.

One page (the memorandum) and one snippet (the "Cybersecurity" topic) per locale come from the
demo site; the organisation and the award take the actions their policy decides per locale.
"""

from dataclasses import dataclass
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Locale, Page, WorkflowState
from wagtail.test.utils.form_data import querydict_from_html
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from home.models import HomePage, Topic
from people.models import Award, Organisation
from tests.factories import UserFactory

DOCS = Path(settings.BASE_DIR) / "docs" / "translation.md"
LOCALES = ("en", "cs", "uk")
GROUPS = {
    "editor": "Editors",
    "moderator": "Moderators",
    "cs translator": "Translators (cs)",
    "cs reviewer": "Reviewers (cs)",
    "uk translator": "Translators (uk)",
    "uk reviewer": "Reviewers (uk)",
}
PERMISSION_MESSAGE = "Sorry, you do not have permission to access this area."
NEW_TEXT = "Changed by the action test"
MEMORANDUM = "/en/who-are-we/memorandum/"


def read_table(title: str) -> dict[str, dict[str, set[str]]]:
    """{action: {role: locales where allowed}} from the table after the line "<title>:"."""
    lines = DOCS.read_text().splitlines()
    rows = []
    for line in lines[lines.index(f"{title}:") + 1 :]:
        if line.startswith("|"):
            rows.append([cell.strip() for cell in line.strip("|").split("|")])
        elif rows:
            break
    header, _rule, *body = rows
    table = {}
    for action, *cells in body:
        action = action.split(" (")[0]
        table[action] = {
            role: set() if cell == "—" else {code.strip() for code in cell.split(",")}
            for role, cell in zip(header[1:], cells, strict=True)
        }
    return table


PAGE_TABLE = read_table("Pages")
SNIPPET_TABLE = read_table("Snippets")
# The English version is the source of its translations: it has no synced translation to stop.
NO_CELL = {("stop synced translation", "en")}
# An English page is no translation: there is nothing to convert (404) for those who pass the
# permission check.
NOT_FOUND_IS_REFUSAL = {("convert to alias", "en")}
# The organisation and the award: the actions that depend on the locale rule alone.
OTHER_SNIPPET_ACTIONS = ("edit", "lock", "unlock", "unpublish", "history")


def cases(table, kind, actions=None) -> list:
    return list(_cases(table, kind, actions))


def _cases(table, kind, actions):
    for action, roles in table.items():
        if actions is not None and action not in actions:
            continue
        for role, allowed in roles.items():
            for code in LOCALES:
                if (action, code) in NO_CELL:
                    continue
                yield pytest.param(
                    kind, action, role, code, code in allowed, id=f"{action}-{role}-{code}"
                )


# --- the content acted on ----------------------------------------------------------------------


@dataclass
class Target:
    model: type
    pk: int
    code: str

    @property
    def is_page(self) -> bool:
        return issubclass(self.model, Page)

    def get(self):
        obj = self.model.objects.filter(pk=self.pk).first()
        return obj.specific if obj is not None and self.is_page else obj

    def url(self, name: str, *args) -> str:
        if self.is_page:
            return reverse(f"wagtailadmin_pages:{name}", args=[self.pk, *args])
        meta = self.model._meta
        return reverse(
            f"wagtailsnippets_{meta.app_label}_{meta.model_name}:{name}", args=[self.pk, *args]
        )

    @property
    def title_field(self) -> str:
        return "title" if self.is_page else "name"

    def translation(self):
        obj = self.get()
        return Translation.objects.get(
            source__object_id=obj.translation_key, target_locale_id=obj.locale_id
        )


def target_for(kind: str, code: str) -> Target:
    locale = Locale.objects.get(language_code=code)
    if kind == "page":
        source = Page.objects.get(url_path=MEMORANDUM)
        return Target(Page, source.get_translation(locale).pk, code)
    model, lookup = {
        "topic": (Topic, {"slug": "cybersecurity"}),
        "organisation": (Organisation, {"short_name": "UCA"}),
        "award": (Award, {}),
    }[kind]
    source = model.objects.filter(locale__language_code="en", **lookup).order_by("pk").first()
    return Target(model, source.get_translation(locale).pk, code)


# --- the actions -------------------------------------------------------------------------------


def editor_form(response, target, **changes):
    """The editor's form as a browser would send it (StreamField bodies emptied: its blocks are
    built by JavaScript), or just the changes when the editor was refused."""
    if response.status_code != 200:
        return changes
    form_id = "page-edit-form" if target.is_page else "w-editor-form"
    data = querydict_from_html(response.content.decode(), form_id=form_id)
    if target.is_page:
        data["body-count"] = "0"
    data.update(changes)
    return data


class Action:
    """prepare → perform (the responses, the last one changes something) → changed?"""

    read_only = False

    def prepare(self, target, admin):
        pass

    def perform(self, client, target) -> list:
        raise NotImplementedError

    def changed(self, target) -> bool:
        raise NotImplementedError

    def expected_location(self, target) -> str | None:
        return None


class Edit(Action):
    def perform(self, client, target):
        editor = client.get(target.url("edit"))
        if target.code == "en":
            data = editor_form(editor, target, **{target.title_field: NEW_TEXT})
            return [editor, client.post(target.url("edit"), data)]
        # A translation: wagtail-localize's editor, which saves each string as it is typed.
        translation = target.translation()
        self.segment = StringSegment.objects.get(
            source=translation.source, context__path=target.title_field
        )
        url = reverse(
            "wagtail_localize:edit_string_translation", args=[translation.pk, self.segment.pk]
        )
        return [
            editor,
            client.put(url, f"value={NEW_TEXT}", content_type="application/x-www-form-urlencoded"),
        ]

    def changed(self, target):
        obj = target.get()
        if target.code == "en":
            return obj.latest_revision.content[target.title_field] == NEW_TEXT
        return StringTranslation.objects.filter(
            translation_of=self.segment.string,
            context=self.segment.context,
            locale_id=obj.locale_id,
            data=NEW_TEXT,
        ).exists()


class Lock(Action):
    def perform(self, client, target):
        return [client.post(target.url("lock"))]

    def changed(self, target):
        return target.get().locked


class Unlock(Action):
    def prepare(self, target, admin):
        target.model.objects.filter(pk=target.pk).update(
            locked=True, locked_by=admin, locked_at=timezone.now()
        )

    def perform(self, client, target):
        return [client.post(target.url("unlock"))]

    def changed(self, target):
        return not target.get().locked


class ConvertToAlias(Action):
    def perform(self, client, target):
        url = reverse("wagtail_localize:convert_to_alias", args=[target.pk])
        return [client.get(url), client.post(url)]

    def changed(self, target):
        return target.get().alias_of_id is not None

    def expected_location(self, target):
        return target.url("edit")


class StopSync(Action):
    def prepare(self, target, admin):
        self.translation = target.translation()

    def perform(self, client, target):
        url = reverse("wagtail_localize:stop_translation", args=[self.translation.pk])
        return [client.post(url, {"next": target.url("edit")})]

    def changed(self, target):
        self.translation.refresh_from_db()
        return not self.translation.enabled

    def expected_location(self, target):
        return target.url("edit")


class Copy(Action):
    def prepare(self, target, admin):
        obj = target.get()
        self.count = type(obj).objects.filter(locale_id=obj.locale_id).count()
        self.parent = obj.get_parent() if target.is_page else None

    def perform(self, client, target):
        url = target.url("copy")
        form = client.get(url)
        if target.is_page:
            data = {
                "new_title": NEW_TEXT,
                "new_slug": "copied-by-the-action-test",
                "new_parent_page": self.parent.pk,
            }
            return [form, client.post(url, data)]
        # Wagtail's snippet copy form is sent to the "add" view of the snippet's locale.
        data = editor_form(form, target, name=NEW_TEXT, slug="copied-by-the-action-test")
        return [form, client.post(self.add_url(target), data)]

    @staticmethod
    def add_url(target):
        meta = target.model._meta
        return (
            reverse(f"wagtailsnippets_{meta.app_label}_{meta.model_name}:add")
            + f"?locale={target.code}"
        )

    def changed(self, target):
        obj = target.get()
        return type(obj).objects.filter(locale_id=obj.locale_id).count() == self.count + 1


class Move(Action):
    def prepare(self, target, admin):
        self.home = HomePage.objects.get(depth=2, locale__language_code=target.code)

    def perform(self, client, target):
        confirm = reverse("wagtailadmin_pages:move_confirm", args=[target.pk, self.home.pk])
        return [client.get(target.url("move")), client.get(confirm), client.post(confirm)]

    def changed(self, target):
        return target.get().get_parent().pk == self.home.pk

    def expected_location(self, target):
        return reverse("wagtailadmin_explore", args=[self.home.pk])


class Delete(Action):
    def perform(self, client, target):
        return [client.get(target.url("delete")), client.post(target.url("delete"))]

    def changed(self, target):
        return target.get() is None


class Unpublish(Action):
    def perform(self, client, target):
        return [client.get(target.url("unpublish")), client.post(target.url("unpublish"))]

    def changed(self, target):
        return not target.get().live


class Revert(Action):
    def prepare(self, target, admin):
        obj = target.get()
        self.before = obj.latest_revision_id
        self.revision = obj.revisions.order_by("created_at", "pk").first()

    def perform(self, client, target):
        url = target.url("revisions_revert", self.revision.pk)
        form = client.get(url)
        return [form, client.post(url, editor_form(form, target))]

    def changed(self, target):
        return target.get().latest_revision_id != self.before


class History(Action):
    read_only = True

    def perform(self, client, target):
        return [client.get(target.url("history"))]


class CancelWorkflow(Action):
    def prepare(self, target, admin):
        obj = target.get()
        self.state = obj.get_workflow().start(obj, admin)

    def perform(self, client, target):
        editor = client.get(target.url("edit"))
        data = {"action-cancel-workflow": "Cancel workflow"}
        if target.code == "en":  # Wagtail's editor reads its form before it cancels
            data = editor_form(editor, target, **data)
        return [editor, client.post(target.url("edit"), data)]

    def changed(self, target):
        self.state.refresh_from_db()
        return self.state.status == WorkflowState.STATUS_CANCELLED

    def expected_location(self, target):
        # Wagtail's page editor cancels and shows the form again (the emptied body does not
        # validate); the translation editor's cancel goes back to the editor.
        return None if target.code == "en" else target.url("edit")


ACTIONS = {
    "edit": Edit,
    "lock": Lock,
    "unlock": Unlock,
    "convert to alias": ConvertToAlias,
    "stop synced translation": StopSync,
    "copy": Copy,
    "move": Move,
    "delete": Delete,
    "unpublish": Unpublish,
    "revert": Revert,
    "history": History,
    "cancel workflow": CancelWorkflow,
}


def test_the_tables_name_every_action():
    assert set(PAGE_TABLE) <= set(ACTIONS)
    assert set(SNIPPET_TABLE) <= set(ACTIONS)
    assert set(PAGE_TABLE["edit"]) == set(GROUPS) == set(SNIPPET_TABLE["edit"])


# --- the walk -------------------------------------------------------------------------------------


def is_refusal(response) -> bool:
    if response.status_code == 403:
        return True
    if response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home"):
        return any(PERMISSION_MESSAGE in str(m) for m in get_messages(response.wsgi_request))
    return False


def walk(client, kind, action_name, role, code, allowed):
    target = target_for(kind, code)
    action = ACTIONS[action_name]()
    action.prepare(target, UserFactory(is_superuser=True))
    client.force_login(UserFactory(groups=[GROUPS[role]]))
    responses = action.perform(client, target)
    described = [(r.request["REQUEST_METHOD"], r.status_code, r.get("Location")) for r in responses]
    if allowed:
        for response in responses:
            assert response.status_code < 400 and not is_refusal(response), described
        if (expected := action.expected_location(target)) is not None:
            assert responses[-1]["Location"] == expected, described
        assert action.read_only or action.changed(target), described
    else:
        last = responses[-1]
        refused = is_refusal(last) or (
            (action_name, code) in NOT_FOUND_IS_REFUSAL and last.status_code == 404
        )
        assert refused, described
        assert action.read_only or not action.changed(target), described


@pytest.mark.parametrize(
    ("kind", "action_name", "role", "code", "allowed"), cases(PAGE_TABLE, "page")
)
def test_page_action(db, client, kind, action_name, role, code, allowed):
    walk(client, kind, action_name, role, code, allowed)


@pytest.mark.parametrize(
    ("kind", "action_name", "role", "code", "allowed"), cases(SNIPPET_TABLE, "topic")
)
def test_snippet_action(db, client, kind, action_name, role, code, allowed):
    walk(client, kind, action_name, role, code, allowed)


@pytest.mark.parametrize("model", ["organisation", "award"])
@pytest.mark.parametrize(
    ("kind", "action_name", "role", "code", "allowed"),
    cases(SNIPPET_TABLE, "snippet", OTHER_SNIPPET_ACTIONS),
)
def test_other_snippet_action(db, client, model, kind, action_name, role, code, allowed):
    walk(client, model, action_name, role, code, allowed)
