from allauth.account.adapter import DefaultAccountAdapter

from community.actions import start_membership
from community.tasks import send_email_message


class AccountAdapter(DefaultAccountAdapter):
    def save_user(self, request, user, form, commit=True):
        # The display name is part of the row's constraints, so it is set before
        # allauth saves; the membership starts only once the row exists.
        user.display_name = form.cleaned_data["display_name"]
        user = super().save_user(request, user, form, commit=commit)
        if commit:
            start_membership(user)
        return user

    def send_mail(self, template_prefix, email, context):
        """Queue allauth's email (confirmation, password reset) for the worker."""
        message = self.render_mail(template_prefix, email, context)
        html = next(
            (
                content
                for content, kind in getattr(message, "alternatives", [])
                if kind == "text/html"
            ),
            "",
        )
        send_email_message.enqueue(
            subject=message.subject,
            body=message.body,
            to=list(message.to),
            from_email=message.from_email,
            html=html,
        )
