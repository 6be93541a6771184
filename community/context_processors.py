from django.conf import settings

from community import read_only


def site(request):
    return {"SITE_NAME": settings.SITE_NAME, "READ_ONLY": read_only.is_on()}
