/** The server bundle the Docker image runs holds no part of the local Neo4j launcher (Maven, process management). */
import { build } from "esbuild";
import { describe, expect, it } from "vitest";
import { serverBundleOptions } from "../../scripts/serverBundle.js";

describe("dist/server.mjs", () => {
  it("leaves the local Neo4j launcher out, importing it only when NEO4J_URI is unset", { timeout: 120_000 }, async () => {
    const result = await build({ ...serverBundleOptions, write: false, sourcemap: false });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs).toContain("src/main.ts");
    expect(inputs.filter((input) => input.startsWith("neo4j-local/"))).toEqual([]);
    const code = result.outputFiles.map((file) => file.text).join("\n");
    expect(code).not.toMatch(/mvn|maven|Launcher\.java/i);
    expect(code).toContain('import("../neo4j-local/localNeo4j.js")');
  });
});
