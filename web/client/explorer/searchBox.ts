/**
 * The search box (role searchbox, named "Search") and its list of hits: typing lists hits after a pause,
 * Enter chooses the top hit (what people try first), ArrowDown moves into the hits, Escape closes them.
 */
import { search, type SearchHit } from "./api.js";
import { h, nameElement } from "./dom.js";
import { TYPE_STYLES } from "./graphStyle.js";
import { ownName, type NodeSummary } from "./model.js";

const TYPING_PAUSE_MS = 250;

export interface SearchBoxOptions {
  form: HTMLFormElement;
  input: HTMLInputElement;
  results: HTMLUListElement;
  choose: (node: NodeSummary) => void;
  report: (message: string) => void;
}

export function attachSearchBox({ form, input, results, choose, report }: SearchBoxOptions): void {
  let latest = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const close = (): void => {
    results.hidden = true;
    input.setAttribute("aria-expanded", "false");
  };

  const buttons = (): HTMLButtonElement[] => Array.from(results.querySelectorAll("button"));

  const show = (hits: SearchHit[], text: string): void => {
    results.replaceChildren(
      ...(hits.length === 0
        ? [h("li", { class: "search-empty" }, `Nothing found for “${text}”.`)]
        : hits.map((hit) => {
            const button = h(
              "button",
              { type: "button", class: "search-hit", "data-id": hit.node.id },
              h("span", { class: "type-swatch", style: `background:${TYPE_STYLES[hit.node.__typename].color}`, "aria-hidden": "true" }),
              nameElement(ownName(hit.node), "search-hit-label"),
              h("span", { class: "search-hit-type" }, hit.node.__typename),
            );
            button.addEventListener("click", () => {
              close();
              choose(hit.node);
            });
            return h("li", {}, button);
          })),
    );
    results.hidden = false;
    input.setAttribute("aria-expanded", "true");
    report(
      hits.length === 0
        ? `Nothing found for “${text}”.`
        : `${hits.length} match${hits.length === 1 ? "" : "es"}; press Enter to draw the first, or ArrowDown to choose.`,
    );
  };

  /** Lists the hits for what is typed; with `chooseTop`, draws the first hit instead. */
  const run = async ({ chooseTop }: { chooseTop: boolean }): Promise<void> => {
    clearTimeout(timer);
    const text = input.value.trim();
    if (text.length < 2) {
      close();
      if (chooseTop) report("Type at least two characters to search.");
      return;
    }
    const request = ++latest;
    try {
      const hits = await search(text);
      if (request !== latest) return;
      const [top] = hits;
      if (chooseTop && top) {
        close();
        choose(top.node);
      } else {
        show(hits, text);
      }
    } catch (error) {
      if (request === latest) report(`Search failed: ${(error as Error).message}`);
    }
  };

  input.setAttribute("aria-expanded", "false");
  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(() => void run({ chooseTop: false }), TYPING_PAUSE_MS);
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    void run({ chooseTop: true });
  });
  input.addEventListener("keydown", (event) => {
    if (event.key === "ArrowDown" && !results.hidden) {
      event.preventDefault();
      buttons()[0]?.focus();
    } else if (event.key === "Escape") {
      close();
    }
  });
  results.addEventListener("keydown", (event) => {
    const all = buttons();
    const index = all.indexOf(document.activeElement as HTMLButtonElement);
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      const next = index + (event.key === "ArrowDown" ? 1 : -1);
      if (next < 0) input.focus();
      else all[Math.min(next, all.length - 1)]?.focus();
    } else if (event.key === "Escape") {
      close();
      input.focus();
    }
  });
  // Clicking elsewhere closes the list, as a menu would.
  document.addEventListener("pointerdown", (event) => {
    if (!form.contains(event.target as Node)) close();
  });
}
