/**
 * Building the web assets into dist/web, and rebuilding them only when their inputs changed: the
 * server serves whatever is there, `npm start` and the tests call `ensureWebAssets()` first.
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { projectRoot } from "../../src/paths.js";
import { webAssetsDirectory } from "../../src/http/web.js";
import { webBuildConfig } from "./viteConfig.js";

/** Written into the output last, so a half-finished build is never taken for a finished one. */
const FINGERPRINT_FILE = ".fingerprint";

/** What the assets are built from: the client and build code, the recipes, and the locked dependencies. */
function inputFiles(): string[] {
  const files: string[] = [];
  const walk = (directory: string): void => {
    for (const entry of readdirSync(directory, { withFileTypes: true })) {
      const path = join(directory, entry.name);
      if (entry.isDirectory()) walk(path);
      else files.push(path);
    }
  };
  walk(join(projectRoot, "web"));
  files.push(join(projectRoot, "docs", "recipes.md"), join(projectRoot, "package-lock.json"));
  return files.filter((file) => existsSync(file)).sort();
}

export function inputsFingerprint(): string {
  const hash = createHash("sha256");
  for (const file of inputFiles()) hash.update(relative(projectRoot, file)).update("\0").update(readFileSync(file)).update("\0");
  return hash.digest("hex");
}

export function assetsAreFresh(fingerprint = inputsFingerprint()): boolean {
  const file = join(webAssetsDirectory, FINGERPRINT_FILE);
  return existsSync(file) && readFileSync(file, "utf8").trim() === fingerprint;
}

export interface BuiltFile {
  path: string;
  bytes: number;
}

export interface BuildReport {
  milliseconds: number;
  files: BuiltFile[];
}

/**
 * Builds into a fresh folder beside dist/web and swaps it in, so a server serving the old assets (or a
 * second build running at the same time) never sees a half-written folder.
 */
export async function buildWebAssets(): Promise<BuildReport> {
  const startedAt = performance.now();
  const fingerprint = inputsFingerprint();
  const staging = `${webAssetsDirectory}.tmp-${process.pid}-${Date.now()}`;
  const { build } = await import("vite");
  try {
    await build(webBuildConfig(projectRoot, staging));
    writeFileSync(join(staging, FINGERPRINT_FILE), `${fingerprint}\n`);
    const retired = `${webAssetsDirectory}.old-${process.pid}-${Date.now()}`;
    if (existsSync(webAssetsDirectory)) renameSync(webAssetsDirectory, retired);
    renameSync(staging, webAssetsDirectory);
    rmSync(retired, { recursive: true, force: true });
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  return { milliseconds: Math.round(performance.now() - startedAt), files: listFiles(webAssetsDirectory) };
}

/** Builds the assets when they are missing or were built from other inputs; true when it built. */
export async function ensureWebAssets(log: (message: string) => void = () => {}): Promise<boolean> {
  if (assetsAreFresh()) return false;
  log("building the playground and explorer (web/ -> dist/web/)…");
  const report = await buildWebAssets();
  log(`built the web assets in ${(report.milliseconds / 1000).toFixed(1)} s`);
  return true;
}

function listFiles(directory: string): BuiltFile[] {
  const files: BuiltFile[] = [];
  const walk = (folder: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name !== FINGERPRINT_FILE) files.push({ path: relative(directory, path), bytes: statSync(path).size });
    }
  };
  walk(directory);
  return files.sort((a, b) => b.bytes - a.bytes);
}
