import { InvalidInputError } from "../errors.js";
import type { PageRequest } from "../model/pagination.js";
import type { Ordering } from "./keyset.js";

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

export function isoDateKey(key: string | number | null): boolean {
  return typeof key === "string" && isoDate.test(key);
}

export function textKey(key: string | number | null): boolean {
  return typeof key === "string";
}

/** A cursor whose key cannot belong to this ordering was forged or corrupted: refuse it before Cypher sees it. */
export function checkedCursor<T>(request: PageRequest, ordering: Ordering<T>): void {
  if (request.cursor && !ordering.validKey(request.cursor.key)) {
    const argument = request.direction === "forward" ? "after" : "before";
    throw new InvalidInputError(`${argument} is not a cursor this API issued.`, argument);
  }
}
