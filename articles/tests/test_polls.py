import datetime
import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test import Client
from django.utils import timezone

from articles import polls
from articles.models import Poll, PollOption, PollVote
from articles.tests.factories import make_draft, make_poll, make_published

pytestmark = pytest.mark.django_db


@pytest.fixture
def poll(editor, medical_reviewer):
    return make_poll(make_published(editor, medical_reviewer))


ORIGIN = "http://testserver"


def vote_url(poll):
    return f"/articles/{poll.article.slug}/poll/"


def test_member_votes_once(poll, member):
    dose = poll.options.get(text="Dose")
    polls.cast_vote(poll, option=dose, member=member)
    with pytest.raises(ValidationError, match="already voted"):
        polls.cast_vote(poll, option=poll.options.get(text="Sleep"), member=member)
    assert PollVote.objects.count() == 1
    assert Poll.objects.get(pk=poll.pk).total_votes == 1
    assert PollOption.objects.get(pk=dose.pk).vote_count == 1


def test_results_show_only_after_voting(client, poll, member):
    client.force_login(member)
    html = client.get(poll.article.get_absolute_url()).content.decode()
    assert 'name="option"' in html
    assert "<meter" not in html
    client.post(
        vote_url(poll),
        {"option": poll.options.get(text="Cravings").pk},
        HTTP_ORIGIN=ORIGIN,
    )
    html = client.get(poll.article.get_absolute_url()).content.decode()
    assert 'name="option"' not in html
    assert "(your vote)" in html
    assert '<span class="poll-percent">100%</span>' in html
    assert "1 vote" in html


def test_percentages_are_shown_as_text_and_bars(client, poll, member, other_member):
    polls.cast_vote(poll, option=poll.options.get(text="Dose"), member=other_member)
    polls.cast_vote(poll, option=poll.options.get(text="Sleep"), member=member)
    client.force_login(member)
    html = client.get(poll.article.get_absolute_url()).content.decode()
    assert html.count('<span class="poll-percent">50%</span>') == 2
    assert '<meter min="0" max="100" value="50"' in html
    assert "2 votes" in html


def test_a_visitor_votes_once_per_browser(poll):
    browser = Client()
    option = poll.options.get(text="Dose").pk
    browser.post(vote_url(poll), {"option": option}, HTTP_ORIGIN=ORIGIN)
    response = browser.post(
        vote_url(poll), {"option": option}, follow=True, HTTP_ORIGIN=ORIGIN
    )
    assert "already voted" in response.content.decode()
    assert PollVote.objects.count() == 1
    html = browser.get(poll.article.get_absolute_url()).content.decode()
    assert "(your vote)" in html
    other_browser = Client()
    other_browser.post(vote_url(poll), {"option": option}, HTTP_ORIGIN=ORIGIN)
    assert PollVote.objects.count() == 2


def test_a_forged_voter_cookie_does_not_count(poll):
    browser = Client()
    browser.cookies["poll_voter"] = "forged-value"
    browser.post(
        vote_url(poll), {"option": poll.options.first().pk}, HTTP_ORIGIN=ORIGIN
    )
    assert PollVote.objects.get().browser_key != "forged-value"


def test_closed_polls_refuse_votes_and_show_results(client, poll, member):
    poll.closes_on = timezone.localdate() - datetime.timedelta(days=1)
    poll.save()
    with pytest.raises(ValidationError, match="closed"):
        polls.cast_vote(poll, option=poll.options.first(), member=member)
    client.force_login(member)
    html = client.get(poll.article.get_absolute_url()).content.decode()
    assert "This poll is closed" in html


def test_an_option_from_another_poll_is_refused(poll, member, editor, medical_reviewer):
    other = make_poll(make_published(editor, medical_reviewer, title="Another one"))
    with pytest.raises(ValidationError):
        polls.cast_vote(poll, option=other.options.first(), member=member)
    assert not PollVote.objects.exists()


def test_polls_on_unpublished_articles_take_no_votes(editor, member):
    poll = make_poll(make_draft(editor, title="Draft with poll"))
    with pytest.raises(ValidationError):
        polls.cast_vote(poll, option=poll.options.first(), member=member)


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="needs a database with real concurrency"
)
def test_concurrent_votes_by_one_member_count_once(editor, medical_reviewer, member):
    poll = make_poll(make_published(editor, medical_reviewer))
    options = list(poll.options.all())
    start = threading.Barrier(8)
    outcomes = []

    def vote(option):
        try:
            start.wait()
            polls.cast_vote(poll, option=option, member=member)
            outcomes.append("counted")
        except ValidationError:
            outcomes.append("refused")
        finally:
            connection.close()

    workers = [
        threading.Thread(target=vote, args=(options[i % len(options)],))
        for i in range(8)
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert sorted(outcomes) == ["counted"] + ["refused"] * 7
    assert PollVote.objects.filter(poll=poll).count() == 1
    assert Poll.objects.get(pk=poll.pk).total_votes == 1
    assert sum(o.vote_count for o in PollOption.objects.filter(poll=poll)) == 1


def test_votes_from_another_site_are_refused(poll):
    browser = Client()
    option = poll.options.first().pk
    response = browser.post(
        vote_url(poll), {"option": option}, HTTP_ORIGIN="https://evil.example"
    )
    assert response.status_code == 403
    assert browser.post(vote_url(poll), {"option": option}).status_code == 403
    assert not PollVote.objects.exists()
