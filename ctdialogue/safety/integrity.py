"""Content integrity: find text that does not belong in a field.

Injected text is a real attack on institutional sites: the source article, as it was
scraped, carries a Chinese spam phrase inside English sentences and an empty "()"
where a link was lost. ``check_text()`` looks for

- letters of a script the field's declared language does not use (Han characters in
  English text; each of the six UN languages accepts its own script and Latin), except
  a name written in its own script in brackets beside its transliteration;
- characters that render as nothing or as other characters (``characters``): every
  invisible and format code point, the Unicode tag block, compatibility forms and
  words mixing Latin, Cyrillic and Greek letters;
- spam phrasing in any of the six languages, seen through those disguises (``spam``);
- in rich text, text hidden by any attribute or CSS means (``hiding``); links that are
  hidden, have no text, are unsafe (``javascript:``), name another address in their
  text than the one they lead to, or lead off-site to a domain not in
  ``settings.INTEGRITY_LINK_DOMAINS`` (the last is a warning: such links are often
  right, but deserve a look);
- empty brackets "()" left behind by a stripped link.

Each finding names its field, kind, an excerpt and its position (a character offset
in the stored value). ``check_object()`` checks every text field of a model instance
in the language the record declares (a quotation in its own language).
"""

import html
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import urlsplit

from django.conf import settings
from django.db import models
from django.utils.translation import gettext

from ctdialogue.output.addresses import origin
from ctdialogue.translations.registry import column_language, original_language, stored

from .characters import (
    decode_tags,
    form_of,
    imitated_latin,
    invisible_runs,
    is_invisible,
    is_name_beside_transliteration,
    letter_script,
    lookalike_runs,
    mixed_script_words,
    visible,
)
from .hiding import PAGE, colour_reason, hiding_reason, inherited_style
from .richtext import is_rich_text
from .spam import is_spam, spam_spans

ERROR = "error"
WARNING = "warning"


class Kind:
    UNSAFE_MARKUP = "unsafe-markup"
    HIDDEN_LINK = "hidden-link"
    HIDDEN_TEXT = "hidden-text"
    MISLEADING_LINK = "misleading-link"
    LOOKALIKE = "lookalike-characters"
    SPAM = "spam"
    SCRIPT = "script"
    INVISIBLE = "invisible-character"
    EMPTY_LINK = "empty-link"
    EMPTY_BRACKETS = "empty-brackets"
    OFFSITE_LINK = "offsite-link"


# When two findings overlap, the one listed first here is kept.
PRIORITY = [
    Kind.UNSAFE_MARKUP,
    Kind.HIDDEN_LINK,
    Kind.MISLEADING_LINK,
    Kind.HIDDEN_TEXT,
    Kind.LOOKALIKE,
    Kind.SCRIPT,
    Kind.SPAM,
    Kind.INVISIBLE,
    Kind.EMPTY_LINK,
    Kind.EMPTY_BRACKETS,
    Kind.OFFSITE_LINK,
]
SEVERITY = dict.fromkeys(PRIORITY, ERROR) | {Kind.OFFSITE_LINK: WARNING}

# --- Scripts ------------------------------------------------------------------

LANGUAGE_NAMES = {
    "ar": "Arabic",
    "zh": "Chinese",
    "en": "English",
    "fr": "French",
    "ru": "Russian",
    "es": "Spanish",
}

# The scripts whose letters each UN official language may contain. Latin is allowed
# everywhere for names, acronyms and addresses ("CTED", "ICT4Peace").
ALLOWED_SCRIPTS = {
    "ar": {"Arabic", "Latin"},
    "zh": {"Han", "Latin"},
    "en": {"Latin"},
    "fr": {"Latin"},
    "ru": {"Cyrillic", "Latin"},
    "es": {"Latin"},
}
# Compatibility forms a language's own typesetting uses: full-width Latin in Chinese.
ALLOWED_FORMS = {"zh": {"wide"}}

# "()" and its full-width form in Chinese text, with nothing but spaces inside.
EMPTY_BRACKETS_PATTERN = re.compile(r"[(\uff08][\s\u200b-\u200f\ufeff]*[)\uff09]")

# --- Links ----------------------------------------------------------------------

SAFE_SCHEMES = {"http", "https", "mailto", "tel", ""}
UNSAFE_TAGS = {"script", "style", "iframe", "object", "embed", "frame", "frameset", "form"}
BLOCK_TAGS = {"p", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "div"}
VOID_TAGS = {"br", "img", "hr", "input", "meta", "link", "source", "wbr", "area", "col"}
# An address named in a link's text: a host with a country-code or a common generic
# top-level domain (so that "report.pdf" is not taken for one).
NAMED_ADDRESS = re.compile(
    r"(?:https?://)?((?:[a-z0-9-]+\.)+(?:[a-z]{2}|com|org|net|int|edu|gov|info|biz|app|dev"
    r"|xyz|top|site|online|news|io))(?![\w.-]*\w)(?=[/:?#\s)\]]|$)",
    re.IGNORECASE,
)


def link_domains() -> list[str]:
    return [domain.lower().strip(".") for domain in settings.INTEGRITY_LINK_DOMAINS]


def _same_or_sub(host: str, domain: str) -> bool:
    return host == domain or host.endswith("." + domain)


def own_host() -> str:
    return (urlsplit(origin()).hostname or "").lower()


def is_allowed_host(host: str) -> bool:
    host = (host or "").lower().rstrip(".")
    if host and host == own_host():
        return True
    return any(_same_or_sub(host, domain) for domain in link_domains())


def named_address(text: str) -> str | None:
    """The host a link's text names ("www.un.org", "https://un.org/x"), or None."""
    match = NAMED_ADDRESS.search(text)
    return match.group(1).lower().rstrip(".") if match else None


def names_another_address(text: str, host: str) -> str | None:
    """The host named in ``text`` when it is not ``host`` (nor one within the other)."""
    named = named_address(text)
    if named is None:
        return None
    bare_named, bare_host = named.removeprefix("www."), host.removeprefix("www.")
    if _same_or_sub(bare_host, bare_named) or _same_or_sub(bare_named, bare_host):
        return None
    return named


def _normalised_url(href: str) -> str:
    # Browsers ignore tabs and line breaks anywhere in a URL and control characters
    # and spaces around it, and read a backslash as a slash.
    url = re.sub(r"[\t\n\r]", "", href or "")
    return re.sub(r"^[\x00-\x20]+|[\x00-\x20]+$", "", url).replace("\\", "/")


# --- Findings ---------------------------------------------------------------------


@dataclass(frozen=True)
class Finding:
    field: str
    kind: str
    excerpt: str
    position: int
    text: str
    message: str
    length: int = 0

    @property
    def severity(self) -> str:
        return SEVERITY[self.kind]

    @property
    def is_warning(self) -> bool:
        return self.severity == WARNING

    @property
    def end(self) -> int:
        return self.position + max(self.length, 1)

    def __str__(self):
        values = {"field": self.field, "position": self.position, "message": self.message}
        if self.field:
            said = gettext("%(field)s, character %(position)s: %(message)s") % values
        else:
            said = gettext("character %(position)s: %(message)s") % values
        return f"{said} “{self.excerpt}”"


def excerpt(text: str, start: int, end: int, context: int = 20) -> str:
    before = text[max(0, start - context) : start]
    after = text[end : end + context]
    head = "…" if context and start - context > 0 else ""
    tail = "…" if context and end + context < len(text) else ""
    shown = re.sub(r"\s+", " ", f"{before}{text[start:end]}{after}").strip()
    return visible(f"{head}{shown}{tail}")


@dataclass
class _Element:
    tag: str
    hidden: str | None  # why it hides its content, or None
    style: object


class _Extractor(HTMLParser):
    """The text of an HTML fragment, each character mapped to its offset in the
    source and to why it is hidden (None when it is visible), and every link with its
    attributes, text and hidden state."""

    def __init__(self, source: str):
        super().__init__(convert_charrefs=False)
        self.source = source
        self.line_starts = [0] + [m.end() for m in re.finditer(r"\n", source)]
        self.chars: list[str] = []
        self.offsets: list[int] = []
        self.hidden_by: list[str | None] = []
        self.stack: list[_Element] = []
        self.links: list[dict] = []
        self.open_link: dict | None = None
        self.unsafe: list[tuple[int, int, str]] = []

    def source_offset(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    @property
    def hidden(self) -> str | None:
        """Why text here cannot be seen: an element around it hides it, or its colour."""
        hiding = next((element.hidden for element in self.stack if element.hidden), None)
        return hiding or colour_reason(self.style)

    @property
    def style(self):
        return self.stack[-1].style if self.stack else PAGE

    def _add(self, text: str, offset: int, raw: bool):
        hidden = self.hidden
        for index, char in enumerate(text):
            self.chars.append(char)
            self.offsets.append(offset + index if raw else offset)
            self.hidden_by.append(hidden)
            if self.open_link is not None:
                self.open_link["text"] += char

    def _check_attributes(self, tag: str, attributes: dict, start: int, end: int):
        if tag in UNSAFE_TAGS:
            self.unsafe.append((start, end, f"<{tag}>"))
        for name, value in attributes.items():
            if name.startswith("on"):
                self.unsafe.append((start, end, f"{name}="))
            elif name == "style" and re.search(r"expression\(|url\(", value, re.IGNORECASE):
                self.unsafe.append((start, end, "style"))

    def handle_starttag(self, tag, attrs):
        start = self.source_offset()
        end = start + len(self.get_starttag_text() or "")
        attributes = {name.lower(): value or "" for name, value in attrs}
        self._check_attributes(tag, attributes, start, end)
        if tag in BLOCK_TAGS:
            self._add("\n", start, raw=False)
        element = _Element(tag, hiding_reason(attributes), inherited_style(self.style, attributes))
        if tag not in VOID_TAGS:
            self.stack.append(element)
        if tag == "a":
            self.open_link = {
                "start": start,
                "href": attributes.get("href"),
                "hidden": self.hidden if tag not in VOID_TAGS else None,
                "text": "",
            }

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID_TAGS and self.stack and self.stack[-1].tag == tag:
            self.stack.pop()

    def handle_endtag(self, tag):
        start = self.source_offset()
        if tag == "a" and self.open_link is not None:
            self.open_link["end"] = self.source.find(">", start) + 1 or len(self.source)
            self.links.append(self.open_link)
            self.open_link = None
        if any(element.tag == tag for element in self.stack):
            while self.stack and self.stack.pop().tag != tag:
                pass
        if tag in BLOCK_TAGS:
            self._add("\n", start, raw=False)

    def handle_data(self, data):
        if self.stack and self.stack[-1].tag in {"script", "style"}:
            return
        self._add(data, self.source_offset(), raw=True)

    def handle_entityref(self, name):
        self._add(html.unescape(f"&{name};"), self.source_offset(), raw=False)

    def handle_charref(self, name):
        self._add(html.unescape(f"&#{name};"), self.source_offset(), raw=False)

    def close(self):
        super().close()
        if self.open_link is not None:  # a link never closed runs to the end
            self.open_link["end"] = len(self.source)
            self.links.append(self.open_link)
            self.open_link = None


def _runs(flags: list) -> list[tuple[int, int, object]]:
    """(start, end, value) of each run of equal, true values in ``flags``."""
    runs, start = [], None
    for index, flag in enumerate([*flags, None]):
        if start is not None and flag != flags[start]:
            runs.append((start, index, flags[start]))
            start = None
        if start is None and flag:
            start = index
    return runs


class _Checker:
    def __init__(self, value: str, *, language: str, field: str, rich: bool):
        self.value = value
        self.language = language if language in ALLOWED_SCRIPTS else "en"
        self.field = field
        self.findings: list[Finding] = []
        self.links: list[dict] = []
        self.unsafe: list[tuple[int, int, str]] = []
        self.text, self.offsets = value, list(range(len(value)))
        self.hidden_by: list[str | None] = [None] * len(value)
        if rich:
            extractor = _Extractor(value)
            extractor.feed(value)
            extractor.close()
            self.text = "".join(extractor.chars)
            self.offsets = extractor.offsets
            self.hidden_by = extractor.hidden_by
            self.links = extractor.links
            self.unsafe = extractor.unsafe

    def _source_span(self, start: int, end: int) -> tuple[int, int]:
        """Offsets in the plain text -> offsets in the stored value."""
        if not self.offsets:
            return 0, 0
        first = self.offsets[start]
        last = self.offsets[end - 1] + 1
        return first, max(last, first + 1)

    def add_text(self, kind: str, start: int, end: int, message: str):
        source_start, source_end = self._source_span(start, end)
        self.findings.append(
            Finding(
                field=self.field,
                kind=kind,
                excerpt=excerpt(self.text, start, end),
                position=source_start,
                text=visible(self.text[start:end]),
                message=message,
                length=source_end - source_start,
            )
        )

    def add_source(self, kind: str, start: int, end: int, text: str, message: str):
        self.findings.append(
            Finding(
                field=self.field,
                kind=kind,
                excerpt=excerpt(self.value, start, end, context=0),
                position=start,
                text=text,
                message=message,
                length=end - start,
            )
        )

    # Detectors -----------------------------------------------------------------

    def _foreign_runs(self):
        """(start, end, scripts) of each run of letters of scripts the language does
        not use, spaces between them included; lookalikes are left to ``lookalikes``."""
        allowed = ALLOWED_SCRIPTS[self.language]
        run_start = run_end = None
        scripts: set[str] = set()
        for index, char in enumerate(self.text):
            script = letter_script(char)
            if script is None or imitated_latin(char) is not None:
                continue
            if script in allowed:
                if run_start is not None:
                    yield run_start, run_end, scripts
                    run_start, scripts = None, set()
                continue
            if run_start is None:
                run_start = index
            run_end = index + 1
            scripts.add(script)
        if run_start is not None:
            yield run_start, run_end, scripts

    def scripts(self):
        language = LANGUAGE_NAMES[self.language]
        for start, end, scripts in self._foreign_runs():
            if is_name_beside_transliteration(self.text, start, end):
                continue
            names = " and ".join(sorted(scripts))
            self.add_text(
                Kind.SCRIPT,
                start,
                end,
                gettext("%(scripts)s characters in text declared as %(language)s.")
                % {"scripts": names, "language": language},
            )

    def invisible(self):
        for start, end in invisible_runs(self.text, self.language):
            hidden_text = decode_tags(self.text[start:end])
            message = gettext(
                "Invisible or text-direction control characters, which can hide or reorder text."
            )
            if hidden_text.strip():
                message = gettext("Invisible Unicode tag characters that spell “%(text)s”.") % {
                    "text": hidden_text
                }
            self.add_text(Kind.INVISIBLE, start, end, message)

    def lookalikes(self):
        allowed = ALLOWED_FORMS.get(self.language, set())
        for start, end in lookalike_runs(self.text):
            if all(form_of(c) in allowed for c in self.text[start:end] if not c.isspace()):
                continue
            imitated = "".join(imitated_latin(c) or c for c in self.text[start:end])
            self.add_text(
                Kind.LOOKALIKE,
                start,
                end,
                gettext("Characters that imitate the Latin “%(text)s”.") % {"text": imitated},
            )
        for start, end, scripts in mixed_script_words(self.text):
            names = " and ".join(sorted(scripts))
            self.add_text(
                Kind.LOOKALIKE,
                start,
                end,
                gettext("A word that mixes %(scripts)s letters that look alike.")
                % {"scripts": names},
            )

    def spam(self):
        for start, end in spam_spans(self.text):
            self.add_text(Kind.SPAM, start, end, gettext("A pattern known from spam."))

    def hidden_text(self):
        for start, end, reason in _runs(self.hidden_by):
            if self.text[start:end].strip():
                self.add_text(
                    Kind.HIDDEN_TEXT,
                    start,
                    end,
                    gettext("Text hidden from readers (%(reason)s).") % {"reason": reason},
                )

    def empty_brackets(self):
        for match in EMPTY_BRACKETS_PATTERN.finditer(self.text):
            self.add_text(
                Kind.EMPTY_BRACKETS,
                match.start(),
                match.end(),
                gettext("Empty brackets, where a link or a reference was probably lost."),
            )

    def markup(self):
        for start, end, what in self.unsafe:
            self.add_source(
                Kind.UNSAFE_MARKUP,
                start,
                end,
                what,
                gettext("Markup the sanitiser removes (%(what)s): it never belongs in stored text.")
                % {"what": what},
            )

    @staticmethod
    def _link_form(link: dict, scheme: str) -> tuple[str, str] | None:
        """A problem with the link itself: an unsafe scheme, hidden, or without text."""
        shown_text = "".join(c for c in link["text"] if not is_invisible(c)).strip()
        if scheme not in SAFE_SCHEMES:
            return Kind.UNSAFE_MARKUP, gettext(
                "A link with the unsafe address scheme “%(scheme)s:”."
            ) % {"scheme": scheme}
        if link["hidden"]:
            return Kind.HIDDEN_LINK, gettext("A link hidden from readers (%(reason)s).") % {
                "reason": link["hidden"]
            }
        if not shown_text:
            return Kind.EMPTY_LINK, gettext("A link without any text to click.")
        return None

    @staticmethod
    def _link_destination(link: dict, href: str, scheme: str, host: str):
        """A problem with where the link leads: spam, another address than its text
        names, or a site not in the list of known sites."""
        if href and is_spam(href):
            return Kind.SPAM, gettext("A link to a known spam pattern.")
        if scheme in {"http", "https", ""} and (
            named := names_another_address(link["text"], host or own_host())
        ):
            return (
                Kind.MISLEADING_LINK,
                gettext("The link's text names %(named)s, but it leads to %(host)s.")
                % {"named": named, "host": host or gettext("this site")},
            )
        if scheme in {"http", "https"} and not is_allowed_host(host):
            return (
                Kind.OFFSITE_LINK,
                gettext(
                    "A link to %(host)s, which is not in the list of known sites "
                    "(INTEGRITY_LINK_DOMAINS). Check that it belongs here."
                )
                % {"host": host},
            )
        return None

    def links_(self):
        for link in self.links:
            href = _normalised_url(link["href"] or "")
            try:
                parts = urlsplit(href)
            except ValueError:  # e.g. an unclosed IPv6 bracket
                parts = urlsplit("")
            scheme, host = parts.scheme.lower(), (parts.hostname or "").lower()
            problem = self._link_form(link, scheme) or self._link_destination(
                link, href, scheme, host
            )
            if problem is not None:
                self.add_source(problem[0], link["start"], link["end"], href, problem[1])

    def run(self) -> list[Finding]:
        self.markup()
        self.links_()
        self.hidden_text()
        self.lookalikes()
        self.scripts()
        self.invisible()
        self.spam()
        self.empty_brackets()
        return _without_overlaps(self.findings)


def _without_overlaps(findings: list[Finding]) -> list[Finding]:
    """One finding for one stretch of text: a finding inside another of the same or
    higher severity is dropped ("缅北" is spam, but already inside a Han run)."""
    ranked = sorted(
        findings,
        key=lambda f: (f.severity != ERROR, PRIORITY.index(f.kind), f.position, -f.length),
    )
    kept: list[Finding] = []
    for finding in ranked:
        inside = any(
            other.position <= finding.position
            and finding.end <= other.end
            and (other.severity == ERROR or finding.severity == WARNING)
            for other in kept
        )
        if not inside:
            kept.append(finding)
    return sorted(kept, key=lambda f: (f.position, PRIORITY.index(f.kind)))


def check_text(value: str, *, language: str = "en", field: str = "", rich: bool = False):
    """Every finding in ``value``, a field declared to be in ``language`` (an ISO 639-1
    code of a UN official language); ``rich`` for an HTML field."""
    if not value:
        return []
    return _Checker(value, language=language, field=field, rich=rich).run()


# --- Model instances --------------------------------------------------------------


def text_fields(model) -> list[str]:
    """The fields of ``model`` that hold free text: character and text fields that
    staff write, without slugs, web addresses, codes with choices and identifiers."""
    names = []
    for field in model._meta.concrete_fields:
        if not isinstance(field, models.CharField | models.TextField):
            continue
        if isinstance(field, models.SlugField | models.URLField | models.EmailField):
            continue
        if field.choices or not field.editable:
            continue
        names.append(field.name)
    return names


def field_language(obj, field_name: str) -> str:
    """The language ``obj`` declares for ``field_name``: a translation's own (title_fr is
    French), else its original's (a quotation's own language, else the record's, else
    that of the event or initiative it belongs to)."""
    return column_language(type(obj), field_name) or original_language(obj, field_name)


def check_values(model, values: dict, languages: dict) -> list[Finding]:
    """Findings in ``values`` ({field: text}) of a ``model`` instance."""
    findings = []
    for name, value in values.items():
        if isinstance(value, str) and value:
            findings += check_text(
                value,
                language=languages.get(name, "en"),
                field=name,
                rich=is_rich_text(model, name),
            )
    return findings


def check_object(obj) -> list[Finding]:
    """Every finding in every text field of ``obj``, each in its declared language."""
    names = text_fields(type(obj))
    return check_values(
        type(obj),
        {name: stored(obj, name) for name in names},
        {name: field_language(obj, name) for name in names},
    )
