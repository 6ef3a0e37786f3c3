/**
 * Room to read: the details panel can take the side's full height (the path and node panels folded away) and open
 * over the drawing at the window's full width. Two toggle buttons above the panel; the choice holds while other nodes
 * are opened and, for the tab's session, across reloads and links to `/explore?node=…`.
 */
import { h } from "./dom.js";

export interface PanelSize {
  tall: boolean;
  wide: boolean;
}

const STORAGE_KEY = "explorer.detailsSize";

function stored(): PanelSize {
  try {
    const value = JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? "{}") as Partial<PanelSize>;
    return { tall: value.tall === true, wide: value.wide === true };
  } catch {
    return { tall: false, wide: false };
  }
}

export interface PanelSizeControls {
  size(): PanelSize;
  /** Another button for the full width (the incident table's), kept pressed or not with the first. */
  wideButton(label: string): HTMLButtonElement;
}

const WIDE_TOGGLE = "button[data-toggles='details-wide']";

/**
 * Adds the two buttons before `details` and applies the size to `layout` as classes (`details-tall`, `details-wide`,
 * styled in reading.css). While the details are wide, the drawing under them is inert, and Escape in the side puts
 * them back; a skip link to something the size hides puts the side back first.
 */
export function attachPanelSize(layout: HTMLElement, details: HTMLElement, drawing: HTMLElement): PanelSizeControls {
  let size = stored();
  const tallButton = h("button", { type: "button", class: "action-button", id: "details-tall" }, "Full height");
  const wideButton = h(
    "button",
    { type: "button", class: "action-button", id: "details-wide", "data-toggles": "details-wide" },
    "Full width",
  );
  const bar = h("div", { class: "details-size", role: "group", "aria-label": "Details panel size" }, tallButton, wideButton);
  details.before(bar);

  const apply = (next: PanelSize): void => {
    size = next;
    layout.classList.toggle("details-tall", size.tall);
    layout.classList.toggle("details-wide", size.wide);
    tallButton.setAttribute("aria-pressed", String(size.tall));
    for (const button of document.querySelectorAll(WIDE_TOGGLE)) button.setAttribute("aria-pressed", String(size.wide));
    drawing.inert = size.wide;
    try {
      sessionStorage.setItem(STORAGE_KEY, JSON.stringify(size));
    } catch {
      // Storage refused (a private window's quota): the size still holds until the page is left.
    }
  };
  tallButton.addEventListener("click", () => apply({ ...size, tall: !size.tall }));
  const toggleWide = (): void => apply({ ...size, wide: !size.wide });
  wideButton.addEventListener("click", toggleWide);
  layout.querySelector(".side")?.addEventListener("keydown", (event) => {
    if ((event as KeyboardEvent).key === "Escape" && size.wide) {
      apply({ ...size, wide: false });
      wideButton.focus();
    }
  });
  // Before the skip link's own handler (skipLinks.ts) moves focus: its target must be shown.
  document.addEventListener(
    "click",
    (event) => {
      const link = event.target instanceof Element ? event.target.closest("a.skip-link") : null;
      if (!(link instanceof HTMLAnchorElement)) return;
      const target = document.getElementById(link.hash.slice(1));
      if (target && drawing.contains(target) && size.wide) apply({ ...size, wide: false });
      if (target && !drawing.contains(target) && !details.contains(target) && size.tall) apply({ ...size, tall: false });
    },
    { capture: true },
  );
  apply(size);
  return {
    size: () => size,
    wideButton(label) {
      const button = h(
        "button",
        { type: "button", class: "action-button", "data-toggles": "details-wide", "aria-pressed": String(size.wide) },
        label,
      );
      button.addEventListener("click", toggleWide);
      return button;
    },
  };
}
