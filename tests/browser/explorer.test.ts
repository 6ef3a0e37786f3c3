import type { Core } from "cytoscape";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { foreignRequests, openBrowser, type BrowserSession } from "../helpers/browser.js";
import { startServer, type TestServer } from "../helpers/server.js";

const MARKET_STRIKE = "event:2019-07-22-maarat-al-numan-market-airstrike";

/**
 * What the tests read inside `page.evaluate` (which runs in the page): the explorer's cytoscape instance and
 * the DOM. This project is compiled without DOM types, hence the casts, written inline because the
 * callbacks are sent to the browser as source text.
 */
interface PageGlobals {
  cy: Core;
  document: { activeElement: { dataset: Record<string, string> } | null };
  getComputedStyle: (element: unknown) => { outlineStyle: string; outlineWidth: string };
}

/** "11 nodes, 10 edges shown" -> { nodes: 11, edges: 10 }. */
async function shown(page: Page): Promise<{ nodes: number; edges: number }> {
  const text = (await page.getByRole("status").textContent()) ?? "";
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

describe("the explorer at /explore", { timeout: 90_000 }, () => {
  let server: TestServer;
  let session: BrowserSession;

  beforeAll(async () => {
    server = await startServer();
    session = await openBrowser();
    await session.page.goto(`${server.url}/explore`);
  });

  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  it("finds Maarat al-Numan and draws its neighbourhood", async () => {
    const { page } = session;
    await page.getByRole("searchbox", { name: "Search" }).fill("Maarat al-Numan");
    const hit = page.getByRole("list", { name: "Search results" }).getByRole("button", { name: /^Maarat al-Numan\s*Place$/ });
    await hit.click();
    await expect.poll(async () => (await shown(page)).nodes, { timeout: 15_000 }).toBeGreaterThanOrEqual(5);
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
    await session.screenshot("explorer-path");

    await pathPanel.getByRole("button", { name: "Clear path" }).click();
    expect(await drawnIds(page, ".on-path")).toEqual([]);
  });

  it("filters events by date and says so in the status line", async () => {
    const { page } = session;
    const before = await shown(page);
    await page.getByLabel("Events from").fill("2019-07-23");
    await expect.poll(() => page.getByRole("status").textContent(), { timeout: 10_000 }).toMatch(/events? hidden by date\)/);
    const after = await shown(page);
    expect(after.nodes).toBeLessThan(before.nodes);
    expect(await drawnIds(page, `node[id = "${MARKET_STRIKE}"].filtered-out`)).toEqual([MARKET_STRIKE]);
    await session.screenshot("explorer-date-filter");
    await page.getByRole("button", { name: "Any date" }).click();
    expect((await shown(page)).nodes).toBe(before.nodes);
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
});
