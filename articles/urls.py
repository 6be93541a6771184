from django.contrib.sitemaps.views import sitemap
from django.urls import path

from articles import views
from articles.feeds import LatestArticles, LatestArticlesAtom
from articles.sitemaps import SITEMAPS
from community.http_caching import public_for_visitors
from community.read_replica import replica_for_visitors

app_name = "articles"

urlpatterns = [
    path("articles/", views.article_list, name="article_list"),
    path(
        "articles/feed/",
        replica_for_visitors(public_for_visitors(LatestArticlesAtom())),
        name="feed_atom",
    ),
    path(
        "articles/rss/",
        replica_for_visitors(public_for_visitors(LatestArticles())),
        name="feed_rss",
    ),
    path("articles/topics/", views.topic_list, name="topic_list"),
    path("articles/topics/<slug:slug>/", views.topic_detail, name="topic_detail"),
    path("articles/<slug:slug>/", views.article_detail, name="article_detail"),
    path("articles/<slug:slug>/poll/", views.poll_vote, name="poll_vote"),
    path("reviewers/<int:pk>/", views.reviewer_detail, name="reviewer_detail"),
    path("search/", views.site_search, name="search"),
    path("editorial/", views.editorial_dashboard, name="editorial_dashboard"),
    path(
        "editorial/articles/<int:pk>/submit/",
        views.article_submit,
        name="article_submit",
    ),
    path(
        "editorial/articles/<int:pk>/publish/",
        views.article_publish,
        name="article_publish",
    ),
    path(
        "editorial/articles/<int:pk>/approve/",
        views.article_approve,
        name="article_approve",
    ),
    path(
        "editorial/articles/<int:pk>/request-changes/",
        views.article_request_changes,
        name="article_request_changes",
    ),
    path(
        "editorial/articles/<int:pk>/translate/",
        views.article_translate,
        name="article_translate",
    ),
    path(
        "editorial/articles/<int:pk>/review/",
        views.article_review,
        name="article_review",
    ),
    path(
        "editorial/articles/<int:pk>/history/",
        views.article_history,
        name="article_history",
    ),
    path(
        "editorial/articles/<int:pk>/correct/",
        views.article_correct,
        name="article_correct",
    ),
    path(
        "editorial/revisions/<int:pk>/",
        views.revision_detail,
        name="revision_detail",
    ),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path(
        "sitemap.xml",
        replica_for_visitors(public_for_visitors(sitemap)),
        {"sitemaps": SITEMAPS},
        name="sitemap",
    ),
]
