import { readFile } from "node:fs/promises";
import { parse } from "csv-parse/sync";
import type { Core } from "cytoscape";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openBrowser, VIEWPORTS, type BrowserSession } from "../helpers/browser.js";
import { uniqueSuffix, writeTestBundle } from "../helpers/bundles.js";
import { useServer } from "../helpers/server.js";

interface PageGlobals {
  cy: Core;
}

interface DrawnScene {
  width: number;
  height: number;
  nodes: { id: string; width: number }[];
  edges: { from: string; type: string; to: string }[];
}

/** What the canvas shows: its size, the nodes it displays (with their drawn width) and the edges between them. */
async function drawnScene(page: Page): Promise<DrawnScene> {
  return page.evaluate(() => {
    const { cy } = globalThis as unknown as PageGlobals;
    return {
      width: cy.width(),
      height: cy.height(),
      nodes: cy
        .nodes()
        .filter((node) => node.visible())
        .map((node) => ({ id: node.id(), width: node.width() })),
      edges: cy
        .edges()
        .filter((edge) => edge.visible())
        .map((edge) => ({ from: String(edge.data("source")), type: String(edge.data("type")), to: String(edge.data("target")) })),
    };
  });
}

const nodeWidth = (scene: DrawnScene, id: string): number => {
  const node = scene.nodes.find((entry) => entry.id === id);
  if (!node) throw new Error(`${id} is not drawn`);
  return node.width;
};

const edgeKeys = (edges: readonly { from: string; type: string; to: string }[]): string[] =>
  edges.map((edge) => `${edge.from} ${edge.type} ${edge.to}`).sort();

/** "11 nodes, 10 edges shown" -> { nodes: 11, edges: 10 }. */
async function shown(page: Page): Promise<{ nodes: number; edges: number }> {
  const text = (await page.locator("#status").textContent()) ?? "";
  const match = /^(\d+) nodes?, (\d+) edges? shown/.exec(text);
  if (!match) throw new Error(`unexpected status line: ${text}`);
  return { nodes: Number(match[1]), edges: Number(match[2]) };
}

/** The width and height a PNG's header gives (its IHDR chunk, right after the 8-byte signature). */
function pngSize(bytes: Buffer): { width: number; height: number } {
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * The scene in the explorer: a place where one actor struck twice (40 and 10 killed) and a third event of unknown
 * toll, drawn around the place; sized by toll, nodes hidden and shown again, the table of what is drawn, and the
 * drawing exported as PNG, CSV and JSON. The test writes its own data (so it runs with the tests that write).
 */
describe.each(VIEWPORTS)("the explorer's scene, at $width x $height", { timeout: 120_000 }, (viewport) => {
  const s = uniqueSuffix();
  const place = `place:scene-${s}-town`;
  const actor = `actor:scene-${s}-air-force`;
  const large = `event:scene-${s}-large`;
  const small = `event:scene-${s}-small`;
  const unknown = `event:scene-${s}-unknown`;
  const server = useServer();
  let session: BrowserSession;

  const strike = (id: string, title: string, day: string) => ({
    id,
    title,
    category: "EXPLOSIONS_REMOTE_VIOLENCE",
    type: "AIR_DRONE_STRIKE",
    date: `2021-04-${day}`,
    datePrecision: "DAY",
    places: [place],
    participants: [{ actor, role: "PERPETRATOR" }],
    quotes: [`${title}.`],
  });
  const killed = (event: string, count: number) => ({
    id: `claim:scene-${s}-${event.split("-").at(-1)}`,
    kind: "FATALITIES",
    text: `${count} killed.`,
    event,
    estimate: { low: count, high: count, qualifier: "EXACT" },
    quotes: [`${count} people were killed`],
  });

  beforeAll(async () => {
    await writeTestBundle({
      source: {
        id: `source:scene-${s}`,
        title: `Scene report ${s}`,
        text:
          `Strike one ${s} hit the market. 40 people were killed there. Strike two ${s} hit the school. ` +
          `10 people were killed at the school. Strike three ${s} hit the mill.`,
      },
      actors: [{ id: actor, name: `Air Force ${s}`, kind: "ARMED_FORCE" }],
      places: [{ id: place, name: `Scene Town ${s}`, kind: "TOWN" }],
      events: [
        strike(large, `Strike one ${s} hit the market`, "01"),
        strike(small, `Strike two ${s} hit the school`, "02"),
        strike(unknown, `Strike three ${s} hit the mill`, "03"),
      ],
      claims: [
        { ...killed(large, 40), quotes: ["40 people were killed there"] },
        { ...killed(small, 10), quotes: ["10 people were killed at the school"] },
      ],
    });
    session = await openBrowser(viewport);
    await session.page.goto(`${server.url}/explore?node=${encodeURIComponent(place)}`);
  });

  afterAll(async () => {
    await session?.close();
  });

  it("sizes nodes by toll: areas in proportion to deaths, an actor's and a place's the sum of their drawn events, with a legend line", async () => {
    const { page } = session;
    await expect
      .poll(async () => (await drawnScene(page)).nodes.map((node) => node.id), { timeout: 20_000 })
      .toEqual(expect.arrayContaining([place, actor, large, small, unknown]));
    const before = await drawnScene(page);
    // Every event drawn at its type's size to begin with.
    expect(nodeWidth(before, large)).toBe(nodeWidth(before, small));

    const toggle = page.getByRole("button", { name: "Size by toll" });
    await toggle.click();
    expect(await toggle.getAttribute("aria-pressed")).toBe("true");
    await expect.poll(async () => nodeWidth(await drawnScene(page), large), { timeout: 5_000 }).not.toBe(nodeWidth(before, large));
    const sized = await drawnScene(page);
    const [largeWidth, smallWidth, unknownWidth] = [nodeWidth(sized, large), nodeWidth(sized, small), nodeWidth(sized, unknown)];
    // Areas (width squared) in proportion: 40 to 10.
    expect((largeWidth / smallWidth) ** 2).toBeCloseTo(4, 1);
    expect(unknownWidth).toBeLessThan(smallWidth);
    // The actor and the place: 40 + 10, the largest in the drawing.
    expect(nodeWidth(sized, actor)).toBeCloseTo(nodeWidth(sized, place), 5);
    expect((nodeWidth(sized, actor) / largeWidth) ** 2).toBeCloseTo(50 / 40, 1);
    const legend = page.locator(".toll-legend");
    expect(await legend.isVisible()).toBe(true);
    expect(await legend.textContent()).toMatch(/in proportion to people killed: an event's best estimate.*Largest: 50/);
    await session.screenshot("explorer-sized-by-toll");
  });

  it("hides a node from its entry in the list and from the keyboard, and shows hidden nodes again", async () => {
    const { page } = session;
    const before = await shown(page);
    const visible = async (id: string) =>
      page.evaluate((nodeId) => (globalThis as unknown as PageGlobals).cy.getElementById(nodeId).visible(), id);

    await page
      .locator("#node-list")
      .getByRole("button", { name: `Hide Strike two ${s} hit the school` })
      .click();
    await expect.poll(() => visible(small), { timeout: 5_000 }).toBe(false);
    expect(await shown(page)).toEqual({ nodes: before.nodes - 1, edges: expect.any(Number) as number });
    expect((await shown(page)).edges).toBeLessThan(before.edges);
    expect(await page.locator("#node-list").getByText(`Strike two ${s} hit the school`).count()).toBe(0);
    const showHidden = page.getByRole("button", { name: "Show hidden (1)" });
    expect(await showHidden.isVisible()).toBe(true);
    // Focus went to the way back; the actor's toll is now its drawn events' only.
    expect(
      await page.evaluate(
        () => (globalThis as unknown as { document: { activeElement: { textContent: string } } }).document.activeElement.textContent,
      ),
    ).toBe("Show hidden (1)");
    expect(await page.locator(".toll-legend").textContent()).toMatch(/Largest: 40\b/);
    await session.screenshot("explorer-node-hidden");

    // The focused node (the place) hidden with H on the drawing.
    await page.locator("#graph").focus();
    await page.keyboard.press("h");
    await expect.poll(() => visible(place), { timeout: 5_000 }).toBe(false);
    expect(await page.getByRole("button", { name: "Show hidden (2)" }).isVisible()).toBe(true);

    await page.getByRole("button", { name: "Show hidden (2)" }).click();
    await expect.poll(() => visible(small), { timeout: 5_000 }).toBe(true);
    expect(await visible(place)).toBe(true);
    expect(await shown(page)).toEqual(before);
    expect(
      await page
        .locator(".scene-buttons")
        .getByRole("button", { name: /^Show hidden/ })
        .isVisible(),
    ).toBe(false);
  });

  it("lists what is drawn in a sortable table beside the drawing; choosing a row focuses its node", async () => {
    const { page } = session;
    // One node hidden: the table lists what is drawn, not what was fetched.
    await page
      .locator("#node-list")
      .getByRole("button", { name: `Hide Strike three ${s} hit the mill` })
      .click();
    await page.getByRole("button", { name: "Table", exact: true }).click();
    const table = page.locator("#scene-table");
    expect(await table.isVisible()).toBe(true);
    const drawn = await drawnScene(page);
    const nodeRows = table.locator(".scene-table-nodes tbody tr");
    await expect.poll(() => nodeRows.count(), { timeout: 5_000 }).toBe(drawn.nodes.length);
    const rowIds = await nodeRows.evaluateAll((rows) => rows.map((row) => (row as unknown as { dataset: { id: string } }).dataset.id));
    expect(rowIds.sort()).toEqual(drawn.nodes.map((node) => node.id).sort());
    expect(rowIds).not.toContain(unknown);
    const edgeRows = await table.locator(".scene-table-edges tbody tr").evaluateAll((rows) =>
      rows.map((row) => ({
        from: (row as unknown as { dataset: { from: string } }).dataset.from,
        type: ((row as unknown as { children: { textContent: string }[] }).children[1]?.textContent ?? "").split(" ")[0]!,
        to: (row as unknown as { dataset: { to: string } }).dataset.to,
      })),
    );
    expect(edgeKeys(edgeRows)).toEqual(edgeKeys(drawn.edges));
    expect(await table.locator("caption").allInnerTexts()).toEqual([`Nodes (${drawn.nodes.length})`, `Edges (${drawn.edges.length})`]);

    // Beside the drawing: to its right in a wide window, below it in a small one; neither covers the other.
    const graphBox = (await page.locator("#graph").boundingBox())!;
    const tableBox = (await table.boundingBox())!;
    if (viewport.width >= 1200) expect(tableBox.x).toBeGreaterThanOrEqual(graphBox.x + graphBox.width - 1);
    else expect(tableBox.y).toBeGreaterThanOrEqual(graphBox.y + graphBox.height - 1);
    expect(graphBox.width * graphBox.height).toBeGreaterThan(0);

    // Sorted by the deaths column, largest first on a second press; the header says so.
    const tollHeader = table.locator(".scene-table-nodes thead th").nth(3);
    await tollHeader.getByRole("button").click();
    expect(await tollHeader.getAttribute("aria-sort")).toBe("ascending");
    await tollHeader.getByRole("button").click();
    expect(await tollHeader.getAttribute("aria-sort")).toBe("descending");
    const tolls = (await table.locator(".scene-table-nodes tbody tr td:nth-child(4)").allInnerTexts()).map((text) =>
      text === "–" ? -1 : Number(text),
    );
    expect(tolls).toEqual([...tolls].sort((a, b) => b - a));
    expect(tolls[0]).toBe(50);

    // From the keyboard: the row's name is a button; Enter focuses that node (outlined in the drawing, its details read).
    const row = table.locator(`tr[data-id="${small}"] .scene-node`);
    await row.focus();
    await page.keyboard.press("Enter");
    await expect
      .poll(() => page.evaluate((id) => (globalThis as unknown as PageGlobals).cy.getElementById(id).hasClass("focused"), small), {
        timeout: 5_000,
      })
      .toBe(true);
    // The details panel turns to that node: its heading, or the line saying it is loading.
    const details = page.getByRole("region", { name: "Details" });
    const detailsTitle = async () =>
      [...(await details.locator("h2").allTextContents()), ...(await details.locator(".details-empty").allTextContents())]
        .join(" ")
        .replace(/[\u2068\u2069]/g, "");
    await expect.poll(detailsTitle, { timeout: 30_000 }).toContain(`Strike two ${s} hit the school`);
    // The table is kept, and the focus on its row.
    expect(
      await page.evaluate(
        () => (globalThis as unknown as { document: { activeElement: { className: string } } }).document.activeElement.className,
      ),
    ).toBe("scene-node");
    await session.screenshot("explorer-scene-table");
  });

  it("exports the drawing as PNG, and its nodes and edges as CSV and JSON, equal to what is drawn", async () => {
    const { page } = session;
    const drawn = await drawnScene(page);
    const save = async (item: string): Promise<{ name: string; bytes: Buffer }> => {
      await page.getByText("Export", { exact: true }).click();
      const downloaded = page.waitForEvent("download");
      await page.getByRole("button", { name: item }).click();
      const download = await downloaded;
      return { name: download.suggestedFilename(), bytes: await readFile(await download.path()) };
    };
    const stem = `conflict-graph-${small.replace(/[^a-z0-9]+/g, "-")}-\\d{4}-\\d{2}-\\d{2}`;

    const png = await save("PNG image");
    expect(png.name).toMatch(new RegExp(`^${stem}\\.png$`));
    expect(png.bytes.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    // The drawing as it is on screen: the canvas's size.
    expect(pngSize(png.bytes)).toEqual({ width: Math.round(drawn.width), height: Math.round(drawn.height) });
    expect(png.bytes.length).toBeGreaterThan(2_000);

    const nodes = await save("Nodes as CSV");
    expect(nodes.name).toMatch(new RegExp(`^${stem}-nodes\\.csv$`));
    const nodeRows = parse<Record<string, string>>(nodes.bytes, { columns: true });
    expect(nodeRows.map((row) => row.id).sort()).toEqual(drawn.nodes.map((node) => node.id).sort());
    expect(nodeRows.find((row) => row.id === large)).toMatchObject({ type: "Event", name: `Strike one ${s} hit the market`, toll: "40" });
    expect(nodeRows.find((row) => row.id === actor)).toMatchObject({ type: "Actor", toll: "50" });

    const edges = await save("Edges as CSV");
    expect(edges.name).toMatch(new RegExp(`^${stem}-edges\\.csv$`));
    const edgeRows = parse<{ from: string; type: string; to: string }>(edges.bytes, { columns: true });
    expect(edgeKeys(edgeRows)).toEqual(edgeKeys(drawn.edges));

    const json = await save("Nodes and edges as JSON");
    expect(json.name).toMatch(new RegExp(`^${stem}\\.json$`));
    const document = JSON.parse(json.bytes.toString("utf8")) as {
      focused: string;
      nodes: { id: string; toll: number | null; degree: number }[];
      edges: { from: string; type: string; to: string }[];
    };
    expect(document.focused).toBe(small);
    expect(document.nodes.map((node) => node.id).sort()).toEqual(drawn.nodes.map((node) => node.id).sort());
    expect(edgeKeys(document.edges)).toEqual(edgeKeys(drawn.edges));
    expect(document.nodes.find((node) => node.id === place)?.toll).toBe(50);
    await session.screenshot("explorer-scene-exported");
    expect(session.errors).toEqual([]);
  });
});
