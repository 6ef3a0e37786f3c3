/** Small pieces every resolver file uses: argument checks and loader shortcuts. */
import { BadUserInputError } from "../../errors.js";
import { expectId, labelOf } from "../../model/ids.js";
import type { NodeRow } from "../../model/rows.js";
import type { EventConditions } from "../../repositories/eventRepository.js";
import type { RelationName } from "../../repositories/graphRepository.js";
import type { Context } from "../context.js";
import type { EventFilter, StatementFilter } from "../generated/resolvers.js";
import type { StatementConditions } from "../../repositories/listRepositories.js";

/** The related rows of `id` through one relationship field, batched with its siblings. */
export async function related<T extends NodeRow>(
  context: Context,
  name: RelationName,
  id: string,
  args: Record<string, unknown> = {},
): Promise<T[]> {
  const list = await context.loaders.related(name, args).load(id);
  return list.map(({ node }) => node as T);
}

/** The single related row, or null. */
export async function relatedOne<T extends NodeRow>(context: Context, name: RelationName, id: string): Promise<T | null> {
  return (await related<T>(context, name, id))[0] ?? null;
}

/** Loads a node of an expected type by id; malformed ids are refused, unknown ones give null. */
export async function nodeById<T extends NodeRow>(context: Context, id: string, prefix: Parameters<typeof expectId>[1]): Promise<T | null> {
  expectId(id, prefix, "id");
  return (await context.loaders.nodes.load(id)) as T | null;
}

export async function anyNodeById(context: Context, id: string): Promise<NodeRow | null> {
  labelOf(id, "id");
  return context.loaders.nodes.load(id);
}

function checkRange(from: string | null | undefined, to: string | null | undefined, argument: string): void {
  if (from != null && to != null && from > to)
    throw new BadUserInputError(`${argument}.from must not be after ${argument}.to.`, `${argument}.from`);
}

/** Checks an event filter's ids and ranges; dates were already checked by the Date scalar. */
export function eventConditions(filter: EventFilter | null | undefined, argument = "filter"): EventConditions {
  if (!filter) return {};
  if (filter.placeId != null) expectId(filter.placeId, "place", `${argument}.placeId`);
  if (filter.actorId != null) expectId(filter.actorId, "actor", `${argument}.actorId`);
  checkRange(filter.from, filter.to, argument);
  if (filter.minFatalities != null && filter.minFatalities < 0) {
    throw new BadUserInputError(`${argument}.minFatalities must not be negative.`, `${argument}.minFatalities`);
  }
  return filter;
}

export function statementConditions(filter: StatementFilter | null | undefined): StatementConditions {
  if (!filter) return {};
  if (filter.speakerId != null) expectId(filter.speakerId, "actor", "filter.speakerId");
  if (filter.targetId != null) expectId(filter.targetId, "actor", "filter.targetId");
  if (filter.aboutEventId != null) expectId(filter.aboutEventId, "event", "filter.aboutEventId");
  checkRange(filter.from, filter.to, "filter");
  return filter;
}
