/** How the server is bundled into dist/server.mjs (scripts/buildServer.ts builds it; tests/unit/serverBundle.test.ts checks it). */
import type { BuildOptions } from "esbuild";

export const serverBundleOptions = {
  entryPoints: ["src/main.ts"],
  outfile: "dist/server.mjs",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  sourcemap: true,
  // Some dependencies are CommonJS and call require(); an ES module bundle has none unless given one.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  // The local Neo4j launcher (Maven, process management) is for `npm start` without NEO4J_URI, never for the image:
  // src/main.ts imports it only then.
  external: ["../neo4j-local/localNeo4j.js"],
  metafile: true,
  logLevel: "warning",
} satisfies BuildOptions;
