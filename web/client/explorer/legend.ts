import { h } from "./dom.js";
import { TYPE_STYLES } from "./graphStyle.js";
import { NODE_TYPES } from "./model.js";

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
