import type { Core } from "cytoscape";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { acledCsv, acledRecord } from "../helpers/acled.js";
import { openBrowser, VIEWPORTS, type BrowserSession } from "../helpers/browser.js";
import { uniqueSuffix } from "../helpers/bundles.js";
import { useServer } from "../helpers/server.js";
import { importAcled, importBundle, keyEnvironment } from "../helpers/writing.js";

/**
 * The explorer with room to read (#24.4): the details at full height or full width, an incident's reports that fit
 * the panel, the Depth menu redrawing, a node's new neighbours laid out around it, "Blamed for" counted as
 * `eventStats` counts, lists that never start a line with a comma, and categories as ACLED writes them.
 */

interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
  width: number;
  height: number;
}

/** What the tests read inside `page.evaluate`; this project compiles without DOM types, hence the casts. */
interface PageElement {
  scrollWidth: number;
  clientWidth: number;
  previousElementSibling: PageElement | null;
  getBoundingClientRect(): Rect;
  getClientRects(): ArrayLike<Rect>;
  querySelectorAll(selector: string): ArrayLike<PageElement>;
}
interface PageGlobals {
  cy: Core;
  document: { querySelector(selector: string): PageElement | null; querySelectorAll(selector: string): ArrayLike<PageElement> };
  innerWidth: number;
}

const MARKET_STRIKE = "event:2019-07-22-maarat-al-numan-market-airstrike";
const THREE_TOWNS = "event:2019-07-22-bidama-talmenes-al-kabina-airstrikes";

/** "11 nodes, 10 edges shown" -> 11. */
async function shownNodes(page: Page): Promise<number> {
  const text = (await page.getByRole("status").first().textContent()) ?? "";
  const match = /^(\d+) nodes?, \d+ edges? shown/.exec(text);
  if (!match) throw new Error(`unexpected status line: ${text}`);
  return Number(match[1]);
}

/** Every drawn node's position in the drawing's own units (which a re-fit does not change). */
async function positions(page: Page): Promise<Record<string, { x: number; y: number }>> {
  return page.evaluate(() =>
    Object.fromEntries(
      (globalThis as unknown as PageGlobals).cy.nodes().map((node) => [node.id(), { x: node.position("x"), y: node.position("y") }]),
    ),
  );
}

/** Where a node is on the page, for the mouse. */
async function onPage(page: Page, id: string): Promise<{ x: number; y: number }> {
  return page.evaluate((nodeId) => {
    const { cy } = globalThis as unknown as PageGlobals;
    const box = (cy.container() as unknown as PageElement).getBoundingClientRect();
    const { x, y } = cy.getElementById(nodeId).renderedPosition();
    return { x: box.left + x, y: box.top + y };
  }, id);
}

const box = async (page: Page, selector: string): Promise<Rect> => {
  const found = await page.locator(selector).first().boundingBox();
  if (!found) throw new Error(`${selector} is not shown`);
  return {
    left: found.x,
    top: found.y,
    right: found.x + found.width,
    bottom: found.y + found.height,
    width: found.width,
    height: found.height,
  };
};

const flat = (text: string | null): string =>
  (text ?? "")
    .replace(/\s+/g, " ")
    .replace(/[\u2068\u2069]/g, "")
    .trim();

describe.each(VIEWPORTS)("the explorer with room to read, at $width x $height", { timeout: 120_000 }, (viewport) => {
  const s = uniqueSuffix();
  const joined = `event:room-${s}-joined`;
  const acledRow = `event:acled-RM${s}1`;
  const server = useServer(keyEnvironment);
  let session: BrowserSession;
  const details = () => session.page.getByRole("region", { name: "Details" });
  const heading = () => details().getByRole("heading", { level: 2 });

  beforeAll(async () => {
    // An incident of two reports: an ACLED row, and an article's report of the same strike, which the server joins.
    const rows = acledCsv([acledRecord(s, { event_id_cnty: `RM${s}1`, location: `Kafr Zeta ${s}`, fatalities: "6" })]);
    expect((await importAcled(server, rows)).errors).toBeUndefined();
    const town = (await server.read(`query ($id: ID!) { event(id: $id) { places { id } } }`, { id: acledRow })).event.places[0]
      .id as string;
    const text = `Warplanes struck the market of Kafr Zeta, agency ${s} said. 4 civilians were killed in the strike on the crowded vegetable market of the town, the civil defence said.`;
    const bundle = {
      source: {
        id: `source:room-${s}`,
        title: `Report on a market strike ${s}`,
        publishedOn: "2021-03-13",
        text,
        publisher: `actor:room-${s}-agency`,
      },
      actors: [
        { id: `actor:room-${s}-agency`, name: `Agency ${s}`, kind: "MEDIA" },
        { id: `actor:room-${s}-rescuers`, name: `Civil Defence ${s}`, kind: "CIVIL_DEFENSE" },
      ],
      events: [
        {
          id: joined,
          title: `Market strike in Kafr Zeta ${s}`,
          category: "EXPLOSIONS_REMOTE_VIOLENCE",
          type: "AIR_DRONE_STRIKE",
          date: "2021-03-12",
          datePrecision: "DAY",
          places: [town],
          quotes: [`Warplanes struck the market of Kafr Zeta, agency ${s} said.`],
        },
      ],
      claims: [
        {
          id: `claim:room-${s}-killed`,
          kind: "FATALITIES",
          text: "Civil defence: 4 killed.",
          event: joined,
          estimate: { low: 4, high: 4, qualifier: "EXACT" },
          assertedBy: `actor:room-${s}-rescuers`,
          quotes: ["4 civilians were killed in the strike on the crowded vegetable market of the town, the civil defence said."],
        },
      ],
    };
    expect((await importBundle(server, bundle)).errors).toBeUndefined();
    const { event } = await server.read(`query ($id: ID!) { event(id: $id) { incident { reports { id } } } }`, { id: joined });
    expect(event.incident.reports.map((report: { id: string }) => report.id).sort()).toEqual([acledRow, joined].sort());
    session = await openBrowser(viewport);
  });

  afterAll(async () => {
    await session?.close();
  });

  /** The incident's table: its width against its frame's, and its right edge against the panel's. */
  const tableFit = () =>
    session.page.evaluate(() => {
      const { document } = globalThis as unknown as PageGlobals;
      const frame = document.querySelector(".reports-scroll");
      const table = document.querySelector(".reports-table");
      const panel = document.querySelector("#details");
      if (!frame || !table || !panel) throw new Error("no table of reports");
      return {
        scrollWidth: frame.scrollWidth,
        clientWidth: frame.clientWidth,
        tableRight: table.getBoundingClientRect().right,
        panelRight: panel.getBoundingClientRect().right,
      };
    });

  it("fits an incident's reports in the panel without sideways scrolling, at full height and full width too", async () => {
    const { page } = session;
    await page.goto(`${server.url}/explore?node=${encodeURIComponent(joined)}`);
    // The first page of a run waits for the server's first reads.
    await expect.poll(() => details().getByRole("table").count(), { timeout: 45_000 }).toBe(1);
    // Both reports' figures and quotes are in the table, whatever its shape.
    const tableText = flat(await details().getByRole("table").textContent());
    expect(tableText).toContain(`4, according to Civil Defence ${s}`);
    expect(tableText).toContain("the crowded vegetable market");
    const fit = await tableFit();
    expect(fit.scrollWidth).toBeLessThanOrEqual(fit.clientWidth);
    expect(fit.tableRight).toBeLessThanOrEqual(fit.panelRight + 1);
    const side = await box(page, ".side");
    const before = await box(page, "#details");
    expect(before.height).toBeLessThan(side.height * 0.75);
    await details().getByRole("table").scrollIntoViewIfNeeded();
    await session.screenshot("explorer-room-incident-in-side");

    // Full height: the details take the side, less the bar of size buttons; the node list folds away.
    const tall = page.getByRole("button", { name: "Full height" });
    await tall.click();
    await expect.poll(() => tall.getAttribute("aria-pressed")).toBe("true");
    const bar = await box(page, ".details-size");
    const tallBox = await box(page, "#details");
    expect(tallBox.height).toBeGreaterThanOrEqual(side.height - bar.height - 2);
    expect(tallBox.height).toBeGreaterThan(before.height * 1.3);
    expect(await page.locator(".nodes-panel").isVisible()).toBe(false);
    await session.screenshot("explorer-room-full-height");

    // Full width, from the keyboard: the details cover the drawing, and the table still fits.
    const wide = page.getByRole("button", { name: "Full width", exact: true });
    await wide.focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => wide.getAttribute("aria-pressed")).toBe("true");
    const wideBox = await box(page, "#details");
    expect(wideBox.width).toBeGreaterThanOrEqual(viewport.width - 2);
    expect(wideBox.height).toBeGreaterThanOrEqual(side.height - bar.height - 2);
    const wideFit = await tableFit();
    expect(wideFit.scrollWidth).toBeLessThanOrEqual(wideFit.clientWidth);
    expect(wideFit.tableRight).toBeLessThanOrEqual(wideFit.panelRight + 1);
    // The drawing underneath is out of the way of the keyboard.
    expect(await page.locator(".graph-area").evaluate((element) => (element as unknown as { inert: boolean }).inert)).toBe(true);
    await details().getByRole("table").scrollIntoViewIfNeeded();
    await session.screenshot("explorer-room-full-width");

    // Both hold while another node is opened from the details, and after a reload.
    const other = details().locator(`thead button[data-id="${acledRow}"]`);
    await other.click();
    await expect
      .poll(
        async () =>
          flat(
            await details()
              .locator(".report-current")
              .textContent({ timeout: 1_000 })
              .catch(() => ""),
          ),
        { timeout: 15_000 },
      )
      .toMatch(/\(this report\)$/);
    expect(flat(await heading().textContent())).not.toBe(`Market strike in Kafr Zeta ${s}`);
    expect((await box(page, "#details")).width).toBeGreaterThanOrEqual(viewport.width - 2);
    await page.reload();
    await expect.poll(() => details().getByRole("table").count(), { timeout: 20_000 }).toBe(1);
    await expect.poll(() => page.getByRole("button", { name: "Full height" }).getAttribute("aria-pressed")).toBe("true");
    await expect.poll(() => page.getByRole("button", { name: "Full width", exact: true }).getAttribute("aria-pressed")).toBe("true");
    expect((await box(page, "#details")).height).toBeGreaterThanOrEqual(side.height - bar.height - 2);

    // Escape in the panel gives the drawing back; the incident's own button opens it at full width again.
    await details().getByRole("table").locator("thead button").first().focus();
    await page.keyboard.press("Escape");
    await expect.poll(() => page.getByRole("button", { name: "Full width", exact: true }).getAttribute("aria-pressed")).toBe("false");
    expect((await box(page, "#details")).width).toBeLessThan(viewport.width / 2);
    const sideBySide = details().getByRole("button", { name: "Side by side, full width" });
    await sideBySide.click();
    await expect.poll(() => sideBySide.getAttribute("aria-pressed")).toBe("true");
    expect((await box(page, "#details")).width).toBeGreaterThanOrEqual(viewport.width - 2);
    await sideBySide.click();
    await expect.poll(() => sideBySide.getAttribute("aria-pressed")).toBe("false");
    // The skip link to the node list, which full height folds away, unfolds it and moves focus there.
    const skip = page.getByRole("link", { name: "Skip to the list of nodes" });
    await skip.focus();
    await skip.press("Enter");
    await expect.poll(() => page.getByRole("button", { name: "Full height" }).getAttribute("aria-pressed")).toBe("false");
    expect(await page.locator(".nodes-panel").isVisible()).toBe(true);
    expect(
      await page.evaluate(
        () => (globalThis as unknown as { document: { activeElement: { id: string } | null } }).document.activeElement?.id,
      ),
    ).toBe("node-list");
    expect(session.errors).toEqual([]);
  });

  it("redraws when the Depth menu changes", async () => {
    const { page } = session;
    await page.goto(`${server.url}/explore?node=place%3Amaarat-al-numan`);
    await expect.poll(() => shownNodes(page), { timeout: 20_000 }).toBeGreaterThanOrEqual(5);
    const drawn = async () => page.evaluate(() => (globalThis as unknown as PageGlobals).cy.nodes().length);
    const atTwo = await shownNodes(page);
    expect(await drawn()).toBe(atTwo);
    const depth = page.getByLabel("Depth");
    await depth.selectOption("1");
    await expect.poll(() => shownNodes(page), { timeout: 20_000 }).toBeLessThan(atTwo);
    const atOne = await shownNodes(page);
    expect(await drawn()).toBe(atOne);
    await expect.poll(() => page.locator("#message").textContent(), { timeout: 5_000 }).toContain("within 1 hop.");
    await session.screenshot("explorer-room-depth-1");
    await depth.selectOption("3");
    await expect.poll(() => shownNodes(page), { timeout: 20_000 }).toBeGreaterThan(atTwo);
    expect(await drawn()).toBe(await shownNodes(page));
    await session.screenshot("explorer-room-depth-3");
    await depth.selectOption("2");
    await expect.poll(() => shownNodes(page), { timeout: 20_000 }).toBe(atTwo);
    expect(session.errors).toEqual([]);
  });

  it("lays a node's new neighbours out around it, leaving every drawn node, and one the reader moved, in place", async () => {
    const { page } = session;
    await page.goto(`${server.url}/explore?node=place%3Amaarat-al-numan-market`);
    await expect.poll(() => shownNodes(page), { timeout: 20_000 }).toBeGreaterThan(1);
    // One hop: the market and what is there, the strike among them.
    await page.getByLabel("Depth").selectOption("1");
    await expect.poll(() => page.locator("#message").textContent(), { timeout: 20_000 }).toContain("within 1 hop.");
    await expect
      .poll(() => page.evaluate((strike) => (globalThis as unknown as PageGlobals).cy.getElementById(strike).length, MARKET_STRIKE), {
        timeout: 20_000,
      })
      .toBe(1);
    // The reader drags one node somewhere else.
    const dragged = await page.evaluate(
      (strike) =>
        (globalThis as unknown as PageGlobals).cy
          .nodes()
          .filter((node) => node.id() !== strike)
          .map((node) => node.id())[0] ?? "",
      MARKET_STRIKE,
    );
    const from = await onPage(page, dragged);
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(from.x + 40, from.y + 30, { steps: 5 });
    await page.mouse.up();
    const before = await positions(page);
    const count = Object.keys(before).length;

    const at = await onPage(page, MARKET_STRIKE);
    await page.mouse.click(at.x, at.y);
    await expect.poll(async () => Object.keys(await positions(page)).length, { timeout: 20_000 }).toBeGreaterThan(count + 2);
    const after = await positions(page);
    // What was drawn stays where it was, the moved node included.
    for (const [id, position] of Object.entries(before)) {
      expect(after[id]?.x, id).toBeCloseTo(position.x, 1);
      expect(after[id]?.y, id).toBeCloseTo(position.y, 1);
    }
    // The new nodes sit around the opened node: near it, apart from one another, and on more than one side of it.
    const centre = after[MARKET_STRIKE]!;
    const fresh = Object.entries(after)
      .filter(([id]) => !(id in before))
      .map(([, position]) => position);
    const distances = fresh.map((position) => Math.hypot(position.x - centre.x, position.y - centre.y));
    expect(Math.max(...distances)).toBeLessThan(400);
    expect(Math.min(...distances)).toBeGreaterThan(30);
    const spacing = fresh.flatMap((a, i) => fresh.slice(i + 1).map((b) => Math.hypot(a.x - b.x, a.y - b.y)));
    expect(Math.min(...spacing)).toBeGreaterThan(25);
    const angles = fresh.map((position) => Math.atan2(position.y - centre.y, position.x - centre.x)).sort((a, b) => a - b);
    const gaps = angles.map((angle, index) => (index === 0 ? angle + 2 * Math.PI - angles.at(-1)! : angle - angles[index - 1]!));
    // The widest empty sector around the node is well under the whole circle: they are spread, not bunched.
    expect(Math.max(...gaps)).toBeLessThan((3 * Math.PI) / 2);
    // And all of it is in view after the re-fit.
    const offCanvas = await page.evaluate(() => {
      const { cy } = globalThis as unknown as PageGlobals;
      return cy
        .nodes()
        .filter((node) => {
          const b = node.renderedBoundingBox({ includeLabels: false });
          return b.x1 < -1 || b.y1 < -1 || b.x2 > cy.width() + 1 || b.y2 > cy.height() + 1;
        })
        .map((node) => node.id());
    });
    expect(offCanvas).toEqual([]);
    await session.screenshot("explorer-room-expanded-around");
    await page.getByLabel("Depth").selectOption("2");
    expect(session.errors).toEqual([]);
  });

  it('says "N incidents (M reports)" for what an actor is blamed for, as eventStats counts them', async () => {
    const { page } = session;
    const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? "" : "s"}`;
    const expected = async () => {
      const { eventStats } = await server.read(`{ eventStats(groupBy: PERPETRATOR, includeMembers: true) { key events reports } }`);
      const bucket = (eventStats as { key: string; events: number; reports: number }[]).find(
        (candidate) => candidate.key === "actor:russia",
      );
      if (!bucket) throw new Error("Russia has no bucket");
      return `${plural(bucket.events, "incident")} (${plural(bucket.reports, "report")})`;
    };
    // Files that write run beside this one and may blame Russia for more while the page loads: the page must say
    // what eventStats says when nothing changed between the two reads of eventStats around its load.
    await expect
      .poll(
        async () => {
          const before = await expected();
          await page.goto(`${server.url}/explore?node=actor%3Arussia`);
          await expect.poll(() => details().getByRole("heading", { name: "Blamed for" }).count(), { timeout: 20_000 }).toBe(1);
          const shown = flat(await details().locator(".blamed-count").textContent());
          const after = await expected();
          return before === after ? shown.startsWith(`${before}:`) || shown === before : "eventStats changed meanwhile";
        },
        { timeout: 25_000, interval: 500 },
      )
      .toBe(true);
    await session.screenshot("explorer-room-blamed-for");
    expect(session.errors).toEqual([]);
  });

  it("wraps lists with each comma after its item, never at the start of a line, and names categories as ACLED does", async () => {
    const { page } = session;
    await page.goto(`${server.url}/explore?node=${encodeURIComponent(THREE_TOWNS)}`);
    await expect.poll(() => details().locator(".ref-list").count(), { timeout: 20_000 }).toBeGreaterThan(0);
    const facts = flat(await details().locator(".facts").first().textContent());
    expect(facts).toContain("CategoryExplosions/Remote violence");
    expect(facts).toContain("TypeAir/drone strike");
    expect(facts).not.toMatch(/air drone strike/i);

    const layout = await page.evaluate(() => {
      const { document } = globalThis as unknown as PageGlobals;
      const lists = Array.from(document.querySelectorAll("#details .inline-list"));
      const lines = (element: PageElement) => new Set(Array.from(element.getClientRects()).map((rect) => Math.round(rect.bottom))).size;
      const separators = lists.flatMap((list) =>
        Array.from(list.querySelectorAll(".list-separator")).map((separator) => {
          const item = separator.previousElementSibling;
          const itemRects = item ? Array.from(item.getClientRects()) : [];
          const last = itemRects.at(-1);
          return { separator: separator.getBoundingClientRect(), itemEnd: last ?? null };
        }),
      );
      return { lines: lists.map(lines), separators };
    });
    // A list that wraps is there to be looked at (three places with their kinds do not fit on one line).
    expect(Math.max(...layout.lines)).toBeGreaterThan(1);
    expect(layout.separators.length).toBeGreaterThanOrEqual(2);
    for (const { separator, itemEnd } of layout.separators) {
      // On the line where its item ends, right after it.
      expect(itemEnd).not.toBeNull();
      expect(Math.abs(separator.bottom - itemEnd!.bottom)).toBeLessThan(4);
      expect(separator.left).toBeGreaterThanOrEqual(itemEnd!.right - 1);
    }
    await session.screenshot("explorer-room-lists");

    // The map's legend names categories the same way.
    await page.getByRole("button", { name: "Map and timeline" }).click();
    await expect
      .poll(async () => flat(await page.locator("#map-legend").textContent()), { timeout: 20_000 })
      .toContain("Explosions/Remote violence");
    await page.getByRole("button", { name: "Graph", exact: true }).click();
    expect(session.errors).toEqual([]);
  });
});
