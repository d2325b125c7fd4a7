"""The peers' copy of this project's event card: an event page with an image, topic snippets and
speaker pages through orderables (as events.EventPage with its TopicRow and PersonRow), exposed
the way each peer's documentation shows: grapple's `graphql_fields` and Wagtail API v2's
`api_fields` (an ImageRenditionField for the picture, the orderables as child relations).
"""

from django.db import models
from grapple.models import (
    GraphQLCollection,
    GraphQLForeignKey,
    GraphQLImage,
    GraphQLSnippet,
    GraphQLString,
)
from modelcluster.fields import ParentalKey
from rest_framework import serializers
from wagtail.api import APIField
from wagtail.images.api.fields import ImageRenditionField
from wagtail.models import Orderable, Page
from wagtail.snippets.models import register_snippet

# The card's rendition (benchmarks/shape.py RENDITION).
RENDITION = "fill-480x270"


@register_snippet
class Topic(models.Model):
    name = models.CharField(max_length=120)
    slug = models.SlugField(max_length=120)

    graphql_fields = [GraphQLString("name"), GraphQLString("slug")]

    def __str__(self):
        return self.name


class HomePage(Page):
    pass


class SpeakerPage(Page):
    pass


class EventPage(Page):
    start = models.DateTimeField()
    end = models.DateTimeField()
    main_image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    graphql_fields = [
        GraphQLString("start"),
        GraphQLImage("main_image"),
        GraphQLCollection(GraphQLSnippet, "topics", "cards.Topic", source="topics.topic"),
        GraphQLCollection(
            GraphQLForeignKey, "speakers", "cards.SpeakerPage", source="speakers.person"
        ),
    ]
    api_fields = [
        APIField("url_path"),
        APIField("start"),
        APIField("main_image_card", serializer=ImageRenditionField(RENDITION, source="main_image")),
        APIField("topics"),
        APIField("speakers"),
    ]


class TopicSerializer(serializers.ModelSerializer):
    class Meta:
        model = Topic
        fields = ["name", "slug"]


class SpeakerSerializer(serializers.Serializer):
    title = serializers.CharField()
    path = serializers.CharField(source="url_path")


class EventPageTopic(Orderable):
    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="topics")
    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="+")

    api_fields = [APIField("topic", serializer=TopicSerializer())]


class EventSpeaker(Orderable):
    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="speakers")
    person = models.ForeignKey(SpeakerPage, on_delete=models.CASCADE, related_name="+")

    api_fields = [APIField("person", serializer=SpeakerSerializer())]
