from django.contrib.sessions.backends import cached_db

from community.sessions import SkipsWritesWhenReadOnly


class SessionStore(SkipsWritesWhenReadOnly, cached_db.SessionStore):
    pass
