/** ACLED export files for tests: rows written by hand or generated (deterministically) in any number. */

/** The columns of an ACLED export, in its order (../shared/DOMAIN.md). */
export const ACLED_COLUMNS = [
  "event_id_cnty",
  "event_date",
  "year",
  "time_precision",
  "disorder_type",
  "event_type",
  "sub_event_type",
  "actor1",
  "assoc_actor_1",
  "inter1",
  "actor2",
  "assoc_actor_2",
  "inter2",
  "interaction",
  "civilian_targeting",
  "iso",
  "region",
  "country",
  "admin1",
  "admin2",
  "admin3",
  "location",
  "latitude",
  "longitude",
  "geo_precision",
  "source",
  "source_scale",
  "notes",
  "fatalities",
  "tags",
  "timestamp",
] as const;

export type AcledRecord = Partial<Record<(typeof ACLED_COLUMNS)[number], string>>;

const quote = (value: string) => `"${value.replace(/"/g, '""')}"`;

/** A CSV file: the header, then one line per record (every field quoted, as ACLED's own exports do). */
export function acledCsv(records: readonly AcledRecord[], columns: readonly string[] = ACLED_COLUMNS): string {
  const lines = [columns.join(",")];
  for (const record of records) lines.push(columns.map((column) => quote((record as Record<string, string>)[column] ?? "")).join(","));
  return `${lines.join("\r\n")}\r\n`;
}

/** One plausible row of a fictional country, so that nothing in it matches the article's graph. */
export function acledRecord(s: string, overrides: AcledRecord = {}): AcledRecord {
  return {
    event_id_cnty: `TST${s}1`,
    event_date: "2021-03-12",
    year: "2021",
    time_precision: "1",
    disorder_type: "Political violence",
    event_type: "Explosions/Remote violence",
    sub_event_type: "Air/drone strike",
    actor1: `Military Forces of Testland ${s} (2000-)`,
    assoc_actor_1: "",
    inter1: "1",
    actor2: `Civilians (Testland ${s})`,
    assoc_actor_2: `Farmers (Testland ${s})`,
    inter2: "7",
    interaction: "17",
    civilian_targeting: "Civilian targeting",
    iso: "999",
    region: "Middle East",
    country: `Testland ${s}`,
    admin1: `Idleb ${s}`,
    admin2: `Ariha ${s}`,
    admin3: "",
    location: `Kafr Latah ${s}`,
    latitude: "35.8123",
    longitude: "36.6012",
    geo_precision: "1",
    source: "Syrian Observatory for Human Rights; Step News Agency",
    source_scale: "National",
    notes: `On 12 March 2021, a drone struck farmland near Kafr Latah ${s}, killing 2 civilians.`,
    fatalities: "2",
    tags: "",
    timestamp: "1616025600",
    ...overrides,
  };
}

/** A small deterministic pseudo-random generator (mulberry32): the same file on every run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const syllables = [
  "ka",
  "fr",
  "ma",
  "ar",
  "sa",
  "ra",
  "qi",
  "bi",
  "tal",
  "deir",
  "jis",
  "hal",
  "ab",
  "um",
  "ras",
  "ain",
  "khan",
  "bab",
  "tell",
  "mar",
];
const subEvents: [string, string, number][] = [
  ["Explosions/Remote violence", "Air/drone strike", 3],
  ["Explosions/Remote violence", "Shelling/artillery/missile attack", 4],
  ["Explosions/Remote violence", "Remote explosive/landmine/IED", 1],
  ["Battles", "Armed clash", 4],
  ["Battles", "Non-state actor overtakes territory", 1],
  ["Violence against civilians", "Attack", 2],
  ["Violence against civilians", "Abduction/forced disappearance", 1],
  ["Protests", "Peaceful protest", 2],
  ["Riots", "Mob violence", 1],
  ["Strategic developments", "Looting/property destruction", 1],
  ["Strategic developments", "Headquarters or base established", 1],
];

/**
 * `count` rows of a fictional country: 12 provinces, 60 districts, 600 locations, 40 actors; dates over two years;
 * every event type. Ids are `<prefix><n>`. `towns` keeps the rows in the first few locations (each in a district of
 * its own), as in a one-province export: 8 towns of 40,000 rows give each about 5,000 reports.
 */
export function generatedAcled(count: number, s: string, prefix = `GEN${s}`, towns = 600): string {
  const next = random(count * 7919 + s.length);
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;
  const name = () =>
    Array.from({ length: 2 + Math.floor(next() * 2) }, () => pick(syllables))
      .join("")
      .replace(/^./, (c) => c.toUpperCase());
  const country = `Genland ${s}`;
  const provinces = Array.from({ length: 12 }, (_, i) => `${name()} ${i}`);
  const districts = Array.from({ length: 60 }, (_, i) => ({ province: provinces[i % 12]!, name: `${name()} District ${i}` }));
  const locations = Array.from({ length: 600 }, (_, i) => ({
    district: districts[i % 60]!,
    name: `${name()} ${i}`,
    lat: 30 + next() * 6,
    lon: 35 + next() * 6,
  }));
  const actors: [string, string][] = [
    [`Military Forces of Genland ${s} (2000-)`, "1"],
    [`Police Forces of Genland ${s} (2000-)`, "1"],
    ...Array.from({ length: 20 }, (_, i): [string, string] => [`${name()} Brigade ${i}`, "2"]),
    ...Array.from({ length: 10 }, (_, i): [string, string] => [`${name()} Militia ${i}`, "3"]),
    [`Civilians (Genland ${s})`, "7"],
    [`Protesters (Genland ${s})`, "6"],
    [`Rioters (Genland ${s})`, "5"],
    ...Array.from({ length: 5 }, (_, i): [string, string] => [`Unidentified Armed Group ${i} (Genland ${s})`, "8"]),
  ];
  const weighted = subEvents.flatMap(([type, sub, weight]) => Array.from({ length: weight }, () => [type, sub] as const));
  const records: AcledRecord[] = [];
  for (let n = 1; n <= count; n++) {
    const [eventType, subEventType] = pick(weighted);
    const location = pick(towns < locations.length ? locations.slice(0, towns) : locations);
    const [actor1, inter1] = eventType === "Protests" ? actors.at(-7)! : pick(actors.slice(0, 32));
    const [actor2, inter2] =
      eventType === "Violence against civilians" ? actors.at(-8)! : pick([...actors.slice(0, 32), ["", ""] as [string, string]]);
    const day = new Date(Date.UTC(2020, 0, 1) + Math.floor(next() * 730) * 86_400_000).toISOString().slice(0, 10);
    const fatalities = eventType === "Protests" || eventType === "Strategic developments" ? 0 : Math.floor(next() * next() * 12);
    records.push({
      event_id_cnty: `${prefix}${n}`,
      event_date: day,
      year: day.slice(0, 4),
      time_precision: pick(["1", "1", "1", "2", "3"]),
      disorder_type: "Political violence",
      event_type: eventType,
      sub_event_type: subEventType,
      actor1,
      assoc_actor_1: next() < 0.2 ? `${pick(actors)[0]}; ${pick(actors)[0]}` : "",
      inter1,
      actor2,
      assoc_actor_2: "",
      inter2,
      interaction: `${inter1}${inter2}`,
      civilian_targeting: eventType === "Violence against civilians" ? "Civilian targeting" : "",
      iso: "999",
      region: "Middle East",
      country,
      admin1: location.district.province,
      admin2: location.district.name,
      admin3: "",
      location: location.name,
      latitude: location.lat.toFixed(4),
      longitude: location.lon.toFixed(4),
      geo_precision: pick(["1", "1", "2", "3"]),
      source: pick(["Syrian Observatory for Human Rights", "SANA; Step News Agency", "Local media", "Twitter"]),
      source_scale: "National",
      notes: `On ${day}, ${actor1} carried out a ${subEventType.toLowerCase()} near ${location.name}, ${location.district.name}. ${fatalities} reported fatalities.`,
      fatalities: String(fatalities),
      tags: next() < 0.1 ? "crowd size=no report" : "",
      timestamp: String(1_600_000_000 + n),
    });
  }
  return acledCsv(records);
}
