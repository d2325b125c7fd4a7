from cms.apps import SignalsAppConfig


class WebhooksConfig(SignalsAppConfig):
    """Publish webhooks: endpoints, signed deliveries with retries, the delivery log."""

    default = True  # the class Django picks; SignalsAppConfig is imported here too
    name = "cms.webhooks"
    label = "webhooks"
