/**
 * Text in the wrong encoding is refused, never stored with U+FFFD in place of its letters: import files (the command
 * line) that are not UTF-8 name the first bad byte and its line, UTF-16 is named, a UTF-8 byte order mark is accepted;
 * the import mutations refuse text that no UTF-8 can carry (lone surrogates), naming where.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { projectRoot } from "../../src/paths.js";
import { acledCsv, acledRecord } from "../helpers/acled.js";
import { uniqueSuffix } from "../helpers/bundles.js";
import { useServer } from "../helpers/server.js";
import { documentBundle, importAcled, importBundle, keyEnvironment } from "../helpers/writing.js";

const run = promisify(execFile);
const s = uniqueSuffix();
let folder: string;

async function importCommand(file: string): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ["--import", "tsx", "src/cli/import.ts", file, "--dry-run"], {
      cwd: projectRoot,
      env: { ...process.env, NEO4J_URI: inject("neo4jUri") },
      timeout: 120_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

function file(name: string, bytes: Buffer): string {
  const path = join(folder, name);
  writeFileSync(path, bytes);
  return path;
}

/** An ACLED file whose notes say "café naïve", and the offset of the é in it once written in Latin-1. */
const csv = acledCsv([acledRecord(`enc${s}`, { notes: "café naïve" })]);

beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), "encodings-"));
});
afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
});

describe("import files", () => {
  it("refuses a Latin-1 ACLED file, naming the first byte that is not UTF-8 and its line", async () => {
    const latin1 = Buffer.from(csv, "latin1");
    const { code, stderr } = await importCommand(file("latin1.csv", latin1));
    expect(code).toBe(1);
    const offset = latin1.indexOf(0xe9);
    expect(stderr).toContain(
      `file: the file is not valid UTF-8: 0xE9 at byte offset ${offset.toLocaleString("en")} (line 2): save it as UTF-8`,
    );
  }, 180_000);

  it("refuses a Latin-1 bundle the same way", async () => {
    const json = Buffer.from(JSON.stringify(documentBundle(`enc-${s}`)).replace("drone", "dröne"), "latin1");
    const { code, stderr } = await importCommand(file("latin1.json", json));
    expect(code).toBe(1);
    expect(stderr).toContain(`0xF6 at byte offset ${json.indexOf(0xf6).toLocaleString("en")} (line 1)`);
  }, 180_000);

  it("names UTF-16, with or without a byte order mark", async () => {
    for (const [name, bytes, encoding] of [
      ["utf16le-bom.csv", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(csv, "utf16le")]), "UTF-16 (little-endian)"],
      ["utf16le.csv", Buffer.from(csv, "utf16le"), "UTF-16 (little-endian)"],
      ["utf16be.json", Buffer.from(JSON.stringify(documentBundle(`enc-${s}`)), "utf16le").swap16(), "UTF-16 (big-endian)"],
    ] as const) {
      const { code, stderr } = await importCommand(file(name, bytes));
      expect(code, name).toBe(1);
      expect(stderr, name).toContain(`the file is ${encoding}, not UTF-8: save it as UTF-8`);
      expect(stderr, name).not.toMatch(/neither JSON/);
    }
  }, 300_000);

  it("accepts UTF-8 with a byte order mark", async () => {
    const { code, stdout, stderr } = await importCommand(file("bom.csv", Buffer.from(`\uFEFF${csv}`, "utf8")));
    expect(code, stderr).toBe(0);
    expect(stdout).toMatch(/\(acled\).*1 row/);
  }, 180_000);
});

describe("the import mutations", () => {
  const server = useServer(keyEnvironment);

  it("refuse text with a lone surrogate, naming where, and write nothing", async () => {
    const acled = await importAcled(server, csv.replace("café", "caf\ud800"));
    expect(acled.errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      problems: [{ path: "csv", message: expect.stringMatching(/lone surrogate \(U\+D800\) at character [\d,]+ \(line 2\)/) }],
    });
    const bundle = documentBundle(`enc-${s}`);
    bundle.source.text = bundle.source.text.replace("drone", "dr\udc00ne");
    const refused = await importBundle(server, bundle);
    expect(refused.errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      problems: [{ path: "source.text", message: expect.stringMatching(/lone surrogate \(U\+DC00\)/) }],
    });
    const stored = await server.graphql(`{ node(id: "source:w-enc-${s}") { id } }`);
    expect(stored.data?.node).toBeNull();
    // Accented letters and astral characters are text like any other.
    const accepted = await importAcled(server, csv, { dryRun: true });
    expect(accepted.errors).toBeUndefined();
  });
});
