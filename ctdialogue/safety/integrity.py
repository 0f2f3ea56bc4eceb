"""Content integrity: find text that does not belong in a field.

Injected text is a real attack on institutional sites: the source article, as it was
scraped, carries a Chinese spam phrase inside English sentences and an empty "()"
where a link was lost. ``check_text()`` looks for

- letters of a script the field's declared language does not use (Han characters in
  English text; each of the six UN languages accepts its own script and Latin);
- zero-width and bidirectional-control characters, which hide or reorder text;
- in rich text, links that are hidden, have no text, are unsafe (``javascript:``),
  or lead off-site to a domain not in ``settings.INTEGRITY_LINK_DOMAINS`` (the last
  is a warning: such links are often right, but deserve a look);
- known spam patterns (gambling, pornography, loans, "缅北", URL shorteners);
- empty brackets "()" left behind by a stripped link.

Each finding names its field, kind, an excerpt and its position (a character offset
in the stored value). ``check_object()`` checks every text field of a model instance
in the language the record declares (a quotation in its own language).
"""

import html
import re
import unicodedata
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import urlsplit

from django.conf import settings
from django.db import models

from .richtext import is_rich_text

ERROR = "error"
WARNING = "warning"


class Kind:
    UNSAFE_MARKUP = "unsafe-markup"
    HIDDEN_LINK = "hidden-link"
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

# First word(s) of a letter's Unicode name -> its script, where that word is not the
# script's own name.
SCRIPT_ALIASES = {
    "CJK": "Han",
    "IDEOGRAPHIC": "Han",
    "FULLWIDTH LATIN": "Latin",
    "FEMININE ORDINAL": "Latin",  # ª, as in "1.ª"
    "MASCULINE ORDINAL": "Latin",  # º, as in "n.º"
}


def letter_script(char: str) -> str | None:
    """The script of a letter ("Latin", "Han", "Cyrillic", ...); None for what every
    script shares: digits, punctuation, symbols, spaces, marks and modifier letters."""
    category = unicodedata.category(char)
    if category not in {"Lu", "Ll", "Lt", "Lo", "Nl"} and char != "\u3005":
        return None
    name = unicodedata.name(char, "")
    if not name:
        return "Unknown"
    for prefix, script in SCRIPT_ALIASES.items():
        if name.startswith(prefix):
            return script
    if category == "Nl":  # letter-like numbers: Roman numerals are shared
        return None
    return name.split()[0].capitalize()


# --- Invisible characters -------------------------------------------------------

INVISIBLE = (
    set(range(0x200B, 0x2010))  # zero-width space, non-joiner, joiner; LRM, RLM
    | set(range(0x202A, 0x202F))  # bidi embeddings and overrides
    | set(range(0x2066, 0x206A))  # bidi isolates
    | {0x2060, 0xFEFF}  # word joiner, zero-width no-break space (BOM)
)
INVISIBLE_PATTERN = re.compile(r"[\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]+")
# Arabic typesetting uses the joiners and the direction marks legitimately.
ALLOWED_INVISIBLE = {"ar": {0x200C, 0x200D, 0x200E, 0x200F}}


def is_invisible(char: str, language: str = "") -> bool:
    code = ord(char)
    return code in INVISIBLE and code not in ALLOWED_INVISIBLE.get(language, set())


def visible(text: str) -> str:
    """``text`` with invisible characters written out as <U+200B>, for reports."""
    return "".join(f"<U+{ord(c):04X}>" if ord(c) in INVISIBLE else c for c in text)


# --- Spam -------------------------------------------------------------------------

URL_SHORTENERS = (
    "bit.ly",
    "tinyurl.com",
    "t.co",
    "goo.gl",
    "ow.ly",
    "is.gd",
    "buff.ly",
    "cutt.ly",
    "rebrand.ly",
    "t.ly",
    "shorturl.at",
    "rb.gy",
    "tiny.cc",
)
SHORTENER_PATTERN = (
    r"(?<![\w.-])(?:" + "|".join(re.escape(domain) for domain in URL_SHORTENERS) + r")/\S*"
)

# Words that mark gambling, pornography and loan spam, in the UN languages and in the
# languages such spam often arrives in. Scripts without spaces between words match
# anywhere; words in spaced scripts match whole.
SPAM_WORDS = [
    # English
    r"casinos?",
    r"online gambling",
    r"sports? betting",
    r"betting tips",
    r"poker online",
    r"online poker",
    r"slot gacor",
    r"judi online",
    r"togel",
    r"porn",
    r"xxx",
    r"payday loans?",
    r"quick loans?",
    r"instant loans?",
    r"viagra",
    r"cialis",
    r"escort services?",
    # French, Spanish
    r"casino en ligne",
    r"paris sportifs",
    r"prêts? rapides?",
    r"casino en línea",
    r"apuestas deportivas",
    r"préstamos? rápidos?",
    # Russian
    r"казино",
    r"букмекер\w*",
    r"ставки на спорт",
    r"порно\w*",
    r"займ\w* онлайн",
]
SPAM_FRAGMENTS = [
    # Chinese
    "缅北",
    "博彩",
    "赌场",
    "赌博",
    "网赌",
    "娱乐城",
    "百家乐",
    "六合彩",
    "色情",
    "成人视频",
    "网贷",
    "贷款",
    # Arabic
    "كازينو",
    "قمار",
    "مراهنات",
    "إباحي",
]
SPAM_PATTERN = re.compile(
    "|".join(
        # Longest first, so that "casino en ligne" is found whole, not as "casino".
        [rf"\b{word}\b" for word in sorted(SPAM_WORDS, key=len, reverse=True)]
        + [re.escape(fragment) for fragment in SPAM_FRAGMENTS]
        + [SHORTENER_PATTERN]
    ),
    re.IGNORECASE,
)

# "()" and its full-width form in Chinese text, with nothing but spaces inside.
EMPTY_BRACKETS_PATTERN = re.compile(r"[(\uff08][\s\u200b-\u200f\ufeff]*[)\uff09]")

# --- Links ----------------------------------------------------------------------

SAFE_SCHEMES = {"http", "https", "mailto", "tel", ""}
HIDING_STYLES = re.compile(
    r"display:none|visibility:hidden|opacity:0(?:\.0*)?(?:;|$)|font-size:0(?:[a-z%]*)?(?:;|$)"
    r"|(?:left|top|right|text-indent):-\d{3,}"
)
HIDING_CLASSES = {"hidden", "d-none", "invisible", "hide"}
UNSAFE_TAGS = {"script", "style", "iframe", "object", "embed", "frame", "frameset", "form"}
BLOCK_TAGS = {"p", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "div"}
VOID_TAGS = {"br", "img", "hr", "input", "meta", "link", "source", "wbr", "area", "col"}


def link_domains() -> list[str]:
    return [domain.lower().strip(".") for domain in settings.INTEGRITY_LINK_DOMAINS]


def is_allowed_host(host: str) -> bool:
    host = (host or "").lower().rstrip(".")
    own = (urlsplit(settings.SITE_URL).hostname or "").lower()
    if host and host == own:
        return True
    return any(host == domain or host.endswith("." + domain) for domain in link_domains())


def _normalised_url(href: str) -> str:
    # Browsers ignore tabs and line breaks anywhere in a URL and control characters
    # and spaces around it, and read a backslash as a slash.
    url = re.sub(r"[\t\n\r]", "", href or "")
    return re.sub(r"^[\x00-\x20]+|[\x00-\x20]+$", "", url).replace("\\", "/")


def _is_hiding(attrs: dict) -> bool:
    if "hidden" in attrs or (attrs.get("aria-hidden") or "").strip().lower() == "true":
        return True
    style = re.sub(r"\s+", "", (attrs.get("style") or "").lower())
    if HIDING_STYLES.search(style):
        return True
    return bool(HIDING_CLASSES & set((attrs.get("class") or "").lower().split()))


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
        where = f"{self.field}, " if self.field else ""
        return f"{where}character {self.position}: {self.message} “{self.excerpt}”"


def excerpt(text: str, start: int, end: int, context: int = 20) -> str:
    before = text[max(0, start - context) : start]
    after = text[end : end + context]
    head = "…" if context and start - context > 0 else ""
    tail = "…" if context and end + context < len(text) else ""
    shown = re.sub(r"\s+", " ", f"{before}{text[start:end]}{after}").strip()
    return visible(f"{head}{shown}{tail}")


class _Extractor(HTMLParser):
    """The text of an HTML fragment, each character mapped to its offset in the
    source, and every link with its attributes, text and hidden state."""

    def __init__(self, source: str):
        super().__init__(convert_charrefs=False)
        self.source = source
        self.line_starts = [0] + [m.end() for m in re.finditer(r"\n", source)]
        self.chars: list[str] = []
        self.offsets: list[int] = []
        self.stack: list[tuple[str, bool]] = []
        self.links: list[dict] = []
        self.open_link: dict | None = None
        self.unsafe: list[tuple[int, int, str]] = []

    def source_offset(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    @property
    def hidden(self) -> bool:
        return any(hidden for _, hidden in self.stack)

    def _add(self, text: str, offset: int, raw: bool):
        for index, char in enumerate(text):
            self.chars.append(char)
            self.offsets.append(offset + index if raw else offset)
            if self.open_link is not None:
                self.open_link["text"] += char

    def handle_starttag(self, tag, attrs):
        start = self.source_offset()
        end = start + len(self.get_starttag_text() or "")
        attributes = {name.lower(): value or "" for name, value in attrs}
        if tag in UNSAFE_TAGS:
            self.unsafe.append((start, end, f"<{tag}>"))
        for name, value in attributes.items():
            if name.startswith("on"):
                self.unsafe.append((start, end, f"{name}="))
            elif name == "style" and re.search(r"expression\(|url\(", value, re.IGNORECASE):
                self.unsafe.append((start, end, "style"))
        if tag in BLOCK_TAGS:
            self._add("\n", start, raw=False)
        hidden = _is_hiding(attributes)
        if tag == "a":
            self.open_link = {
                "start": start,
                "href": attributes.get("href"),
                "hidden": hidden or self.hidden,
                "text": "",
            }
        if tag not in VOID_TAGS:
            self.stack.append((tag, hidden))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID_TAGS and self.stack and self.stack[-1][0] == tag:
            self.stack.pop()

    def handle_endtag(self, tag):
        start = self.source_offset()
        if tag == "a" and self.open_link is not None:
            self.open_link["end"] = self.source.find(">", start) + 1 or len(self.source)
            self.links.append(self.open_link)
            self.open_link = None
        if any(open_tag == tag for open_tag, _ in self.stack):
            while self.stack:
                open_tag, _ = self.stack.pop()
                if open_tag == tag:
                    break
        if tag in BLOCK_TAGS:
            self._add("\n", start, raw=False)

    def handle_data(self, data):
        if self.stack and self.stack[-1][0] in {"script", "style"}:
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


class _Checker:
    def __init__(self, value: str, *, language: str, field: str, rich: bool):
        self.value = value
        self.language = language if language in ALLOWED_SCRIPTS else "en"
        self.field = field
        self.findings: list[Finding] = []
        if rich:
            extractor = _Extractor(value)
            extractor.feed(value)
            extractor.close()
            self.text = "".join(extractor.chars)
            self.offsets = extractor.offsets
            self.links = extractor.links
            self.unsafe = extractor.unsafe
        else:
            self.text = value
            self.offsets = list(range(len(value)))
            self.links = []
            self.unsafe = []

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

    def scripts(self):
        allowed = ALLOWED_SCRIPTS[self.language]
        language = LANGUAGE_NAMES[self.language]
        run_start = run_end = None
        scripts: set[str] = set()

        def close():
            names = " and ".join(sorted(scripts))
            self.add_text(
                Kind.SCRIPT,
                run_start,
                run_end,
                f"{names} characters in text declared as {language}.",
            )

        for index, char in enumerate(self.text):
            script = letter_script(char)
            if script is None:
                continue
            if script in allowed:
                if run_start is not None:
                    close()
                    run_start, scripts = None, set()
                continue
            if run_start is None:
                run_start = index
            run_end = index + 1
            scripts.add(script)
        if run_start is not None:
            close()

    def invisible(self):
        for match in INVISIBLE_PATTERN.finditer(self.text):
            if any(is_invisible(char, self.language) for char in match.group()):
                self.add_text(
                    Kind.INVISIBLE,
                    match.start(),
                    match.end(),
                    "Invisible or text-direction control characters, which can hide or "
                    "reorder text.",
                )

    def spam(self):
        for match in SPAM_PATTERN.finditer(self.text):
            self.add_text(Kind.SPAM, match.start(), match.end(), "A pattern known from spam.")

    def empty_brackets(self):
        for match in EMPTY_BRACKETS_PATTERN.finditer(self.text):
            self.add_text(
                Kind.EMPTY_BRACKETS,
                match.start(),
                match.end(),
                "Empty brackets, where a link or a reference was probably lost.",
            )

    def markup(self):
        for start, end, what in self.unsafe:
            self.add_source(
                Kind.UNSAFE_MARKUP,
                start,
                end,
                what,
                f"Markup the sanitiser removes ({what}): it never belongs in stored text.",
            )

    def links_(self):
        for link in self.links:
            start, end = link["start"], link["end"]
            href = _normalised_url(link["href"] or "")
            shown_text = "".join(c for c in link["text"] if not is_invisible(c)).strip()
            try:
                parts = urlsplit(href)
            except ValueError:  # e.g. an unclosed IPv6 bracket
                parts = urlsplit("")
            scheme = parts.scheme.lower()
            if scheme not in SAFE_SCHEMES:
                self.add_source(
                    Kind.UNSAFE_MARKUP,
                    start,
                    end,
                    href,
                    f"A link with the unsafe address scheme “{scheme}:”.",
                )
                continue
            if link["hidden"]:
                self.add_source(Kind.HIDDEN_LINK, start, end, href, "A link hidden from readers.")
                continue
            if not shown_text:
                self.add_source(
                    Kind.EMPTY_LINK, start, end, href, "A link without any text to click."
                )
                continue
            if href and SPAM_PATTERN.search(href):
                self.add_source(Kind.SPAM, start, end, href, "A link to a known spam pattern.")
                continue
            if scheme in {"http", "https"} and not is_allowed_host(parts.hostname or ""):
                self.add_source(
                    Kind.OFFSITE_LINK,
                    start,
                    end,
                    href,
                    f"A link to {parts.hostname}, which is not in the list of known sites "
                    "(INTEGRITY_LINK_DOMAINS). Check that it belongs here.",
                )

    def run(self) -> list[Finding]:
        self.markup()
        self.links_()
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
    """The language ``obj`` declares for ``field_name``: a quotation's own language,
    else the record's, else that of the event or initiative it belongs to."""
    if field_name == "quotation" and getattr(obj, "quotation_language", ""):
        return obj.quotation_language
    if getattr(obj, "language", ""):
        return obj.language
    for parent in ("event", "initiative"):
        if getattr(obj, f"{parent}_id", None):
            return getattr(obj, parent).language
    return "en"


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
        {name: getattr(obj, name) for name in names},
        {name: field_language(obj, name) for name in names},
    )
