import type { Core } from "cytoscape";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openBrowser, VIEWPORTS, type BrowserSession } from "../helpers/browser.js";
import { uniqueSuffix, writeTestBundle } from "../helpers/bundles.js";
import { startServer, type TestServer } from "../helpers/server.js";

interface PageGlobals {
  cy: Core;
  document: {
    querySelectorAll: (
      selector: string,
    ) => { textContent: string | null; tagName: string; parentElement: { textContent: string | null } | null }[];
  };
}

/**
 * Names the explorer must tell apart or keep from reordering the page: three places called "Idleb <s>" (the
 * province, its district and the district's city), and an actor whose name holds a right-to-left override.
 * The test writes its own (so it runs with the tests that write).
 */
describe.each(VIEWPORTS)("names in the explorer, at $width x $height", { timeout: 90_000 }, (viewport) => {
  const s = uniqueSuffix();
  const idleb = `Idleb ${s}`;
  const override = `\u202E${s} brigade`;
  let server: TestServer;
  let session: BrowserSession;

  beforeAll(async () => {
    await writeTestBundle({
      source: { id: `source:names-${s}`, title: `Names ${s}`, text: `A report on Idleb ${s}.` },
      actors: [
        { id: `actor:names-${s}-army`, name: `Army ${s}`, kind: "ARMED_FORCE" },
        { id: `actor:names-${s}-brigade`, name: override, kind: "ARMED_GROUP", partOf: [`actor:names-${s}-army`] },
      ],
      places: [
        { id: `place:names-${s}-province`, name: idleb, kind: "PROVINCE" },
        { id: `place:names-${s}-district`, name: idleb, kind: "DISTRICT", parent: `place:names-${s}-province` },
        { id: `place:names-${s}-city`, name: idleb, kind: "CITY", parent: `place:names-${s}-district` },
      ],
    });
    server = await startServer();
    session = await openBrowser(viewport);
    await session.page.goto(`${server.url}/explore`);
  });

  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  it("shows the kind of places that share a name, in the search hits, the drawing and the list", async () => {
    const { page } = session;
    const box = page.getByRole("searchbox", { name: "Search" });
    await box.fill(idleb);
    const hits = page.getByRole("list", { name: "Search results" }).getByRole("button");
    await expect.poll(() => hits.count(), { timeout: 10_000 }).toBeGreaterThanOrEqual(3);
    const hitTexts = (await hits.allInnerTexts()).map((text) => text.replace(/\s+/g, " ").trim()).filter((text) => text.startsWith(idleb));
    expect(new Set(hitTexts).size).toBe(3);
    await session.screenshot("explorer-same-name-hits");

    await box.press("Enter");
    const expected = [`${idleb} (province)`, `${idleb} (district)`, `${idleb} (city)`];
    const listed = page.locator("#node-list .node-label");
    await expect
      .poll(async () => (await listed.allInnerTexts()).filter((text) => text.startsWith(idleb)).sort(), { timeout: 15_000 })
      .toEqual([...expected].sort());
    const drawn = await page.evaluate(
      (name) =>
        (globalThis as unknown as PageGlobals).cy
          .nodes()
          .filter((node) => String(node.data("name")) === name)
          .map((node) => String(node.data("label")).replace(/[\u2068\u2069]/g, "")),
      idleb,
    );
    expect(drawn.sort()).toEqual([...expected].sort());
    await session.screenshot("explorer-same-name-drawn");
  });

  it("isolates names, so that a right-to-left override in one cannot reorder the text after it", async () => {
    const { page } = session;
    const box = page.getByRole("searchbox", { name: "Search" });
    await box.fill(`${s} brigade`);
    await box.press("Enter");
    const list = page.locator("#node-list");
    await expect.poll(async () => (await list.innerText()).includes(override), { timeout: 15_000 }).toBe(true);
    // Every name on the page (list, search hits, details, path panel) sits in its own <bdi>.
    // The list fills before the details panel: wait until both hold the name.
    const isolatedNames = () =>
      page.evaluate(
        (name) =>
          Array.from((globalThis as unknown as PageGlobals).document.querySelectorAll("bdi")).filter(
            (element) => element.textContent === name,
          ).length,
        override,
      );
    await expect.poll(isolatedNames, { timeout: 15_000 }).toBeGreaterThanOrEqual(2);
    // The details heading and the list's entry hold the name whole and nothing else inside the isolate.
    await expect.poll(() => page.locator("#details h2 bdi").textContent(), { timeout: 15_000 }).toBe(override);
    // Messages built as text set the name apart with FIRST STRONG ISOLATE ... POP DIRECTIONAL ISOLATE.
    await expect.poll(() => page.locator("#message").textContent(), { timeout: 15_000 }).toContain(`\u2068${override}\u2069`);
    await session.screenshot("explorer-bidi-name");
  });
});
