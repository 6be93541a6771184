"""Public pages only: member content never appears here."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from articles.models import Article, Topic


class ArticleSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.8

    def items(self):
        return Article.objects.published().order_by("pk")

    def lastmod(self, article):
        return article.content_changed_at


class TopicSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.5

    def items(self):
        return Topic.objects.order_by("pk")


class PublicPageSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.6

    def items(self):
        return [
            "community:home",
            "community:help",
            "community:guidelines",
            "community:privacy",
            "community:about",
            "articles:article_list",
            "articles:topic_list",
        ]

    def location(self, name):
        return reverse(name)


SITEMAPS = {
    "pages": PublicPageSitemap,
    "articles": ArticleSitemap,
    "topics": TopicSitemap,
}
