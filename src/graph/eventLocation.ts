/**
 * Where an event is located, as stored for the point index, and the spatial filters that seek it. Declared here once:
 * - the stored properties: `point` (a WGS-84 point, the index's key), `pointPrecision` (a GeoPrecision) and
 *   `pointPlaceId` (the place whose point it is, null when the event's own). The write path derives them
 *   (ingest/write/eventPoints.ts) whenever an event, its places or the places above them change; nothing else sets
 *   them, and no import or export carries them.
 * - the rule: the event's own coordinates with the source's precision (TOWN when it gives none); else the point of
 *   the nearest place that has one, from the event's place up the WITHIN hierarchy (the Saraqib market strike is
 *   located at Saraqib's point), precise (TOWN) for a settlement or a site in one, REGION for an area.
 * - the filters: `near` as a distance and `within` as a box, both on `point`, which a POINT index serves.
 * Nothing here comes from a request: the values of a filter travel as parameters.
 */
import type { AreaConditions } from "../model/area.js";
import type { GeoPrecision, PlaceKind } from "../model/enums.js";
import { MAX_PLACE_DEPTH } from "./limits.js";

/** The derived properties of an Event node that locate it (see above). */
export const EVENT_POINT = { point: "point", precision: "pointPrecision", placeId: "pointPlaceId" } as const;

/** The POINT index on Event's derived point, which `near` and `within` seek. */
export const EVENT_POINT_INDEX = "event_point";

export const eventPointIndexStatement = `// index_${EVENT_POINT_INDEX}
CREATE POINT INDEX ${EVENT_POINT_INDEX} IF NOT EXISTS FOR (n:Event) ON (n.${EVENT_POINT.point})`;

/** The precision of a place's point standing for an event at that place or inside it. */
export const placePointPrecision: Readonly<Record<PlaceKind, GeoPrecision>> = {
  CITY: "TOWN",
  TOWN: "TOWN",
  VILLAGE: "TOWN",
  SITE: "TOWN",
  DISTRICT: "REGION",
  PROVINCE: "REGION",
  COUNTRY: "REGION",
  ZONE: "REGION",
};

/** The precisions `near` and `within` count unless `includeImprecise`: REGION, a centroid of an area, is left out. */
export const PRECISE_LOCATIONS: readonly GeoPrecision[] = ["TOWN", "NEAR_TOWN"];

/**
 * Cypher binding `point`, `pointPrecision` and `pointPlaceId` for the event `event` (rows of `event` in, rows of
 * `event, point, pointPrecision, pointPlaceId` out): its own coordinates, else the nearest located place at or above
 * its places (fewest WITHIN steps, then the place's id).
 */
export function eventPointCypher(event: string): string {
  const kinds = Object.entries(placePointPrecision)
    .map(([kind, precision]) => `WHEN '${kind}' THEN '${precision}'`)
    .join(" ");
  return `CALL (${event}) {
        OPTIONAL MATCH steps = (${event})-[:OCCURRED_IN]->(:Place)-[:WITHIN*0..${MAX_PLACE_DEPTH}]->(located:Place)
        WHERE ${event}.latitude IS NULL AND located.latitude IS NOT NULL AND located.longitude IS NOT NULL
        WITH located ORDER BY length(steps), located.id
        LIMIT 1
        RETURN located
      }
      WITH ${event}, located, ${event}.latitude IS NOT NULL AND ${event}.longitude IS NOT NULL AS own
      WITH ${event},
        CASE WHEN own THEN point({latitude: ${event}.latitude, longitude: ${event}.longitude})
             WHEN located IS NOT NULL THEN point({latitude: located.latitude, longitude: located.longitude}) END AS point,
        CASE WHEN own THEN coalesce(${event}.geoPrecision, 'TOWN')
             WHEN located IS NOT NULL THEN CASE located.kind ${kinds} ELSE 'REGION' END END AS pointPrecision,
        CASE WHEN own THEN null ELSE located.id END AS pointPlaceId`;
}

/** Query parameters, as the executor takes them (graph/ builds Cypher; db/ runs it). */
type Params = Record<string, unknown>;

/** Metres in a kilometre: `point.distance` measures WGS-84 points in metres. */
const METRES_PER_KM = 1_000;

/**
 * Conditions on the event `event` for `near` and `within` (already validated, model/area.ts), with their parameters.
 * Each is a form the point index answers: `point.distance(e.point, $centre) <= $metres`, `point.withinBBox(...)`.
 * A box whose west is east of its east crosses the antimeridian, which point.withinBBox takes as such.
 */
export function areaWhere(event: string, area: AreaConditions): { where: string[]; params: Params } {
  const where: string[] = [];
  const params: Params = {};
  const point = `${event}.${EVENT_POINT.point}`;
  const precisions = new Set<GeoPrecision>();
  if (area.near) {
    where.push(`point.distance(${point}, point({latitude: $nearLatitude, longitude: $nearLongitude})) <= $nearMetres`);
    Object.assign(params, {
      nearLatitude: area.near.latitude,
      nearLongitude: area.near.longitude,
      nearMetres: area.near.km * METRES_PER_KM,
    });
  }
  if (area.within) {
    where.push(
      `point.withinBBox(${point}, point({latitude: $withinSouth, longitude: $withinWest}), point({latitude: $withinNorth, longitude: $withinEast}))`,
    );
    Object.assign(params, {
      withinSouth: area.within.south,
      withinWest: area.within.west,
      withinNorth: area.within.north,
      withinEast: area.within.east,
    });
  }
  // Both given: an imprecise location must be asked for in both to count.
  const imprecise = [area.near, area.within].filter((given) => given != null).every((given) => given.includeImprecise === true);
  if (where.length > 0 && !imprecise) {
    for (const precision of PRECISE_LOCATIONS) precisions.add(precision);
    where.push(`${event}.${EVENT_POINT.precision} IN $pointPrecisions`);
    params.pointPrecisions = [...precisions];
  }
  return { where, params };
}

/** Whether a filter has a spatial part, so that a statement over all events can start from the point index. */
export function hasArea(area: AreaConditions): boolean {
  return area.near != null || area.within != null;
}

/** The hint that makes a statement over all events start from the point index (`MATCH (e:Event) <hint>`). */
export function pointIndexHint(event: string, area: AreaConditions): string {
  return hasArea(area) ? `USING POINT INDEX ${event}:Event(${EVENT_POINT.point})` : "";
}
