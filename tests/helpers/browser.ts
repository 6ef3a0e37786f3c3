/**
 * Debian's Chromium driven by playwright-core, for the browser tests. No test tool downloads a browser: the
 * browser is the system's, and the first browser test installs Debian's `chromium` package when it is missing and
 * the machine allows it (root with apt-get); elsewhere it stops at once, saying what to run.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { projectRoot } from "../../src/paths.js";

const DEBIAN_CHROMIUM = "/usr/bin/chromium";

/** CHROMIUM_PATH when set, else the first Chromium or Chrome the system has, else where Debian's package puts it. */
export const CHROMIUM_PATH =
  process.env.CHROMIUM_PATH ??
  [DEBIAN_CHROMIUM, "/usr/bin/chromium-browser", "/snap/bin/chromium", "/usr/bin/google-chrome-stable", "/usr/bin/google-chrome"].find(
    (path) => existsSync(path),
  ) ??
  DEBIAN_CHROMIUM;

/** Screenshots land here (gitignored), to be looked at after a run. */
export const SCREENSHOT_DIRECTORY = join(projectRoot, "test-results", "browser");

/** As root without a sandbox; and no calls home, which this machine's closed network would refuse. */
const CHROMIUM_FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export interface Viewport {
  width: number;
  height: number;
}

/** Every browser test runs at both: a desktop window and a small one. */
export const VIEWPORTS: readonly Viewport[] = [
  { width: 1400, height: 900 },
  { width: 800, height: 600 },
];

export interface BrowserSession {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Every URL the page (and its workers) asked for, in order. */
  requests: string[];
  /** Console errors and uncaught exceptions, so a broken page fails its test. */
  errors: string[];
  screenshot(name: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * Installs Debian's Chromium once when it is missing, as root with apt-get; test files run in parallel workers, so
 * the install holds a lock and the others wait for it, then find the browser. Anywhere else, one line says what to run.
 */
function ensureChromium(): void {
  if (existsSync(CHROMIUM_PATH)) return;
  const canInstall = CHROMIUM_PATH === DEBIAN_CHROMIUM && process.getuid?.() === 0 && existsSync("/usr/bin/apt-get");
  if (!canInstall) {
    throw new Error(`No Chromium at ${CHROMIUM_PATH}: run \`sudo apt-get install -y chromium\` (Debian's package), or set CHROMIUM_PATH.`);
  }
  console.log("Installing Debian's chromium package for the browser tests (once)…");
  const install = `test -x ${DEBIAN_CHROMIUM} || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; }`;
  execFileSync("flock", ["/tmp/conflict-graph-chromium.lock", "sh", "-c", install], {
    stdio: ["ignore", "ignore", "inherit"],
    timeout: 600_000,
  });
}

export async function openBrowser(viewport: Viewport = { width: 1400, height: 900 }): Promise<BrowserSession> {
  ensureChromium();
  // A fresh, empty profile every time (playwright makes a temporary user-data-dir).
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_FLAGS });
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const requests: string[] = [];
  const errors: string[] = [];
  context.on("request", (request) => requests.push(request.url()));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  mkdirSync(SCREENSHOT_DIRECTORY, { recursive: true });
  return {
    browser,
    context,
    page,
    requests,
    errors,
    async screenshot(name) {
      const size = page.viewportSize();
      const path = join(SCREENSHOT_DIRECTORY, `${name}-${size?.width ?? 0}x${size?.height ?? 0}.png`);
      await page.screenshot({ path });
      return path;
    },
    close: () => browser.close(),
  };
}

/** Requests that went anywhere but `origin` (data: and blob: URLs are the page's own). */
export function foreignRequests(requests: readonly string[], origin: string): string[] {
  return requests.filter((url) => !url.startsWith("data:") && !url.startsWith("blob:") && new URL(url).origin !== origin);
}
