import type { GraphView } from "./graphView.js";

const PAN_STEP = 60;

/** With the drawing focused: + and - zoom, arrow keys pan, 0 fits the whole graph. */
export function attachGraphKeyboard(container: HTMLElement, view: GraphView): void {
  container.addEventListener("keydown", (event) => {
    const actions: Record<string, () => void> = {
      "+": () => view.zoomBy(1.25),
      "=": () => view.zoomBy(1.25),
      "-": () => view.zoomBy(0.8),
      "0": () => view.fit(),
      ArrowLeft: () => view.panBy(PAN_STEP, 0),
      ArrowRight: () => view.panBy(-PAN_STEP, 0),
      ArrowUp: () => view.panBy(0, PAN_STEP),
      ArrowDown: () => view.panBy(0, -PAN_STEP),
    };
    const action = actions[event.key];
    if (action && !event.altKey && !event.ctrlKey && !event.metaKey) {
      event.preventDefault();
      action();
    }
  });
}
