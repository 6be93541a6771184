"""Views: members' pages in posts.py, moderators' pages in moderation.py."""

from forum.views.moderation import *  # noqa: F403
from forum.views.posts import *  # noqa: F403
