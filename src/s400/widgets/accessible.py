"""Two small widgets that close gaps of ipywidgets 8 and JupyterLab for keyboard and
screen-reader users (WCAG 2.1, success criteria 2.1.1, 4.1.2 and 4.1.3), written with anywidget,
so they work in JupyterLab and Voila alike:

- :class:`LiveText`: HTML that is announced when it changes (an ARIA live region, role
  ``status``), for every widget's result line; ipywidgets' HTML widget cannot carry a role.
- :class:`AccessibilityFixes`: an invisible widget that, in the page, names each slider handle
  after its slider's description (ipywidgets leaves it nameless: axe-core's rule
  aria-input-field-name) and its editable readout, and keeps JupyterLab's command-mode shortcuts
  off the controls of each app (class ``s400-app``): without that, the arrow keys on a drop-down
  move to another cell, and a letter typed there inserts or deletes cells.
"""

from __future__ import annotations

import anywidget
import ipywidgets as w
import traitlets

LIVE_ESM = """
export default {
  render({ model, el }) {
    el.setAttribute("role", "status");  // polite and atomic: the whole line, once the user pauses
    const show = () => { el.innerHTML = model.get("value"); };
    model.on("change:value", show);
    show();
  },
};
"""

FIXES_ESM = """
function fix() {
  // Lumino gives no shortcut a key pressed on an element with this attribute (JupyterLab's
  // command-mode bindings match the focused element itself, so each control needs it).
  const controls = "select, input, button, summary, [tabindex], [contenteditable=true]";
  for (const control of document.querySelectorAll(`.s400-app :is(${controls})`)) {
    if (control.hasAttribute("data-lm-suppress-shortcuts")) continue;
    control.setAttribute("data-lm-suppress-shortcuts", "true");
    // Escape still leaves the app: back to its notebook cell, where the shortcuts work again.
    control.addEventListener("keydown", (event) => {
      if (event.key === "Escape") control.closest(".jp-Cell")?.focus();
    });
  }
  for (const slider of document.querySelectorAll(".widget-slider")) {
    const name = slider.querySelector(".widget-label")?.textContent.trim();
    if (!name) continue;
    for (const handle of slider.querySelectorAll(".noUi-handle:not([aria-label])")) {
      handle.setAttribute("aria-label", name);
    }
    // The readout beside the handle is editable text: type a number, press Enter.
    const readout = slider.querySelector(".widget-readout[contenteditable=true]:not([aria-label])");
    readout?.setAttribute("role", "textbox");
    readout?.setAttribute("aria-label", `${name}, typed value`);
  }
}

export default {
  render() {
    // One observer per page, however many apps it shows: controls render after this widget,
    // and JupyterLab re-renders outputs, so fix them whenever the page changes (once a frame).
    if (!globalThis.s400AccessibilityFixes) {
      let queued = false;
      globalThis.s400AccessibilityFixes = new MutationObserver(() => {
        if (queued) return;
        queued = true;
        requestAnimationFrame(() => { queued = false; fix(); });
      });
      globalThis.s400AccessibilityFixes.observe(document.body, { childList: true, subtree: true });
    }
    fix();
  },
};
"""


class LiveText(anywidget.AnyWidget):
    """HTML that screen readers announce when it changes: an ARIA live region (role ``status``).

    Use it like ``ipywidgets.HTML``: set ``value``.

    Parameters
    ----------
    value : str
        The HTML to show.
    **kwargs
        Passed to the widget (``layout``, for instance).

    Examples
    --------
    >>> line = LiveText("<b>Ready.</b>")
    >>> line.value = "Done."
    >>> line.value
    'Done.'
    """

    _esm = LIVE_ESM
    value = traitlets.Unicode("").tag(sync=True)

    def __init__(self, value: str = "", **kwargs: object) -> None:
        super().__init__(value=value, **kwargs)


class AccessibilityFixes(anywidget.AnyWidget):
    """An invisible widget that names every slider handle on the page after its slider's
    description, so a screen reader says "Prior, slider, 0.50" instead of "slider, 0.50", and
    lets the keys pressed in an app (class ``s400-app``) reach its controls, not JupyterLab.

    Put one in every app; one is enough for the page, more do no harm.

    Parameters
    ----------
    **kwargs
        Passed to the widget.

    Examples
    --------
    >>> AccessibilityFixes().layout.display
    'none'
    """

    _esm = FIXES_ESM

    def __init__(self, **kwargs: object) -> None:
        super().__init__(layout=w.Layout(display="none"), **kwargs)
