"""Readers' pages: article lists, topics, articles, polls, reviewer pages."""

import secrets

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_POST

from articles import caching, polls, publishing, translations
from articles.article_block import ArticleBlock
from articles.forms import PollVoteForm
from articles.jsonld import medical_web_page
from articles.models import (
    Article,
    ReviewerProfile,
    Topic,
)
from articles.page_article import article_for_page
from community.early_answers import answer_early
from community.http_caching import mark_public_for_visitors, public_for_visitors
from community.limits import RateLimited, visitor_key
from community.models import User
from community.permissions import can_review_medically
from community.read_replica import replica_for_visitors
from forum import threads
from forum.forms import PostForm
from forum.models import Post
from forum.visibility import readable_by_any_member

VOTER_COOKIE = caching.VOTER_COOKIE
VOTER_SALT = "articles.poll"


def _browser_key(request):
    return request.get_signed_cookie(VOTER_COOKIE, default="", salt=VOTER_SALT)


@replica_for_visitors
@public_for_visitors
def article_list(request):
    articles = Article.objects.published().select_related(
        "live_revision", "medical_reviewer__profile"
    )
    page = Paginator(articles, settings.ARTICLES_PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "articles/article_list.html",
        {"page": page, "topics": Topic.objects.all()},
    )


@replica_for_visitors
@public_for_visitors
def topic_list(request):
    """Every topic, with how many published articles it holds."""
    topics = Topic.objects.annotate(
        published_count=Count(
            "articles", filter=Q(articles__status=Article.Status.PUBLISHED)
        )
    )
    canonical_url = request.build_absolute_uri(reverse("articles:topic_list"))
    return render(
        request,
        "articles/topic_list.html",
        {"topics": topics, "canonical_url": canonical_url},
    )


@replica_for_visitors
@public_for_visitors
def topic_detail(request, slug):
    topic = get_object_or_404(Topic, slug=slug)
    articles = topic.articles.published().select_related(
        "live_revision", "medical_reviewer__profile"
    )
    page = Paginator(articles, settings.ARTICLES_PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "articles/topic_detail.html",
        {"topic": topic, "page": page, "topics": Topic.objects.all()},
    )


def _poll_for(request, article, shown):
    """The article's poll, the choices shown, and this reader's vote (or Nones)."""
    poll = article.poll_or_none() if shown.poll_options else None
    vote = poll_choices = None
    if poll is not None:
        # Read with the article (article_for_page): no query of its own.
        if article.viewers_vote_option_id is not None:
            vote = polls.VoteShown(option_id=article.viewers_vote_option_id)
        poll_choices = polls.shown_choices(poll, shown)
    return poll, poll_choices, vote


def _conversation_for(request, article):
    """Members get the conversation page; visitors only how many posts it has."""
    conversation_page = None
    conversation_size = None
    if not request.user.is_authenticated and article.conversation_id:
        conversation_size = readable_by_any_member(
            Post.objects.filter(conversation_id=article.conversation_id)
        ).count()
    if request.user.is_authenticated and article.conversation_id:
        conversation_page = threads.conversation_page(
            article.conversation,
            request.user,
            before=request.GET.get("before"),
            inline_replies=settings.ARTICLES_INLINE_REPLIES,
        )
    return conversation_page, conversation_size


def _shown_revision(article, *, is_preview):
    """Readers see the signed live revision; staff preview the newest one."""
    revision = publishing.latest_revision(article) if is_preview else None
    revision = revision or article.live_revision
    if revision is None:
        raise Http404
    return revision


def _for_search_engines(request, article, shown, canonical_url):
    """The other-language version, the hreflang alternates and the structured data
    of a published article."""
    other_version, language_versions = translations.page_versions(
        article, request.build_absolute_uri
    )
    return (
        other_version,
        language_versions,
        _json_ld(request, article, shown, canonical_url),
    )


def _json_ld(request, article, shown, canonical_url):
    """The published article's structured data for search engines."""
    reviewer_url = request.build_absolute_uri(
        reverse("articles:reviewer_detail", args=[article.medical_reviewer_id])
    )
    return medical_web_page(
        article,
        shown=shown,
        canonical_url=canonical_url,
        reviewer_url=reviewer_url,
        site_url=request.build_absolute_uri("/"),
    )


def _cached_for_visitors(slug):
    html = caching.cached_page(slug)
    if html is None:
        return None
    response = mark_public_for_visitors(HttpResponse(html))
    return answer_early(response, caching.early_answer(slug))


@replica_for_visitors
def article_detail(request, slug):
    cacheable = caching.can_serve_from_cache(request)
    if cacheable and (cached := _cached_for_visitors(slug)) is not None:
        return cached
    article = article_for_page(request.user, _browser_key(request), slug)
    is_preview = article.status != Article.Status.PUBLISHED
    shown = _shown_revision(article, is_preview=is_preview).shown
    poll, poll_choices, vote = _poll_for(request, article, shown)
    conversation_page, conversation_size = _conversation_for(request, article)
    canonical_url = request.build_absolute_uri(article.get_absolute_url())
    other_version, language_versions, json_ld = (
        (None, [], None)
        if is_preview
        else _for_search_engines(request, article, shown, canonical_url)
    )
    response = render(
        request,
        "articles/article_detail.html",
        {
            "article": article,
            "shown": shown,
            "is_preview": is_preview,
            "poll": poll,
            "poll_choices": poll_choices,
            "vote": vote,
            "poll_form": PollVoteForm(
                question=shown.poll_question, choices=poll_choices
            )
            if poll
            else None,
            "conversation_page": conversation_page,
            "conversation_size": conversation_size,
            "comment_form": PostForm(body_label=_("Your comment")),
            "canonical_url": canonical_url,
            "other_version": other_version,
            "article_block": ArticleBlock.of(
                article, shown, is_preview=is_preview, other_version=other_version
            ),
            "language_versions": language_versions,
            "json_ld": json_ld,
        },
    )
    if is_preview:
        response["X-Robots-Tag"] = "noindex"
    elif cacheable:
        caching.store_page(slug, article.conversation_id, response.content.decode())
        mark_public_for_visitors(response)
    return response


def _same_origin(request):
    """Visitors' poll forms carry no CSRF token (so article pages can be cached);
    the browser's Origin (or Referer) header must name this site instead."""
    own = f"{request.scheme}://{request.get_host()}"
    origin = request.headers.get("Origin")
    if origin:
        return origin == own
    return request.headers.get("Referer", "").startswith(own + "/")


@csrf_exempt
@require_POST
def poll_vote(request, slug):
    if not _same_origin(request):
        raise PermissionDenied
    if request.user.is_authenticated:
        # Members' sessions keep Django's full CSRF protection.
        return csrf_protect(_record_vote)(request, slug)
    return _record_vote(request, slug)


def _record_vote(request, slug):
    article = get_object_or_404(Article.objects.published().for_page(), slug=slug)
    poll = article.poll_or_none()
    shown = article.live_revision.shown
    if poll is None or not shown.poll_options:
        raise Http404
    form = PollVoteForm(
        request.POST,
        question=shown.poll_question,
        choices=polls.shown_choices(poll, shown),
    )
    browser_key = ""
    if not request.user.is_authenticated:
        browser_key = _browser_key(request) or secrets.token_urlsafe(24)
    if form.is_valid():
        option = poll.options.get(pk=form.cleaned_data["option"])
        try:
            polls.cast_vote(
                poll,
                option=option,
                member=request.user if request.user.is_authenticated else None,
                browser_key=browser_key,
                visitor_key=visitor_key(request) if browser_key else None,
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        except RateLimited as limited:
            messages.error(request, limited.message)
        else:
            messages.success(request, _("Thank you for voting."))
    else:
        messages.error(request, _("Please choose an answer."))
    response = redirect(f"{article.get_absolute_url()}#poll")
    if browser_key:
        response.set_signed_cookie(
            VOTER_COOKIE,
            browser_key,
            salt=VOTER_SALT,
            max_age=60 * 60 * 24 * 365,
            httponly=True,
            secure=request.is_secure(),
            samesite="Lax",
        )
    return response


@public_for_visitors
def reviewer_detail(request, pk):
    """A medical reviewer's public page: who they are and what they reviewed."""
    reviewer = get_object_or_404(User.objects.select_related("profile"), pk=pk)
    articles = list(
        Article.objects.published()
        .filter(medical_reviewer=reviewer)
        .select_related("live_revision")
    )
    if not articles and not can_review_medically(reviewer):
        raise Http404
    reviewer_profile = ReviewerProfile.objects.filter(user=reviewer).first()
    return render(
        request,
        "articles/reviewer_detail.html",
        {
            "reviewer": reviewer,
            "reviewer_profile": reviewer_profile,
            "articles": articles,
        },
    )
