/**
 * The spatial part of an event filter, `near` (a circle) and `within` (a box), checked before any database work: a
 * value the globe has no place for is the caller's to fix, named by its argument.
 */
import { InvalidInputError } from "../errors.js";

/**
 * The largest radius of `near`, in kilometres: Syria is about 800 km across and the Middle East about 3,000, so 2,000
 * km is any regional question; a larger circle is no filter anyone means (use `within`, or none).
 */
export const MAX_NEAR_KM = 2_000;

export interface NearConditions {
  latitude: number;
  longitude: number;
  km: number;
  includeImprecise?: boolean | null;
}

export interface BoxConditions {
  south: number;
  west: number;
  north: number;
  east: number;
  includeImprecise?: boolean | null;
}

export interface AreaConditions {
  near?: NearConditions | null;
  within?: BoxConditions | null;
}

/** A finite number from `min` to `max`, or InvalidInputError naming `argument`. */
function degrees(value: number, min: number, max: number, argument: string, what: string): void {
  if (!Number.isFinite(value)) throw new InvalidInputError(`${argument} must be a finite number of degrees.`, argument);
  if (value < min || value > max) {
    throw new InvalidInputError(`${argument} is ${what}: from ${min} to ${max} degrees, not ${value}.`, argument);
  }
}

/**
 * Checks `near` and `within` of the filter given as `argument` (coordinates on the globe, a radius above 0 and at
 * most MAX_NEAR_KM, a box whose south is not north of its north). A box whose west is east of its east is valid: it
 * crosses the antimeridian.
 */
export function checkArea(area: AreaConditions, argument: string): void {
  if (area.near != null) {
    const at = `${argument}.near`;
    degrees(area.near.latitude, -90, 90, `${at}.latitude`, "a latitude");
    degrees(area.near.longitude, -180, 180, `${at}.longitude`, "a longitude");
    const { km } = area.near;
    if (!Number.isFinite(km) || km <= 0 || km > MAX_NEAR_KM) {
      throw new InvalidInputError(
        `${at}.km is the radius in kilometres: more than 0 and at most ${MAX_NEAR_KM.toLocaleString("en")}, not ${km}.`,
        `${at}.km`,
      );
    }
  }
  if (area.within != null) {
    const at = `${argument}.within`;
    degrees(area.within.south, -90, 90, `${at}.south`, "a latitude");
    degrees(area.within.north, -90, 90, `${at}.north`, "a latitude");
    degrees(area.within.west, -180, 180, `${at}.west`, "a longitude");
    degrees(area.within.east, -180, 180, `${at}.east`, "a longitude");
    if (area.within.south > area.within.north) {
      throw new InvalidInputError(
        `${at}.south (${area.within.south}) is north of ${at}.north (${area.within.north}): the box crosses itself. ` +
          "Swap them. (West may be east of east: such a box crosses the antimeridian.)",
        `${at}.south`,
      );
    }
  }
}
