from allauth.account.adapter import DefaultAccountAdapter
from django.urls import reverse
from django.utils import translation

from community.actions import start_membership
from community.emails import email_context
from community.languages import remember_signup_language, written_for
from community.tasks import send_email_message


class AccountAdapter(DefaultAccountAdapter):
    def save_user(self, request, user, form, commit=True):
        # The display name is part of the row's constraints, so it is set before
        # allauth saves; the membership starts only once the row exists.
        user.display_name = form.cleaned_data["display_name"]
        user = super().save_user(request, user, form, commit=commit)
        if commit:
            start_membership(user)
            remember_signup_language(user, translation.get_language())
        return user

    def get_signup_redirect_url(self, request):
        # A member who has just confirmed their address is new here, not back.
        return reverse("community:welcome")

    def get_email_verification_redirect_url(self, email_address):
        if self.request.user.is_authenticated:
            return reverse("community:welcome")
        # Confirmed in another browser: sign in first, then the welcome.
        return f"{reverse('account_login')}?next={reverse('community:welcome')}"

    def send_mail(self, template_prefix, email, context):
        """Queue allauth's email (confirmation, password reset) for the worker.

        The context is allauth's own (the request, the address, the site) plus ours,
        so every template can name the community; only the sending is different.
        """
        # A member's saved language, else the one this request is answered in.
        with written_for(context.get("user"), default=translation.get_language()):
            message = self.render_mail(
                template_prefix, email, {**email_context(), "email": email, **context}
            )
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
