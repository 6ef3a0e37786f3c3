import type { Core } from "cytoscape";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { foreignRequests, openBrowser, VIEWPORTS, type BrowserSession } from "../helpers/browser.js";
import { useServer } from "../helpers/server.js";

const MARKET_STRIKE = "event:2019-07-22-maarat-al-numan-market-airstrike";

/**
 * What the tests read inside `page.evaluate` (which runs in the page): the explorer's cytoscape instance and
 * the DOM. This project is compiled without DOM types, hence the casts, written inline because the
 * callbacks are sent to the browser as source text.
 */
interface PageGlobals {
  cy: Core;
  document: {
    activeElement: { id: string; dataset: Record<string, string> } | null;
    querySelector: (selector: string) => PageElement | null;
    scrollingElement: { scrollTop: number };
  };
  innerHeight: number;
  innerWidth: number;
  getComputedStyle: (element: unknown) => { outlineStyle: string; outlineWidth: string };
}

interface PageElement {
  scrollTop: number;
  scrollHeight: number;
  clientHeight: number;
  lastElementChild: PageElement | null;
  getBoundingClientRect(): { left: number; top: number; right: number; bottom: number };
}

interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** The smallest label the explorer draws, in CSS pixels (LEGIBLE_FONT_PX in web/client/explorer/graphStyle.ts). */
const LEGIBLE_FONT_PX = 11;

/** What the drawing shows, in the canvas's pixels: its size, and each element's box and label. */
async function drawing(page: Page, selector = "*") {
  return page.evaluate((query) => {
    const { cy } = globalThis as unknown as PageGlobals;
    const labelOnly = { includeNodes: false, includeEdges: false, includeLabels: true, includeOverlays: false };
    return {
      width: cy.width(),
      height: cy.height(),
      elements: cy
        .$(query)
        .filter((element) => element.visible())
        .map((element) => ({
          id: element.id(),
          isNode: element.isNode(),
          body: element.isNode() ? element.renderedBoundingBox({ includeLabels: false, includeOverlays: false }) : null,
          label: element.renderedBoundingBox(labelOnly),
          labelShown: element.hasClass("label-shown"),
          fontPx: Number.parseFloat(String(element.style("font-size"))) * cy.zoom(),
        })),
    };
  }, selector);
}

const within = (box: Box, width: number, height: number): boolean =>
  box.x1 >= -1 && box.y1 >= -1 && box.x2 <= width + 1 && box.y2 <= height + 1;
const overlap = (a: Box, b: Box): boolean => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;

function overlappingLabels(labelled: readonly { id: string; label: Box }[]): string[] {
  return labelled.flatMap((a, i) =>
    labelled
      .slice(i + 1)
      .filter((b) => overlap(a.label, b.label))
      .map((b) => `${a.id} / ${b.id}`),
  );
}

/** The line under the drawing that says what was drawn, without the isolation marks around names. */
const message = async (page: Page): Promise<string> =>
  ((await page.locator("#message").textContent()) ?? "").replace(/[\u2068\u2069]/g, "");

/**
 * Draws a search's top hit the way people first try: type, then Enter. Another depth redraws what is shown first;
 * that drawing is let finish, and the hit's is waited for, so that the one before is not mistaken for it.
 */
async function drawByEnter(page: Page, text: string, depth = "2"): Promise<void> {
  await page.getByLabel("Depth").selectOption(depth);
  await expect.poll(() => message(page), { timeout: 15_000 }).not.toMatch(/^Drawing/);
  const box = page.getByRole("searchbox", { name: "Search" });
  await box.fill(text);
  await box.press("Enter");
  await expect.poll(() => message(page), { timeout: 15_000 }).toMatch(new RegExp(`^Showing ${text}\\b`));
}

/** "11 nodes, 10 edges shown" -> { nodes: 11, edges: 10 }. */
async function shown(page: Page): Promise<{ nodes: number; edges: number }> {
  const text = (await page.locator("#status").textContent()) ?? "";
  const match = /^(\d+) nodes?, (\d+) edges? shown/.exec(text);
  if (!match) throw new Error(`unexpected status line: ${text}`);
  return { nodes: Number(match[1]), edges: Number(match[2]) };
}

/** The drawing is a canvas: ask cytoscape where a node is, in page coordinates. */
async function nodePosition(page: Page, id: string): Promise<{ x: number; y: number }> {
  return page.evaluate((nodeId) => {
    const { cy } = globalThis as unknown as PageGlobals;
    const node = cy.getElementById(nodeId);
    if (node.empty()) throw new Error(`${nodeId} is not drawn`);
    const box = (cy.container() as unknown as { getBoundingClientRect(): { left: number; top: number } }).getBoundingClientRect();
    const { x, y } = node.renderedPosition();
    return { x: box.left + x, y: box.top + y };
  }, id);
}

async function drawnIds(page: Page, selector = "node"): Promise<string[]> {
  return page.evaluate((query) => (globalThis as unknown as PageGlobals).cy.$(query).map((element) => element.id()), selector);
}

describe.each(VIEWPORTS)("the explorer at /explore, at $width x $height", { timeout: 90_000 }, (viewport) => {
  const server = useServer();
  let session: BrowserSession;

  beforeAll(async () => {
    session = await openBrowser(viewport);
    await session.page.goto(`${server.url}/explore`);
  });

  afterAll(async () => {
    await session?.close();
  });

  it("draws the top hit when Enter is pressed in the search box, and moves focus to the drawing", async () => {
    const { page } = session;
    await drawByEnter(page, "Maarat al-Numan");
    await expect.poll(async () => (await shown(page)).nodes, { timeout: 15_000 }).toBeGreaterThanOrEqual(5);
    await expect
      .poll(() => page.evaluate(() => (globalThis as unknown as PageGlobals).document.activeElement?.id), { timeout: 5_000 })
      .toBe("graph");
    const { nodes, edges } = await shown(page);
    expect((await drawnIds(page)).length).toBe(nodes);
    expect(edges).toBeGreaterThanOrEqual(nodes - 1);
    expect(await drawnIds(page)).toEqual(expect.arrayContaining(["place:maarat-al-numan", "place:idlib-governorate", MARKET_STRIKE]));
    await expect
      .poll(() => page.getByRole("region", { name: "Details" }).getByRole("heading", { level: 2 }).textContent(), { timeout: 10_000 })
      .toBe("Maarat al-Numan");
    await session.screenshot("explorer-maarat-al-numan");
  });

  it("expands a node on click, merging its neighbours, and shows an event's tolls by source with the quotes", async () => {
    const { page } = session;
    const before = await shown(page);
    await page.getByRole("button", { name: "Fit all" }).click();
    const { x, y } = await nodePosition(page, MARKET_STRIKE);
    await page.mouse.click(x, y);
    await expect.poll(async () => (await shown(page)).nodes, { timeout: 15_000 }).toBeGreaterThan(before.nodes);
    // Merged, not replaced: what was drawn is still drawn.
    expect(await drawnIds(page)).toEqual(expect.arrayContaining(["place:maarat-al-numan", "actor:russian-aerospace-forces"]));

    const details = page.getByRole("region", { name: "Details" });
    await expect.poll(() => details.textContent(), { timeout: 10_000 }).toContain("Casualty estimates by source");
    const text = (await details.textContent()) ?? "";
    expect(text).toContain("2019-07-22");
    expect(text).toContain("39 killed");
    expect(text).toContain("Syria Civil Defence");
    expect(await details.locator("blockquote").count()).toBeGreaterThan(0);
    await session.screenshot("explorer-expanded");
  });

  it("scrolls the details panel instead of cutting it off", async () => {
    const { page } = session;
    const geometry = await page.evaluate(() => {
      const { document, innerHeight } = globalThis as unknown as PageGlobals;
      const panel = document.querySelector("#details");
      if (!panel) throw new Error("no details panel");
      panel.scrollTop = panel.scrollHeight;
      const last = panel.lastElementChild?.getBoundingClientRect();
      return {
        panel: panel.getBoundingClientRect(),
        last,
        overflows: panel.scrollHeight > panel.clientHeight,
        scrolled: panel.scrollTop,
        innerHeight,
      };
    });
    // The panel ends inside the window, and its last line can be scrolled into it.
    expect(geometry.panel.bottom).toBeLessThanOrEqual(geometry.innerHeight);
    expect(geometry.last?.bottom).toBeLessThanOrEqual(geometry.panel.bottom + 1);
    if (geometry.overflows) expect(geometry.scrolled).toBeGreaterThan(0);
    await session.screenshot("explorer-details-scrolled");
    await page.evaluate(() => {
      const panel = (globalThis as unknown as PageGlobals).document.querySelector("#details");
      if (panel) panel.scrollTop = 0;
    });
  });

  it("highlights the shortest path between two selected nodes", async () => {
    const { page } = session;
    // One end by Shift-click on the drawing, the other from the keyboard-reachable list.
    await page.getByRole("button", { name: "Fit all" }).click();
    const from = await nodePosition(page, "place:saraqib");
    await page.keyboard.down("Shift");
    await page.mouse.click(from.x, from.y);
    await page.keyboard.up("Shift");
    await page.getByRole("checkbox", { name: "Path end: Russian Aerospace Forces" }).check();

    const pathPanel = page.getByRole("region", { name: "Shortest path" });
    await expect.poll(() => pathPanel.textContent(), { timeout: 15_000 }).toMatch(/\d+ hops?, highlighted/);
    const hops = Number(/(\d+) hops?, highlighted/.exec((await pathPanel.textContent()) ?? "")?.[1]);
    expect(hops).toBeGreaterThan(0);
    const onPath = await drawnIds(page, "node.on-path");
    expect(onPath).toHaveLength(hops + 1);
    expect(onPath).toEqual(expect.arrayContaining(["place:saraqib", "actor:russian-aerospace-forces"]));
    expect(await drawnIds(page, "edge.on-path")).toHaveLength(hops);
    expect((await drawnIds(page, ".dimmed")).length).toBeGreaterThan(0);
    // The whole path is in view, its (bold, labelled) nodes and their labels included.
    await expect
      .poll(
        async () => {
          const { width, height, elements } = await drawing(page, ".on-path");
          return elements
            .filter((element) => !within(element.label, width, height) || (element.body && !within(element.body, width, height)))
            .map((element) => element.id);
        },
        { timeout: 5_000 },
      )
      .toEqual([]);
    const pathNodes = (await drawing(page, "node.on-path")).elements;
    expect(pathNodes.every((node) => node.labelShown)).toBe(true);
    await session.screenshot("explorer-path");

    await pathPanel.getByRole("button", { name: "Clear path" }).click();
    expect(await drawnIds(page, ".on-path")).toEqual([]);
  });

  it("filters events by date and says so in the status line", async () => {
    const { page } = session;
    const before = await shown(page);
    await page.getByLabel("Events from").fill("2019-07-23");
    await expect.poll(() => page.locator("#status").textContent(), { timeout: 10_000 }).toMatch(/events? hidden by date\)/);
    const after = await shown(page);
    expect(after.nodes).toBeLessThan(before.nodes);
    expect(await drawnIds(page, `node[id = "${MARKET_STRIKE}"].filtered-out`)).toEqual([MARKET_STRIKE]);
    await session.screenshot("explorer-date-filter");
    await page.getByRole("button", { name: "Any date" }).click();
    expect((await shown(page)).nodes).toBe(before.nodes);
  });

  it("re-fits the drawing when the window changes size", async () => {
    const { page } = session;
    const offCanvas = async (): Promise<string[]> => {
      const { width, height, elements } = await drawing(page, "node");
      return elements.filter((node) => node.body && !within(node.body, width, height)).map((node) => node.id);
    };
    expect(await offCanvas()).toEqual([]);
    const other = viewport.width > 1000 ? { width: 800, height: 600 } : { width: 1400, height: 900 };
    await page.setViewportSize(other);
    await expect.poll(offCanvas, { timeout: 5_000 }).toEqual([]);
    await session.screenshot(`explorer-resized-to-${other.width}x${other.height}`);
    await page.setViewportSize(viewport);
    await expect.poll(offCanvas, { timeout: 5_000 }).toEqual([]);
  });

  it("moves focus, not the page, with the skip links", async () => {
    const { page } = session;
    const pageScroll = () =>
      page.evaluate(() => {
        const { document } = globalThis as unknown as PageGlobals;
        return {
          page: document.scrollingElement.scrollTop,
          layout: document.querySelector(".layout")?.scrollTop,
          toolbarTop: document.querySelector(".toolbar")?.getBoundingClientRect().top,
        };
      });
    for (const [name, target] of [
      ["Skip to the list of nodes", "node-list"],
      ["Skip to the drawing", "graph"],
    ] as const) {
      const link = page.getByRole("link", { name });
      await link.focus();
      await link.press("Enter");
      expect(await page.evaluate(() => (globalThis as unknown as PageGlobals).document.activeElement?.id)).toBe(target);
      expect(await pageScroll()).toEqual({ page: 0, layout: 0, toolbarTop: 0 });
    }
    await session.screenshot("explorer-skip-link");
  });

  it("keeps a large neighbourhood readable: legible labels that do not overlap, the others on hover or focus", async () => {
    const { page } = session;
    await drawByEnter(page, "Russia", "3");
    await expect.poll(async () => (await shown(page)).nodes, { timeout: 15_000 }).toBeGreaterThanOrEqual(40);
    const { elements } = await drawing(page);
    const labelled = elements.filter((element) => element.labelShown);
    expect(labelled.length).toBeGreaterThan(0);
    for (const element of labelled) expect(element.fontPx).toBeGreaterThanOrEqual(LEGIBLE_FONT_PX - 0.01);
    expect(overlappingLabels(labelled)).toEqual([]);
    // 89 relationships do not all have room for their names.
    const edges = elements.filter((element) => !element.isNode);
    expect(edges.length).toBeGreaterThanOrEqual(80);
    expect(edges.filter((edge) => edge.labelShown).length).toBeLessThan(edges.length);
    await session.screenshot("explorer-russia-3-hops");

    const unlabelled = elements.filter((element) => element.isNode && !element.labelShown).map((element) => element.id);
    expect(unlabelled.length).toBeGreaterThan(0);
    const [hovered, focused] = [unlabelled[0] ?? "", unlabelled.at(-1) ?? ""];
    const { x, y } = await nodePosition(page, hovered);
    await page.mouse.move(x, y);
    await expect.poll(async () => (await drawing(page, `node[id = "${hovered}"]`)).elements[0]?.labelShown, { timeout: 5_000 }).toBe(true);
    await session.screenshot("explorer-hover-label");
    await page.mouse.move(0, 0);
    await page.locator(`button.node-open[data-id="${focused}"]`).focus();
    await expect.poll(async () => (await drawing(page, `node[id = "${focused}"]`)).elements[0]?.labelShown, { timeout: 5_000 }).toBe(true);
    const label = (await drawing(page, `node[id = "${focused}"]`)).elements[0];
    expect(label?.fontPx).toBeGreaterThanOrEqual(LEGIBLE_FONT_PX - 0.01);
    // The label asked for makes room: the labels it would cover are hidden.
    expect(overlappingLabels((await drawing(page)).elements.filter((element) => element.labelShown))).toEqual([]);
    await session.screenshot("explorer-focus-label");
  });

  it("works from the keyboard, with focus visible", async () => {
    const { page } = session;
    const governorate = page.getByRole("list").locator('button.node-open[data-id="place:idlib-governorate"]');
    await governorate.focus();
    await page.keyboard.press("Tab");
    await page.keyboard.press("Shift+Tab");
    const outline = await page.evaluate(() => {
      const { document, getComputedStyle } = globalThis as unknown as PageGlobals;
      const style = getComputedStyle(document.activeElement);
      return { style: style.outlineStyle, width: style.outlineWidth, id: document.activeElement?.dataset.id };
    });
    expect(outline).toEqual({ style: "solid", width: "3px", id: "place:idlib-governorate" });
    await page.keyboard.press("Enter");
    await expect
      .poll(() => page.getByRole("region", { name: "Details" }).getByRole("heading", { level: 2 }).textContent(), { timeout: 10_000 })
      .toBe("Idlib Governorate");
    await session.screenshot("explorer-keyboard");

    expect(foreignRequests(session.requests, server.url)).toEqual([]);
    expect(session.errors).toEqual([]);
  });

  it("shows on Russia's page the events it is blamed for, its forces' and those claims credit to it included", async () => {
    const { page } = session;
    const response = await server.graphql<{ actor: { events: { totalCount: number; edges: { node: { id: string } }[] } } }>(
      `{ actor(id: "actor:russia") { events(role: PERPETRATOR, includeMembers: true, credited: true, first: 10) { totalCount edges { node { id } } } } }`,
    );
    const blamed = response.data!.actor.events;
    // The article blames Russia, through its Aerospace Forces, for the market strike.
    expect(blamed.edges.map((edge) => edge.node.id)).toContain(MARKET_STRIKE);

    await page.goto(`${server.url}/explore?node=actor%3Arussia`);
    const details = page.getByRole("region", { name: "Details" });
    await expect.poll(() => details.getByRole("heading", { name: "Blamed for" }).count(), { timeout: 15_000 }).toBe(1);
    // Counted as eventStats counts: incidents once however many sources report them, and their reports.
    const { eventStats } = await server.read(`{ eventStats(groupBy: PERPETRATOR, includeMembers: true) { key events reports } }`);
    const bucket = (eventStats as { key: string; events: number; reports: number }[]).find((candidate) => candidate.key === "actor:russia");
    expect(bucket?.events).toBeGreaterThan(0);
    // The list below lists those reports.
    expect(bucket?.reports).toBe(blamed.totalCount);
    const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? "" : "s"}`;
    const count = (await details.locator(".blamed-count").textContent()) ?? "";
    expect(count.replace(/\s+/g, " ")).toMatch(
      new RegExp(
        `^${plural(bucket!.events, "incident")} \\(${plural(bucket!.reports, "report")}\\).*carried out by Russia or an actor part of it, or blamed on them by a claim`,
      ),
    );
    const listed = await details
      .locator(".blamed-events button")
      .evaluateAll((buttons) => buttons.map((button) => (button as unknown as { dataset: { id: string } }).dataset.id));
    expect(listed).toEqual(blamed.edges.map((edge) => edge.node.id));
    await details.locator(`.blamed-events button[data-id="${MARKET_STRIKE}"]`).click();
    await expect
      .poll(() => details.getByRole("heading", { level: 2 }).textContent(), { timeout: 10_000 })
      .toBe("Airstrike on the Maarat al-Numan market");
    await session.screenshot("explorer-russia-blamed-for");
    expect(session.errors).toEqual([]);
  });
});
