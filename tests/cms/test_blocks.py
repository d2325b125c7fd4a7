"""The shared block library: every block has an icon and help text, and required fields hold."""

import pytest
from django.core.exceptions import ValidationError
from wagtail import blocks

from cms.blocks import BaseStreamBlock, CallToActionBlock, CaptionedImageBlock, HeadingBlock
from events.blocks import AgendaItemBlock

BLOCK_NAMES = ["heading", "paragraph", "image", "quote", "embed", "call_to_action", "document"]


def test_base_stream_block_offers_the_shared_library():
    assert list(BaseStreamBlock().child_blocks) == BLOCK_NAMES


@pytest.mark.parametrize("name", BLOCK_NAMES)
def test_each_block_has_an_icon_and_help_text(name):
    block = BaseStreamBlock().child_blocks[name]
    assert block.meta.icon not in (None, "", "placeholder")
    assert block.meta.help_text
    if isinstance(block, blocks.StructBlock):
        for child in block.child_blocks.values():
            assert child.field.help_text, f"{name}.{child.name} has no help text"


def test_heading_requires_text():
    with pytest.raises(ValidationError):
        HeadingBlock().clean({"text": "", "level": "h2"})


def test_image_requires_alt_text():
    with pytest.raises(blocks.StructBlockValidationError) as error:
        CaptionedImageBlock().clean({"image": None, "alt_text": "", "caption": "", "credit": ""})
    assert set(error.value.block_errors) == {"image", "alt_text"}


@pytest.mark.parametrize(
    "value",
    [
        {"text": "Register", "page": None, "url": ""},
        {"text": "Register", "page": None, "url": None},
    ],
)
def test_call_to_action_needs_a_target(value):
    with pytest.raises(blocks.StructBlockValidationError) as error:
        CallToActionBlock().clean(value)
    assert "Choose either a page or an external address" in str(error.value.block_errors["url"])


@pytest.mark.django_db
def test_call_to_action_refuses_both_targets(homes):
    block = CallToActionBlock()
    value = block.to_python({"text": "Go", "page": homes["en"].pk, "url": "https://example.com"})
    with pytest.raises(blocks.StructBlockValidationError):
        block.clean(value)
    only_url = block.to_python({"text": "Go", "page": None, "url": "https://example.com"})
    assert block.clean(only_url)["url"] == "https://example.com"


def test_agenda_item_requires_time_and_title():
    with pytest.raises(blocks.StructBlockValidationError) as error:
        AgendaItemBlock().clean(
            AgendaItemBlock().to_python({"start_time": None, "title": "", "speakers": []})
        )
    assert {"start_time", "title"} <= set(error.value.block_errors)
