"""Citations of records in CSL-JSON (Zotero, Mendeley, pandoc) and BibTeX.

Each kind of record gives a ``Citation``: the same facts rendered both ways, so
the two formats can never disagree. ``CitationView`` serves one as a file and
``CitationMixin`` offers "Cite this" on a detail page.
"""

import datetime
import json
import re
import unicodedata
from dataclasses import dataclass, field

from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import re_path, reverse
from django.utils import timezone
from django.views import View

from .dates import KnownDate

BIBTEX_SPECIAL = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}


@dataclass
class Citation:
    key: str
    csl_type: str
    bibtex_type: str
    title: str
    url: str
    issued: KnownDate | None  # only as exactly as it is known
    author: str = ""  # an institution, cited as a literal name
    publisher: str = ""
    container_title: str = ""
    number: str = ""
    note: str = ""
    extra_csl: dict = field(default_factory=dict)

    def csl(self, accessed: datetime.date) -> dict:
        item = {
            "id": self.key,
            "type": self.csl_type,
            "title": self.title,
            "URL": self.url,
            "accessed": {"date-parts": [[accessed.year, accessed.month, accessed.day]]},
        }
        if self.issued:
            item["issued"] = self.issued.csl()
        if self.author:
            item["author"] = [{"literal": self.author}]
        for key, value in (
            ("publisher", self.publisher),
            ("container-title", self.container_title),
            ("number", self.number),
            ("note", self.note),
        ):
            if value:
                item[key] = value
        item.update(self.extra_csl)
        return item

    def bibtex(self, accessed: datetime.date) -> str:
        fields = [("title", "{" + bibtex_escape(self.title) + "}")]
        if self.author:
            fields.append(("author", "{" + bibtex_escape(self.author) + "}"))
        if self.container_title:
            fields.append(("howpublished", bibtex_escape(self.container_title)))
        if self.publisher:
            fields.append(("publisher", bibtex_escape(self.publisher)))
        if self.number:
            fields.append(("number", bibtex_escape(self.number)))
        if self.issued:
            fields.extend(self.issued.bibtex_fields())
        fields.append(("url", self.url))
        fields.append(("urldate", accessed.isoformat()))
        if self.note:
            fields.append(("note", bibtex_escape(self.note)))
        body = ",\n".join(
            f"  {name} = {value}" if name == "month" else f"  {name} = {{{value}}}"
            for name, value in fields
        )
        return f"@{self.bibtex_type}{{{self.key},\n{body}\n}}\n"


def bibtex_escape(text: str) -> str:
    return "".join(BIBTEX_SPECIAL.get(char, char) for char in text)


def citation_key(*parts) -> str:
    """ASCII letters, digits and underscores only, as every BibTeX tool accepts."""
    text = "_".join(str(part) for part in parts if part)
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^A-Za-z0-9]+", "_", ascii_text).strip("_").lower()


class CitationView(View):
    """GET <record>/cite.bib or cite.json: the record's citation as a file."""

    model = None
    lookup = "slug"
    build = None

    def get_object(self, **kwargs):
        queryset = self.model.objects.visible_to(self.request.user)
        return get_object_or_404(queryset, **{self.lookup: kwargs[self.lookup]})

    def get(self, request, fmt, **kwargs):
        citation = self.build(self.get_object(**kwargs))
        accessed = timezone.localdate()
        if fmt == "bib":
            response = HttpResponse(
                citation.bibtex(accessed), content_type="application/x-bibtex; charset=utf-8"
            )
        else:
            response = HttpResponse(
                json.dumps([citation.csl(accessed)], ensure_ascii=False, indent=2),
                content_type="application/vnd.citationstyles.csl+json; charset=utf-8",
            )
        extension = "bib" if fmt == "bib" else "json"
        response["Content-Disposition"] = f'inline; filename="{citation.key}.{extension}"'
        return response


class CitationMixin:
    """Offers "Cite this" on a detail page: BibTeX shown, both formats to download from
    ``<app>:<model>-cite``, addressed like the record's page."""

    @staticmethod
    def build_citation(obj):
        raise NotImplementedError

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        obj = self.object
        citation = self.build_citation(obj)
        url_name = f"{obj._meta.app_label}:{obj._meta.model_name}-cite"
        key = {obj.page_lookup: getattr(obj, obj.page_lookup)}
        context["citation"] = {
            "bibtex": citation.bibtex(timezone.localdate()),
            "bib_url": reverse(url_name, kwargs={**key, "fmt": "bib"}),
            "json_url": reverse(url_name, kwargs={**key, "fmt": "json"}),
        }
        return context


def cite_path(prefix: str, lookup: str, view: type[View], name: str):
    """The URL pattern of a record's citation files, ``<prefix><lookup>/cite.bib`` and
    ``.json``; ``lookup`` is a named regular-expression group."""
    return re_path(rf"^{prefix}{lookup}/cite\.(?P<fmt>bib|json)$", view.as_view(), name=name)
