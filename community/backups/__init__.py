"""Backups that restore: one archive holds a consistent database dump, every file
in the media storage and a manifest (row counts per table, a checksum per file,
the code version). `manage.py backup` and `manage.py restore` drive it; see the
README's "Backups" section.

Modules: `archive` (writing and reading the tar and its manifest), `database`
(dump, restore and row counts for PostgreSQL and SQLite), `media` (the default
storage, local or S3), `encryption` (a passphrase from the environment),
`retention` (which old archives go) and `service` (the two operations).
"""
