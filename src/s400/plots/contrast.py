"""Colour contrast as WCAG 2.1 measures it (success criteria 1.4.3 and 1.4.11): text needs a
ratio of at least 4.5:1 against its background (3:1 when large), lines and marks that carry
meaning 3:1.
"""

from __future__ import annotations

#: WCAG 2.1 AA minimum ratios.
TEXT, LARGE_TEXT, GRAPHICS = 4.5, 3.0, 3.0


def rgb(colour: str) -> tuple[int, int, int]:
    """The red, green and blue values (0–255) of a hex colour, ``#rgb`` or ``#rrggbb``.

    Parameters
    ----------
    colour : str
        A hex colour such as ``"#0072B2"`` or ``"#555"``.

    Returns
    -------
    tuple of int
        (red, green, blue).

    Raises
    ------
    ValueError
        If ``colour`` is not a hex colour.

    Examples
    --------
    >>> rgb("#0072B2")
    (0, 114, 178)
    >>> rgb("#555")
    (85, 85, 85)
    """
    digits = colour.lstrip("#")
    if len(digits) == 3:
        digits = "".join(d * 2 for d in digits)
    if len(digits) != 6 or not colour.startswith("#"):
        raise ValueError(f"not a hex colour: {colour!r}")
    return int(digits[0:2], 16), int(digits[2:4], 16), int(digits[4:6], 16)


def relative_luminance(colour: str) -> float:
    """WCAG's relative luminance: 0 for black, 1 for white.

    Each sRGB channel ``c`` (0–1) is linearised, ``c / 12.92`` up to 0.04045 and
    ``((c + 0.055) / 1.055) ** 2.4`` above, then weighted 0.2126 red, 0.7152 green, 0.0722 blue.

    Parameters
    ----------
    colour : str
        A hex colour.

    Returns
    -------
    float
        The luminance, in [0, 1].

    Examples
    --------
    Pure green counts 0.7152; white counts 1:

    >>> relative_luminance("#00FF00")
    0.7152
    >>> relative_luminance("#FFFFFF")
    1.0
    """

    def linear(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    red, green, blue = (linear(v) for v in rgb(colour))
    return round(0.2126 * red + 0.7152 * green + 0.0722 * blue, 10)


def contrast_ratio(foreground: str, background: str) -> float:
    """WCAG's contrast ratio ``(L1 + 0.05) / (L2 + 0.05)``, lighter luminance over darker.

    Parameters
    ----------
    foreground, background : str
        Hex colours; their order does not matter.

    Returns
    -------
    float
        From 1 (no contrast) to 21 (black on white).

    Examples
    --------
    Black on white is (1 + 0.05) / (0 + 0.05) = 21; pure green on black is
    (0.7152 + 0.05) / 0.05 = 15.304:

    >>> contrast_ratio("#000000", "#FFFFFF")
    21.0
    >>> round(contrast_ratio("#00FF00", "#000"), 3)
    15.304
    """
    lighter, darker = sorted(
        (relative_luminance(foreground), relative_luminance(background)), reverse=True
    )
    return (lighter + 0.05) / (darker + 0.05)


def text_colour_on(fill: str) -> str:
    """Black or white, whichever reads better on ``fill``.

    Parameters
    ----------
    fill : str
        The background's hex colour.

    Returns
    -------
    str
        ``"#000000"`` or ``"#FFFFFF"``.

    Examples
    --------
    On mid grey #777777 (luminance 0.1845) black gives 0.2345 / 0.05 = 4.69, white
    1.05 / 0.2345 = 4.48, so black; on #0072B2 (luminance 0.1525) white gives 1.05 / 0.2025 = 5.19
    and black 0.2025 / 0.05 = 4.05, so white:

    >>> text_colour_on("#777777")
    '#000000'
    >>> text_colour_on("#0072B2")
    '#FFFFFF'
    """
    black, white = "#000000", "#FFFFFF"
    return black if contrast_ratio(black, fill) >= contrast_ratio(white, fill) else white
