"""Views by page family; moderators' pages in moderation.py."""

from forum.views.common import *  # noqa: F403
from forum.views.feed import *  # noqa: F403
from forum.views.messages import *  # noqa: F403
from forum.views.moderation import *  # noqa: F403
from forum.views.notifications import *  # noqa: F403
from forum.views.questions import *  # noqa: F403
from forum.views.reports import *  # noqa: F403
from forum.views.threads import *  # noqa: F403
