"""Post cards and conversation threads, rendered in Python.

This module is the one home of a post card's markup. A page of a big conversation
shows a couple of hundred cards and the print view up to a thousand; Django's
template engine spends about 0.3 ms on a card, this about 15 µs, which is what keeps
the article page and the print view inside their budgets (see the README's
benchmark figures).

Every value that comes from a person is escaped here; `body_html` was made safe when
it was written (community/sanitize.py) and is shown as stored. Posts arrive decorated
by forum/threads.py: what the viewer may do is decided there, and what they may see
of each post (`post.shown`) by forum/visibility.py, never here.
"""

from html import escape  # what django.utils.html.escape calls, minus its lazy wrapper

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe

from community.sanitize import as_stored_html
from community.timestamps import machine_readable
from forum.models import Post, Reaction, Status
from forum.visibility import Shows

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun")
_MONTHS += ("Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_REACTIONS = [(kind.value, kind.label, kind.counter_field) for kind in Reaction.Kind]
_URL_NAMES = {
    "detail": "forum:post_detail",
    "reply": "forum:post_reply",
    "edit": "forum:post_edit",
    "delete": "forum:post_delete",
    "react": "forum:post_react",
    "report": "forum:post_report",
    "history": "forum:post_history",
    "picture": "forum:post_picture",
    "thumbnail": "forum:post_thumbnail",
    "author": "community:profile_detail",
}
_SENTINEL = 2_147_483_647


def _url_patterns():
    """reverse() once per page, then fill in ids: reversing per card is slow."""
    return {
        key: reverse(name, args=[_SENTINEL]).replace(str(_SENTINEL), "{}")
        for key, name in _URL_NAMES.items()
    }


def _stamp(moment, zone=None, *, with_time=True):
    """`<time>` in the current time zone: "Nov 27, 2026, 8:34 a.m." (Django's style).

    Written by hand because Django's date filter costs ~45 µs a call.
    """
    local = timezone.localtime(moment, zone)
    shown = f"{_MONTHS[local.month - 1]} {local.day}, {local.year}"
    if with_time:
        hour = local.hour % 12 or 12
        shown += f", {hour}:{local.minute:02d} {'a.m.' if local.hour < 12 else 'p.m.'}"
    return f'<time datetime="{machine_readable(local)}">{shown}</time>'


def _plural(count, singular, plural):
    return f"{count} {singular if count == 1 else plural}"


class CardRenderer:
    """Renders decorated posts for one viewer and one page.

    Cards offer only the actions forum/threads.py allowed (`viewer_can_*`); the
    print view allows none, so its cards are read-only.
    """

    def __init__(self, *, csrf_token="", next_url=""):
        self.urls = _url_patterns()
        self.csrf_input = (
            '<input type="hidden" name="csrfmiddlewaretoken" '
            f'value="{escape(csrf_token)}">'
        )
        self.next_input = (
            f'<input type="hidden" name="next" value="{escape(next_url)}">'
        )
        self.visitor_name = escape(f"A {settings.SITE_NAME} Visitor")
        self.zone = timezone.get_current_timezone()

    def url(self, name, pk):
        return self.urls[name].format(pk)

    # --- one card -------------------------------------------------------------

    def card(self, post, *, show_replies_link=False) -> SafeString:
        """One post; `show_replies_link` (feed, questions) needs `visible_replies`."""
        shown = post.shown
        classes = f"post depth-{post.display_depth}"
        if shown.shows is not Shows.FULL:
            classes += " post-tombstone"
        out = [
            f'<article id="post-{post.pk}" class="{classes}" '
            f'aria-labelledby="post-{post.pk}-by">'
        ]
        if shown.is_placeholder:
            out.append(self._tombstone(post))
        else:
            if shown.shows is Shows.WITH_NOTE:
                out.append(self._moderation_note(post))
            out.append(self._header(post))
            if post.kind == Post.Kind.QUESTION and post.depth == 0:
                out.append('<p class="post-kind">Question</p>')
            if post.body_html:
                out.append(
                    f'<div class="post-body">{as_stored_html(post.body_html)}</div>'
                )
            if post.thumbnail_width:
                out.append(self._picture(post))
            out.append(self._footer(post, show_replies_link))
        out.append("</article>")
        return mark_safe("".join(out))  # noqa: S308 - every part escaped above

    def _tombstone(self, post):
        label = escape(Status(post.status).label)
        return (
            f'<p class="tombstone" id="post-{post.pk}-by">{label} · '
            f"{_stamp(post.created_at, self.zone, with_time=False)}</p>"
        )

    def _moderation_note(self, post):
        label = escape(Status(post.status).label)
        reason = post.shown.reason
        reason = f" Reason: {escape(reason)}." if reason else ""
        if post.status == Status.HIDDEN_REPORTS:
            who_sees = (
                "Other members can't see it while a moderator looks at the reports."
            )
        else:
            who_sees = f"Other members see only that it was {label.lower()}."
        return (
            f'<p class="moderation-note" role="status"><strong>{label}.</strong>'
            f"{reason} {who_sees}</p>"
        )

    def _header(self, post):
        if post.is_visitor_question:
            author = self.visitor_name
        else:
            author = (
                f'<a href="{self.url("author", post.author_id)}">'
                f"{escape(post.author_name)}</a>"
            )
        verb = {Post.Kind.QUESTION: "Asked", Post.Kind.REPLY: "replied"}.get(
            post.kind, "posted"
        )
        out = [
            '<header class="post-meta">',
            f'<span id="post-{post.pk}-by" class="post-author">{author}</span>',
            f'<span class="post-when">{verb} <a href="{self.url("detail", post.pk)}" '
            f'class="permalink">{_stamp(post.created_at, self.zone)}</a></span>',
        ]
        if post.edited_at and post.shown.sees_history:
            out.append(
                f'<a class="post-edited" href="{self.url("history", post.pk)}" '
                'title="See the edit history">edited</a>'
            )
        elif post.edited_at:
            out.append('<span class="post-edited">edited</span>')
        if post.status == Status.HELD:
            out.append('<span class="badge badge-held">Waiting for review</span>')
        elif post.status == Status.REJECTED:
            out.append('<span class="badge badge-held">Not approved</span>')
        if post.pinned_at:
            out.append('<span class="badge">Pinned</span>')
        if post.depth == 0 and post.thread_locked_at:
            out.append('<span class="badge">Locked: no new replies</span>')
        if post.replying_to:
            out.append(
                f'<span class="replying-to">replying to {escape(post.replying_to)}'
                "</span>"
            )
        out.append("</header>")
        return "".join(out)

    def _picture(self, post):
        alt = escape(post.picture_alt or "A picture shared by a member")
        return (
            f'<p class="post-picture"><a href="{self.url("picture", post.pk)}">'
            f'<img src="{self.url("thumbnail", post.pk)}" '
            f'width="{post.thumbnail_width}" height="{post.thumbnail_height}" '
            f'alt="{alt}" loading="lazy"></a></p>'
        )

    def _footer(self, post, show_replies_link):
        out = ['<footer class="post-actions">']
        if post.viewer_can_react:
            out.append(self._reaction_form(post))
        else:
            for _kind, label, counter in _REACTIONS:
                if count := getattr(post, counter):
                    out.append(f'<span class="reaction-static">{label} {count}</span>')
        if show_replies_link:
            out.append(
                f'<a class="replies-link" href="{self.url("detail", post.pk)}">'
                f"{_plural(post.visible_replies, 'reply', 'replies')}</a>"
            )
        link = '<a class="action-link" href="{}">{}</a>'
        if post.viewer_can_reply:
            out.append(link.format(self.url("reply", post.pk), "Reply"))
        if post.viewer_can_edit:
            out.append(link.format(self.url("edit", post.pk), "Edit"))
        if post.viewer_can_report:
            out.append(link.format(self.url("report", post.pk), "Report"))
        if post.viewer_can_withdraw:
            out.append(self._delete_form(post))
        out.append("</footer>")
        return "".join(out)

    def _reaction_form(self, post):
        out = [
            f'<form method="post" action="{self.url("react", post.pk)}" '
            f'class="reactions">{self.csrf_input}{self.next_input}'
        ]
        for kind, label, counter in _REACTIONS:
            mine = kind in post.my_reactions
            out.append(
                '<button type="submit" name="reaction" '
                f'value="{kind}:{"off" if mine else "on"}" '
                f'class="reaction{" reaction-on" if mine else ""}" '
                f'aria-pressed="{"true" if mine else "false"}">'
                f'{label} <span class="count">{getattr(post, counter)}</span></button>'
            )
        out.append("</form>")
        return "".join(out)

    def _delete_form(self, post):
        return (
            '<details class="delete-confirm"><summary>Delete</summary>'
            f'<form method="post" action="{self.url("delete", post.pk)}">'
            f"{self.csrf_input}{self.next_input}"
            "<p>Delete this post? Replies to it will stay.</p>"
            '<button type="submit" class="button-danger">Delete post</button>'
            "</form></details>"
        )

    # --- pages -----------------------------------------------------------------

    def thread(self, page) -> SafeString:
        """Top-level posts, each followed by its inline replies and a "more" link."""
        out = ['<div class="thread" id="post-list">']
        for root in page.posts:
            out.append('<div class="thread-root">')
            out.append(self.card(root))
            if root.inline_replies or root.hidden_reply_count:
                out.append('<div class="replies">')
                out.extend(self.card(reply) for reply in root.inline_replies)
                if root.hidden_reply_count:
                    more = _plural(
                        root.hidden_reply_count, "more reply", "more replies"
                    )
                    out.append(
                        '<p class="more-replies">'
                        f'<a href="{self.url("detail", root.pk)}">Show {more}</a></p>'
                    )
                out.append("</div>")
            out.append("</div>")
        if not page.posts:
            out.append('<p class="empty">No posts yet. Yours could be the first.</p>')
        if page.next_cursor:
            out.append(
                '<p class="pager"><a class="button button-secondary" '
                f'href="?before={escape(page.next_cursor)}#post-list">Older posts</a>'
                "</p>"
            )
        out.append("</div>")
        return mark_safe("".join(out))  # noqa: S308 - every part escaped above

    def whole_tree(self, posts) -> SafeString:
        """Posts already in tree order (by path), each indented to its depth."""
        return mark_safe("".join(self.card(post) for post in posts))  # noqa: S308
