/**
 * The derive step of the write path for events' locations (graph/eventLocation.ts): an event's stored point is
 * recomputed when the event is written (its coordinates or its places may have changed), and when a place at or above
 * its place is written (a place's point, or its parent, may have changed). Run after an import's nodes and links are
 * written, after a merge of places, and once over the whole graph by a data migration (db/migrations.ts).
 */
import type { Executor, WriteTransaction } from "../../db/executor.js";
import { rel } from "../../graph/catalogue.js";
import { EVENT_POINT, eventPointCypher } from "../../graph/eventLocation.js";
import { MAX_PLACE_DEPTH } from "../../graph/limits.js";
import { batches, everyEventInBatches } from "./importStore.js";

/** What changed: events written, and places written (their events and those of the places inside them may move). */
export interface LocationChanges {
  events: readonly string[];
  places: readonly string[];
}

/** Recomputes the stored point of the events `changes` may have moved, in the transaction of the change. */
export async function deriveEventPoints(tx: WriteTransaction, changes: LocationChanges): Promise<void> {
  const events = new Set(changes.events);
  for (const batch of batches([...new Set(changes.places)])) {
    for (const id of await eventsLocatedThrough(tx, batch)) events.add(id);
  }
  for (const batch of batches([...events])) await setEventPoints(tx, batch);
}

/**
 * The events without coordinates of their own that may be located through one of `places`: those at the place, or at
 * a place inside it reached without passing a place that has a point of its own (which locates everything below it,
 * whatever happens above).
 */
async function eventsLocatedThrough(tx: WriteTransaction, places: readonly string[]): Promise<string[]> {
  const rows = await tx.run(
    `// eventsLocatedThroughPlaces
    UNWIND $places AS id
    MATCH (changed:Place {id: id})
    MATCH steps = (changed)<-[:${rel("WITHIN")}*0..${MAX_PLACE_DEPTH}]-(:Place)
    WHERE all(inside IN nodes(steps)[1..] WHERE inside.latitude IS NULL OR inside.longitude IS NULL)
    WITH DISTINCT last(nodes(steps)) AS inside
    MATCH (inside)<-[:${rel("OCCURRED_IN")}]-(e:Event)
    WHERE e.latitude IS NULL OR e.longitude IS NULL
    RETURN DISTINCT e.id AS id`,
    { places },
  );
  return rows.map((row) => String(row.id));
}

async function setEventPoints(tx: WriteTransaction, ids: readonly string[]): Promise<void> {
  await tx.run(
    `// setEventPoints
    UNWIND $ids AS id
    MATCH (e:Event {id: id})
    ${eventPointCypher("e")}
    SET e.${EVENT_POINT.point} = point, e.${EVENT_POINT.precision} = pointPrecision, e.${EVENT_POINT.placeId} = pointPlaceId`,
    { ids },
  );
}

/** Derives the point of every stored event, in batches of `batchSize` events by id, one transaction each (a data migration). */
export async function deriveAllEventPoints(db: Executor, batchSize = 5_000): Promise<number> {
  return everyEventInBatches(db, batchSize, (tx, batch) => setEventPoints(tx, batch));
}
