""" "Download my data" pages: ask for an export, see its state, download it."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from community import data_export
from community.decorators import members_only
from community.models import DataExport


@members_only
@require_http_methods(["GET", "POST"])
def export_page(request):
    """The state of the member's export, or a button to ask for one."""
    if request.method == "POST":
        try:
            data_export.request_export(request.user)
        except ValidationError as refused:
            messages.error(request, refused.messages[0])
        else:
            messages.success(
                request,
                _("We are preparing your data. We'll email you when it is ready."),
            )
        return redirect("community:data_export")
    export = data_export.current_export(request.user)
    context = {
        "export": export,
        "downloadable": export is not None and data_export.downloadable(export),
        "lifetime_days": data_export.EXPORT_LIFETIME.days,
    }
    return render(request, "community/data_export.html", context)


def export_download(request, pk):
    """The zip, to its member only: anyone else, signed in or not, gets a 404."""
    if not request.user.is_authenticated:
        raise Http404
    export = get_object_or_404(DataExport, pk=pk, member=request.user)
    if not data_export.downloadable(export):
        raise Http404
    data_export.record_download(export)
    response = FileResponse(
        default_storage.open(export.file_name, "rb"),
        as_attachment=True,
        filename=f"my-data-{export.ready_at:%Y-%m-%d}.zip",
        content_type="application/zip",
    )
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex"
    return response
