"""schema.org MedicalWebPage data for a published article (its live revision)."""

from django.conf import settings
from django.utils.html import strip_tags


def medical_web_page(article, *, shown, canonical_url, reviewer_url, site_url):
    data = {
        "@context": "https://schema.org",
        "@type": "MedicalWebPage",
        "headline": shown.title,
        "url": canonical_url,
        "description": " ".join(strip_tags(str(p)) for p in shown.key_takeaways),
        "datePublished": article.first_published_at.date().isoformat(),
        "dateModified": article.content_changed_at.date().isoformat(),
        "lastReviewed": article.last_reviewed_on.isoformat(),
        "inLanguage": article.language,
        "medicalAudience": {"@type": "MedicalAudience", "audienceType": "Patient"},
        "about": {"@type": "MedicalCondition", "name": "Opioid use disorder"},
        "author": {"@type": "Person", "name": article.author.display_name},
        "publisher": {
            "@type": "Organization",
            "name": settings.SITE_NAME,
            "url": site_url,
        },
        "citation": [r.link for r in shown.references if r.link],
    }
    reviewer = article.medical_reviewer
    if reviewer is not None:
        data["reviewedBy"] = {
            "@type": "Person",
            "name": reviewer.display_name,
            "url": reviewer_url,
        }
        if reviewer.profile.credentials:
            data["reviewedBy"]["honorificSuffix"] = reviewer.profile.credentials
    return data
