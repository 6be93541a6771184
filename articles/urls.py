from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from articles import views
from articles.feeds import LatestArticles, LatestArticlesAtom
from articles.sitemaps import SITEMAPS
from community.http_caching import public_for_visitors
from community.read_replica import replica_for_visitors

app_name = "articles"

# Grouped by the path's first segment (forum/urls.py says why).
article_pages = [
    path("", views.article_list, name="article_list"),
    path(
        "feed/",
        replica_for_visitors(public_for_visitors(LatestArticlesAtom())),
        name="feed_atom",
    ),
    path(
        "rss/",
        replica_for_visitors(public_for_visitors(LatestArticles())),
        name="feed_rss",
    ),
    path("topics/", views.topic_list, name="topic_list"),
    path("topics/<slug:slug>/", views.topic_detail, name="topic_detail"),
    path("<slug:slug>/", views.article_detail, name="article_detail"),
    path("<slug:slug>/poll/", views.poll_vote, name="poll_vote"),
]
editorial = [
    path("", views.editorial_dashboard, name="editorial_dashboard"),
    path("articles/<int:pk>/submit/", views.article_submit, name="article_submit"),
    path("articles/<int:pk>/publish/", views.article_publish, name="article_publish"),
    path("articles/<int:pk>/approve/", views.article_approve, name="article_approve"),
    path(
        "articles/<int:pk>/request-changes/",
        views.article_request_changes,
        name="article_request_changes",
    ),
    path(
        "articles/<int:pk>/translate/",
        views.article_translate,
        name="article_translate",
    ),
    path("articles/<int:pk>/review/", views.article_review, name="article_review"),
    path("articles/<int:pk>/history/", views.article_history, name="article_history"),
    path("articles/<int:pk>/correct/", views.article_correct, name="article_correct"),
    path("revisions/<int:pk>/", views.revision_detail, name="revision_detail"),
]

urlpatterns = [
    path("articles/", include(article_pages)),
    path("reviewers/<int:pk>/", views.reviewer_detail, name="reviewer_detail"),
    path("search/", views.site_search, name="search"),
    path("editorial/", include(editorial)),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path(
        "sitemap.xml",
        replica_for_visitors(public_for_visitors(sitemap)),
        {"sitemaps": SITEMAPS},
        name="sitemap",
    ),
]
