"""Post cards and conversation threads, rendered in Python.

This module is the one home of a post card's markup. A page of a big conversation
shows a couple of hundred cards and the print view up to a thousand; Django's
template engine spends about 0.3 ms on a card, this about 6 µs, which is what keeps
the article page and the print view inside their budgets (see the README's
benchmark figures).

Every value that comes from a person is escaped here; `body_html` was made safe when
it was written (community/sanitize.py) and is shown as stored. Posts arrive decorated
by forum/threads.py: what the viewer may do is decided there, and what they may see
of each post (`post.shown`) by forum/visibility.py, never here.
"""

import functools
from html import escape  # what django.utils.html.escape calls, minus its lazy wrapper

from django.conf import settings
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language, ngettext, pgettext
from django.utils.translation import gettext as _

from community.deflate_once import KeptMarkup
from community.names import FORMER_MEMBER_NAME
from community.sanitize import as_stored_html
from community.url_patterns import pattern
from forum import card_memo
from forum.card_stamps import Stamps
from forum.models import Post, Reaction, Status
from forum.moderation.wording import in_reader_language
from forum.visibility import Shows

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


# A page's markups kept with it, one per page key (language, zone, address...).
MARKUPS_PER_PAGE = 4


class CardRenderer:
    """Renders decorated posts for one viewer and one page.

    Cards offer only the actions forum/threads.py allowed (`viewer_can_*`); the
    print view allows none, so its cards are read-only.
    """

    def __init__(self, *, csrf_token="", next_url=""):
        self.urls = {part: pattern(name) for part, name in _URL_NAMES.items()}
        self.csrf_token_input = (
            '<input type="hidden" name="csrfmiddlewaretoken" '
            f'value="{escape(csrf_token)}">'
        )
        self.csrf_input = card_memo.CSRF_SLOT  # filled in as a card leaves the renderer
        self.next_input = (
            f'<input type="hidden" name="next" value="{escape(next_url)}">'
        )
        self.visitor_name = escape(
            _("A %(site_name)s Visitor") % {"site_name": settings.SITE_NAME}
        )
        self.stamp = Stamps()
        # Everything besides the post a card depends on (forum/card_memo.py).
        self.page_key = (
            get_language(),
            self.stamp.zone,
            self.urls["detail"],
            self.next_input,
            self.visitor_name,
        )
        self.words = self._words(self.page_key[0])
        # Unescaped: escaped with the rest of "replying to …".
        self.former_member = _("A former member")
        self.replying_to = _("replying to %(name)s")
        self.verbs = {
            Post.Kind.QUESTION: self.words["asked"],
            Post.Kind.REPLY: self.words["replied"],
        }
        # Reaction names translated once per page, not once per card.
        self.reactions = tuple(
            (kind, escape(str(label)), counter) for kind, label, counter in _REACTIONS
        )

    @staticmethod
    @functools.cache
    def _words(language):
        """The card's fixed words in the active `language`, translated once per
        process rather than per card or page (~0.1 ms a page on a slow machine)."""
        return {
            "question": escape(pgettext("kind of post", "Question")),
            "asked": escape(pgettext("post card, before the date", "Asked")),
            "replied": escape(pgettext("post card, before the date", "replied")),
            "posted": escape(pgettext("post card, before the date", "posted")),
            "see_history": escape(_("See the edit history")),
            "edited": escape(pgettext("post card badge", "edited")),
            "held": escape(_("Waiting for review")),
            "rejected": escape(_("Not approved")),
            "pinned": escape(_("Pinned")),
            "locked": escape(_("Locked: no new replies")),
            "picture": escape(_("A picture shared by a member")),
            "reply": escape(pgettext("verb", "Reply")),
            "edit": escape(pgettext("verb", "Edit")),
            "report": escape(pgettext("verb", "Report")),
            "delete": escape(pgettext("verb", "Delete")),
            "delete_question": escape(_("Delete this post? Replies to it will stay.")),
            "delete_post": escape(_("Delete post")),
            "no_posts": escape(_("No posts yet. Yours could be the first.")),
            "older_posts": escape(_("Older posts")),
            "former_member": escape(_("A former member")),
        }

    def url(self, name, pk):
        return self.urls[name].format(pk)

    # --- one card -------------------------------------------------------------

    def card(self, post, *, show_replies_link=False) -> SafeString:
        """One post; `show_replies_link` (feed, questions) needs `visible_replies`."""
        markup = self._kept_card(post, show_replies_link)
        # SafeString, not mark_safe(): the same, without its check for lazy text.
        return SafeString(self._with_csrf(markup))  # every part escaped below

    def _with_csrf(self, markup):
        return markup.replace(card_memo.CSRF_SLOT, self.csrf_token_input)

    def _kept_card(self, post, show_replies_link):
        """A card's markup (CSRF field still a slot), rendered once per version of
        the post (forum/card_memo.py): a print view costs a lookup a card."""
        key = card_memo.key(self.page_key, post, show_replies_link)
        if key is None:
            return self._card(post, show_replies_link)
        markup = card_memo.kept(key)
        if markup is None:
            markup = card_memo.keep(key, self._card(post, show_replies_link))
        return markup

    def _card(self, post, show_replies_link):
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
            if shown.muted:
                out.append(self._muted_summary(post))
            if shown.shows is Shows.WITH_NOTE:
                out.append(self._moderation_note(post))
            out.append(self._header(post))
            if post.kind == Post.Kind.QUESTION and post.depth == 0:
                out.append(f'<p class="post-kind">{self.words["question"]}</p>')
            if post.body_html:
                out.append(
                    f'<div class="post-body">{as_stored_html(post.body_html)}</div>'
                )
            if post.thumbnail_width:
                out.append(self._picture(post))
            out.append(self._footer(post, show_replies_link))
            if shown.muted:
                out.append("</details>")
        out.append("</article>")
        return "".join(out)

    @staticmethod
    def _muted_summary(post):
        """Opens a <details> (closed by the caller): the post, one click away,
        without JavaScript."""
        summary = escape(
            _("You muted %(name)s · show") % {"name": post.author_name or ""}
        )
        return f'<details class="muted-post"><summary>{summary}</summary>'

    def _tombstone(self, post):
        label = escape(Status(post.status).label)
        return (
            f'<p class="tombstone" id="post-{post.pk}-by">{label} · '
            f"{self.stamp(post.created_at, with_time=False)}</p>"
        )

    def _moderation_note(self, post):
        label = escape(Status(post.status).label)
        reason = post.shown.reason
        if reason:
            reason = in_reader_language(reason)
            reason = " " + escape(_("Reason: %(reason)s.") % {"reason": reason})
        if post.status == Status.HIDDEN_REPORTS:
            who_sees = _(
                "Other members can't see it while a moderator looks at the reports."
            )
        else:
            who_sees = _("Other members see only that it was %(status)s.") % {
                "status": label.lower()
            }
        return (
            f'<p class="moderation-note" role="status"><strong>{label}.</strong>'
            f"{reason} {who_sees}</p>"
        )

    def _header(self, post):
        if post.is_visitor_question:
            author = self.visitor_name
        elif post.author_name == FORMER_MEMBER_NAME:  # no profile to link to
            author = self.words["former_member"]
        else:
            author = (
                f'<a href="{self.url("author", post.author_id)}">'
                f"{escape(post.author_name)}</a>"
            )
        words = self.words
        verb = self.verbs.get(post.kind, words["posted"])
        out = [
            '<header class="post-meta">',
            f'<span id="post-{post.pk}-by" class="post-author">{author}</span>',
            f'<span class="post-when">{verb} <a href="{self.url("detail", post.pk)}" '
            f'class="permalink">{self.stamp(post.created_at)}</a></span>',
        ]
        if post.edited_at and post.shown.sees_history:
            out.append(
                f'<a class="post-edited" href="{self.url("history", post.pk)}" '
                f'title="{words["see_history"]}">{words["edited"]}</a>'
            )
        elif post.edited_at:
            out.append(f'<span class="post-edited">{words["edited"]}</span>')
        if post.status == Status.HELD:
            out.append(f'<span class="badge badge-held">{words["held"]}</span>')
        elif post.status == Status.REJECTED:
            out.append(f'<span class="badge badge-held">{words["rejected"]}</span>')
        if post.pinned_at:
            out.append(f'<span class="badge">{words["pinned"]}</span>')
        if post.depth == 0 and post.locked_at:
            out.append(f'<span class="badge">{words["locked"]}</span>')
        if post.replying_to:
            name = post.replying_to
            if name == FORMER_MEMBER_NAME:
                name = self.former_member
            replying_to = self.replying_to % {"name": name}
            out.append(f'<span class="replying-to">{escape(replying_to)}</span>')
        out.append("</header>")
        return "".join(out)

    def _picture(self, post):
        alt = escape(post.picture_alt) if post.picture_alt else self.words["picture"]
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
            for _kind, label, counter in self.reactions:
                if count := getattr(post, counter):
                    out.append(f'<span class="reaction-static">{label} {count}</span>')
        if show_replies_link:
            out.append(
                f'<a class="replies-link" href="{self.url("detail", post.pk)}">'
                f"{self._replies(post.visible_replies)}</a>"
            )
        link = '<a class="action-link" href="{}">{}</a>'
        if post.viewer_can_reply:
            out.append(link.format(self.url("reply", post.pk), self.words["reply"]))
        if post.viewer_can_edit:
            out.append(link.format(self.url("edit", post.pk), self.words["edit"]))
        if post.viewer_can_report:
            out.append(link.format(self.url("report", post.pk), self.words["report"]))
        if post.viewer_can_withdraw:
            out.append(self._delete_form(post))
        out.append("</footer>")
        return "".join(out)

    @staticmethod
    def _replies(count):
        return escape(
            ngettext("%(count)s reply", "%(count)s replies", count) % {"count": count}
        )

    def _reaction_form(self, post):
        out = [
            f'<form method="post" action="{self.url("react", post.pk)}" '
            f'class="reactions">{self.csrf_input}{self.next_input}'
        ]
        for kind, label, counter in self.reactions:
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
            '<details class="delete-confirm">'
            f"<summary>{self.words['delete']}</summary>"
            f'<form method="post" action="{self.url("delete", post.pk)}">'
            f"{self.csrf_input}{self.next_input}"
            f"<p>{self.words['delete_question']}</p>"
            '<button type="submit" class="button-danger">'
            f"{self.words['delete_post']}</button>"
            "</form></details>"
        )

    # --- pages -----------------------------------------------------------------

    def thread(self, page) -> SafeString:
        """Top-level posts, each followed by its inline replies and a "more" link:
        made once per page and page key (a kept page, forum/kept_pages.py, is
        served again)."""
        markup = page.markup.get(self.page_key)
        if markup is None:
            if len(page.markup) >= MARKUPS_PER_PAGE:
                page.markup.clear()  # a hostile query string makes a key each
            markup = page.markup[self.page_key] = KeptMarkup(
                self._thread(page), slot=card_memo.CSRF_SLOT
            )
        # Gzipped once, if served again (a kept page, forum/kept_pages.py).
        html = markup.filled(self.csrf_token_input)
        return mark_safe(html)  # noqa: S308 - escaped in _thread

    def _thread(self, page):
        out = ['<div class="thread" id="post-list">']
        for root in page.posts:
            out.append('<div class="thread-root">')
            out.append(self._kept_card(root, False))
            if root.inline_replies or root.hidden_reply_count:
                out.append('<div class="replies">')
                replies = root.inline_replies
                out.extend(self._kept_card(reply, False) for reply in replies)
                if root.hidden_reply_count:
                    more = escape(
                        ngettext(
                            "Show %(count)s more reply",
                            "Show %(count)s more replies",
                            root.hidden_reply_count,
                        )
                        % {"count": root.hidden_reply_count}
                    )
                    out.append(
                        '<p class="more-replies">'
                        f'<a href="{self.url("detail", root.pk)}">{more}</a></p>'
                    )
                out.append("</div>")
            out.append("</div>")
        if not page.posts:
            out.append(f'<p class="empty">{self.words["no_posts"]}</p>')
        if page.next_cursor:
            out.append(
                '<p class="pager"><a class="button button-secondary" '
                f'href="?before={escape(page.next_cursor)}#post-list">'
                f"{self.words['older_posts']}</a>"
                "</p>"
            )
        out.append("</div>")
        return "".join(out)  # every part escaped above

    def whole_tree(self, posts) -> SafeString:
        """Posts already in tree order (by path), each indented to its depth."""
        html = self._with_csrf("".join(self._kept_card(p, False) for p in posts))
        return mark_safe(html)  # noqa: S308 - every part escaped above
