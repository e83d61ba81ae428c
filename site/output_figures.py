"""Figures from notebook outputs: the alt text they carry, and a link to the full-size picture.

myst-nb takes alt text only from a cell's metadata (`mystnb: {image: {alt: ...}}`). An output
can also carry it itself: in its metadata next to width and height (`{"image/png": {"alt": ...}}`),
or as a text alternative in the same bundle (text/markdown, or a text/plain that is more than
Python's `<Figure size ... with 1 Axes>`). This post-transform copies the first of those onto the
image, before myst-nb picks the image out of the bundle.

A PNG wider than the text column is shrunk to fit it, and its small print becomes hard to read;
such a figure gets width 100%, which makes Sphinx link it to the picture at full size.
"""

from __future__ import annotations

import base64
import struct
from pathlib import Path
from typing import Any

import nbformat
from docutils import nodes  # type: ignore[import-untyped]
from sphinx.application import Sphinx
from sphinx.transforms.post_transforms import SphinxPostTransform

TEXT_ALTERNATIVES = ("text/markdown", "text/plain")
COLUMN_PX = 800  # wider than the theme's text column at any window size


def alternative_text(output: dict[str, Any], image_type: str) -> str | None:
    """The alt text an image output carries, or None.

    Parameters
    ----------
    output : dict
        A display_data or execute_result output of a notebook (nbformat 4).
    image_type : str
        The image's MIME type in the output, such as "image/png".

    Returns
    -------
    str or None
        The output metadata's alt for that image, else the first text alternative in the bundle
        that is not an object's repr (`<...>`), stripped; None when there is neither.

    Examples
    --------
    >>> figure = {"data": {"image/png": "iVBO", "text/plain": "<Figure size 640x480 with 1 Axes>"}}
    >>> alternative_text(figure, "image/png") is None
    True
    >>> figure["metadata"] = {"image/png": {"alt": "Bar chart of costs"}}
    >>> alternative_text(figure, "image/png")
    'Bar chart of costs'
    >>> alternative_text({"data": {"text/plain": " Two bars. "}}, "image/png")
    'Two bars.'
    """
    alt = output.get("metadata", {}).get(image_type, {}).get("alt")
    if alt:
        return str(alt).strip()
    for mime_type in TEXT_ALTERNATIVES:
        text = output.get("data", {}).get(mime_type)
        if isinstance(text, list):
            text = "".join(text)
        text = (text or "").strip()
        if text and not (text.startswith("<") and text.endswith(">")):
            return text
    return None


def png_width(encoded: str) -> int | None:
    """Width in pixels of a base64-encoded PNG (from its IHDR chunk), None if it is not a PNG.

    Examples
    --------
    >>> header = b"\\x89PNG\\r\\n\\x1a\\n" + b"\\x00\\x00\\x00\\rIHDR" + (1300).to_bytes(4, "big")
    >>> png_width(base64.b64encode(header).decode())
    1300
    >>> png_width(base64.b64encode(b"GIF89a").decode()) is None
    True
    """
    head = base64.b64decode(encoded[:44])  # 44 base64 characters: the first 33 bytes
    if head[:8] != b"\x89PNG\r\n\x1a\n" or len(head) < 20:
        return None
    return struct.unpack(">I", head[16:20])[0]


def _is(element: str):
    return lambda node: isinstance(node, nodes.container) and node.get("nb_element") == element


class OutputFigures(SphinxPostTransform):
    default_priority = 3  # before myst-nb's SelectMimeType (4) drops the text alternatives
    formats = ("html",)

    def run(self, **kwargs: Any) -> None:
        source = Path(self.env.doc2path(self.env.docname))
        if source.suffix != ".ipynb":
            return
        cells = nbformat.read(source, as_version=4).cells
        for cell in self.document.findall(_is("cell_code")):
            # A cell's bundles are its display_data and execute_result outputs, in order.
            outputs = [
                output
                for output in cells[cell["cell_index"]].get("outputs", [])
                if output["output_type"] in ("display_data", "execute_result")
            ]
            bundles = list(cell.findall(_is("mime_bundle")))
            if len(bundles) != len(outputs):
                continue  # myst-nb left a bundle out: pairing them up would mislabel figures
            for output, bundle in zip(outputs, bundles, strict=True):
                for image in bundle.findall(nodes.image):
                    mime_type = image.parent["mime_type"]
                    alt = alternative_text(output, mime_type)
                    if alt and "alt" not in image:
                        image["alt"] = alt
                    data = output["data"][mime_type]
                    wide = mime_type == "image/png" and (png_width(data) or 0) > COLUMN_PX
                    if wide and "width" not in image:
                        image["width"] = "100%"


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_post_transform(OutputFigures)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
