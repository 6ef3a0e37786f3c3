/**
 * The places of the fictional country: one country, 14 provinces, 4–7 districts each, 1,000 localities (cities,
 * towns, villages) spread over the districts; coordinates on a grid so that neighbours are near. Each place has
 * one parent, so hierarchies are at most four deep (locality → district → province → country). The weights say
 * how often events happen there: a few provinces and the cities see most of the fighting, as in real data.
 */
import type { NameRegistry } from "./names.js";
import { localityName, word } from "./names.js";
import type { Random } from "./random.js";

export type PlaceKind = "COUNTRY" | "PROVINCE" | "DISTRICT" | "CITY" | "TOWN" | "VILLAGE";

export interface SyntheticPlace {
  id: string;
  name: string;
  aliases: string[];
  kind: PlaceKind;
  parent: string | null;
  latitude: number;
  longitude: number;
  /** How much more often than others events happen here (relative, within its parent). */
  weight: number;
}

export interface Gazetteer {
  country: SyntheticPlace;
  provinces: SyntheticPlace[];
  districts: SyntheticPlace[];
  localities: SyntheticPlace[];
  /** Every place above, parents before children. */
  all: SyntheticPlace[];
}

export const PROVINCES = 14;
export const LOCALITIES = 1_000;

/** Ids from names (unique by normalised name, hence unique slugs): place:kafr-zubdan. */
export const slug = (name: string) =>
  name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");

const round = (value: number) => Math.round(value * 10_000) / 10_000;

export function buildGazetteer(random: Random, names: NameRegistry): Gazetteer {
  const countryName = names.unique(() => ({ name: `${word(random)}ia`, aliases: [] })).name;
  const country: SyntheticPlace = {
    id: `place:${slug(countryName)}`,
    name: countryName,
    aliases: [],
    kind: "COUNTRY",
    parent: null,
    latitude: 34.5,
    longitude: 39,
    weight: 1,
  };

  // Provinces on a 4 x 4 grid of 1.25-degree cells (two cells left empty: desert). A Zipf-like weight over a
  // shuffled order gives one clearly busiest province.
  const cells = random.sample(
    Array.from({ length: 16 }, (_, i) => i),
    PROVINCES,
  );
  const provinceWeights = random.sample(
    Array.from({ length: PROVINCES }, (_, rank) => 1 / (rank + 1) ** 0.9),
    PROVINCES,
  );
  const provinces = cells.map((cell, i): SyntheticPlace => {
    const name = names.unique(() => ({ name: `${word(random)} Governorate`, aliases: [] })).name;
    return {
      id: `place:${slug(name)}`,
      name,
      aliases: [],
      kind: "PROVINCE",
      parent: country.id,
      latitude: round(32 + Math.floor(cell / 4) * 1.25 + 0.625),
      longitude: round(36 + (cell % 4) * 1.25 + 0.625),
      weight: provinceWeights[i]!,
    };
  });

  const districts = provinces.flatMap((province) =>
    Array.from({ length: random.int(4, 7) }, (): SyntheticPlace => {
      const name = names.unique(() => ({ name: `${word(random)} District`, aliases: [] })).name;
      return {
        id: `place:${slug(name)}`,
        name,
        aliases: [],
        kind: "DISTRICT",
        parent: province.id,
        latitude: round(province.latitude + (random.next() - 0.5) * 1.1),
        longitude: round(province.longitude + (random.next() - 0.5) * 1.1),
        weight: 0.5 + random.next(),
      };
    }),
  );

  // Every district gets at least five localities; the rest go where a district's weight draws them.
  const perDistrict = districts.map(() => 5);
  for (let left = LOCALITIES - 5 * districts.length; left > 0; left--) perDistrict[random.int(0, districts.length - 1)]! += 1;
  const localities = districts.flatMap((district, d) =>
    Array.from({ length: perDistrict[d]! }, (_, i): SyntheticPlace => {
      const { name, aliases } = names.unique(() => localityName(random));
      // The first locality of a district is its city (or a town); cities draw the most events.
      const kind: PlaceKind = i === 0 ? random.pick(["CITY", "CITY", "TOWN"] as const) : random.chance(0.3) ? "TOWN" : "VILLAGE";
      return {
        id: `place:${slug(name)}`,
        name,
        aliases,
        kind,
        parent: district.id,
        latitude: round(district.latitude + (random.next() - 0.5) * 0.4),
        longitude: round(district.longitude + (random.next() - 0.5) * 0.4),
        weight: kind === "CITY" ? 8 : kind === "TOWN" ? 3 : 1,
      };
    }),
  );
  return { country, provinces, districts, localities, all: [country, ...provinces, ...districts, ...localities] };
}
