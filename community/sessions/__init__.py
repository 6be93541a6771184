"""Session engines that store nothing while the site is read-only.

Settings pick `community.sessions.db` or `community.sessions.cached_db` (with
Redis). Reading a session works as usual; saving or deleting one is skipped in
read-only mode (community/read_only.py), so a page that touches the session, or a
sign-out (which only drops the cookie then), writes nothing.
"""

from community import read_only


class SkipsWritesWhenReadOnly:
    def save(self, must_create=False):
        if read_only.is_on():
            return
        super().save(must_create=must_create)

    def delete(self, session_key=None):
        if read_only.is_on():
            return
        super().delete(session_key)
