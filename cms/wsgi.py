import os

from django.core.wsgi import get_wsgi_application
from django.urls import get_resolver

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.production")

application = get_wsgi_application()

# Django imports the URLconf (and with it every app's views and the GraphQL schema) on the first
# request; a worker's first user would wait about half a second for it. Import it now, while the
# process starts.
url_patterns = get_resolver().url_patterns
