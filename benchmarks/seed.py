"""The benchmark community, inserted in bulk.

Going through forum/actions.py costs ~20 ms a post, so posts are built here and
bulk-inserted, with every column the actions derive filled the same way: root,
depth and path (forum.models.path_segment), reply and descendant counts, reaction
counters with their Reaction rows, the author's Follow of each thread, body_html
from community.sanitize, and the search vector from forum.search. Members,
articles, the poll and its votes go through the real actions, or, for 2,000
members, through the rows community.actions.start_membership would make.

Everything is seeded in one transaction; the main article is the marker that says
the community exists.
"""

import datetime
import itertools
import random
import time
from dataclasses import dataclass

from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.db import connection, transaction
from django.utils import timezone

from articles import polls, publishing
from articles.models import Article, Poll, PollOption, Reference, ReviewerProfile
from benchmarks import bulk, text
from community.actions import start_membership
from community.models import Profile, User
from community.names import name_skeleton
from community.permissions import Role, assign_role
from community.sanitize import VERSION as SANITIZER_VERSION
from community.sanitize import render_member_text
from forum import search
from forum.models import MAX_DEPTH, Conversation, Follow, Post, Reaction, path_segment

EMAIL_DOMAIN = "bench.example.org"
ARTICLE_SLUG = "bench-finding-steady-ground-in-the-first-year"
PRINT_SLUG = "bench-talking-with-your-prescriber"
OTHER_SLUG = "bench-article-{}"
BATCH = 5_000
REPLY_TO_ROOT = 0.45  # otherwise a reply answers one of the thread's last six posts
RECENT_WINDOW = 6  # together these put about a fifth of a conversation 3+ deep
REACTED_SHARE = 0.35
UPDATE_TEXTS = 3_000


@dataclass(frozen=True)
class Scale:
    members: int = 2_000
    posts: int = 100_000  # in every conversation together
    article_posts: int = 5_000
    print_posts: int = 500
    other_articles: int = 3
    other_article_posts: int = 1_500

    @classmethod
    def times(cls, factor: int) -> "Scale":
        """More members and posts; the measured conversations keep their sizes
        (so a page's figures compare across scales) and the feed takes the rest."""
        default = cls()
        return cls(posts=default.posts * factor, members=default.members * factor)

    @property
    def feed_posts(self):
        attached = (
            self.article_posts
            + self.print_posts
            + self.other_articles * self.other_article_posts
        )
        return max(self.posts - attached, 0)


@dataclass
class Community:
    article: Article
    print_conversation: Conversation
    member_ids: list


def email(number: int) -> str:
    return f"member-{number:05d}@{EMAIL_DOMAIN}"


def existing() -> Community | None:
    article = Article.objects.filter(slug=ARTICLE_SLUG).first()
    if article is None:
        return None
    return Community(
        article=article,
        print_conversation=Article.objects.get(slug=PRINT_SLUG).conversation,
        member_ids=list(
            User.objects.filter(email__endswith=f"@{EMAIL_DOMAIN}")
            .filter(email__startswith="member-")
            .order_by("pk")
            .values_list("pk", flat=True)
        ),
    )


@transaction.atomic
def seed(scale: Scale = Scale(), *, seed: int = 2026, log=print) -> Community:
    rng = random.Random(seed)  # noqa: S311 - the same community every run, not secrets
    started = time.perf_counter()
    editor, reviewer = _staff()
    member_ids = _members(scale.members, rng)
    log(f"  {len(member_ids)} members ({time.perf_counter() - started:.1f} s)")
    article = _article(
        editor,
        reviewer,
        ARTICLE_SLUG,
        "Finding Steady Ground in the First Year of Recovery",
    )
    _poll(article, member_ids, rng, editor=editor, reviewer=reviewer)
    printable = _article(
        editor,
        reviewer,
        PRINT_SLUG,
        "Talking With Your Prescriber About Dose Changes",
    )
    plan = [
        (Conversation.objects.feed(), scale.feed_posts, 0.25, Post.Kind.UPDATE),
        (article.conversation, scale.article_posts, 0.05, Post.Kind.UPDATE),
        (printable.conversation, scale.print_posts, 0.08, Post.Kind.UPDATE),
    ]
    for number in range(1, scale.other_articles + 1):
        other = _article(
            editor,
            reviewer,
            OTHER_SLUG.format(number),
            f"Recovery notes, part {number}",
        )
        plan.append(
            (other.conversation, scale.other_article_posts, 0.1, Post.Kind.UPDATE)
        )
    writer = _PostWriter(member_ids, rng)
    for conversation, size, root_share, kind in plan:
        writer.conversation(conversation, size, root_share, kind)
    writer.flush()
    log(f"  {writer.written} posts ({time.perf_counter() - started:.1f} s)")
    search.index_posts(Post.objects.filter(conversation__in=[c for c, *_ in plan]))
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    log(f"  search index and statistics ({time.perf_counter() - started:.1f} s)")
    return Community(article, printable.conversation, member_ids)


# What the README ("PostgreSQL's planner settings") asks of production on SSD
# storage: with PostgreSQL's default of 4 a page of 500 posts joins its authors by
# hashing all 20,000 members at --scale 10 (3.7 of 6.3 ms) instead of using the key.
RANDOM_PAGE_COST = 1.1


def settle(log=print) -> None:
    """VACUUM (ANALYZE) on PostgreSQL, as autovacuum would in production, and the
    planner setting production is told to use.

    Seeding rewrites every post (search vectors, counters) and each bench run
    adds updates: without it the posts table carries a dead row for each live
    one and the full-text index a backlog every lookup reads (search measured
    twice as slow). VACUUM can't run in a transaction, so not inside seed().
    """
    if connection.vendor != "postgresql":
        return
    started = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute("VACUUM (ANALYZE)")
        # For every later connection (the app servers'), and for this one.
        name = connection.ops.quote_name(connection.settings_dict["NAME"])
        setting = f"random_page_cost = {RANDOM_PAGE_COST}"
        cursor.execute(f"ALTER DATABASE {name} SET {setting}")
        cursor.execute(f"SET {setting}")
    log(
        f"  vacuumed and analysed, random_page_cost = {RANDOM_PAGE_COST} "
        f"({time.perf_counter() - started:.1f} s)"
    )


# --- People -----------------------------------------------------------------


def _staff():
    people = []
    for name, role in [
        ("Bench Editor", Role.EDITOR),
        ("Bench Reviewer", Role.MEDICAL_REVIEWER),
    ]:
        user = User.objects.create_user(
            f"{name.lower().replace(' ', '-')}@{EMAIL_DOMAIN}",
            None,
            display_name=name,
        )
        start_membership(user)
        assign_role(user, role)
        people.append(user)
    ReviewerProfile.objects.create(
        user=people[1], specialty="Addiction medicine", conflict_of_interest="None."
    )
    return people


def _members(count, rng):
    """The rows start_membership makes (profile, member role), plus a verified
    address as allauth would record after confirmation. Passwords are unusable."""
    now = timezone.now()
    users = User.objects.bulk_create(
        [
            User(
                email=email(number),
                display_name=text.pseudonym(number),
                name_skeleton=name_skeleton(text.pseudonym(number)),  # no save()
                password=make_password(None),
                date_joined=now - datetime.timedelta(days=rng.uniform(400, 1500)),
            )
            for number in range(count)
        ],
        batch_size=BATCH,
    )
    Profile.objects.bulk_create([Profile(user=user) for user in users])
    member_role = Group.objects.get(name=Role.MEMBER)
    User.groups.through.objects.bulk_create(
        [User.groups.through(user=user, group=member_role) for user in users]
    )
    EmailAddress.objects.bulk_create(
        [
            EmailAddress(user=user, email=user.email, verified=True, primary=True)
            for user in users
        ]
    )
    return [user.pk for user in users]


# --- Articles ---------------------------------------------------------------

ARTICLE_BODY = """## What the first months can feel like

Many people describe the first year as uneven: good weeks, hard days, and slow
progress that is easier to see looking back than in the moment.

## Building a routine that holds

- Regular sleep and meals make cravings easier to notice and manage.
- A short list of people to call helps on the hard evenings.
- Keeping appointments with your prescriber and counsellor matters more than
  getting everything else right.

## When to ask for more help

If your medication dose no longer seems to hold you through the day, or sleep and
mood get worse for more than a couple of weeks, tell your prescriber.
"""


def _article(editor, reviewer, slug, title):
    article = Article(
        title=title,
        slug=slug,
        summary="What the first year of recovery is often like, and what helps.",
        key_takeaways=[
            "Progress in the first year is uneven, and that is normal.",
            "Routines and people to call make hard days easier.",
            "Your prescriber wants to hear when something is not working.",
        ],
        body=ARTICLE_BODY,
    )
    publishing.save_article(article, editor=editor)
    Reference.objects.create(
        article=article,
        position=1,
        text="Substance Abuse and Mental Health Services Administration. "
        "Medications for substance use disorders. Accessed 2026.",
        url="https://www.samhsa.gov/medications-substance-use-disorders",
    )
    publishing.submit_for_review(article, editor=editor)
    return publishing.approve_article(
        article, reviewer=reviewer, notes="Benchmark content."
    )


def _poll(article, member_ids, rng, *, editor, reviewer):
    poll = Poll.objects.create(
        article=article, question="What helped most in your first months?"
    )
    options = [
        PollOption.objects.create(poll=poll, position=position, text=answer)
        for position, answer in enumerate(
            ["A daily routine", "Meetings", "Medication", "Family and friends"], 1
        )
    ]
    # The poll is reviewed content: signed off before readers can vote in it.
    publishing.record_revision(article, editor=editor)
    publishing.approve_article(article, reviewer=reviewer, notes="Poll reviewed.")
    voters = User.objects.filter(
        pk__in=rng.sample(member_ids, min(200, len(member_ids)))
    )
    for voter in voters:
        polls.cast_vote(poll, option=rng.choice(options), member=voter)


# --- Posts ------------------------------------------------------------------


class _PostWriter:
    """Builds whole threads (so every count is complete), inserts them in batches."""

    def __init__(self, member_ids, rng):
        self.rng = rng
        self.member_ids = member_ids
        # A few members write a lot, most a little; everyone's first two posts
        # come round-robin, so no one is "new" and held for review.
        self.activity = list(
            itertools.accumulate(rng.paretovariate(1.2) for _ in member_ids)
        )
        self.authored = 0
        self.now = timezone.now()
        self.posts, self.reactions, self.follows = [], [], set()
        self.rendered = {}
        # A pool of updates, each rendered once: rendering (bleach) costs ~1 ms,
        # too much to spend a million times.
        self.update_texts = [text.update_text(rng) for _ in range(UPDATE_TEXTS)]
        self.written = 0
        self.next_id = None

    def author(self):
        self.authored += 1
        if self.authored <= 2 * len(self.member_ids):
            return self.member_ids[self.authored % len(self.member_ids)]
        # Cumulative weights, summed once: plain weights are summed on every call.
        return self.rng.choices(self.member_ids, cum_weights=self.activity)[0]

    def conversation(self, conversation, size, root_share, kind):
        if size <= 0:
            return
        threads = max(1, int(size * root_share))
        weights = [self.rng.paretovariate(1.6) for _ in range(threads)]
        sizes = [1] * threads
        for thread in self.rng.choices(range(threads), weights, k=size - threads):
            sizes[thread] += 1
        for thread_size in sizes:
            self.thread(conversation, thread_size, kind)
            if len(self.posts) >= BATCH:
                self.flush()

    def thread(self, conversation, size, kind):
        rng = self.rng
        at = self.now - datetime.timedelta(seconds=rng.uniform(3_600, 365 * 86_400))
        root = self.post(conversation, None, kind, rng.choice(self.update_texts), at)
        thread = [root]
        for _ in range(size - 1):
            at = min(
                at + datetime.timedelta(minutes=rng.expovariate(1 / 180)), self.now
            )
            if rng.random() < REPLY_TO_ROOT:
                parent = root
            else:
                parent = rng.choice(thread[-RECENT_WINDOW:])
            if parent.depth >= MAX_DEPTH:
                parent = root
            reply = self.post(
                conversation, parent, Post.Kind.REPLY, text.reply_text(rng), at
            )
            thread.append(reply)
            parent.reply_count += 1
            ancestor = parent
            while ancestor is not None:
                ancestor.descendant_count += 1
                ancestor = ancestor.parent

    def post(self, conversation, parent, kind, body, at):
        if body not in self.rendered:
            self.rendered[body] = render_member_text(body)
        post = Post(
            conversation=conversation,
            kind=kind,
            author_id=self.author(),
            parent=parent,
            depth=parent.depth + 1 if parent else 0,
            body=body,
            body_html=self.rendered[body],
            sanitizer_version=SANITIZER_VERSION,
            created_at=at,
        )
        if self.rng.random() < REACTED_SHARE:
            # Distinct members, one reaction each: never the same reaction twice.
            reactors = self.rng.sample(self.member_ids, self.rng.randint(1, 3))
            for member_id in reactors:
                reaction = Reaction.Kind(self.rng.choice(Reaction.Kind.values))
                counter = reaction.counter_field
                setattr(post, counter, getattr(post, counter) + 1)
                self.reactions.append((post, member_id, reaction))
        self.posts.append(post)
        return post

    def flush(self):
        if not self.posts:
            return
        ids = self.reserve_ids(len(self.posts))
        for post, post_id in zip(self.posts, ids, strict=True):
            # Parents come before their replies, so theirs are already set.
            post.pk = post_id
            parent = post.parent
            post.parent_id = parent.pk if parent else None
            post.path = (parent.path if parent else "") + path_segment(post_id)
            post.root_id = parent.root_id if parent else post_id
            self.follows.add((post.author_id, post.root_id))
        bulk.insert(Post, self.posts)
        bulk.insert(
            Reaction,
            [
                Reaction(post_id=post.pk, member_id=member_id, kind=kind)
                for post, member_id, kind in self.reactions
            ],
            with_ids=False,
        )
        bulk.insert(
            Follow,
            [Follow(member_id=m, thread_id=t) for m, t in self.follows],
            with_ids=False,
        )
        self.written += len(self.posts)
        self.posts, self.reactions, self.follows = [], [], set()

    def reserve_ids(self, count):
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT nextval(pg_get_serial_sequence('forum_post', 'id')) "
                    "FROM generate_series(1, %s)",
                    [count],
                )
                return [row[0] for row in cursor.fetchall()]
        if self.next_id is None:  # one writer while seeding: take ids past the end
            last = Post.objects.order_by("-pk").values_list("pk", flat=True).first()
            self.next_id = (last or 0) + 1
        ids = list(range(self.next_id, self.next_id + count))
        self.next_id += count
        return ids
