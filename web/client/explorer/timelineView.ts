/**
 * The timeline under the map: incidents per ISO week (per month or year over a long range), stacked by perpetrator. Dragging across it (d3-brush)
 * chooses a range of weeks, which the map and the graph then show; from the keyboard, the arrows move a
 * one-week choice, Shift with an arrow widens it, Escape clears it.
 */
import { brushX, type BrushBehavior, type D3BrushEvent } from "d3-brush";
import { select, type Selection } from "d3-selection";
import { barsRange, weekBars, type DateRange, type Interval, type Stack, type WeekBar, type WeekCount } from "./mapModel.js";

const SVG_NS = "http://www.w3.org/2000/svg";
const MARGIN = { top: 6, right: 8, bottom: 18, left: 30 };

export class TimelineView {
  private readonly svg: Selection<SVGSVGElement, unknown, null, undefined>;
  private readonly barsLayer: SVGGElement;
  private readonly axisLayer: SVGGElement;
  private readonly brushLayer: Selection<SVGGElement, unknown, null, undefined>;
  private readonly brush: BrushBehavior<unknown>;
  private bars: WeekBar[] = [];
  private stacks: Stack[] = [];
  private interval: Interval = "WEEK";
  /** The chosen weeks, as bar indices (first, last); null when nothing is chosen. */
  private chosen: [number, number] | null = null;
  private moving = false;

  constructor(
    private readonly container: HTMLElement,
    private readonly onRange: (range: DateRange | null) => void,
  ) {
    const svgElement = document.createElementNS(SVG_NS, "svg");
    svgElement.classList.add("timeline-svg");
    svgElement.setAttribute("tabindex", "0");
    svgElement.setAttribute("role", "slider");
    svgElement.setAttribute(
      "aria-label",
      "Incidents per week. Drag across it, or use the arrow keys (Shift widens, Escape clears), to show only those weeks.",
    );
    container.append(svgElement);
    this.svg = select(svgElement);
    this.barsLayer = this.svg.append("g").node()!;
    this.axisLayer = this.svg.append("g").attr("class", "timeline-axis").node()!;
    this.brushLayer = this.svg.append("g").attr("class", "timeline-brush");
    this.brush = brushX().on("end", (event: D3BrushEvent<unknown>) => this.brushed(event));
    svgElement.addEventListener("keydown", (event) => this.key(event));
    new ResizeObserver(() => this.draw()).observe(container);
  }

  /** Draws the series, counted by `interval`, and clears the choice. */
  show(points: readonly WeekCount[], interval: Interval, names: ReadonlyMap<string, string>): Stack[] {
    ({ stacks: this.stacks, bars: this.bars } = weekBars(
      points.map((point) => ({ ...point, name: point.name ?? names.get(point.key ?? "") ?? null })),
    ));
    this.interval = interval;
    const unit = { WEEK: "week", MONTH: "month", YEAR: "year" }[interval];
    this.svg.attr(
      "aria-label",
      `Incidents per ${unit}. Drag across it, or use the arrow keys (Shift widens, Escape clears), to show only those ${unit}s.`,
    );
    this.chosen = null;
    this.draw();
    return this.stacks;
  }

  /** The chosen range, or null. */
  range(): DateRange | null {
    return this.chosen ? barsRange(this.bars, this.chosen[0], this.chosen[1], this.interval) : null;
  }

  private width(): number {
    return Math.max(0, this.container.clientWidth - MARGIN.left - MARGIN.right);
  }

  private draw(): void {
    const width = this.container.clientWidth;
    const height = this.container.clientHeight;
    if (width === 0 || height === 0) return;
    this.svg.attr("viewBox", `0 0 ${width} ${height}`).attr("width", width).attr("height", height);
    const plotHeight = height - MARGIN.top - MARGIN.bottom;
    const step = this.bars.length === 0 ? 0 : this.width() / this.bars.length;
    const max = Math.max(1, ...this.bars.map((bar) => bar.total));
    this.barsLayer.replaceChildren();
    this.bars.forEach((bar, i) => {
      const group = document.createElementNS(SVG_NS, "g");
      group.dataset.week = bar.start;
      group.dataset.total = String(bar.total);
      let y = MARGIN.top + plotHeight;
      bar.counts.forEach((count, stack) => {
        if (count === 0) return;
        const h = (count / max) * plotHeight;
        y -= h;
        const rect = document.createElementNS(SVG_NS, "rect");
        rect.setAttribute("x", (MARGIN.left + i * step + 0.5).toFixed(1));
        rect.setAttribute("y", y.toFixed(1));
        rect.setAttribute("width", Math.max(1, step - 1).toFixed(1));
        rect.setAttribute("height", h.toFixed(1));
        rect.setAttribute("fill", this.stacks[stack]!.color);
        group.append(rect);
      });
      const title = document.createElementNS(SVG_NS, "title");
      title.textContent = `${{ WEEK: "Week of", MONTH: "Month of", YEAR: "Year of" }[this.interval]} ${bar.start}: ${bar.total}`;
      group.append(title);
      this.barsLayer.append(group);
    });
    this.axisLayer.replaceChildren(...this.axis(step, height, max));
    this.brush.extent([
      [MARGIN.left, MARGIN.top],
      [MARGIN.left + this.width(), MARGIN.top + plotHeight],
    ]);
    this.brushLayer.call(this.brush);
    this.moveBrush();
  }

  /** Month labels along the bottom where there is room, and the tallest bar's count on the left. */
  private axis(step: number, height: number, max: number): SVGElement[] {
    const labels: SVGElement[] = [];
    let lastX = -Infinity;
    this.bars.forEach((bar, i) => {
      const x = MARGIN.left + i * step;
      const previous = this.bars[i - 1];
      if (previous && previous.start.slice(0, 7) === bar.start.slice(0, 7)) return;
      if (x - lastX < 48) return;
      lastX = x;
      const text = document.createElementNS(SVG_NS, "text");
      text.setAttribute("x", x.toFixed(1));
      text.setAttribute("y", String(height - 4));
      text.textContent = bar.start.slice(0, 7);
      labels.push(text);
    });
    const top = document.createElementNS(SVG_NS, "text");
    top.setAttribute("x", String(MARGIN.left - 4));
    top.setAttribute("y", String(MARGIN.top + 9));
    top.setAttribute("text-anchor", "end");
    top.textContent = String(max);
    labels.push(top);
    return labels;
  }

  private brushed(event: D3BrushEvent<unknown>): void {
    if (this.moving || !event.sourceEvent) return;
    const selection = event.selection as [number, number] | null;
    const step = this.bars.length === 0 ? 0 : this.width() / this.bars.length;
    if (!selection || step === 0) {
      this.choose(null);
      return;
    }
    const first = Math.max(0, Math.floor((selection[0] - MARGIN.left) / step));
    const last = Math.min(this.bars.length - 1, Math.max(first, Math.ceil((selection[1] - MARGIN.left) / step) - 1));
    this.choose([first, last]);
  }

  private key(event: KeyboardEvent): void {
    if (this.bars.length === 0) return;
    const last = this.bars.length - 1;
    const [from, to] = this.chosen ?? [last, last];
    const move = event.key === "ArrowLeft" ? -1 : event.key === "ArrowRight" ? 1 : 0;
    if (move !== 0) {
      event.preventDefault();
      if (this.chosen === null) this.choose([last, last]);
      else if (event.shiftKey) this.choose(move < 0 ? [Math.max(0, from - 1), to] : [from, Math.min(last, to + 1)]);
      else {
        const shift = Math.max(-from, Math.min(last - to, move));
        this.choose([from + shift, to + shift]);
      }
    } else if (event.key === "Escape" && this.chosen !== null) {
      event.preventDefault();
      this.choose(null);
    }
  }

  private choose(chosen: [number, number] | null): void {
    this.chosen = chosen;
    this.moveBrush();
    const range = this.range();
    this.svg.attr("aria-valuetext", range ? `${range.from} to ${range.to}` : "all weeks");
    this.onRange(range);
  }

  /** Snaps the drawn brush to the chosen whole weeks. */
  private moveBrush(): void {
    const step = this.bars.length === 0 ? 0 : this.width() / this.bars.length;
    this.moving = true;
    this.brush.move(
      this.brushLayer,
      this.chosen && step > 0 ? [MARGIN.left + this.chosen[0] * step, MARGIN.left + (this.chosen[1] + 1) * step] : null,
    );
    this.moving = false;
  }
}
