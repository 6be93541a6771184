"""Views: readers' pages, editorial pages and site search, one module each."""

from articles.views.crawlers import *  # noqa: F403
from articles.views.editorial import *  # noqa: F403
from articles.views.reading import *  # noqa: F403
from articles.views.search import *  # noqa: F403
