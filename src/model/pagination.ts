import { z } from "zod";
import { InvalidInputError } from "../errors.js";

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export interface PageArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

/** A validated page request: a direction, a size, and the keyset position to start from. */
export interface PageRequest {
  direction: "forward" | "backward";
  size: number;
  cursor: CursorKey | null;
  /** What the client selected of the connection: only that is fetched. */
  parts: PageParts;
}

/**
 * The costly parts of a connection: `total` (totalCount counts every match) and `items` (edges and pageInfo).
 * A page of newest events need not count the whole graph, and a count need not sort a page.
 */
export interface PageParts {
  total: boolean;
  items: boolean;
  /**
   * Whether to find out if items lie on the other side of the cursor (Relay's flag of that side), which counts them:
   * left out, true. A reader walking forwards through every page (the exports) needs no such flag.
   */
  behind?: boolean;
}

export const ALL_PARTS: PageParts = { total: true, items: true };

/** The position of an item in its ordering: the sort key, then the id to break ties. */
export interface CursorKey {
  order: string;
  key: string | number | null;
  id: string;
}

export function pageRequest(args: PageArgs, order: string, parts: PageParts = ALL_PARTS): PageRequest {
  const { first, after, last, before } = args;
  const forward = first != null || after != null;
  const backward = last != null || before != null;
  if (forward && backward) {
    throw new InvalidInputError("Page forwards (first/after) or backwards (last/before), not both at once.", "last");
  }
  if (backward) {
    return {
      direction: "backward",
      size: checkSize(last ?? DEFAULT_PAGE_SIZE, "last"),
      cursor: before != null ? decodeCursor(before, order, "before") : null,
      parts,
    };
  }
  return {
    direction: "forward",
    size: checkSize(first ?? DEFAULT_PAGE_SIZE, "first"),
    cursor: after != null ? decodeCursor(after, order, "after") : null,
    parts,
  };
}

function checkSize(size: number, argument: string): number {
  if (!Number.isInteger(size) || size < 0 || size > MAX_PAGE_SIZE) {
    throw new InvalidInputError(`${argument} must be between 0 and ${MAX_PAGE_SIZE}, got ${size}.`, argument);
  }
  return size;
}

/** Cursors are opaque to clients: base64url of the keyset position, which stays valid as data is added. */
export function encodeCursor(position: CursorKey): string {
  return Buffer.from(JSON.stringify([position.order, position.key, position.id])).toString("base64url");
}

const cursorSchema = z.tuple([z.string(), z.union([z.string(), z.number(), z.null()]), z.string()]);

export function decodeCursor(cursor: string, order: string, argument: string): CursorKey {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as unknown;
  } catch {
    decoded = null;
  }
  const position = cursorSchema.safeParse(decoded);
  if (!position.success) throw new InvalidInputError(`${argument} is not a cursor this API issued.`, argument);
  const [issuedFor, key, id] = position.data;
  if (issuedFor !== order) {
    throw new InvalidInputError(`${argument} was issued for another ordering (${issuedFor}), not ${order}.`, argument);
  }
  return { order, key, id };
}
