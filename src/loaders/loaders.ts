/**
 * Per-request DataLoaders: every relationship field goes through one of these, so all the parents at
 * one level of a query are fetched in one round trip, whatever the page size. Created fresh for each
 * request, so nothing is cached across requests or callers.
 */
import DataLoader from "dataloader";
import type { EvidenceRow, EventRow, IncidentRow, NodeRow, Page, Related, StatementRow } from "../model/rows.js";
import { parseId, type NodeLabel } from "../model/ids.js";
import type { PageRequest } from "../model/pagination.js";
import type { Repositories } from "../repositories/index.js";
import type { ReadName } from "../graph/catalogue.js";
import type { EventAnchor, EventConditions, EventOrderName } from "../repositories/eventRepository.js";
import type { StatementAnchor, StatementConditions } from "../repositories/listRepositories.js";

export type Loaders = ReturnType<typeof createLoaders>;

export function createLoaders(repositories: Repositories) {
  const nodes = new DataLoader<string, NodeRow | null>(async (ids) => {
    const byLabel = new Map<NodeLabel, string[]>();
    for (const id of ids) {
      const label = parseId(id)?.label;
      if (label) byLabel.set(label, [...(byLabel.get(label) ?? []), id]);
    }
    const found = new Map<string, NodeRow>();
    await Promise.all(
      [...byLabel].map(async ([label, labelIds]) => {
        for (const [id, node] of await repositories.graph.nodesByIds(label, labelIds)) found.set(id, node);
      }),
    );
    return ids.map((id) => found.get(id) ?? null);
  });

  function primed<V>(found: Map<string, V>, rowsOf: (value: V) => readonly NodeRow[]): Map<string, V> {
    for (const value of found.values()) for (const row of rowsOf(value)) nodes.prime(row.id, row);
    return found;
  }

  /** One loader per distinct (kind, arguments): siblings asking the same thing share a batch. */
  const keyed = new Map<string, DataLoader<string, unknown>>();
  function loaderFor<V>(
    cacheKey: string,
    batch: (keys: readonly string[]) => Promise<Map<string, V>>,
    empty: () => V,
  ): DataLoader<string, V> {
    let loader = keyed.get(cacheKey) as DataLoader<string, V> | undefined;
    if (!loader) {
      loader = new DataLoader<string, V>(async (keys) => {
        const results = await batch(keys);
        return keys.map((key) => results.get(key) ?? empty());
      });
      keyed.set(cacheKey, loader);
    }
    return loader;
  }

  return {
    nodes,

    /** Related nodes through one field of the catalogue; related rows also warm the node cache. */
    related(field: ReadName, args: Record<string, unknown> = {}): DataLoader<string, Related[]> {
      return loaderFor(
        `related:${field}:${JSON.stringify(args)}`,
        async (keys) => {
          const results = await repositories.graph.related(field, keys, args);
          for (const list of results.values()) for (const { node } of list) nodes.prime(node.id, node);
          return results;
        },
        () => [],
      );
    },

    evidence(label: NodeLabel): DataLoader<string, EvidenceRow[]> {
      return loaderFor(
        `evidence:${label}`,
        (keys) => repositories.graph.evidence(label, keys),
        () => [],
      );
    },

    eventPages(
      anchor: EventAnchor,
      filter: EventConditions,
      order: EventOrderName,
      request: PageRequest,
    ): DataLoader<string, Page<EventRow>> {
      return loaderFor(
        `events:${JSON.stringify([anchor, filter, order, request])}`,
        (keys) => repositories.events.pages({ anchor, filter, order, request }, keys),
        () => emptyPage(),
      );
    },

    /** Incidents and their reports (repositories/incidentRepository.ts); incidents found warm the node cache. */
    incidents: {
      ofEvents: loaderFor(
        "incidentsOfEvents",
        async (keys) => primed(await repositories.incidents.incidentsOfEvents(keys), (incident) => [incident]),
        () => null as IncidentRow | null,
      ),
      reports: loaderFor(
        "reportsOfIncidents",
        async (keys) => primed(await repositories.incidents.reportsOfIncidents(keys), (reports) => reports),
        (): EventRow[] => [],
      ),
      candidates: loaderFor(
        "incidentCandidatesOfEvents",
        async (keys) => primed(await repositories.incidents.candidatesOfEvents(keys), (incidents) => incidents),
        (): IncidentRow[] => [],
      ),
    },

    statementPages(anchor: StatementAnchor, filter: StatementConditions, request: PageRequest): DataLoader<string, Page<StatementRow>> {
      return loaderFor(
        `statements:${JSON.stringify([anchor, filter, request])}`,
        (keys) => repositories.lists.statements(anchor, keys, filter, request),
        () => emptyPage(),
      );
    },
  };
}

function emptyPage<T>(): Page<T> {
  return { edges: [], totalCount: 0, pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null } };
}
