/**
 * Finding a quote in a source text in time linear in the text, without holding the event loop.
 *
 * `String.prototype.indexOf` is fast on ordinary text but quadratic on crafted input: a quote of 3,000 `a`, a `b` and
 * 3,000 `a` in 9 MB of `a` takes V8 about 20 s, and the whole server waits. So each search tries the native search
 * on a short prefix of the quote (linear for a pattern that short), confirms candidates natively, and once the
 * candidates' confirmations have cost more than a few passes over the text, finishes with Knuth–Morris–Pratt, which
 * reads each character of the text at most twice. Every search gives the event loop a turn after about a million
 * characters of work, so other requests are answered in between.
 */
import { setImmediate as yieldToEventLoop } from "node:timers/promises";

/** Characters of work between two turns of the event loop: a few milliseconds. */
const WORK_PER_TURN = 1 << 20;
/** The prefix searched natively: V8's search costs at most this many steps per character of text. */
const PREFIX = 16;

/** Counts work across searches and yields to the event loop when enough was done since the last turn. */
export class Pacer {
  private work = 0;

  async spend(characters: number): Promise<void> {
    this.work += characters;
    if (this.work < WORK_PER_TURN) return;
    this.work = 0;
    await yieldToEventLoop();
  }
}

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
    const end = Math.min(text.length, from + WORK_PER_TURN);
    const at = text.slice(from, end + prefix.length - 1).indexOf(prefix);
    if (at < 0) {
      await pacer.spend(end - from);
      from = end;
      continue;
    }
    const candidate = from + at;
    await pacer.spend(at + prefix.length);
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
  await pacer.spend(2 * quote.length);
  let matched = 0;
  let paid = 0;
  for (let i = from; i < text.length; i++) {
    const character = text.charCodeAt(i);
    while (matched > 0 && character !== quote.charCodeAt(matched)) matched = failure[matched - 1]!;
    if (character === quote.charCodeAt(matched)) matched++;
    if (matched === quote.length) return i - quote.length + 1;
    if (i - paid >= WORK_PER_TURN) {
      await pacer.spend(2 * (i - paid));
      paid = i;
    }
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
