import { readFileSync } from "node:fs";
import { join } from "node:path";
import { bundleSchema, type Bundle } from "../../src/ingest/bundle/validation.js";
import { seedDirectory } from "../../src/paths.js";

/** The seeded article's bundle, parsed with the write path's own schema so tests read typed fields. */
export const article: Bundle = bundleSchema.parse(
  JSON.parse(readFileSync(join(seedDirectory, "anadolu-2019-07-23-idlib-airstrikes.bundle.json"), "utf8")),
);

/** Every node id the article's bundle defines. */
export function articleIds(bundle: Bundle = article): string[] {
  return [
    bundle.source.id,
    ...[bundle.actors, bundle.places, bundle.agreements, bundle.events, bundle.claims, bundle.statements].flatMap((nodes) =>
      (nodes ?? []).map((node) => node.id),
    ),
  ];
}

/** Node id -> the quotes the bundle gives as its evidence. */
export function articleQuotes(bundle: Bundle = article): Map<string, string[]> {
  return new Map(
    [bundle.agreements, bundle.events, bundle.claims, bundle.statements].flatMap((nodes) =>
      (nodes ?? []).map((node) => [node.id, node.quotes ?? []] as const),
    ),
  );
}
