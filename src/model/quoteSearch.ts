/**
 * Finding a quote in a source text in time linear in the text, without holding the event loop.
 *
 * `String.prototype.indexOf` is fast on ordinary text but quadratic on crafted input: a quote of 3,000 `a`, a `b` and
 * 3,000 `a` in 9 MB of `a` takes V8 about 20 s, and the whole server waits. So each search tries the native search
 * on a short prefix of the quote (linear for a pattern that short), confirms candidates natively, and once the
 * candidates' confirmations have cost more than a few passes over the text, finishes with Knuth–Morris–Pratt, which
 * reads each character of the text at most twice. Searches check the pacer every few thousand characters of work, so
 * other requests are answered in between.
 */
import type { Pacer } from "../pacer.js";

/** Characters searched between two checks of the pacer. */
const CHUNK = 1 << 16;
/** The prefix searched natively: V8's search costs at most this many steps per character of text. */
const PREFIX = 16;

/** The offset of the first occurrence of `quote` in `text`, or -1. */
export async function findQuote(text: string, quote: string, pacer: Pacer): Promise<number> {
  if (quote.length === 0) return 0;
  if (quote.length > text.length) return -1;
  const prefix = quote.slice(0, PREFIX);
  // Confirming candidates may cost this much before the search switches to KMP: a few passes over the text.
  let budget = 4 * text.length + quote.length;
  let from = 0;
  while (from < text.length) {
    // One window at a time, so that no single native call runs long (a slice of a string is not a copy).
    const end = Math.min(text.length, from + CHUNK);
    const at = text.slice(from, end + prefix.length - 1).indexOf(prefix);
    await pacer.pace();
    if (at < 0) {
      from = end;
      continue;
    }
    const candidate = from + at;
    if (text.startsWith(quote, candidate)) return candidate;
    budget -= quote.length;
    from = candidate + 1;
    if (budget < 0) return knuthMorrisPratt(text, quote, from, pacer);
  }
  return -1;
}

/** KMP from `from` on: each step either advances in the text or falls back along the failure table, which it pays for. */
async function knuthMorrisPratt(text: string, quote: string, from: number, pacer: Pacer): Promise<number> {
  const failure = failureTable(quote);
  let matched = 0;
  for (let i = from; i < text.length; i++) {
    const character = text.charCodeAt(i);
    while (matched > 0 && character !== quote.charCodeAt(matched)) matched = failure[matched - 1]!;
    if (character === quote.charCodeAt(matched)) matched++;
    if (matched === quote.length) return i - quote.length + 1;
    if ((i & (CHUNK - 1)) === 0) await pacer.pace();
  }
  return -1;
}

/** failure[i]: the length of the longest proper prefix of quote[0..i] that is also its suffix. */
function failureTable(quote: string): Int32Array {
  const failure = new Int32Array(quote.length);
  let length = 0;
  for (let i = 1; i < quote.length; i++) {
    const character = quote.charCodeAt(i);
    while (length > 0 && character !== quote.charCodeAt(length)) length = failure[length - 1]!;
    if (character === quote.charCodeAt(length)) length++;
    failure[i] = length;
  }
  return failure;
}
