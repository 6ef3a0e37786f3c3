/**
 * An import that runs out of its budget says so (issue 20, class 7): the refusal names IMPORT_TIMEOUT_MS, the server's
 * through the API and the command line's own through `npm run import`, and nothing is written. A query over its budget
 * keeps the query's message. The budgets here are far below what the files need, so each import surely runs out.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { projectRoot } from "../../src/paths.js";
import { generatedAcled } from "../helpers/acled.js";
import { uniqueSuffix } from "../helpers/bundles.js";
import { useServer } from "../helpers/server.js";
import { importAcled, keyEnvironment } from "../helpers/writing.js";

/** Rows that take seconds to import, many times the budget below. */
const ROWS = 2_000;
const BUDGET_MS = 300;
/** generatedAcled's first row number. */
const FIRST = 1;

const server = useServer({ ...keyEnvironment, IMPORT_TIMEOUT_MS: String(BUDGET_MS) });
let directory: string;

beforeAll(() => {
  directory = mkdtempSync(join(tmpdir(), "conflict-graph-budget-"));
});

afterAll(() => {
  rmSync(directory, { recursive: true, force: true });
});

/** Whether the file's first and last rows' events exist. */
async function eventsOf(s: string): Promise<number> {
  const data = await server.read(`query ($first: ID!, $last: ID!) { first: event(id: $first) { id } last: event(id: $last) { id } }`, {
    first: `event:acled-GEN${s}${FIRST}`,
    last: `event:acled-GEN${s}${FIRST + ROWS - 1}`,
  });
  return [data.first, data.last].filter(Boolean).length;
}

describe("an import over its budget", () => {
  it("through the API names the server's IMPORT_TIMEOUT_MS and the command line, and writes nothing", async () => {
    const s = uniqueSuffix();
    const response = await importAcled(server, generatedAcled(ROWS, s));
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: "QUERY_TIMEOUT", budget: "IMPORT_TIMEOUT_MS", timeoutMs: BUDGET_MS });
    expect(response.errors?.[0]?.message).toMatch(/import budget of 300 ms \(IMPORT_TIMEOUT_MS\) and nothing was written/);
    expect(response.errors?.[0]?.message).toContain("npm run import");
    expect(response.errors?.[0]?.message).not.toContain("narrow it down");
    expect(await eventsOf(s)).toBe(0);
  }, 120_000);

  it("through npm run import names the command's own IMPORT_TIMEOUT_MS and how to raise it", async () => {
    const s = uniqueSuffix();
    const path = join(directory, `acled-${s}.csv`);
    writeFileSync(path, generatedAcled(ROWS, s));
    const failed = await promisify(execFile)(process.execPath, ["--import", "tsx", "src/cli/import.ts", path], {
      cwd: projectRoot,
      env: { ...process.env, NEO4J_URI: inject("neo4jUri"), LOG_LEVEL: "silent", IMPORT_TIMEOUT_MS: String(BUDGET_MS) },
      timeout: 120_000,
    }).then(
      () => null,
      (error: unknown) => error as { code: number; stderr: string },
    );
    expect(failed?.code).toBe(1);
    expect(failed?.stderr).toContain(`IMPORT_TIMEOUT_MS=${BUDGET_MS}, read by npm run import`);
    expect(failed?.stderr).toContain(`IMPORT_TIMEOUT_MS=${BUDGET_MS * 2} npm run import -- <file>`);
    expect(await eventsOf(s)).toBe(0);
  }, 120_000);
});
