"""Editors' and reviewers' pages, and the editorial workflow actions."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language_info
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from articles import diffing, publishing, translations
from articles.forms import CorrectionForm, ReviewNotesForm
from articles.models import (
    Article,
    ArticleRevision,
    EditorialState,
    MedicalReview,
)
from community.decorators import staff_only
from community.permissions import can_edit_articles, can_review_medically

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
    translated = {}
    for article in articles:
        if article.translation_of_id:
            translated.setdefault(article.translation_of_id, []).append(
                article.language
            )
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
                (
                    a,
                    sent_back.get(a.pk),
                    _translation_choices(a, translated.get(a.pk, [])),
                )
                for a in articles
                if a.status == Article.Status.PUBLISHED and a.pk not in due
            ][:50],
            "can_edit": can_edit_articles(request.user),
            "can_review": can_review_medically(request.user),
        },
    )


def _translation_choices(article, taken):
    """[(language code, its name in the interface language)] not yet started."""
    return [
        (code, get_language_info(code)["name_translated"])
        for code in translations.missing_languages(article, taken)
    ]


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


def _staff_article(pk):
    return get_object_or_404(
        Article.objects.with_editorial_state().select_related(
            "live_revision", "translation_of"
        ),
        pk=pk,
    )


@editorial_staff_only
def article_review(request, pk):
    """The reviewer's page: the newest revision against what readers see."""
    article = _staff_article(pk)
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
    article = _staff_article(pk)
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
                request, _("Correction published, signed off by you, and logged.")
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
        _("Sent to medical review."),
        editor=request.user,
    )


@editorial_staff_only
@require_POST
def article_publish(request, pk):
    return _act(
        request, pk, publishing.publish_article, _("Published."), editor=request.user
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
        _(
            "Signed off. The article is published with your name and today's "
            "review date."
        ),
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
        _("Sent back to the editors with your reasons."),
        reviewer=request.user,
        reasons=form.cleaned_data["notes"],
        revision=_revision_read(pk, form),
    )


@editorial_staff_only
@require_POST
def article_translate(request, pk):
    """Start a draft translation of a published article."""
    original = get_object_or_404(Article.objects.select_related("live_revision"), pk=pk)
    try:
        translation = translations.start_translation(
            original, editor=request.user, language=request.POST.get("language", "")
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("articles:editorial_dashboard")
    messages.success(
        request,
        _(
            "Translation started as a draft. Translate it, then send it to medical "
            "review like any article."
        ),
    )
    return redirect("admin:articles_article_change", translation.pk)
