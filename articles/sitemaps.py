"""Public pages only: member content never appears here."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from articles import translations
from articles.models import Article, Topic


class ArticleSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.8

    def items(self):
        return Article.objects.published().with_other_language_version().order_by("pk")

    def lastmod(self, article):
        return article.content_changed_at

    def get_urls(self, page=1, site=None, protocol=None):
        """Each article is its own URL; one with a published version in another
        language lists both (and x-default), as its page's <head> does."""
        urls = super().get_urls(page=page, site=site, protocol=protocol)
        origin = f"{self.get_protocol(protocol)}://{self.get_domain(site)}"
        for url in urls:
            _other, versions = translations.page_versions(
                url["item"], lambda path: origin + path
            )
            url["alternates"] = [
                {"lang_code": version.language, "location": version.url}
                for version in versions
            ]
        return urls


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
