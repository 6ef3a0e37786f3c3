/**
 * The benchmark's synthetic dataset: `generateDataset` builds it (deterministic: the same seed and event count
 * give the same bundles, byte for byte), `loadDataset` imports it through the real write path
 * (`ImportService.importBundles`), several reports per import.
 *
 * Shape (bench/synthetic/*): one country, 14 provinces, 4–7 districts each, 1,000 uniquely named localities; about
 * 300 actors with part-of chains up to four steps and alliances; six agreements covering provinces; events from
 * 2015 to 2024 with 1–3 places, 1–4 participants, 1–3 claims resting on verbatim sentences of their report, and a
 * statement on about one event in five. The first bundle holds the reference data (places, actors, agreements);
 * every later bundle is one news report of 10–50 events that refers to it by id.
 */
import { createDriver } from "../src/db/driver.js";
import { Executor } from "../src/db/executor.js";
import { createMetrics } from "../src/metrics.js";
import type { Bundle } from "../src/ingest/bundle/validation.js";
import type { RelationshipType } from "../src/ingest/draft.js";
import { ImportService } from "../src/ingest/importService.js";
import { migrate } from "../src/ingest/write/dataMigrations.js";
import type { CatalogueLabel } from "../src/graph/catalogue.js";
import { buildCast } from "./synthetic/actors.js";
import { buildGazetteer } from "./synthetic/gazetteer.js";
import { NameRegistry } from "./synthetic/names.js";
import { Random } from "./synthetic/random.js";
import { buildAgreements, referenceBundle } from "./synthetic/reference.js";
import { buildReports } from "./synthetic/reports.js";

export interface DatasetOptions {
  /** How many events (any positive integer; the benchmark uses 1,000, 10,000 and 100,000). */
  events: number;
  seed: number;
}

export interface Dataset {
  /** In import order: `facts.referenceBundles` reference bundles, then one bundle per report. */
  bundles: Bundle[];
  facts: DatasetFacts;
}

export interface PlaceFact {
  id: string;
  name: string;
}

export interface ProvinceFact extends PlaceFact {
  /** Events with a place in the province (each event's places lie in one province). */
  events: number;
  /** The same by year of the event's date ("2019" -> 1042). */
  eventsByYear: Record<string, number>;
}

export type CountedRelationship = RelationshipType | "EVIDENCED_BY";

export interface DatasetCounts {
  /** Nodes an import of the dataset into an empty database creates, by label. */
  /** Incidents are left out: how many there are depends on matching, not on the bundles alone. */
  nodes: Record<CatalogueLabel, number>;
  /** Relationships it creates, by type. */
  relationships: Record<CountedRelationship, number>;
  totalNodes: number;
  totalRelationships: number;
  /** Report bundles (one source document each). */
  documents: number;
}

/** What the workload needs to ask meaningful questions, and what a loaded database must hold. */
export interface DatasetFacts {
  seed: number;
  events: number;
  referenceBundles: number;
  country: PlaceFact;
  /** All 14 provinces, in the gazetteer's order. */
  provinces: ProvinceFact[];
  /** The province with the most events. */
  busiestProvince: ProvinceFact;
  /** Every locality (city, town, village); names are unique, also after normalisation and transliteration. */
  localities: PlaceFact[];
  /** Up to 100 event ids, spread over the dataset, each with at least one statement and one claim. */
  eventIds: string[];
  /** Every year with events, ascending (2015 to 2024, each with about a tenth of the events). */
  years: number[];
  /** The first and last event's date. */
  dates: { first: string; last: string };
  counts: DatasetCounts;
}

export function generateDataset({ events, seed }: DatasetOptions): Dataset {
  if (!Number.isInteger(events) || events < 1) throw new Error(`events must be a positive integer, got ${events}`);
  if (!Number.isInteger(seed)) throw new Error(`seed must be an integer, got ${seed}`);
  // Separate streams: the places, actors and agreements are the same at every scale.
  const names = new NameRegistry();
  const gazetteer = buildGazetteer(Random.derive(seed, "places"), names);
  const cast = buildCast(Random.derive(seed, "actors"), names, gazetteer.country.name);
  const agreements = buildAgreements(Random.derive(seed, "agreements"), names, gazetteer, cast);
  const reports = buildReports({ random: Random.derive(seed, "reports"), events, gazetteer, cast, agreements });
  const bundles = [referenceBundle(gazetteer, cast, agreements), ...reports.bundles];

  const provinces = gazetteer.provinces.map((province): ProvinceFact => {
    const byYear = reports.summary.eventsByProvince.get(province.id) ?? new Map<number, number>();
    const years = [...byYear.entries()].sort(([a], [b]) => a - b);
    return {
      id: province.id,
      name: province.name,
      events: years.reduce((sum, [, count]) => sum + count, 0),
      eventsByYear: Object.fromEntries(years.map(([year, count]) => [String(year), count])),
    };
  });
  const withStatements = reports.summary.eventsWithStatements;
  const step = Math.max(1, Math.floor(withStatements.length / 100));
  return {
    bundles,
    facts: {
      seed,
      events,
      referenceBundles: 1,
      country: { id: gazetteer.country.id, name: gazetteer.country.name },
      provinces,
      busiestProvince: provinces.reduce((best, province) => (province.events > best.events ? province : best)),
      localities: gazetteer.localities.map((locality) => ({ id: locality.id, name: locality.name })),
      eventIds: withStatements.filter((_, i) => i % step === 0).slice(0, 100),
      years: [...new Set(provinces.flatMap((province) => Object.keys(province.eventsByYear).map(Number)))].sort((a, b) => a - b),
      dates: { first: reports.summary.firstDate, last: reports.summary.lastDate },
      counts: countDataset(bundles),
    },
  };
}

/** Nodes and relationships the bundles create in an empty database (links and evidence deduplicated as the importer does). */
export function countDataset(bundles: readonly Bundle[]): DatasetCounts {
  const nodes: Record<CatalogueLabel, number> = { Source: 0, Actor: 0, Place: 0, Agreement: 0, Event: 0, Claim: 0, Statement: 0 };
  const relationships = {} as Record<CountedRelationship, number>;
  const add = (type: CountedRelationship, count: number) => (relationships[type] = (relationships[type] ?? 0) + count);
  const distinct = (values: readonly (string | null | undefined)[] | null | undefined) => new Set((values ?? []).filter(Boolean)).size;
  for (const bundle of bundles) {
    const text = bundle.source.text;
    const evidence = (quotes: readonly string[] | null | undefined) =>
      add("EVIDENCED_BY", new Set((quotes ?? []).map((quote) => text.indexOf(quote))).size);
    nodes.Source++;
    add("PUBLISHED_BY", distinct([bundle.source.publisher]));
    for (const actor of bundle.actors ?? []) {
      nodes.Actor++;
      add("PART_OF", distinct(actor.partOf));
      add("ALLIED_WITH", distinct(actor.allies));
    }
    for (const place of bundle.places ?? []) {
      nodes.Place++;
      add("WITHIN", distinct([place.parent]));
    }
    for (const agreement of bundle.agreements ?? []) {
      nodes.Agreement++;
      add("PARTY_TO", distinct(agreement.parties));
      add("COVERS", distinct(agreement.covers));
      evidence(agreement.quotes);
    }
    for (const event of bundle.events ?? []) {
      nodes.Event++;
      add("OCCURRED_IN", distinct(event.places));
      add("PARTICIPATED_IN", distinct(event.participants?.map((participant) => `${participant.actor} ${participant.role}`)));
      evidence(event.quotes);
    }
    for (const claim of bundle.claims ?? []) {
      nodes.Claim++;
      add("ABOUT", 1);
      add("NAMES", distinct(claim.actors));
      add("ASSERTED_BY", distinct([claim.assertedBy]));
      add("REPORTED_IN", 1);
      add("DISPUTES", distinct(claim.disputedBy));
      evidence(claim.quotes);
    }
    for (const statement of bundle.statements ?? []) {
      nodes.Statement++;
      add("SPOKEN_BY", 1);
      add("ON_BEHALF_OF", distinct([statement.onBehalfOf]));
      add("ABOUT", distinct(statement.about));
      add("TARGETS", distinct(statement.targets));
      add("INVOKES", distinct(statement.invokes));
      add("REPORTED_IN", 1);
      evidence(statement.quotes);
    }
  }
  const sum = (values: Record<string, number>) => Object.values(values).reduce((total, count) => total + count, 0);
  return {
    nodes,
    relationships,
    totalNodes: sum(nodes),
    totalRelationships: sum(relationships),
    documents: bundles.filter((bundle) => (bundle.events?.length ?? 0) > 0).length,
  };
}

/**
 * Reports per import call (one write transaction each). Chosen by measurement (docs/benchmarks.md): larger imports
 * pay fewer round trips and lock takes, but hold more in the transaction's memory.
 */
export const DOCUMENTS_PER_IMPORT = 20;

export interface LoadProgress {
  imports: number;
  events: number;
  totalEvents: number;
  seconds: number;
}

export interface LoadOptions {
  documentsPerImport?: number;
  /** Recorded as createdBy/updatedBy. */
  writtenBy?: string;
  onProgress?: (progress: LoadProgress) => void;
}

export interface LoadResult {
  events: number;
  seconds: number;
  eventsPerSecond: number;
  /** Nodes created, updated and left unchanged, as the import reports count them. */
  created: number;
  updated: number;
  unchanged: number;
  imports: number;
  documentsPerImport: number;
}

/**
 * Imports the dataset: the reference bundle alone first, then `documentsPerImport` reports per import. Each import
 * is all or nothing; a failure stops the load with the import's error.
 */
export async function loadDataset(imports: ImportService, dataset: Dataset, options: LoadOptions = {}): Promise<LoadResult> {
  const perImport = options.documentsPerImport ?? DOCUMENTS_PER_IMPORT;
  if (!Number.isInteger(perImport) || perImport < 1) throw new Error(`documentsPerImport must be a positive integer, got ${perImport}`);
  const request = { dryRun: false, writtenBy: options.writtenBy ?? "bench" };
  const { referenceBundles } = dataset.facts;
  const chunks = [dataset.bundles.slice(0, referenceBundles)];
  for (let i = referenceBundles; i < dataset.bundles.length; i += perImport) chunks.push(dataset.bundles.slice(i, i + perImport));
  const totalEvents = dataset.bundles.reduce((sum, bundle) => sum + (bundle.events?.length ?? 0), 0);

  const startedAt = performance.now();
  let created = 0;
  let updated = 0;
  let unchanged = 0;
  let events = 0;
  let done = 0;
  for (const chunk of chunks) {
    const report = await imports.importBundles(chunk, request, { paths: "indexed" });
    created += report.created;
    updated += report.updated;
    unchanged += report.unchanged;
    events += chunk.reduce((sum, bundle) => sum + (bundle.events?.length ?? 0), 0);
    done++;
    options.onProgress?.({ imports: done, events, totalEvents, seconds: (performance.now() - startedAt) / 1000 });
  }
  const seconds = (performance.now() - startedAt) / 1000;
  return { events, seconds, eventsPerSecond: events / seconds, created, updated, unchanged, imports: done, documentsPerImport: perImport };
}

/** Empties the database in batches (one transaction each, so the heap stays small) and applies the schema. */
export async function resetDatabase(db: Executor): Promise<void> {
  for (;;) {
    const [row] = await db.write((tx) =>
      tx.run("// wipeBenchBatch\nMATCH (n) WITH n LIMIT 10000 DETACH DELETE n RETURN count(*) AS deleted"),
    );
    if (Number(row?.deleted ?? 0) === 0) break;
  }
  await migrate(db);
}

/**
 * The bench scripts' way into a database: a driver with a small pool, an executor whose metrics time each statement,
 * and the import path, all with one long timeout (a 100k import is one long run).
 */
export function openBench(uri: string, timeoutMs: number) {
  const metrics = createMetrics();
  const driver = createDriver({
    uri,
    user: "neo4j",
    password: "",
    database: undefined,
    queryTimeoutMs: timeoutMs,
    connectTimeoutMs: 5_000,
    maxPoolSize: 4,
  });
  const db = new Executor(driver, metrics, { database: undefined, queryTimeoutMs: timeoutMs });
  return { metrics, driver, db, imports: new ImportService(db, { timeoutMs }) };
}
