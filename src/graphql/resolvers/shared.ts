/** Small pieces every resolver file uses: argument checks and loader shortcuts. */
import type { GraphQLResolveInfo } from "graphql";
import { InvalidInputError } from "../../errors.js";
import { argsOf, fieldRead, type ReadName } from "../../graph/catalogue.js";
import { expectId, labelByPrefix, labelOf } from "../../model/ids.js";
import type { EvidenceRow, NodeRow, Related } from "../../model/rows.js";
import { fetchedAhead } from "../../repositories/lookAhead.js";
import { planForField } from "../lookAheadPlan.js";
import type { EventConditions } from "../../repositories/eventRepository.js";
import type { Context } from "../context.js";
import type { EventFilter, StatementFilter } from "../generated/resolvers.js";
import type { StatementConditions } from "../../repositories/listRepositories.js";
import { checkArea } from "../../model/area.js";

/**
 * The related rows of `parent` through one field of the catalogue, given the field's GraphQL arguments: fetched ahead
 * with the parent, or loaded with its siblings in one batch.
 */
export async function relatedRows(
  context: Context,
  field: ReadName,
  parent: NodeRow,
  values: Readonly<Record<string, unknown>> = {},
): Promise<readonly Related[]> {
  const args = argsOf(fieldRead(field), values);
  return fetchedAhead(parent, field, args) ?? (await context.loaders.related(field, args).load(parent.id));
}

/** Quotes of `parent`, from the look-ahead (which also brings the quoted sources) or the evidence loader. */
export async function evidenceOf(
  context: Context,
  label: "Agreement" | "Event" | "Claim" | "Statement",
  parent: NodeRow,
): Promise<EvidenceRow[]> {
  const ahead = fetchedAhead(parent, `${label}.evidence`, {});
  if (!ahead) return context.loaders.evidence(label).load(parent.id);
  return ahead.map(({ node, datum }) => {
    context.loaders.nodes.prime(node.id, node);
    return { sourceId: node.id, ...(datum as Omit<EvidenceRow, "sourceId">) };
  });
}

/**
 * Loads a node of an expected type by id; malformed ids are refused, unknown ones give null. The relationship
 * fields selected below it come in the same statement.
 */
export async function nodeById<T extends NodeRow>(
  context: Context,
  id: string,
  prefix: Parameters<typeof expectId>[1],
  info: GraphQLResolveInfo,
): Promise<T | null> {
  expectId(id, prefix, "id");
  const label = labelByPrefix[prefix];
  const ahead = planForField(info, label);
  if (ahead.length === 0) return (await context.loaders.nodes.load(id)) as T | null;
  return (await context.repositories.graph.nodeAhead(label, id, ahead)) as T | null;
}

export async function anyNodeById(context: Context, id: string): Promise<NodeRow | null> {
  labelOf(id, "id");
  return context.loaders.nodes.load(id);
}

function checkRange(from: string | null | undefined, to: string | null | undefined, argument: string): void {
  if (from != null && to != null && from > to)
    throw new InvalidInputError(`${argument}.from must not be after ${argument}.to.`, `${argument}.from`);
}

/** Checks an event filter's ids, ranges and area (model/area.ts); dates were already checked by the Date scalar. */
export function checkedEventFilter(filter: EventFilter | null | undefined, argument = "filter"): EventConditions {
  if (!filter) return {};
  if (filter.placeId != null) expectId(filter.placeId, "place", `${argument}.placeId`);
  if (filter.actorId != null) expectId(filter.actorId, "actor", `${argument}.actorId`);
  checkRange(filter.from, filter.to, argument);
  if (filter.minFatalities != null && filter.minFatalities < 0) {
    throw new InvalidInputError(`${argument}.minFatalities must not be negative.`, `${argument}.minFatalities`);
  }
  checkArea(filter, argument);
  return filter;
}

/** Checks a statement filter's ids and range. */
export function checkedStatementFilter(filter: StatementFilter | null | undefined): StatementConditions {
  if (!filter) return {};
  if (filter.speakerId != null) expectId(filter.speakerId, "actor", "filter.speakerId");
  if (filter.targetId != null) expectId(filter.targetId, "actor", "filter.targetId");
  if (filter.aboutEventId != null) expectId(filter.aboutEventId, "event", "filter.aboutEventId");
  checkRange(filter.from, filter.to, "filter");
  return filter;
}
