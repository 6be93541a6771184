"""A mail backend that behaves like an SMTP server that is down."""

from django.core.mail.backends.base import BaseEmailBackend


class UnreachableMailServer(BaseEmailBackend):
    def send_messages(self, email_messages):
        raise ConnectionRefusedError("The mail server is down.")
