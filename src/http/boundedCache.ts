/**
 * The caches Apollo keeps between requests, bounded by what they hold. Apollo's default document store sizes an entry
 * by its AST's JSON, which leaves out the query text every parsed document keeps (`loc.source.body`, and the token
 * list through `loc.startToken`): documents padded with comments were counted at a few hundred bytes and held 95 kB
 * each, and the process grew until it died. Here an entry's size counts its text, and a cache holds at most `maxBytes`
 * and `maxEntries`, dropping the least recently used first.
 */
import type { DocumentNode } from "graphql";
import type { RootPlan } from "../graphql/compile/compiler.js";

/** The part of Apollo's KeyValueCache that its document store and persisted-query store use. */
export interface BoundedCache<V> {
  get(key: string): Promise<V | undefined>;
  set(key: string, value: V): Promise<void>;
  delete(key: string): Promise<boolean>;
}

/** What one cache holds now, for tests and metrics. */
export interface CacheUsage {
  entries: number;
  bytes: number;
}

/** A least-recently-used map bounded in bytes (as `sizeOf` counts them) and in entries. */
export class LruCache<V> implements BoundedCache<V> {
  private readonly entries = new Map<string, { value: V; size: number }>();
  private bytes = 0;

  constructor(
    private readonly limits: { maxBytes: number; maxEntries: number },
    private readonly sizeOf: (key: string, value: V) => number,
  ) {}

  get(key: string): Promise<V | undefined> {
    const entry = this.entries.get(key);
    if (entry) {
      // Map keeps insertion order: re-inserting makes it the most recently used.
      this.entries.delete(key);
      this.entries.set(key, entry);
    }
    return Promise.resolve(entry?.value);
  }

  set(key: string, value: V): Promise<void> {
    this.remove(key);
    const size = this.sizeOf(key, value);
    // An entry bigger than the whole cache is not kept (it would evict everything and then itself).
    if (size <= this.limits.maxBytes) {
      this.entries.set(key, { value, size });
      this.bytes += size;
      for (const [oldest] of this.entries) {
        if (this.bytes <= this.limits.maxBytes && this.entries.size <= this.limits.maxEntries) break;
        this.remove(oldest);
      }
    }
    return Promise.resolve();
  }

  delete(key: string): Promise<boolean> {
    return Promise.resolve(this.remove(key));
  }

  usage(): CacheUsage {
    return { entries: this.entries.size, bytes: this.bytes };
  }

  private remove(key: string): boolean {
    const entry = this.entries.get(key);
    if (!entry) return false;
    this.entries.delete(key);
    this.bytes -= entry.size;
    return true;
  }
}

/** Fixed cost of an entry: the map slot, the key (a 64-character hash) and the objects around the value. */
const ENTRY_OVERHEAD = 256;

/** What a token and the AST built on it take on V8's heap (measured: ~360 bytes a token for 2,000 typical queries). */
const BYTES_PER_TOKEN = 400;

/**
 * A parsed document's size: its source text (two bytes a character at most, as V8 holds strings), and its tokens
 * (comments included, which Apollo's JSON-based count leaves out) with the AST built on them.
 */
export function documentSize(key: string, document: DocumentNode): number {
  let tokens = 0;
  for (let token = document.loc?.startToken ?? null; token !== null; token = token.next) tokens += 1;
  return ENTRY_OVERHEAD + 2 * key.length + 2 * (document.loc?.source.body.length ?? 0) + BYTES_PER_TOKEN * tokens;
}

/** A persisted query's size: its text. */
export function persistedQuerySize(key: string, query: string): number {
  return ENTRY_OVERHEAD + 2 * key.length + 2 * query.length;
}

/** A cached estimate's size: its key (the operation's hash, name and variables) and a number. */
export function estimateSize(key: string): number {
  return ENTRY_OVERHEAD + 2 * key.length;
}

/**
 * The key of an operation's estimate: the query's hash, the operation's name and the variables, which page sizes and
 * switches are read from. `kind` tells apart what is estimated (the cost, the admission weight).
 */
export function estimateKey(kind: string, queryHash: string, operationName: string | null | undefined, variables: unknown): string {
  return `${kind}\u0000${queryHash}\u0000${operationName ?? ""}\u0000${JSON.stringify(variables ?? {})}`;
}

/** The value cached under `key`, else `compute()`'s, which is kept (a throw is not: it is thrown again the next time). */
export async function cachedOr<V>(cache: BoundedCache<V> | undefined, key: string, compute: () => V): Promise<V> {
  const found = await cache?.get(key);
  if (found !== undefined) return found;
  const value = compute();
  await cache?.set(key, value);
  return value;
}

/** A compiled plan's size: its key and what the plan holds (a root field the compiler does not serve holds nothing). */
export function planSize(key: string, plan: RootPlan | null): number {
  return ENTRY_OVERHEAD + 2 * key.length + (plan?.bytes ?? 0);
}
