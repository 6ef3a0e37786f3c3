/**
 * Text arrives as bytes (request bodies, import files) and must be UTF-8. A lenient decoder turns every bad byte into
 * U+FFFD, so "café" written in Latin-1 would be stored as "caf\uFFFD" without a word; here bad bytes are refused,
 * naming the first one's position. A UTF-8 byte order mark is accepted (and dropped); UTF-16, told by its byte order
 * mark or by the zero bytes of ASCII text, is named rather than converted, so that the one encoding a file or body may
 * have is UTF-8.
 */

const strict = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });

/** What is wrong with bytes that should be UTF-8, to follow a subject: "is UTF-16 (little-endian), not UTF-8", "is not valid UTF-8: 0xE9 at byte offset 5 (line 1)". */
export interface EncodingProblem {
  message: string;
  /** The offset (from 0) of the first byte that is not UTF-8; null when the whole input is in another encoding. */
  byte: number | null;
}

/** `bytes` as text, or why they are not UTF-8. A leading UTF-8 byte order mark is dropped. */
export function decodeUtf8(bytes: Uint8Array): { ok: true; text: string } | { ok: false; problem: EncodingProblem } {
  const other = utf16Encoding(bytes);
  if (other !== null) return { ok: false, problem: { message: `is ${other}, not UTF-8`, byte: null } };
  try {
    return { ok: true, text: strict.decode(bytes) };
  } catch {
    return { ok: false, problem: invalidByteProblem(bytes) };
  }
}

/** UTF-16 by its byte order mark, or by the zero byte beside every ASCII character in the first bytes; null otherwise. */
export function utf16Encoding(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "UTF-16 (little-endian)";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "UTF-16 (big-endian)";
  // JSON and CSV begin with ASCII; in UTF-16 every other byte of it is zero, which UTF-8 text never has there.
  if (bytes.length >= 4 && bytes[0] !== 0 && bytes[1] === 0 && bytes[2] !== 0 && bytes[3] === 0) return "UTF-16 (little-endian)";
  if (bytes.length >= 4 && bytes[0] === 0 && bytes[1] !== 0 && bytes[2] === 0 && bytes[3] !== 0) return "UTF-16 (big-endian)";
  return null;
}

/** The problem at the first byte of `bytes` that is not well-formed UTF-8. */
export function invalidByteProblem(bytes: Uint8Array): EncodingProblem {
  const at = firstInvalidUtf8Byte(bytes);
  const index = at === -1 ? bytes.length : at;
  const byte = bytes[index];
  const shown = byte === undefined ? "the end of the input, inside a character" : `0x${byte.toString(16).toUpperCase().padStart(2, "0")}`;
  return {
    message: `is not valid UTF-8: ${shown} at byte offset ${index.toLocaleString("en")} (line ${lineOf(bytes, index)})`,
    byte: index,
  };
}

function lineOf(bytes: Uint8Array, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i++) if (bytes[i] === 0x0a) line += 1;
  return line;
}

/**
 * The index of the first byte that does not belong to a well-formed UTF-8 sequence (Unicode's Table 3-7: no overlong
 * forms, no surrogates, nothing past U+10FFFF), or -1 when all are well formed. A sequence cut off by the end of
 * `bytes` counts as ill-formed at the end (its index is `bytes.length`).
 */
export function firstInvalidUtf8Byte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i]!;
    if (lead < 0x80) {
      i += 1;
      continue;
    }
    let length: number;
    let low = 0x80;
    let high = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) length = 2;
    else if (lead >= 0xe0 && lead <= 0xef) {
      length = 3;
      if (lead === 0xe0) low = 0xa0;
      if (lead === 0xed) high = 0x9f;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      length = 4;
      if (lead === 0xf0) low = 0x90;
      if (lead === 0xf4) high = 0x8f;
    } else return i;
    for (let k = 1; k < length; k++) {
      const next = bytes[i + k];
      if (next === undefined) return bytes.length;
      if (next < (k === 1 ? low : 0x80) || next > (k === 1 ? high : 0xbf)) return i;
    }
    i += length;
  }
  return -1;
}

/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Where a JavaScript string holds a lone surrogate (from a `\ud800` escape in JSON), which no UTF-8 can carry: the
 * index of the first, or -1. Text with one cannot be stored as written.
 */
export function loneSurrogateIndex(text: string): number {
  return text.search(LONE_SURROGATE);
}

/** A string in a value that cannot be stored as written: where (`source.text`, `csv`) and why. */
export interface IllFormedText {
  path: string;
  message: string;
}

/**
 * Every string in `value` (walked through arrays and objects; `path` names the value itself) that holds a lone
 * surrogate, up to `limit` of them. Neo4j's driver would write each one as U+FFFD.
 */
export function illFormedText(value: unknown, path: string, limit = 100): IllFormedText[] {
  const found: IllFormedText[] = [];
  const walk = (item: unknown, at: string) => {
    if (found.length >= limit) return;
    if (typeof item === "string") {
      const index = loneSurrogateIndex(item);
      if (index === -1) return;
      const unit = item.charCodeAt(index).toString(16).toUpperCase();
      const line = item.slice(0, index).split("\n").length;
      found.push({
        path: at,
        message: `is not valid Unicode: a lone surrogate (U+${unit}) at character ${index.toLocaleString("en")} (line ${line}); send text as UTF-8`,
      });
    } else if (Array.isArray(item)) item.forEach((element, i) => walk(element, at === "" ? String(i) : `${at}.${i}`));
    else if (typeof item === "object" && item !== null) {
      for (const [key, element] of Object.entries(item)) walk(element, at === "" ? key : `${at}.${key}`);
    }
  };
  walk(value, path);
  return found;
}
