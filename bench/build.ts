/**
 * Bundles the benchmark's other servers the way scripts/buildServer.ts bundles ours (same esbuild options), so that
 * all contenders run alike: `node dist/bench/peer.mjs` (both library peers) and `node dist/bench/raw.mjs`.
 * bench/run.ts calls it after `npm run build:server`.
 */
import { build } from "esbuild";

export async function buildBenchServers(): Promise<void> {
  await build({
    entryPoints: { peer: "bench/peer/server.ts", raw: "bench/raw/server.ts" },
    outdir: "dist/bench",
    outExtension: { ".js": ".mjs" },
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    sourcemap: true,
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
    logLevel: "warning",
  });
}
