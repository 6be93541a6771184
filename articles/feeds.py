from django.conf import settings
from django.contrib.syndication.views import Feed
from django.urls import reverse_lazy
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from articles.models import Article


class LatestArticles(Feed):
    link = reverse_lazy("articles:article_list")
    description = gettext_lazy("Medically reviewed articles, newest first.")

    def title(self):
        return _("%(site)s: articles") % {"site": settings.SITE_NAME}

    def items(self):
        return Article.objects.published().select_related("live_revision")[:20]

    def item_title(self, item):
        return item.live_revision.title

    def item_description(self, item):
        takeaways = item.live_revision.content["key_takeaways"]
        return " ".join(str(point) for point in takeaways)

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.content_changed_at


class LatestArticlesAtom(LatestArticles):
    feed_type = Atom1Feed
    subtitle = LatestArticles.description
