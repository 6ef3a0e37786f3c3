/** Dates and lists as reports write them. */

const months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

export const DAY_MS = 86_400_000;

/** `YYYY-MM-DD` of a UTC timestamp. */
export const isoDay = (time: number) => new Date(time).toISOString().slice(0, 10);

/** "3 March 2017". */
export function longDate(iso: string): string {
  const [year, month, day] = iso.split("-").map(Number);
  return `${day} ${months[month! - 1]} ${year}`;
}

/** "3 March". */
export function shortDate(iso: string): string {
  const [, month, day] = iso.split("-").map(Number);
  return `${day} ${months[month! - 1]}`;
}

/** "A", "A and B", "A, B and C". */
export function listing(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}
