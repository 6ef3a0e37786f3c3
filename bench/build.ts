/**
 * Bundles the benchmark's other servers with the options that bundle ours (scripts/serverBundle.ts), so that all
 * contenders run alike: `node dist/bench/peer.mjs` (both library peers) and `node dist/bench/raw.mjs`.
 * bench/run.ts calls it after `npm run build:server`.
 */
import { build } from "esbuild";
import { serverBundleOptions } from "../scripts/serverBundle.js";

export async function buildBenchServers(): Promise<void> {
  const { outfile: _ours, metafile: _unused, ...options } = serverBundleOptions;
  await build({
    ...options,
    entryPoints: { peer: "bench/peer/server.ts", raw: "bench/raw/server.ts" },
    outdir: "dist/bench",
    outExtension: { ".js": ".mjs" },
  });
}
