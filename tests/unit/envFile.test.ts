import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadEnvFile } from "../../src/envFile.js";

const folder = mkdtempSync(join(tmpdir(), "env-file-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe("loadEnvFile", () => {
  it("adds the file's variables that the environment lacks, and the environment wins over the file", () => {
    const file = join(folder, ".env");
    writeFileSync(file, '# settings\nPORT=4100\nNEO4J_LOCAL_PORT=7700\nEDITOR_API_KEYS="alice:key with spaces"\nEMPTY_IN_ENV=from-file\n');
    const environment: NodeJS.ProcessEnv = { PORT: "4200", EMPTY_IN_ENV: "" };
    const loaded = loadEnvFile(file, environment);
    expect(environment).toEqual({
      PORT: "4200",
      NEO4J_LOCAL_PORT: "7700",
      EDITOR_API_KEYS: "alice:key with spaces",
      EMPTY_IN_ENV: "",
    });
    expect(loaded.sort()).toEqual(["EDITOR_API_KEYS", "NEO4J_LOCAL_PORT"]);
  });

  it("does nothing without a file", () => {
    const environment: NodeJS.ProcessEnv = { PORT: "4200" };
    expect(loadEnvFile(join(folder, "missing.env"), environment)).toEqual([]);
    expect(environment).toEqual({ PORT: "4200" });
  });

  it("fails with the file's name when it cannot be read", () => {
    expect(() => loadEnvFile(folder, {})).toThrow(folder);
  });
});
