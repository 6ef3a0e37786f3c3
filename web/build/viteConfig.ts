import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { InlineConfig, Plugin } from "vite";
import { playgroundTabs } from "./recipes.js";

/** The module the playground imports its tabs from; it exists only at build time. */
const RECIPES_MODULE = "virtual:recipes";
const RESOLVED_RECIPES_MODULE = `\0${RECIPES_MODULE}`;

/** Turns docs/recipes.md into `export const recipeTabs = [...]` when the playground is built. */
export function recipesPlugin(recipesFile: string): Plugin {
  return {
    name: "conflict-graph:recipes",
    resolveId: (id) => (id === RECIPES_MODULE ? RESOLVED_RECIPES_MODULE : undefined),
    load(id) {
      if (id !== RESOLVED_RECIPES_MODULE) return undefined;
      this.addWatchFile(recipesFile);
      const tabs = playgroundTabs(readFileSync(recipesFile, "utf8"));
      if (tabs.length === 0) this.error(`${recipesFile} holds no "## " section with a graphql block`);
      return `export const recipeTabs = ${JSON.stringify(tabs)};`;
    },
  };
}

/**
 * Two pages from web/client: the playground (served at GET /graphql to browsers) and the explorer
 * (/explore). Everything they load is bundled under /web/, so the pages work with no internet.
 */
export function webBuildConfig(projectRoot: string, outDir: string): InlineConfig {
  const client = join(projectRoot, "web", "client");
  return {
    configFile: false,
    root: client,
    base: "/web/",
    publicDir: false,
    logLevel: "warn",
    plugins: [recipesPlugin(join(projectRoot, "docs", "recipes.md"))],
    // Monaco's language workers (GraphiQL's editors) split into chunks, which classic workers cannot load.
    worker: { format: "es" },
    build: {
      outDir,
      emptyOutDir: true,
      target: "es2022",
      // GraphiQL brings the Monaco editor (several MB); it is served from this machine, so size warnings only add noise.
      chunkSizeWarningLimit: 8_000,
      rolldownOptions: {
        // React libraries mark modules "use client", which means nothing outside a React server build.
        onwarn(warning, warn) {
          if (warning.code !== "MODULE_LEVEL_DIRECTIVE") warn(warning);
        },
        input: {
          playground: join(client, "playground", "index.html"),
          explorer: join(client, "explorer", "index.html"),
        },
      },
    },
  };
}
