/**
 * API keys from the environment (`EDITOR_API_KEYS`, `READER_API_KEYS`): comma-separated, each `key` or `label:key`.
 * Only SHA-256 digests are kept, and a presented key is compared against every digest in constant time, so neither
 * the comparison's timing nor a heap dump of the config gives a key away. Messages name entries by position only.
 */
import { createHash, timingSafeEqual } from "node:crypto";

export interface ApiKey {
  /** Who the key belongs to: its label, or `key-` and the first 8 hex digits of its digest when unlabelled. */
  label: string;
  digest: Buffer;
}

/** Shorter keys can be guessed; a generated key (`openssl rand -hex 24`) is far longer. */
export const MIN_KEY_LENGTH = 16;
const labelPattern = /^[A-Za-z0-9._@-]{1,64}$/;

const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest();

/**
 * Parses a key list; returns the keys, or the problems found (positions, never contents). `label:key` is split at the
 * first colon when the part before it is a valid label, so a key that itself contains a colon needs a label.
 */
export function parseApiKeys(raw: string | undefined): { keys: ApiKey[]; problems: string[] } {
  const keys: ApiKey[] = [];
  const problems: string[] = [];
  const entries = (raw ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  entries.forEach((entry, i) => {
    const colon = entry.indexOf(":");
    const labelled = colon > 0 && labelPattern.test(entry.slice(0, colon));
    const key = labelled ? entry.slice(colon + 1) : entry;
    if (key.length < MIN_KEY_LENGTH) {
      problems.push(`entry ${i + 1} has a key shorter than ${MIN_KEY_LENGTH} characters`);
      return;
    }
    const digest = sha256(key);
    const label = labelled ? entry.slice(0, colon) : `key-${digest.toString("hex").slice(0, 8)}`;
    if (keys.some((known) => known.label === label)) problems.push(`entry ${i + 1} repeats the label "${label}"`);
    keys.push({ label, digest });
  });
  return { keys, problems };
}

/** The key matching `presented`, comparing against all of them in constant time; undefined when none does. */
export function matchApiKey(keys: readonly ApiKey[], presented: string): ApiKey | undefined {
  const digest = sha256(presented);
  let found: ApiKey | undefined;
  for (const key of keys) {
    // No early exit: every request costs the same whichever key (if any) it holds.
    if (timingSafeEqual(digest, key.digest) && found === undefined) found = key;
  }
  return found;
}
