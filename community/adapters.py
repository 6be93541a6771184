from allauth.account.adapter import DefaultAccountAdapter

from community.actions import start_membership


class AccountAdapter(DefaultAccountAdapter):
    def save_user(self, request, user, form, commit=True):
        # The display name is part of the row's constraints, so it is set before
        # allauth saves; the membership starts only once the row exists.
        user.display_name = form.cleaned_data["display_name"]
        user = super().save_user(request, user, form, commit=commit)
        if commit:
            start_membership(user)
        return user
