import secrets

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_POST

from articles import caching, diffing, polls, publishing
from articles import site_search as site_search_rules
from articles.forms import CorrectionForm, PollVoteForm, ReviewNotesForm
from articles.jsonld import medical_web_page
from articles.models import (
    Article,
    ArticleRevision,
    EditorialState,
    MedicalReview,
    ReviewerProfile,
    Topic,
)
from community.decorators import staff_only
from community.limits import RateLimited, visitor_key
from community.models import User
from community.permissions import can_edit_articles, can_review_medically
from forum import threads
from forum.forms import PostForm
from forum.models import Post
from forum.visibility import readable_by_any_member

VOTER_COOKIE = caching.VOTER_COOKIE
VOTER_SALT = "articles.poll"


def _browser_key(request):
    return request.get_signed_cookie(VOTER_COOKIE, default="", salt=VOTER_SALT)


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


def article_detail(request, slug):
    cacheable = caching.can_serve_from_cache(request)
    if cacheable:
        html = caching.cached_page(slug)
        if html is not None:
            return HttpResponse(html)
    article = get_object_or_404(
        Article.objects.visible_to(request.user).for_page(), slug=slug
    )
    is_preview = article.status != Article.Status.PUBLISHED
    # Readers see the signed live revision; staff preview the newest one.
    revision = publishing.latest_revision(article) if is_preview else None
    revision = revision or article.live_revision
    if revision is None:
        raise Http404
    shown = revision.shown
    poll = article.poll_or_none() if shown.poll_options else None
    vote = poll_choices = None
    if poll is not None:
        vote = polls.vote_of(
            poll, member=request.user, browser_key=_browser_key(request)
        )
        poll_choices = polls.shown_choices(poll, shown)
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
    canonical_url = request.build_absolute_uri(article.get_absolute_url())
    json_ld = None
    if not is_preview:
        reviewer_url = request.build_absolute_uri(
            reverse("articles:reviewer_detail", args=[article.medical_reviewer_id])
        )
        json_ld = medical_web_page(
            article,
            shown=shown,
            canonical_url=canonical_url,
            reviewer_url=reviewer_url,
            site_url=request.build_absolute_uri("/"),
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
            "comment_form": PostForm(body_label="Your comment"),
            "canonical_url": canonical_url,
            "json_ld": json_ld,
        },
    )
    if is_preview:
        response["X-Robots-Tag"] = "noindex"
        response["Cache-Control"] = "private, no-store"
    elif cacheable:
        caching.store_page(slug, article.conversation_id, response.content.decode())
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
            messages.success(request, "Thank you for voting.")
    else:
        messages.error(request, "Please choose an answer.")
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


# --- Editors' and reviewers' pages ----------------------------------------------


# Editors and medical reviewers, in a session that passed two-factor sign-in.
editorial_staff_only = staff_only(can_edit_articles, can_review_medically)


@editorial_staff_only
def editorial_dashboard(request):
    articles = list(
        Article.objects.with_editorial_state().select_related(
            "author", "medical_reviewer"
        )
    )
    due = set(Article.objects.review_due().values_list("pk", flat=True))
    by_state = {state: [] for state in EditorialState}
    for article in articles:
        by_state[article.editorial_state].append(article)
    sent_back = _latest_change_requests(articles)
    return render(
        request,
        "articles/editorial_dashboard.html",
        {
            "in_review": by_state[EditorialState.IN_REVIEW],
            "changes_in_review": by_state[EditorialState.PUBLISHED_CHANGE_IN_REVIEW],
            "review_due": [
                (a, a.editorial_state != EditorialState.PUBLISHED)
                for a in articles
                if a.pk in due
            ],
            "drafts": [
                (a, sent_back.get(a.pk))
                for a in by_state[EditorialState.DRAFT]
                + by_state[EditorialState.CHANGES_REQUESTED]
            ],
            "published": [
                (a, sent_back.get(a.pk))
                for a in articles
                if a.status == Article.Status.PUBLISHED and a.pk not in due
            ][:50],
            "can_edit": can_edit_articles(request.user),
            "can_review": can_review_medically(request.user),
        },
    )


def _latest_change_requests(articles):
    """{article pk: the reviewer's notes} for articles sent back."""
    sent_back = [
        article.latest_revision_pk
        for article in articles
        if article.latest_decision == MedicalReview.Decision.CHANGES_REQUESTED
    ]
    reviews = MedicalReview.objects.filter(
        revision__in=sent_back, decision=MedicalReview.Decision.CHANGES_REQUESTED
    ).order_by("signed_at", "id")
    return {review.article_id: review.notes for review in reviews}


def _staff_article(request, pk):
    return get_object_or_404(
        Article.objects.with_editorial_state().select_related("live_revision"), pk=pk
    )


@editorial_staff_only
def article_review(request, pk):
    """The reviewer's page: the newest revision against what readers see."""
    article = _staff_article(request, pk)
    revision = publishing.latest_revision(article)
    live = article.live_revision
    return render(
        request,
        "articles/article_review.html",
        {
            "article": article,
            "revision": revision,
            "live": live,
            "diff": diffing.revision_diff(
                live.content if live else None, revision.content
            )
            if revision
            else [],
            "reviews": MedicalReview.objects.filter(revision=revision)
            .select_related("reviewer")
            .order_by("signed_at", "id")
            if revision
            else [],
            "is_waiting": revision is not None
            and article.editorial_state
            in {EditorialState.IN_REVIEW, EditorialState.PUBLISHED_CHANGE_IN_REVIEW},
            "can_review": can_review_medically(request.user),
            "can_edit": can_edit_articles(request.user),
        },
    )


@editorial_staff_only
def article_history(request, pk):
    """Every revision of an article, who wrote it and who signed it off."""
    article = _staff_article(request, pk)
    revisions = (
        article.revisions.select_related("created_by")
        .prefetch_related("reviews__reviewer")
        .order_by("-id")
    )
    return render(
        request,
        "articles/article_history.html",
        {"article": article, "revisions": revisions},
    )


@editorial_staff_only
def revision_detail(request, pk):
    """One earlier revision as it read, and what it changed from the one before."""
    revision = get_object_or_404(
        ArticleRevision.objects.select_related("article", "created_by"), pk=pk
    )
    previous = (
        ArticleRevision.objects.filter(article=revision.article_id, pk__lt=revision.pk)
        .order_by("-id")
        .first()
    )
    return render(
        request,
        "articles/revision_detail.html",
        {
            "revision": revision,
            "article": revision.article,
            "shown": revision.shown,
            "previous": previous,
            "diff": diffing.revision_diff(
                previous.content if previous else None, revision.content
            ),
            "reviews": revision.reviews.select_related("reviewer").order_by(
                "signed_at", "id"
            ),
        },
    )


@staff_only(can_review_medically)
def article_correct(request, pk):
    """A medical reviewer writes and publishes an urgent correction."""
    article = get_object_or_404(
        Article.objects.published().select_related("live_revision"), pk=pk
    )
    live = article.live_revision.content
    form = CorrectionForm(
        request.POST or None,
        initial={
            name: live[name] for name in CorrectionForm.base_fields if name in live
        },
    )
    if request.method == "POST" and form.is_valid():
        changes = {k: v for k, v in form.cleaned_data.items() if k != "note"}
        try:
            publishing.publish_correction(
                article,
                reviewer=request.user,
                changes=changes,
                note=form.cleaned_data["note"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request, "Correction published, signed off by you, and logged."
            )
            return redirect("articles:article_history", pk=article.pk)
    return render(
        request,
        "articles/article_correct.html",
        {"article": article, "form": form},
        status=400 if form.errors else 200,
    )


def _act(request, pk, action, success, **kwargs):
    article = get_object_or_404(Article, pk=pk)
    try:
        action(article, **kwargs)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, success)
    return redirect("articles:editorial_dashboard")


def _revision_read(article_pk, form):
    """The revision the reviewer's form was showing, or None if it named none."""
    pk = form.cleaned_data.get("revision") if form.is_valid() else None
    if pk is None:
        return None
    return get_object_or_404(ArticleRevision, pk=pk, article=article_pk)


def _refused(request, form):
    messages.error(
        request, " ".join(e for errors in form.errors.values() for e in errors)
    )
    return redirect("articles:editorial_dashboard")


@editorial_staff_only
@require_POST
def article_submit(request, pk):
    return _act(
        request,
        pk,
        publishing.submit_for_review,
        "Sent to medical review.",
        editor=request.user,
    )


@editorial_staff_only
@require_POST
def article_publish(request, pk):
    return _act(
        request, pk, publishing.publish_article, "Published.", editor=request.user
    )


@editorial_staff_only
@require_POST
def article_approve(request, pk):
    form = ReviewNotesForm(request.POST)
    if not form.is_valid():
        return _refused(request, form)
    return _act(
        request,
        pk,
        publishing.approve_article,
        "Signed off. The article is published with your name and today's review date.",
        reviewer=request.user,
        notes=form.cleaned_data["notes"],
        revision=_revision_read(pk, form),
    )


@editorial_staff_only
@require_POST
def article_request_changes(request, pk):
    form = ReviewNotesForm(request.POST)
    if not form.is_valid():
        return _refused(request, form)
    return _act(
        request,
        pk,
        publishing.request_changes,
        "Sent back to the editors with your reasons.",
        reviewer=request.user,
        reasons=form.cleaned_data["notes"],
        revision=_revision_read(pk, form),
    )


def site_search(request):
    """Articles for everyone; members' published posts for members only."""
    query = site_search_rules.normalised_query(request.GET.get("q", ""))
    results, status = site_search_rules.SearchResults(), 200
    if query:
        try:
            results = site_search_rules.search_site(
                query,
                viewer=request.user,
                visitor_key=None
                if request.user.is_authenticated
                else visitor_key(request),
            )
        except RateLimited as limited:
            messages.error(request, limited.message)
            status = 429
    response = render(
        request,
        "articles/search.html",
        {"query": query, "articles": results.articles, "posts": results.posts},
        status=status,
    )
    response["X-Robots-Tag"] = "noindex"
    return response
