/**
 * The explorer's map and timeline in Chromium, at both window sizes, over real UCDP rows moved into a country of the
 * test's own (tests/helpers/ucdp.ts): the points of the focused place's events, the weekly bars, brushing with the
 * mouse and the keyboard, and a point opening the event's details.
 */
import { randomBytes } from "node:crypto";
import type { Core } from "cytoscape";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openBrowser, VIEWPORTS, type BrowserSession } from "../helpers/browser.js";
import { useServer } from "../helpers/server.js";
import { keyEnvironment } from "../helpers/writing.js";
import { importUcdp, ucdpCsv, ucdpTestRecords } from "../helpers/ucdp.js";

interface MapGlobals {
  document: { querySelectorAll: (selector: string) => { dataset: Record<string, string> }[] };
}

/** What the map draws: each event point's id, and each cluster's count. */
async function mapPoints(page: Page): Promise<{ events: string[]; clustered: number }> {
  return page.evaluate(() => {
    const { document } = globalThis as unknown as MapGlobals;
    const drawn = [...document.querySelectorAll("#map [data-kind]")].map((element) => element.dataset);
    return {
      events: drawn.filter((data) => data.kind === "event").map((data) => data.id!),
      clustered: drawn.filter((data) => data.kind === "cluster").reduce((sum, data) => sum + Number(data.count), 0),
    };
  });
}

const pointTotal = async (page: Page) => {
  const { events, clustered } = await mapPoints(page);
  return events.length + clustered;
};

describe.each(VIEWPORTS)("the explorer's map and timeline, at $width x $height", { timeout: 120_000 }, (viewport) => {
  const server = useServer(keyEnvironment);
  let session: BrowserSession;
  const s = randomBytes(3).toString("hex");
  const rows = ucdpTestRecords(s);
  const in2019 = rows.filter((row) => row.date_start!.startsWith("2019"));
  const inWeekOf22July = in2019.filter((row) => row.date_start! >= "2019-07-22" && row.date_start! <= "2019-07-28");
  let countryId: string;

  beforeAll(async () => {
    const imported = await importUcdp(server, ucdpCsv(rows));
    expect(imported.errors).toBeUndefined();
    const hits = await server.read(
      `query ($q: String!) { search(query: $q, types: [PLACE], first: 1) { node { id ... on Place { kind } } } }`,
      {
        q: `Testland ${s}`,
      },
    );
    expect(hits.search[0].node.kind).toBe("COUNTRY");
    countryId = hits.search[0].node.id as string;
    session = await openBrowser(viewport);
  });

  afterAll(async () => {
    expect(session?.errors ?? []).toEqual([]);
    await session?.close();
  });

  it("shows a point for each located event of the focused place and dates, over the bundled borders", async () => {
    const { page } = session;
    await page.goto(`${server.url}/explore?node=${encodeURIComponent(countryId)}`);
    await expect
      .poll(() => page.getByRole("region", { name: "Details" }).getByRole("heading", { level: 2 }).textContent(), { timeout: 20_000 })
      .toBe(`Testland ${s}`);
    await page.getByLabel("Events from").fill("2019-01-01");
    await page.getByLabel("to", { exact: true }).fill("2019-12-31");
    await page.getByRole("button", { name: "Map and timeline" }).click();
    await expect.poll(() => page.locator("#map-status").textContent(), { timeout: 20_000 }).toBe(`${in2019.length} events on the map`);
    await expect.poll(() => pointTotal(page)).toBe(in2019.length);
    // Country borders come from the bundle, not from the internet.
    await expect.poll(() => page.locator("#map .country").count()).toBeGreaterThan(100);
    expect(session.requests.filter((url) => !url.startsWith(server.url) && !url.startsWith("data:"))).toEqual([]);
    await expect.poll(() => page.locator("#map-legend").textContent()).toContain("State-based violence");
    await session.screenshot("explorer-map");
  });

  it("draws a bar for every ISO week the dates touch, from Monday 31 December 2018", async () => {
    const { page } = session;
    const weeks = page.locator("#timeline [data-week]");
    await expect.poll(() => weeks.count(), { timeout: 20_000 }).toBe(53);
    expect(await weeks.first().getAttribute("data-week")).toBe("2018-12-31");
    expect(await weeks.last().getAttribute("data-week")).toBe("2019-12-30");
    expect(Number(await page.locator('#timeline [data-week="2019-07-22"]').getAttribute("data-total"))).toBeGreaterThan(0);
    expect(Number(await page.locator('#timeline [data-week="2019-12-23"]').getAttribute("data-total"))).toBe(0);
  });

  it("narrows the map and the graph to the weeks brushed with the mouse", async () => {
    const { page } = session;
    const bar = await page.locator('#timeline [data-week="2019-07-22"]').boundingBox();
    const frame = await page.locator("#timeline").boundingBox();
    expect(bar).not.toBeNull();
    const x = bar!.x + bar!.width / 2;
    const y = frame!.y + frame!.height / 2;
    await page.mouse.move(x - 1, y);
    await page.mouse.down();
    await page.mouse.move(x + 1, y, { steps: 3 });
    await page.mouse.up();
    await expect
      .poll(() => page.locator("#map-status").textContent())
      .toBe(`${inWeekOf22July.length} events on the map in 2019-07-22 – 2019-07-28`);
    await expect.poll(() => pointTotal(page)).toBe(inWeekOf22July.length);
    const graphDates = await page.evaluate(() =>
      (globalThis as unknown as { cy: Core }).cy
        .nodes('[type = "Event"]')
        .map((node) => ({ date: node.data("date") as string, hidden: node.hasClass("filtered-out") })),
    );
    for (const { date, hidden } of graphDates) expect(hidden).toBe(date < "2019-07-22" || date > "2019-07-28");
    await session.screenshot("explorer-map-brushed");
  });

  it("moves, widens and clears the chosen weeks from the keyboard", async () => {
    const { page } = session;
    const timeline = page.getByRole("slider", { name: /Incidents per week/ });
    await timeline.focus();
    await page.keyboard.press("Escape");
    await expect.poll(() => timeline.getAttribute("aria-valuetext")).toBe("all weeks");
    await expect.poll(() => page.locator("#map-status").textContent()).toBe(`${in2019.length} events on the map`);
    await page.keyboard.press("ArrowLeft");
    await expect.poll(() => timeline.getAttribute("aria-valuetext")).toBe("2019-12-30 to 2020-01-05");
    await page.keyboard.press("ArrowLeft");
    await expect.poll(() => timeline.getAttribute("aria-valuetext")).toBe("2019-12-23 to 2019-12-29");
    await page.keyboard.press("Shift+ArrowLeft");
    await expect.poll(() => timeline.getAttribute("aria-valuetext")).toBe("2019-12-16 to 2019-12-29");
    await expect.poll(() => page.locator("#map-status").textContent()).toBe("0 events on the map in 2019-12-16 – 2019-12-29");
    await page.keyboard.press("Escape");
    await expect.poll(() => pointTotal(page)).toBe(in2019.length);
  });

  it("opens an event's details from its point, with the keyboard and with a click, breaking clusters up on the way", async () => {
    const { page } = session;
    const heading = page.getByRole("region", { name: "Details" }).getByRole("heading", { level: 2 });
    const titleOf = async (id: string) =>
      (await server.read(`query ($id: ID!) { node(id: $id) { ... on Event { title } } }`, { id })).node.title as string;
    // From the keyboard: Enter on a cluster zooms in on it, until an event's point is drawn; Enter on the point opens it.
    for (let i = 0; i < 8 && (await mapPoints(page)).events.length === 0; i++) {
      await page.locator("#map .map-cluster").first().focus();
      await page.keyboard.press("Enter");
    }
    const first = (await mapPoints(page)).events[0];
    expect(first).toBeDefined();
    await page.locator(`#map [data-id="${first}"]`).focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => heading.textContent(), { timeout: 15_000 }).toBe(await titleOf(first!));
    await expect.poll(() => page.locator(`#map [data-id="${first}"]`).getAttribute("class")).toContain("selected");
    // With the mouse: a point that nothing covers, clicked where it is drawn.
    const target = await page.evaluate(() => {
      const { document } = globalThis as unknown as {
        document: {
          querySelectorAll: (
            selector: string,
          ) => { dataset: Record<string, string>; getBoundingClientRect(): { left: number; top: number; width: number; height: number } }[];
          elementFromPoint: (x: number, y: number) => { closest: (selector: string) => unknown } | null;
        };
      };
      for (const point of document.querySelectorAll("#map .map-point")) {
        const box = point.getBoundingClientRect();
        const [x, y] = [box.left + box.width / 2, box.top + box.height / 2];
        if (point.dataset.id !== undefined && document.elementFromPoint(x, y)?.closest("[data-kind]") === point)
          return { id: point.dataset.id, x, y };
      }
      return null;
    });
    expect(target).not.toBeNull();
    await page.mouse.click(target!.x, target!.y);
    await expect.poll(() => heading.textContent(), { timeout: 15_000 }).toBe(await titleOf(target!.id));
    await session.screenshot("explorer-map-details");
  });
});
