"""The benchmark's bulk seeder fills every derived column as the actions would."""

from collections import Counter

import pytest

from articles.models import Poll
from benchmarks import seed
from community.permissions import Role
from community.sanitize import VERSION, render_member_text
from forum import actions
from forum.models import Follow, Post, Reaction, Status, path_segment

pytestmark = pytest.mark.django_db

SMALL = seed.Scale(
    members=12,
    posts=400,
    article_posts=120,
    print_posts=40,
    other_articles=1,
    other_article_posts=40,
)


def test_seeded_trees_are_consistent(settings):
    settings.FORUM_HOLD_FIRST_POSTS = 2
    community = seed.seed(SMALL, log=lambda _: None)
    posts = {post.pk: post for post in Post.objects.all()}
    assert len(posts) == SMALL.posts
    children = Counter(post.parent_id for post in posts.values() if post.parent_id)
    for post in posts.values():
        parent = posts.get(post.parent_id)
        prefix = parent.path if parent else ""
        assert post.path == prefix + path_segment(post.pk)
        assert post.depth == (parent.depth + 1 if parent else 0)
        assert post.root_id == (parent.root_id if parent else post.pk)
        assert post.conversation_id == (parent or post).conversation_id
        assert post.kind == ("reply" if parent else "update")
        assert post.reply_count == children[post.pk]
        descendants = [
            other
            for other in posts.values()
            if other.path.startswith(post.path) and other.pk != post.pk
        ]
        assert post.descendant_count == len(descendants)
        assert post.body_html == render_member_text(post.body)
        assert post.sanitizer_version == VERSION
        assert post.status == Status.PUBLISHED
    reactions = Counter(Reaction.objects.values_list("post_id", "kind"))
    for post in posts.values():
        for kind in Reaction.Kind:
            assert getattr(post, kind.counter_field) == reactions[(post.pk, kind.value)]
    follows = set(Follow.objects.values_list("member_id", "thread_id"))
    assert follows == {(post.author_id, post.root_id) for post in posts.values()}
    article = community.article
    assert article.status == "published"
    assert article.conversation.posts.count() == SMALL.article_posts
    assert Poll.objects.get(article=article).total_votes == SMALL.members
    assert community.print_conversation.posts.count() == SMALL.print_posts
    members = list(community.member_ids)
    assert len(members) == SMALL.members
    first = community.article.conversation.posts.first().author
    assert first.groups.filter(name=Role.MEMBER).exists()
    # Seeded members count as established: their next post is not held.
    actions.post_update(author=first, body="Still here.")
    assert Post.objects.filter(author=first).latest("pk").status == Status.PUBLISHED
    assert seed.existing().member_ids == members


def test_scale_ten_is_a_million_posts_around_the_same_measured_conversations():
    default, tenfold = seed.Scale(), seed.Scale.times(10)
    assert (tenfold.posts, tenfold.members) == (1_000_000, 20_000)
    assert tenfold.article_posts == default.article_posts == 5_000
    assert tenfold.print_posts == default.print_posts
    assert tenfold.feed_posts > 10 * default.feed_posts
