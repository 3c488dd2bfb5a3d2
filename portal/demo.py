"""The site's own demo pages: the home page's content and the audience pages.

The catalogue the home page leads practitioners to belongs to the programmes app
(``programmes/demo/catalogue.py``): ``load_demo_content`` creates it under the home page
first and hands it to ``load_site``.

Idempotent like every demo loader: pages are found by slug and never overwritten.
"""

import json
from pathlib import Path

from django.utils.translation import gettext as _

from .models import HomePage, StandardPage, SupportService

AUDIENCE_PAGES = [
    {
        "slug": "for-researchers",
        "title": "For researchers",
        "intro": "Help practitioners know what works: evaluate programmes and share your results.",
        "body": [
            ("heading", "How programmes are rated"),
            (
                "paragraph",
                "<p>Each programme's rating is computed from its published "
                "evaluations, outcome by outcome, with a public rubric. Randomised trials and "
                "systematic reviews are strong designs; quasi-experiments with a matched "
                "comparison group are moderate; before-and-after studies are weak; qualitative "
                "studies describe how a programme works but do not count towards a rating. Any "
                "sound evaluation that finds harm is always shown.</p>",
            ),
            ("heading", "Where evidence is missing"),
            (
                "paragraph",
                '<p>Many programmes have never been evaluated. <a href="/programmes/'
                '?rating=insufficient">Browse the programmes with insufficient evidence</a> to '
                "find where an evaluation would make the biggest difference.</p>",
            ),
        ],
    },
    {
        "slug": "for-officials",
        "title": "For member-state officials",
        "intro": "See which programmes can help your country meet Articles 22 to 24 of "
        "Directive 2011/93/EU, and what running them takes.",
        "body": [
            ("heading", "Programmes by obligation"),
            (
                "paragraph",
                "<ul>"
                '<li><a href="/programmes/?target_group=fear-they-might-offend">Article 22: '
                "programmes for people who fear they might offend</a></li>"
                '<li><a href="/programmes/?target_group=general-public&amp;target_group=children'
                '&amp;target_group=parents-carers">Article 23: awareness and education</a></li>'
                '<li><a href="/programmes/?target_group=offended-criminal-proceedings&amp;'
                'target_group=offended-in-prison&amp;target_group=offended-after-release">'
                "Article 24: programmes during and after criminal proceedings</a></li></ul>",
            ),
            (
                "paragraph",
                "<p>Each programme page lists its costs, what implementation "
                "needs (manual, training, supervision) and where it already runs.</p>",
            ),
        ],
    },
]


def ensure_home_page():
    home = HomePage.objects.filter(locale__language_code="en").first()
    if home is None:
        raise RuntimeError("No home page: run `manage.py migrate` first.")
    return home


def ensure_audience_pages(home):
    pages = {}
    for data in AUDIENCE_PAGES:
        page = StandardPage.objects.child_of(home).filter(slug=data["slug"]).first()
        if page is None:
            page = StandardPage(
                title=data["title"],
                slug=data["slug"],
                intro=data["intro"],
                body=data["body"],
                show_in_menus=True,
            )
            home.add_child(instance=page)
            page.save_revision().publish()
        pages[data["slug"]] = page
    return pages


def ensure_home_content(home, catalogue, audience_pages):
    """Fill the home page once; later edits by editors are kept."""
    if home.pathways:
        return
    home.title = "European Prevention Network"
    home.intro = _(
        "Practitioners, researchers and member-state officials working together to prevent "
        "child sexual abuse: evaluated programmes, shared materials and working groups."
    )
    home.pathways = [
        (
            "pathway",
            {
                "audience": "Practitioners",
                "text": "Find prevention programmes by target group, setting and country, with "
                "what is known about whether they work and what running them takes.",
                "link_page": catalogue,
                "link_url": "",
                "link_label": "Browse programmes",
            },
        ),
        (
            "pathway",
            {
                "audience": "Researchers",
                "text": "See how the evidence is rated, and where evaluations are missing.",
                "link_page": audience_pages["for-researchers"],
                "link_url": "",
                "link_label": "Evidence and gaps",
            },
        ),
        (
            "pathway",
            {
                "audience": "Member-state officials",
                "text": "Programmes that help meet Articles 22 to 24 of Directive 2011/93/EU, "
                "with costs and implementation needs.",
                "link_page": audience_pages["for-officials"],
                "link_url": "",
                "link_label": "Programmes by obligation",
            },
        ),
    ]
    home.save_revision().publish()


def load_site(home, catalogue):
    """The audience pages under ``home``, and the home page's ways in: the practitioners' one
    leads to ``catalogue``, a page the programmes app's demo loader made."""
    audience_pages = ensure_audience_pages(home)
    ensure_home_content(home, catalogue, audience_pages)


SERVICES_FILE = Path(__file__).with_name("demo_services.json")


def load_support_services():
    """Real support services, checked against their own websites. Existing ones are kept as
    editors left them. Returns how many were created."""
    from vocabularies.models import Country, Language

    created = 0
    for entry in json.loads(SERVICES_FILE.read_text(encoding="utf-8")):
        entry = dict(entry)
        languages = Language.objects.filter(code__in=entry.pop("languages"))
        country = entry.pop("country")
        service, is_new = SupportService.objects.get_or_create(
            website=entry["website"],
            defaults={
                **entry,
                "country": Country.objects.get(code=country) if country else None,
                "is_demo_content": True,
            },
        )
        if is_new:
            service.languages.set(languages)
            created += 1
    return created
