"""Build the fonts the site serves itself (static/fonts/ and static/css/fonts.css) from
the Fontsource packages on the npm registry: `make fonts` (needs npm and the network).

Noto Sans Arabic (one variable file, every weight) and Noto Sans SC (regular, in the
unicode-range slices Fontsource cuts, so a page loads only the slices of the
characters it shows, 24 KB each on average). Latin, Cyrillic and the rest come from the
reader's own system fonts, which cover them everywhere. Both fonts are under the SIL
Open Font License, copied beside them. Nothing is loaded from another site.

    python deploy/fonts.py <directory with the unpacked packages> <static directory>
"""

import re
import shutil
import sys
from pathlib import Path

#: (package directory, stylesheet, family name we give it, what the family is for)
SOURCES = (
    ("fontsource-variable-noto-sans-arabic", "wght.css", "Noto Sans Arabic", "Arabic"),
    ("fontsource-noto-sans-sc", "400.css", "Noto Sans SC", "Chinese (simplified)"),
)
#: Slices kept from a stylesheet: those for the family's own script.
KEPT = {
    "Noto Sans Arabic": re.compile(r"-arabic-"),
    "Noto Sans SC": re.compile(r"noto-sans-sc-\d+-400-normal"),
}
FACE = re.compile(r"@font-face \{(.*?)\}", re.S)
WOFF2 = re.compile(r"url\(\./files/([\w.-]+\.woff2)\) format\('([\w-]+)'\)")


def faces(stylesheet: Path, family: str):
    """(file, format, weight, unicode-range) of each slice of ``family`` kept."""
    for body in FACE.findall(stylesheet.read_text(encoding="utf-8")):
        woff2 = WOFF2.search(body)
        if not woff2 or not KEPT[family].search(woff2.group(1)):
            continue
        weight = re.search(r"font-weight: ([\d ]+);", body).group(1)
        ranges = re.search(r"unicode-range: ([^;]+);", body).group(1)
        yield woff2.group(1), woff2.group(2), weight, ranges


def build(packages: Path, static: Path) -> None:
    fonts = static / "fonts"
    shutil.rmtree(fonts, ignore_errors=True)
    fonts.mkdir(parents=True)
    css = [
        "/* The site's own fonts for Arabic and Chinese, built by `make fonts`"
        " (deploy/fonts.py). */"
    ]
    for package, stylesheet, family, purpose in SOURCES:
        root = packages / package / "package"
        shutil.copy(root / "LICENSE", fonts / f"{family.replace(' ', '-')}-LICENSE.txt")
        css.append(f"\n/* {family}: {purpose}. SIL Open Font License 1.1. */")
        for name, kind, weight, ranges in faces(root / stylesheet, family):
            shutil.copy(root / "files" / name, fonts / name)
            css.append(
                f'@font-face {{ font-family: "{family}"; font-style: normal; '
                f"font-weight: {weight}; font-display: swap; "
                f'src: local("{family}"), url("../fonts/{name}") format("{kind}"); '
                f"unicode-range: {ranges}; }}"
            )
    (static / "css" / "fonts.css").write_text("\n".join(css) + "\n", encoding="utf-8")


if __name__ == "__main__":
    build(Path(sys.argv[1]), Path(sys.argv[2]))
