"""Factories for content that tests build themselves, beside the demo site."""

import datetime as dt

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone
from wagtail.models import Locale

from events.models import EventIndexPage, EventPage
from home.models import Topic


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.com")
    password = factory.PostGenerationMethodCall("set_password", "correct horse battery")

    @factory.post_generation
    def groups(self, create, names, **kwargs):
        if names:
            self.groups.set(Group.objects.filter(name__in=names))
        self.save()


class TopicFactory(factory.django.DjangoModelFactory):
    """A published English topic."""

    class Meta:
        model = Topic

    name = factory.Sequence(lambda n: f"Test topic {n}")
    slug = factory.Sequence(lambda n: f"test-topic-{n}")
    description = "A topic made by a test."
    locale = factory.LazyFunction(Locale.get_default)

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        topic = model_class(*args, **kwargs)
        topic.save()
        topic.save_revision().publish()
        return topic


class EventPageFactory(factory.Factory):
    """A published event under the English event index (built by the demo content)."""

    class Meta:
        model = EventPage

    title = factory.Sequence(lambda n: f"Test event {n}")
    slug = factory.Sequence(lambda n: f"test-event-{n}")
    kind = "forum"
    start = factory.LazyFunction(lambda: timezone.now() + dt.timedelta(days=30))
    end = factory.LazyAttribute(lambda event: event.start + dt.timedelta(hours=4))
    city = "Prague"
    summary = "An event made by a test."

    @classmethod
    def _create(cls, model_class, *args, parent=None, **kwargs):
        parent = parent or EventIndexPage.objects.get(locale=Locale.get_default())
        event = model_class(*args, **kwargs)
        parent.add_child(instance=event)
        event.save_revision().publish()
        return event
