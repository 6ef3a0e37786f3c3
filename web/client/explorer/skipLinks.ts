/**
 * Skip links move focus to their target without scrolling the page (a fragment link would scroll it,
 * hiding the toolbar): only the panel that holds the target scrolls, and only when the target is out of it.
 */
export function attachSkipLinks(): void {
  for (const link of document.querySelectorAll<HTMLAnchorElement>("a.skip-link")) {
    link.addEventListener("click", (event) => {
      const target = document.getElementById(link.hash.slice(1));
      if (!target) return;
      event.preventDefault();
      target.focus({ preventScroll: true });
      revealInPanel(target);
    });
  }
}

function revealInPanel(target: HTMLElement): void {
  for (let panel = target.parentElement; panel && panel !== document.body; panel = panel.parentElement) {
    const { overflowY } = getComputedStyle(panel);
    if (overflowY !== "auto" && overflowY !== "scroll") continue;
    const offset = target.getBoundingClientRect().top - panel.getBoundingClientRect().top;
    if (offset < 0 || offset > panel.clientHeight - 24) panel.scrollTop += offset;
    return;
  }
}
