from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class AgendaItemBlock(blocks.StructBlock):
    """One item of an event's programme."""

    start_time = blocks.TimeBlock(help_text=_("When this item starts, in the event's time zone."))
    end_time = blocks.TimeBlock(required=False, help_text=_("When it ends; optional."))
    day = blocks.DateBlock(
        required=False, help_text=_("The day, for events of several days; empty on one-day events.")
    )
    title = blocks.CharBlock(max_length=200, help_text=_("What happens: a talk, a panel, a break."))
    description = blocks.TextBlock(required=False, help_text=_("A sentence or two about the item."))
    speakers = blocks.ListBlock(
        blocks.PageChooserBlock(page_type="people.PersonPage"),
        default=[],
        help_text=_("People speaking in this item."),
    )

    class Meta:
        icon = "time"
        label = _("Agenda item")
        help_text = _("A time, a title and who speaks.")


class ProgrammeBlock(blocks.StreamBlock):
    agenda_item = AgendaItemBlock()

    class Meta:
        help_text = _("The event's programme, in order.")
