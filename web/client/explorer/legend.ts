import { h } from "./dom.js";
import { TYPE_STYLES } from "./graphStyle.js";
import { NODE_TYPES } from "./model.js";
import { categoryColor, categoryName, type Stack } from "./mapModel.js";

export function renderLegend(container: HTMLElement): void {
  container.replaceChildren(
    h(
      "ul",
      { class: "legend-list" },
      ...NODE_TYPES.map((type) =>
        h(
          "li",
          {},
          h("span", {
            class: "legend-shape",
            style: `background:${TYPE_STYLES[type].color};clip-path:${TYPE_STYLES[type].clipPath}`,
            "aria-hidden": "true",
          }),
          type,
        ),
      ),
    ),
  );
}

/** The map's colours (the categories of the events drawn) and the timeline's (its perpetrators). */
export function renderMapLegend(container: HTMLElement, categories: readonly string[], stacks: readonly Stack[]): void {
  const swatch = (color: string, round: boolean) =>
    h("span", { class: "legend-shape", style: `background:${color};${round ? "border-radius:50%" : ""}`, "aria-hidden": "true" });
  container.replaceChildren(
    h(
      "ul",
      { class: "legend-list" },
      ...categories.map((category) => h("li", {}, swatch(categoryColor(category), true), categoryName(category))),
    ),
    ...(stacks.length > 0
      ? [
          h(
            "ul",
            { class: "legend-list", "aria-label": "Timeline" },
            ...stacks.map((stack) => h("li", {}, swatch(stack.color, false), h("bdi", {}, stack.name))),
          ),
        ]
      : []),
  );
}
