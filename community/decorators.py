from functools import wraps

from django.contrib.auth.decorators import login_required
from django.utils.cache import patch_cache_control


def members_only(view):
    """Member content needs sign-in, stays out of search engines and shared caches."""

    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        response["X-Robots-Tag"] = "noindex"
        patch_cache_control(response, private=True)
        return response

    return wrapper
