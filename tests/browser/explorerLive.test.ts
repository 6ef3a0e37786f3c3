/**
 * The explorer's live changes (web/client/explorer/liveChanges.ts) in Chromium: an import made while the page is open
 * marks the drawn event it changed and the drawn place where a new event happened, and the status line counts them.
 */
import type { Core } from "cytoscape";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openBrowser, VIEWPORTS, type BrowserSession } from "../helpers/browser.js";
import { uniqueSuffix } from "../helpers/bundles.js";
import { useServer } from "../helpers/server.js";
import { documentBundle, importBundle, keyEnvironment } from "../helpers/writing.js";

interface PageGlobals {
  cy: Core;
}

describe.each(VIEWPORTS)("live changes in the explorer, at $width x $height", { timeout: 120_000 }, (viewport) => {
  const s = uniqueSuffix();
  const bundle = documentBundle(s);
  const event = `event:w-${s}-strike`;
  const market = `place:w-${s}-market`;
  const server = useServer(keyEnvironment);
  let session: BrowserSession;

  beforeAll(async () => {
    expect((await importBundle(server, bundle)).errors).toBeUndefined();
    session = await openBrowser(viewport);
  });

  afterAll(async () => {
    await session?.close();
  });

  const classesOf = (id: string) =>
    session.page.evaluate((nodeId) => {
      const node = (globalThis as unknown as PageGlobals).cy.getElementById(nodeId);
      return node.nonempty() ? node.classes() : null;
    }, id);

  it("marks the event an import changed and the place of an event it created, and counts them", async () => {
    const { page } = session;
    await page.goto(`${server.url}/explore?node=${encodeURIComponent(event)}`);
    await expect.poll(() => classesOf(market), { timeout: 30_000 }).not.toBeNull();
    const status = page.locator("#live-status");
    await expect.poll(() => status.textContent(), { timeout: 30_000 }).toBe("Live changes: none since the page opened");
    expect(await classesOf(event)).not.toContain("changed");
    expect(session.errors).toEqual([]);

    // One import while the page is open: the drawn event's title changes, and a second event happens at the market.
    const second = { ...bundle.events[0]!, id: `event:w-${s}-second`, title: `Second strike on Kafr Zeta ${s}` };
    const changed = { ...bundle, events: [{ ...bundle.events[0]!, title: `Drone strike on Kafr Zeta ${s}` }, second] };
    expect((await importBundle(server, changed)).errors).toBeUndefined();

    await expect.poll(() => status.textContent(), { timeout: 10_000 }).toBe("2 events changed");
    await expect.poll(() => classesOf(event), { timeout: 10_000 }).toContain("changed");
    expect(await classesOf(market)).toContain("changed");
    expect(await page.getByRole("status").filter({ hasText: "2 events changed" }).count()).toBe(1);
    await session.screenshot(`explorer-live-${viewport.width}`);
    expect(session.errors).toEqual([]);
  });
});
