/**
 * The import floors: what the engine itself reaches writing the benchmark's dataset on this machine, to compare our
 * import path (validation, entity resolution, change detection, one transaction per import) with.
 *
 *   transactionalFloor  the dataset's nodes and relationships written by plain batched `UNWIND … CREATE`
 *                       statements into the migrated (constrained and indexed) empty store: no validation,
 *                       resolution or change detection; nodes first, then relationships found by id.
 *   bulkImportFloor     the same graph as CSV files, written offline by Neo4j's bulk importer
 *                       (`neo4j-admin database import full`, org.neo4j.cli.AdminTool from the jars Maven brought into
 *                       neo4j-local/lib) into a store of its own: the engine's absolute floor, without transactions.
 *
 *   likeForLikeFloor    the graph our import actually stored (readStoredGraph, read back after the import: incidents
 *                       and REPORT_OF, created/updated stamps, content hashes, event aggregates and points, matching
 *                       keys on OCCURRED_IN, merged ids; everything but the import lock and the migration marks),
 *                       written the fastest way into the migrated empty store: per label, `UNWIND` batches of
 *                       `CREATE` with the properties in the pattern (as our importer creates nodes), returning the
 *                       new element ids; then per relationship type, both ends found by element id.
 *
 * The graph of the first two is derived from the bundles as our importer writes them (datasetGraph): the same labels,
 * relationship types and directions, the node properties of the bundle with the derived names keys and search text (so
 * the full-text and name indexes have the same work), evidence offsets on EVIDENCED_BY. It lacks what the import
 * derives beyond that (incidents, stamps, hashes, aggregates, matching keys): hence the like-for-like floor.
 */
import { execFile } from "node:child_process";
import { createWriteStream, mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import neo4j, { type Driver } from "neo4j-driver";
import type { Bundle } from "../src/ingest/bundle/validation.js";
import { parseId } from "../src/model/ids.js";
import { matchKeysOf, nameKeysOf } from "../src/model/nameMatching.js";
import { searchText } from "../src/model/text.js";
import type { Dataset } from "./dataset.js";

export interface FloorResult {
  events: number;
  nodes: number;
  relationships: number;
  seconds: number;
  eventsPerSecond: number;
}

type Value = string | number | boolean | string[];
type Properties = Record<string, Value>;

interface GraphNode {
  label: string;
  id: string;
  properties: Properties;
}

interface GraphRelationship {
  type: string;
  from: string;
  to: string;
  properties: Properties;
}

/** Date-valued properties by label (sent as strings, stored as dates). */
const DATE_PROPERTIES: Record<string, readonly string[]> = {
  Event: ["date"],
  Statement: ["date"],
  Agreement: ["signedOn", "endsOn"],
  Source: ["publishedOn"],
};

const ROWS_PER_STATEMENT = 5_000;

function compact(values: Record<string, unknown>): Properties {
  const properties: Properties = {};
  for (const [key, value] of Object.entries(values)) {
    if (value === null || value === undefined) continue;
    if (Array.isArray(value)) {
      if (value.length > 0) properties[key] = value.map(String);
    } else if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") properties[key] = value;
  }
  return properties;
}

const named = (name: string, aliases: readonly string[] | null | undefined) => {
  const names = [name, ...(aliases ?? [])];
  return { nameKeys: nameKeysOf(names), matchKeys: matchKeysOf(names), searchText: searchText(names) };
};

/** The nodes and relationships an import of the bundles into an empty store creates. */
export function datasetGraph(bundles: readonly Bundle[]): { nodes: GraphNode[]; relationships: GraphRelationship[] } {
  const nodes: GraphNode[] = [];
  const relationships = new Map<string, GraphRelationship>();
  const node = (id: string, properties: Record<string, unknown>) =>
    nodes.push({ label: parseId(id)?.label ?? "Unknown", id, properties: compact({ id, ...properties }) });
  const link = (type: string, from: string | null | undefined, to: string | null | undefined, properties: Properties = {}) => {
    if (!from || !to) return;
    const key = `${type} ${from} ${to} ${JSON.stringify(properties)}`;
    if (!relationships.has(key)) relationships.set(key, { type, from, to, properties });
  };
  for (const bundle of bundles) {
    const { source } = bundle;
    const evidence = (from: string, quotes: readonly string[] | null | undefined) => {
      for (const quote of quotes ?? []) {
        const start = source.text.indexOf(quote);
        link("EVIDENCED_BY", from, source.id, { start, end: start + quote.length, quote });
      }
    };
    node(source.id, {
      title: source.title,
      publishedOn: source.publishedOn,
      url: source.url,
      text: source.text,
      searchText: searchText([source.title]),
    });
    link("PUBLISHED_BY", source.id, source.publisher);
    for (const actor of bundle.actors ?? []) {
      const { partOf, allies, resolve: _resolve, removeAliases: _remove, ...rest } = actor as typeof actor & Record<string, unknown>;
      node(actor.id, { ...rest, ...named(actor.name, actor.aliases) });
      for (const whole of partOf ?? []) link("PART_OF", actor.id, whole);
      for (const ally of allies ?? []) link("ALLIED_WITH", actor.id, ally);
    }
    for (const place of bundle.places ?? []) {
      const { parent, location, resolve: _resolve, removeAliases: _remove, ...rest } = place as typeof place & Record<string, unknown>;
      const point = location;
      node(place.id, { ...rest, latitude: point?.latitude, longitude: point?.longitude, ...named(place.name, place.aliases) });
      link("WITHIN", place.id, parent);
    }
    for (const agreement of bundle.agreements ?? []) {
      const { parties, covers, quotes, ...rest } = agreement;
      node(agreement.id, { ...rest, searchText: searchText([agreement.name, agreement.summary]) });
      for (const party of parties ?? []) link("PARTY_TO", party, agreement.id);
      for (const place of covers ?? []) link("COVERS", agreement.id, place);
      evidence(agreement.id, quotes);
    }
    for (const event of bundle.events ?? []) {
      const { places, participants, quotes, location, ...rest } = event;
      const fatalities = (bundle.claims ?? []).find((claim) => claim.event === event.id && claim.kind === "FATALITIES")?.estimate;
      node(event.id, {
        ...rest,
        latitude: location?.latitude,
        longitude: location?.longitude,
        fatalitiesLow: fatalities?.low,
        fatalitiesHigh: fatalities?.high,
        searchText: searchText([event.title, event.summary]),
      });
      for (const place of places) link("OCCURRED_IN", event.id, place);
      for (const participant of participants ?? []) link("PARTICIPATED_IN", participant.actor, event.id, { role: participant.role });
      evidence(event.id, quotes);
    }
    for (const claim of bundle.claims ?? []) {
      const { event, estimate, actors, assertedBy, disputedBy, quotes, ...rest } = claim;
      node(claim.id, { ...rest, low: estimate?.low, high: estimate?.high, qualifier: estimate?.qualifier });
      link("ABOUT", claim.id, event);
      for (const actor of actors ?? []) link("NAMES", claim.id, actor);
      link("ASSERTED_BY", claim.id, assertedBy);
      link("REPORTED_IN", claim.id, source.id);
      for (const statement of disputedBy ?? []) link("DISPUTES", statement, claim.id);
      evidence(claim.id, quotes);
    }
    for (const statement of bundle.statements ?? []) {
      const { speaker, onBehalfOf, about, targets, invokes, quotes, ...rest } = statement;
      node(statement.id, { ...rest, searchText: searchText([statement.text]) });
      link("SPOKEN_BY", statement.id, speaker);
      link("ON_BEHALF_OF", statement.id, onBehalfOf);
      for (const event of about ?? []) link("ABOUT", statement.id, event);
      for (const actor of targets ?? []) link("TARGETS", statement.id, actor);
      for (const agreement of invokes ?? []) link("INVOKES", statement.id, agreement);
      link("REPORTED_IN", statement.id, source.id);
      evidence(statement.id, quotes);
    }
  }
  return { nodes, relationships: [...relationships.values()] };
}

const groupBy = <T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> => {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
};

function* batches<T>(items: readonly T[]): Generator<T[]> {
  for (let i = 0; i < items.length; i += ROWS_PER_STATEMENT) yield items.slice(i, i + ROWS_PER_STATEMENT);
}

const labelOfId = (id: string) => parseId(id)?.label ?? "Unknown";

/** The dataset written by batched UNWIND … CREATE into the (migrated, empty) store the driver points at. */
export async function transactionalFloor(driver: Driver, dataset: Dataset): Promise<FloorResult> {
  const { nodes, relationships } = datasetGraph(dataset.bundles);
  const startedAt = performance.now();
  for (const [label, group] of groupBy(nodes, (node) => node.label)) {
    const dates = DATE_PROPERTIES[label] ?? [];
    const setDates = dates.map((name) => `, n.${name} = date(row.${name})`).join("");
    const cypher = `// floorCreate${label}\nUNWIND $rows AS row CREATE (n:${label}) SET n = row.properties${setDates}`;
    for (const batch of batches(group)) {
      const rows = batch.map((node) => ({
        properties: Object.fromEntries(Object.entries(node.properties).filter(([key]) => !dates.includes(key))),
        ...Object.fromEntries(dates.map((name) => [name, node.properties[name] ?? null])),
      }));
      await driver.executeQuery(cypher, { rows });
    }
  }
  const byEnds = groupBy(relationships, (r) => `${r.type} ${labelOfId(r.from)} ${labelOfId(r.to)}`);
  for (const [key, group] of byEnds) {
    const [type, fromLabel, toLabel] = key.split(" ");
    const cypher = `// floorCreate${type}\nUNWIND $rows AS row
      MATCH (a:${fromLabel} {id: row.from}) MATCH (b:${toLabel} {id: row.to})
      CREATE (a)-[r:${type}]->(b) SET r = row.properties`;
    for (const batch of batches(group)) await driver.executeQuery(cypher, { rows: batch });
  }
  const seconds = (performance.now() - startedAt) / 1000;
  return result(dataset, nodes.length, relationships.length, seconds);
}

/** What our import stored, read back: nodes by label, relationships by type, each end as an index into `nodes`. */
export interface StoredGraph {
  nodes: { label: string; properties: Record<string, unknown> }[];
  relationships: Map<string, [number, number, Record<string, unknown>][]>;
}

/** Bookkeeping, not graph: the import lock's node and the data migrations' marks (a migrated store has its own). */
const NOT_COPIED = ["ImportLock", "Migration"];

/**
 * Reads every node (with its one label) and relationship of the store, with their properties as the driver gives
 * them (dates, date-times and points stay typed, so that they are written back as they were).
 */
export async function readStoredGraph(driver: Driver): Promise<StoredGraph> {
  const session = driver.session({ defaultAccessMode: neo4j.session.READ });
  try {
    const nodes: StoredGraph["nodes"] = [];
    const index = new Map<string, number>();
    const nodeRows = await session.run(
      `// floorReadNodes
      MATCH (n) WHERE NOT any(label IN labels(n) WHERE label IN $skip)
      RETURN elementId(n) AS element, labels(n) AS labels, properties(n) AS properties`,
      { skip: NOT_COPIED },
    );
    for (const record of nodeRows.records) {
      const labels = record.get("labels") as string[];
      if (labels.length !== 1) throw new Error(`the like-for-like floor copies nodes of one label, not ${labels.join(":")}`);
      index.set(record.get("element") as string, nodes.length);
      nodes.push({ label: labels[0]!, properties: record.get("properties") as Record<string, unknown> });
    }
    const relationships: StoredGraph["relationships"] = new Map();
    const relationshipRows = await session.run(
      `// floorReadRelationships
      MATCH (a)-[r]->(b)
      RETURN elementId(a) AS from, elementId(b) AS to, type(r) AS type, properties(r) AS properties`,
    );
    for (const record of relationshipRows.records) {
      const [from, to] = [index.get(record.get("from") as string), index.get(record.get("to") as string)];
      if (from === undefined || to === undefined) continue;
      const type = record.get("type") as string;
      const list = relationships.get(type) ?? relationships.set(type, []).get(type)!;
      list.push([from, to, record.get("properties") as Record<string, unknown>]);
    }
    return { nodes, relationships };
  } finally {
    await session.close();
  }
}

/** Every property key of some items, in a fixed order. */
const keysOf = (items: Iterable<Record<string, unknown>>): string[] => {
  const keys = new Set<string>();
  for (const item of items) for (const key of Object.keys(item)) keys.add(key);
  return [...keys].sort();
};

/** `{a: row[1], b: row[2]}` for keys a, b, the values from `from` on: properties in the CREATE pattern. */
const inPattern = (keys: readonly string[], from: number) => `{${keys.map((key, i) => `\`${key}\`: row[${from + i}]`).join(", ")}}`;

/**
 * The stored graph written into the (migrated, empty) store the driver points at, the fastest way we know: one
 * `UNWIND … CREATE` statement per batch of 5,000 nodes of a label, properties in the pattern (nulls are not set),
 * returning element ids; then one per batch of 5,000 relationships of a type, both ends found by element id.
 * Each statement is its own transaction, as in the transactional floor.
 */
export async function likeForLikeFloor(driver: Driver, graph: StoredGraph, events: number): Promise<FloorResult> {
  const elements: string[] = new Array<string>(graph.nodes.length);
  const byLabel = new Map<string, number[]>();
  graph.nodes.forEach((node, i) => (byLabel.get(node.label) ?? byLabel.set(node.label, []).get(node.label)!).push(i));
  let relationshipCount = 0;
  const startedAt = performance.now();
  for (const [label, members] of byLabel) {
    const keys = keysOf(members.map((i) => graph.nodes[i]!.properties));
    const cypher = `// likeFloorCreate${label}
      CYPHER replan=skip
      UNWIND $batch.rows AS row
      CREATE (n:\`${label}\` ${inPattern(keys, 1)})
      RETURN row[0] AS i, elementId(n) AS element`;
    for (const batch of batches(members)) {
      const rows = batch.map((i) => [i, ...keys.map((key) => graph.nodes[i]!.properties[key] ?? null)]);
      const { records } = await driver.executeQuery(cypher, { batch: { rows } });
      for (const record of records) elements[record.get("i") as number] = record.get("element") as string;
    }
  }
  for (const [type, list] of graph.relationships) {
    const keys = keysOf(list.map(([, , properties]) => properties));
    const cypher = `// likeFloorCreate${type}
      CYPHER replan=skip
      UNWIND $batch.rows AS row
      MATCH (a) WHERE elementId(a) = row[0]
      MATCH (b) WHERE elementId(b) = row[1]
      CREATE (a)-[:\`${type}\` ${inPattern(keys, 2)}]->(b)`;
    for (const batch of batches(list)) {
      const rows = batch.map(([from, to, properties]) => [elements[from], elements[to], ...keys.map((key) => properties[key] ?? null)]);
      await driver.executeQuery(cypher, { batch: { rows } });
    }
    relationshipCount += list.length;
  }
  const seconds = (performance.now() - startedAt) / 1000;
  return { events, nodes: graph.nodes.length, relationships: relationshipCount, seconds, eventsPerSecond: events / seconds };
}

/**
 * Empties the store for the next sample of a floor, keeping its schema (constraints, indexes) and migration marks:
 * the relationships first, then the nodes, in batches of 10,000, each its own transaction. Nodes detached with their
 * relationships in one batch held a hub's tens of thousands of relationships at once: at 100k that exceeded the
 * transaction memory pool of a 2 GB heap.
 */
export async function emptyStore(driver: Driver): Promise<void> {
  const session = driver.session({ defaultAccessMode: neo4j.session.WRITE });
  try {
    await session.run(
      `// floorEmptyRelationships
      MATCH ()-[r]->()
      CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS`,
    );
    await session.run(
      `// floorEmptyStore
      MATCH (n) WHERE NOT n:Migration
      CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS`,
    );
  } finally {
    await session.close();
  }
}

function result(dataset: Dataset, nodes: number, relationships: number, seconds: number): FloorResult {
  return { events: dataset.facts.events, nodes, relationships, seconds, eventsPerSecond: dataset.facts.events / seconds };
}

const NEO4J_LOCAL = fileURLToPath(new URL("../neo4j-local/", import.meta.url));

/** The lines of the importer's verbose output that say what went wrong. */
const errorLines = (text: string) =>
  text
    .split("\n")
    .filter((line) => /error|caused by|field|value|failed/i.test(line) && !/^\s+at /.test(line))
    .slice(0, 8)
    .join(" / ");

const csvField = (value: Value | undefined): string => {
  if (value === undefined) return "";
  const text = Array.isArray(value) ? value.join(";") : String(value);
  return /[",\n\r;]/.test(text) || text === "" ? `"${text.replace(/"/g, '""')}"` : text;
};

/** Each property's CSV column type, from all its values (a number column with any fraction is double). */
function csvColumns(label: string, items: readonly { properties: Properties }[], skip: readonly string[]): [string, string][] {
  const types = new Map<string, string>();
  for (const { properties } of items) {
    for (const [key, value] of Object.entries(properties)) {
      if (skip.includes(key)) continue;
      const type = (DATE_PROPERTIES[label] ?? []).includes(key)
        ? "date"
        : Array.isArray(value)
          ? "string[]"
          : typeof value === "number"
            ? Number.isInteger(value) && types.get(key) !== "double"
              ? "long"
              : "double"
            : typeof value === "boolean"
              ? "boolean"
              : "string";
      if (types.get(key) !== "double") types.set(key, type);
    }
  }
  return [...types.entries()];
}

/** Writes one CSV file with a header of typed columns; resolves once it is flushed. */
async function writeCsv(file: string, header: string[], rows: Iterable<string[]>): Promise<void> {
  const out = createWriteStream(file);
  out.write(`${header.join(",")}\n`);
  for (const row of rows) if (!out.write(`${row.join(",")}\n`)) await new Promise<void>((resolve) => out.once("drain", () => resolve()));
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
}

/**
 * The dataset as CSV files, written by `neo4j-admin database import full` into a store of its own under `directory`
 * (the running bench instance is not touched). Time is the importer's run alone, not the CSV writing.
 */
export async function bulkImportFloor(dataset: Dataset, directory: string): Promise<FloorResult> {
  const { nodes, relationships } = datasetGraph(dataset.bundles);
  rmSync(directory, { recursive: true, force: true });
  const csv = path.join(directory, "csv");
  mkdirSync(path.join(directory, "conf"), { recursive: true });
  mkdirSync(csv, { recursive: true });
  const args: string[] = [];
  for (const [label, group] of groupBy(nodes, (node) => node.label)) {
    const columns = csvColumns(label, group, ["id"]);
    const keys = columns.map(([key]) => key);
    const header = ["id:ID", ...columns.map(([key, type]) => `${key}:${type}`), ":LABEL"];
    const file = path.join(csv, `nodes-${label}.csv`);
    await writeCsv(
      file,
      header,
      (function* () {
        for (const node of group) yield [csvField(node.id), ...keys.map((key) => csvField(node.properties[key])), label];
      })(),
    );
    args.push(`--nodes=${file}`);
  }
  for (const [type, group] of groupBy(relationships, (r) => r.type)) {
    const columns = csvColumns("", group, []);
    const keys = columns.map(([key]) => key);
    const header = [":START_ID", ":END_ID", ...columns.map(([key, columnType]) => `${key}:${columnType}`), ":TYPE"];
    const file = path.join(csv, `relationships-${type}.csv`);
    await writeCsv(
      file,
      header,
      (function* () {
        for (const r of group) yield [csvField(r.from), csvField(r.to), ...keys.map((key) => csvField(r.properties[key])), type];
      })(),
    );
    args.push(`--relationships=${file}`);
  }
  writeFileSync(
    path.join(directory, "conf", "neo4j.conf"),
    [`server.directories.data=${path.join(directory, "data")}`, `server.directories.logs=${path.join(directory, "logs")}`, ""].join("\n"),
  );
  const java = process.env.JAVA_HOME ? path.join(process.env.JAVA_HOME, "bin", "java") : "java";
  const startedAt = performance.now();
  await new Promise<void>((resolve, reject) =>
    execFile(
      java,
      [
        `-Xmx${process.env.NEO4J_BULK_IMPORT_HEAP ?? "1g"}`,
        "-cp",
        path.join(NEO4J_LOCAL, "lib", "*"),
        "org.neo4j.cli.AdminTool",
        "database",
        "import",
        "full",
        // The database first: --nodes and --relationships take any number of files and would swallow it.
        "neo4j",
        "--overwrite-destination=true",
        "--array-delimiter=;",
        // Sources' texts hold line breaks.
        "--multiline-fields=true",
        "--threads=2",
        "--verbose",
        // Otherwise written to the working directory.
        `--report-file=${path.join(directory, "import.report")}`,
        ...args,
      ],
      { env: { ...process.env, NEO4J_HOME: directory, NEO4J_CONF: path.join(directory, "conf") }, maxBuffer: 64 * 2 ** 20 },
      (error, stdout, stderr) =>
        error
          ? reject(new Error(`neo4j-admin database import full failed (${error.code}): ${errorLines(`${stdout}\n${stderr}`)}`))
          : resolve(),
    ),
  );
  const seconds = (performance.now() - startedAt) / 1000;
  rmSync(directory, { recursive: true, force: true });
  return result(dataset, nodes.length, relationships.length, seconds);
}
