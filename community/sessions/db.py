from django.contrib.sessions.backends import db

from community.sessions import SkipsWritesWhenReadOnly


class SessionStore(SkipsWritesWhenReadOnly, db.SessionStore):
    pass
