/**
 * The reference bundle imported first: every place, every actor and the agreements, under one gazetteer source
 * whose text holds the agreements' evidence. Reports imported later refer to these ids without repeating them.
 */
import type { Bundle } from "../../src/ingest/bundle/validation.js";
import type { Cast, SyntheticActor } from "./actors.js";
import type { Gazetteer, SyntheticPlace } from "./gazetteer.js";
import { type NameRegistry, word } from "./names.js";
import type { Random } from "./random.js";
import { slug } from "./gazetteer.js";
import { isoDay, longDate, listing } from "./text.js";

export interface SyntheticAgreement {
  id: string;
  name: string;
  signedOn: string;
  endsOn: string | null;
  parties: SyntheticActor[];
  covers: SyntheticPlace[];
  sentence: string;
}

/** Six agreements between 2016 and 2022: de-escalation memoranda between foreign states, local ceasefires. */
export function buildAgreements(random: Random, names: NameRegistry, gazetteer: Gazetteer, cast: Cast): SyntheticAgreement[] {
  return Array.from({ length: 6 }, (_, i) => {
    const memorandum = i % 2 === 0;
    const covers = random.sample(gazetteer.provinces, memorandum ? random.int(2, 3) : 1);
    const parties = memorandum
      ? [cast.foreignStates[random.int(0, 1)]!, cast.foreignStates[random.int(2, 3)]!]
      : [cast.homeState, random.pick(cast.coalitions)];
    const { name } = names.unique(() => ({
      name: memorandum
        ? `${word(random)} Memorandum on De-escalation`
        : `${covers[0]!.name.replace(/ Governorate$/, "")} Ceasefire of ${2016 + i}`,
      aliases: [],
    }));
    const signed = Date.UTC(2016 + i, random.int(0, 11), random.int(1, 28));
    const signedOn = isoDay(signed);
    const endsOn = random.chance(0.5) ? isoDay(signed + random.int(180, 900) * 86_400_000) : null;
    const sentence =
      `The ${name} was signed on ${longDate(signedOn)} by ${listing(parties.map((party) => party.name))}` +
      ` and covers ${listing(covers.map((province) => province.name))}.`;
    return { id: `agreement:${slug(name)}`, name, signedOn, endsOn, parties, covers, sentence };
  });
}

export function referenceBundle(gazetteer: Gazetteer, cast: Cast, agreements: readonly SyntheticAgreement[]): Bundle {
  const text = [
    `This gazetteer lists the places and actors of ${gazetteer.country.name} that the reports refer to.`,
    ...agreements.map((agreement) => agreement.sentence),
  ].join("\n");
  return {
    source: {
      id: `source:${slug(gazetteer.country.name)}-gazetteer`,
      title: `Gazetteer of ${gazetteer.country.name}: places, actors and agreements`,
      publishedOn: "2015-01-01",
      text,
    },
    places: gazetteer.all.map((place) => ({
      id: place.id,
      name: place.name,
      ...(place.aliases.length > 0 ? { aliases: place.aliases } : {}),
      kind: place.kind,
      ...(place.parent ? { parent: place.parent } : {}),
      location: { latitude: place.latitude, longitude: place.longitude },
    })),
    actors: cast.all.map((actor) => ({
      id: actor.id,
      name: actor.name,
      ...(actor.aliases.length > 0 ? { aliases: actor.aliases } : {}),
      kind: actor.kind,
      ...(actor.partOf ? { partOf: [actor.partOf] } : {}),
      ...(actor.allies.length > 0 ? { allies: actor.allies } : {}),
    })),
    agreements: agreements.map((agreement) => ({
      id: agreement.id,
      name: agreement.name,
      signedOn: agreement.signedOn,
      datePrecision: "DAY" as const,
      ...(agreement.endsOn ? { endsOn: agreement.endsOn } : {}),
      parties: agreement.parties.map((party) => party.id),
      covers: agreement.covers.map((province) => province.id),
      quotes: [agreement.sentence],
    })),
  };
}
