"""Markup that hides text from readers while it stays in the page for search engines
and screen readers: the ``hidden`` attribute, hiding classes, and every CSS means
(no display, no visibility, zero opacity, zero size with the overflow cut, clipping,
off-screen positioning or indent, a transform to nothing, transparent text, text in the
colour of its background).

``Style`` is what an element passes on to its children: its text and background
colours; ``colour_reason()`` says whether text drawn in it can be seen.
``hiding_reason()`` says in words why an element hides its content, or None.
"""

import re
from dataclasses import dataclass

# Classes that hide in the frameworks editors paste from (Bootstrap, WordPress, ...).
HIDING_CLASSES = {
    "hidden",
    "d-none",
    "invisible",
    "hide",
    "sr-only",
    "visually-hidden",
    "screen-reader-text",
}
# A text colour closer to its background than this contrast ratio cannot be read.
MIN_CONTRAST = 1.25
# Opacity (0 to 1) at or below which text cannot be seen.
MAX_HIDDEN_OPACITY = 0.05
WHITE = (255, 255, 255)
BLACK = (0, 0, 0)

# CSS named colours (CSS Color Module Level 4), as RRGGBB.
NAMED_COLOURS = dict(
    pair.split(":")
    for pair in """
aliceblue:f0f8ff antiquewhite:faebd7 aqua:00ffff aquamarine:7fffd4 azure:f0ffff
beige:f5f5dc bisque:ffe4c4 black:000000 blanchedalmond:ffebcd blue:0000ff
blueviolet:8a2be2 brown:a52a2a burlywood:deb887 cadetblue:5f9ea0 chartreuse:7fff00
chocolate:d2691e coral:ff7f50 cornflowerblue:6495ed cornsilk:fff8dc crimson:dc143c
cyan:00ffff darkblue:00008b darkcyan:008b8b darkgoldenrod:b8860b darkgray:a9a9a9
darkgreen:006400 darkgrey:a9a9a9 darkkhaki:bdb76b darkmagenta:8b008b
darkolivegreen:556b2f darkorange:ff8c00 darkorchid:9932cc darkred:8b0000
darksalmon:e9967a darkseagreen:8fbc8f darkslateblue:483d8b darkslategray:2f4f4f
darkslategrey:2f4f4f darkturquoise:00ced1 darkviolet:9400d3 deeppink:ff1493
deepskyblue:00bfff dimgray:696969 dimgrey:696969 dodgerblue:1e90ff firebrick:b22222
floralwhite:fffaf0 forestgreen:228b22 fuchsia:ff00ff gainsboro:dcdcdc
ghostwhite:f8f8ff gold:ffd700 goldenrod:daa520 gray:808080 green:008000
greenyellow:adff2f grey:808080 honeydew:f0fff0 hotpink:ff69b4 indianred:cd5c5c
indigo:4b0082 ivory:fffff0 khaki:f0e68c lavender:e6e6fa lavenderblush:fff0f5
lawngreen:7cfc00 lemonchiffon:fffacd lightblue:add8e6 lightcoral:f08080
lightcyan:e0ffff lightgoldenrodyellow:fafad2 lightgray:d3d3d3 lightgreen:90ee90
lightgrey:d3d3d3 lightpink:ffb6c1 lightsalmon:ffa07a lightseagreen:20b2aa
lightskyblue:87cefa lightslategray:778899 lightslategrey:778899 lightsteelblue:b0c4de
lightyellow:ffffe0 lime:00ff00 limegreen:32cd32 linen:faf0e6 magenta:ff00ff
maroon:800000 mediumaquamarine:66cdaa mediumblue:0000cd mediumorchid:ba55d3
mediumpurple:9370db mediumseagreen:3cb371 mediumslateblue:7b68ee
mediumspringgreen:00fa9a mediumturquoise:48d1cc mediumvioletred:c71585
midnightblue:191970 mintcream:f5fffa mistyrose:ffe4e1 moccasin:ffe4b5
navajowhite:ffdead navy:000080 oldlace:fdf5e6 olive:808000 olivedrab:6b8e23
orange:ffa500 orangered:ff4500 orchid:da70d6 palegoldenrod:eee8aa palegreen:98fb98
paleturquoise:afeeee palevioletred:db7093 papayawhip:ffefd5 peachpuff:ffdab9
peru:cd853f pink:ffc0cb plum:dda0dd powderblue:b0e0e6 purple:800080
rebeccapurple:663399 red:ff0000 rosybrown:bc8f8f royalblue:4169e1 saddlebrown:8b4513
salmon:fa8072 sandybrown:f4a460 seagreen:2e8b57 seashell:fff5ee sienna:a0522d
silver:c0c0c0 skyblue:87ceeb slateblue:6a5acd slategray:708090 slategrey:708090
snow:fffafa springgreen:00ff7f steelblue:4682b4 tan:d2b48c teal:008080
thistle:d8bfd8 tomato:ff6347 turquoise:40e0d0 violet:ee82ee wheat:f5deb3
white:ffffff whitesmoke:f5f5f5 yellow:ffff00 yellowgreen:9acd32
""".split()  # noqa: SIM905 - a table reads better than 148 quoted strings
)
TRANSPARENT = "transparent"


@dataclass(frozen=True)
class Style:
    """The colours an element's text is drawn in and on."""

    colour: tuple[int, int, int] = BLACK
    background: tuple[int, int, int] = WHITE
    transparent: bool = False


PAGE = Style()


def declarations(style: str) -> dict[str, str]:
    """The properties of an inline style, lower-cased, without ``!important``."""
    found = {}
    for declaration in (style or "").split(";"):
        name, _, value = declaration.partition(":")
        value = re.sub(r"\s*!\s*important\s*$", "", value.strip().lower())
        if name.strip() and value:
            found[name.strip().lower()] = re.sub(r"\s+", " ", value)
    return found


# --- Colours --------------------------------------------------------------------------


def _channel(value: str) -> float:
    value = value.strip()
    if value.endswith("%"):
        return float(value[:-1]) * 2.55
    return float(value)


def _alpha(value: str) -> float:
    value = value.strip()
    return float(value[:-1]) / 100 if value.endswith("%") else float(value)


def _hex(value: str) -> tuple[tuple[int, int, int], float]:
    digits = value.lstrip("#")
    if len(digits) in {3, 4}:
        digits = "".join(digit * 2 for digit in digits)
    rgb = tuple(int(digits[i : i + 2], 16) for i in (0, 2, 4))
    alpha = int(digits[6:8], 16) / 255 if len(digits) == 8 else 1.0
    return rgb, alpha


def _hsl(hue: float, saturation: float, lightness: float) -> tuple[int, int, int]:
    def channel(n):
        k = (n + hue / 30) % 12
        a = saturation * min(lightness, 1 - lightness)
        return round(255 * (lightness - a * max(-1, min(k - 3, 9 - k, 1))))

    return channel(0), channel(8), channel(4)


def _function(name: str, arguments: list[str]) -> tuple[tuple[int, int, int], float]:
    alpha = _alpha(arguments[3]) if len(arguments) > 3 else 1.0
    if name.startswith("hsl"):
        hue = float(re.sub(r"deg$", "", arguments[0]))
        rgb = _hsl(hue, _alpha(arguments[1]), _alpha(arguments[2]))
    else:
        rgb = tuple(round(min(255.0, _channel(argument))) for argument in arguments[:3])
    return rgb, alpha


def parse_colour(value: str) -> tuple[tuple[int, int, int], float] | None:
    """(RGB, alpha) of a CSS colour, or None for what is not a colour we can read."""
    value = (value or "").strip().lower()
    if value == TRANSPARENT:
        return BLACK, 0.0
    if value in NAMED_COLOURS:
        return _hex(NAMED_COLOURS[value])
    try:
        if re.fullmatch(r"#(?:[0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})", value):
            return _hex(value)
        function = re.fullmatch(r"(rgba?|hsla?)\((.*)\)", value)
        if function:
            arguments = [a for a in re.split(r"[\s,/]+", function.group(2).strip()) if a]
            if len(arguments) in {3, 4}:
                return _function(function.group(1), arguments)
    except ValueError:
        return None
    return None


def _luminance(rgb: tuple[int, int, int]) -> float:
    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    red, green, blue = (linear(channel) for channel in rgb)
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(first: tuple[int, int, int], second: tuple[int, int, int]) -> float:
    """The WCAG contrast ratio of two colours, from 1 (the same) to 21."""
    lighter, darker = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def _background_value(properties: dict[str, str]) -> str | None:
    if "background-color" in properties:
        return properties["background-color"]
    shorthand = properties.get("background", "")
    for token in re.findall(r"#[0-9a-f]+|(?:rgb|hsl)a?\([^)]*\)|[a-z]+", shorthand):
        if parse_colour(token):
            return token
    return None


def inherited_style(parent: Style, attrs: dict[str, str]) -> Style:
    """The colours an element draws its text in and on, from its attributes and its
    parent's."""
    properties = declarations(attrs.get("style", ""))
    colour_value = properties.get("color") or attrs.get("color")
    background_value = _background_value(properties) or attrs.get("bgcolor")
    colour, background, transparent = parent.colour, parent.background, parent.transparent
    if background_value and (parsed := parse_colour(background_value)) and parsed[1] > 0.5:
        background = parsed[0]
    if colour_value and (parsed := parse_colour(colour_value)):
        colour, transparent = parsed[0], parsed[1] <= MAX_HIDDEN_OPACITY
    return Style(colour, background, transparent)


def colour_reason(style: Style) -> str | None:
    """Why text drawn in ``style`` cannot be seen, or None."""
    if style.transparent:
        return "transparent text"
    if contrast(style.colour, style.background) < MIN_CONTRAST:
        return "text in the colour of its background"
    return None


# --- Geometry and visibility ---------------------------------------------------------

LENGTH = re.compile(r"^(-?\d*\.?\d+)([a-z%]*)$")
# How far off the page a negative offset must reach, per unit, to put text out of view.
OFF_SCREEN = {"px": 500, "pt": 375, "em": 30, "rem": 30, "vw": 50, "vh": 50, "%": 100, "cm": 13}


def _length(value: str) -> tuple[float, str] | None:
    match = LENGTH.match((value or "").strip().split(" ")[0])
    return (float(match.group(1)), match.group(2)) if match else None


def _is_zero(value: str) -> bool:
    length = _length(value)
    return length is not None and length[0] == 0


def _is_off_screen(value: str) -> bool:
    length = _length(value)
    if length is None or length[0] >= 0:
        return False
    return -length[0] >= OFF_SCREEN.get(length[1] or "px", 500)


def _is_tiny_font(value: str) -> bool:
    length = _length(value)
    if length is None:
        return False
    size, unit = length
    return size <= {"px": 1.0, "pt": 1.0, "em": 0.1, "rem": 0.1, "%": 10.0}.get(unit or "px", 0)


def _opacity(value: str) -> float | None:
    try:
        return _alpha(value)
    except ValueError:
        return None


def _display_reason(p: dict[str, str]) -> str | None:
    if p.get("display") == "none":
        return "display: none"
    if p.get("visibility") in {"hidden", "collapse"}:
        return f"visibility: {p['visibility']}"
    if p.get("content-visibility") == "hidden":
        return "content-visibility: hidden"
    opacity = _opacity(p.get("opacity", "1"))
    if opacity is not None and opacity <= MAX_HIDDEN_OPACITY:
        return "zero opacity"
    return None


def _font_size(p: dict[str, str]) -> str:
    """The font size an inline style sets, also through the ``font`` shorthand."""
    if "font-size" in p:
        return p["font-size"]
    for token in p.get("font", "").split(" "):
        size = token.split("/")[0]
        length = _length(size)
        if length is not None and (length[1] or length[0] == 0):
            return size
    return ""


def _size_reason(p: dict[str, str]) -> str | None:
    if _is_tiny_font(_font_size(p)):
        return "zero font size"
    cut = p.get("overflow", "").split(" ")[0] in {"hidden", "clip"}
    for name in ("width", "height", "max-width", "max-height", "line-height"):
        if cut and name in p and _is_zero(p[name]):
            return f"{name}: 0 with the overflow hidden"
    if re.search(r"rect\(\s*(?:(?:0|1px)[\s,]*){4}\)", p.get("clip", "")):
        return "clipped to nothing"
    if re.search(r"inset\(\s*(?:50|100)%|circle\(\s*0|polygon\(\s*0\D", p.get("clip-path", "")):
        return "clipped to nothing"
    if re.search(r"scale[xy]?\(\s*0(?:\.0*)?\s*[,)]", p.get("transform", "")):
        return "scaled to nothing"
    return None


def _position_reason(p: dict[str, str]) -> str | None:
    positioned = p.get("position") in {"absolute", "fixed", "relative"}
    for name in ("left", "top", "right", "bottom"):
        if positioned and _is_off_screen(p.get(name, "")):
            return "positioned off the page"
    for name in ("margin-left", "margin-top", "text-indent", "margin"):
        if _is_off_screen(p.get(name, "")):
            return "moved off the page"
    for offset in re.findall(r"translate[xy3d]*\(\s*([-\d.]+[a-z%]*)", p.get("transform", "")):
        if _is_off_screen(offset):
            return "moved off the page"
    return None


def hiding_reason(attrs: dict[str, str]) -> str | None:
    """Why an element with these attributes hides its content, or None."""
    if "hidden" in attrs:
        return "the hidden attribute"
    if (attrs.get("aria-hidden") or "").strip().lower() == "true":
        return "aria-hidden"
    if (attrs.get("type") or "").lower() == "hidden":
        return "a hidden input"
    classes = HIDING_CLASSES & set((attrs.get("class") or "").lower().split())
    if classes:
        return f"the class {sorted(classes)[0]}"
    properties = declarations(attrs.get("style", ""))
    return _display_reason(properties) or _size_reason(properties) or _position_reason(properties)
