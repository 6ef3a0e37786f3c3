/**
 * `npx tsx bench/generate.ts --events 10000 --seed 1 [--out dataset.json]`: generates the benchmark's synthetic
 * dataset (bench/dataset.ts) and prints what it holds: nodes by label, places and actors by kind, relationships by
 * type, and its size as JSON. With --out, writes `{ facts, bundles }` to that file.
 */
import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { generateDataset } from "./dataset.js";

const { values } = parseArgs({
  options: {
    events: { type: "string", default: "10000" },
    seed: { type: "string", default: "1" },
    out: { type: "string" },
  },
});
const events = Number(values.events);
const seed = Number(values.seed);
if (!Number.isInteger(events) || events < 1 || !Number.isInteger(seed)) {
  process.stderr.write("usage: npx tsx bench/generate.ts --events <positive integer> --seed <integer> [--out file.json]\n");
  process.exit(2);
}

const startedAt = performance.now();
const dataset = generateDataset({ events, seed });
const milliseconds = performance.now() - startedAt;
const json = JSON.stringify({ facts: dataset.facts, bundles: dataset.bundles });
const { counts } = dataset.facts;
const kinds = (items: readonly { kind: string }[] | null | undefined) => {
  const byKind = new Map<string, number>();
  for (const item of items ?? []) byKind.set(item.kind, (byKind.get(item.kind) ?? 0) + 1);
  return [...byKind.entries()].map(([kind, count]) => `${kind} ${count}`).join(", ");
};
const reference = dataset.bundles[0]!;
const number = (value: number) => value.toLocaleString("en-US");
const lines = [
  `dataset: ${number(events)} events, seed ${seed}, generated in ${Math.round(milliseconds)} ms`,
  `bundles: ${number(dataset.bundles.length)} (${dataset.facts.referenceBundles} reference, ${number(counts.documents)} reports)`,
  `nodes: ${number(counts.totalNodes)} (${Object.entries(counts.nodes)
    .map(([label, count]) => `${label} ${number(count)}`)
    .join(", ")})`,
  `  places: ${kinds(reference.places)}`,
  `  actors: ${kinds(reference.actors)}`,
  `relationships: ${number(counts.totalRelationships)} (${Object.entries(counts.relationships)
    .map(([type, count]) => `${type} ${number(count)}`)
    .join(", ")})`,
  `busiest province: ${dataset.facts.busiestProvince.name} (${number(dataset.facts.busiestProvince.events)} events)`,
  `dates: ${dataset.facts.dates.first} .. ${dataset.facts.dates.last}`,
  `size: ${number(Buffer.byteLength(json))} bytes of JSON`,
];
process.stdout.write(`${lines.join("\n")}\n`);
if (values.out) {
  writeFileSync(values.out, json);
  process.stdout.write(`written to ${values.out}\n`);
}
