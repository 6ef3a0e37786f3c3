/**
 * The cast: about 300 actors of every kind. The state's chain of command is the longest part-of chain
 * (battalion → brigade → army → ministry → state: four steps); rebels form coalitions of groups with factions;
 * militias ally with the army, foreign states with one side or the other. Monitors, civil defence and media
 * assert the claims; spokespeople speak for their organisations.
 */
import { type NameRegistry, personName, word } from "./names.js";
import type { Random } from "./random.js";
import { slug } from "./gazetteer.js";

export type ActorKind =
  | "STATE"
  | "GOVERNMENT_BODY"
  | "ARMED_FORCE"
  | "ARMED_GROUP"
  | "PERSON"
  | "NGO"
  | "MEDIA"
  | "CIVIL_DEFENSE"
  | "INTERNATIONAL_ORGANIZATION"
  | "CIVILIANS"
  | "OTHER";

export interface SyntheticActor {
  id: string;
  name: string;
  aliases: string[];
  kind: ActorKind;
  /** At most one parent, so each actor has one part-of chain. */
  partOf: string | null;
  allies: string[];
}

export interface Cast {
  all: SyntheticActor[];
  /** The state's fighting units (battalions, brigades, air squadrons) and the foreign air forces. */
  stateUnits: SyntheticActor[];
  airUnits: SyntheticActor[];
  policeUnits: SyntheticActor[];
  militias: SyntheticActor[];
  rebels: SyntheticActor[];
  unidentified: SyntheticActor[];
  civilians: SyntheticActor;
  protesters: SyntheticActor;
  rioters: SyntheticActor;
  /** Who asserts claims: monitoring NGOs, civil defence, media. */
  monitors: SyntheticActor[];
  /** Who publishes the reports. */
  media: SyntheticActor[];
  /** Who condemns and calls for restraint: foreign ministries, international organisations, NGOs. */
  critics: SyntheticActor[];
  /** Organisation id -> the person who speaks for it. */
  spokespeople: Map<string, SyntheticActor>;
  byId: Map<string, SyntheticActor>;
  /** The state's and the rebels' own sides: the home state and the rebel coalitions. */
  homeState: SyntheticActor;
  defenceMinistry: SyntheticActor;
  coalitions: SyntheticActor[];
  foreignStates: SyntheticActor[];
}

const ordinal = (n: number) => {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? "th" : (["th", "st", "nd", "rd"][n % 10] ?? "th");
  return `${n}${suffix}`;
};

export function buildCast(random: Random, names: NameRegistry, countryName: string): Cast {
  const all: SyntheticActor[] = [];
  const add = (name: string, kind: ActorKind, partOf: SyntheticActor | null = null, aliases: string[] = []): SyntheticActor => {
    // Fixed names (ministries, the UN) are distinct by construction; reserved even if a random name shares a skeleton.
    names.reserve(name, aliases);
    const actor: SyntheticActor = { id: `actor:${slug(name)}`, name, aliases, kind, partOf: partOf?.id ?? null, allies: [] };
    all.push(actor);
    return actor;
  };
  /** A name built around a fresh word, drawn until it is free. */
  const addNamed = (build: (core: string) => string, kind: ActorKind, partOf: SyntheticActor | null = null) => {
    for (;;) {
      const name = build(word(random));
      if (names.claim(name)) {
        const actor: SyntheticActor = { id: `actor:${slug(name)}`, name, aliases: [], kind, partOf: partOf?.id ?? null, allies: [] };
        all.push(actor);
        return actor;
      }
    }
  };
  const ally = (a: SyntheticActor, b: SyntheticActor) => a.allies.push(b.id);
  const adjective = `${countryName.replace(/ia$/, "")}ian`;

  // The state: ministries, forces, brigades, battalions (the four-step chain), air squadrons, police units.
  const homeState = add(`Republic of ${countryName}`, "STATE", null, [countryName]);
  const defence = add(`${adjective} Ministry of Defence`, "GOVERNMENT_BODY", homeState);
  const interior = add(`${adjective} Ministry of Interior`, "GOVERNMENT_BODY", homeState);
  const foreignMinistry = add(`${adjective} Ministry of Foreign Affairs`, "GOVERNMENT_BODY", homeState);
  const army = add(`${adjective} Arab Army`, "ARMED_FORCE", defence, [`${adjective} Army`]);
  const airForce = add(`${adjective} Air Force`, "ARMED_FORCE", defence);
  const police = add(`${adjective} Police`, "ARMED_FORCE", interior, [`Police Forces of ${countryName}`]);
  const brigades = Array.from({ length: 28 }, (_, i) => add(`${ordinal(10 + i * 3)} Brigade (${adjective} Army)`, "ARMED_FORCE", army));
  const battalions = Array.from({ length: 56 }, (_, i) => {
    const brigade = brigades[i % brigades.length]!;
    return add(
      `${ordinal(1 + Math.floor(i / brigades.length))} Battalion, ${brigade.name.replace(/ \(.*\)$/, "")}`,
      "ARMED_FORCE",
      brigade,
    );
  });
  const squadrons = Array.from({ length: 8 }, (_, i) =>
    add(`${ordinal(600 + i * 7)} Squadron (${adjective} Air Force)`, "ARMED_FORCE", airForce),
  );
  const policeUnits = Array.from({ length: 6 }, (_, i) =>
    add(`${ordinal(i + 1)} Public Order Unit (${adjective} Police)`, "ARMED_FORCE", police),
  );

  // Foreign states: two with the government (their air forces strike), two with the rebels.
  const foreignStates: SyntheticActor[] = [];
  const foreignAirForces: SyntheticActor[] = [];
  const foreignMinistries: SyntheticActor[] = [];
  for (let i = 0; i < 4; i++) {
    const state = addNamed((core) => `Kingdom of ${core}`, "STATE");
    const core = state.name.replace("Kingdom of ", "");
    const stateDefence = add(`${core} Ministry of Defence`, "GOVERNMENT_BODY", state);
    foreignMinistries.push(add(`${core} Foreign Ministry`, "GOVERNMENT_BODY", state));
    foreignStates.push(state);
    if (i < 2) {
      foreignAirForces.push(add(`${core} Aerospace Forces`, "ARMED_FORCE", stateDefence));
      ally(state, homeState);
    } else {
      add(`${core} Special Forces`, "ARMED_FORCE", stateDefence);
    }
  }

  // Rebels: coalitions of groups, some groups with factions of their own (faction → group → coalition).
  const coalitions = Array.from({ length: 6 }, () =>
    addNamed((core) => random.pick([`${core} Liberation Front`, `Army of ${core}`, `${core} Revolutionary Command`]), "ARMED_GROUP"),
  );
  const groups = Array.from({ length: 40 }, (_, i) =>
    addNamed(
      (core) => random.pick([`Liwa ${core}`, `Harakat ${core}`, `Jaysh al-${core}`, `Kataib ${core}`, `${core} Brigades`]),
      "ARMED_GROUP",
      i < 24 ? coalitions[i % coalitions.length]! : null,
    ),
  );
  const factions = Array.from({ length: 18 }, (_, i) =>
    addNamed((core) => `${core} Battalion of ${groups[i]!.name}`, "ARMED_GROUP", groups[i]),
  );
  for (let i = 0; i < coalitions.length; i++) ally(coalitions[i]!, coalitions[(i + 1) % coalitions.length]!);
  for (const state of foreignStates.slice(2)) ally(state, random.pick(coalitions));

  // Pro-government militias, allied with the army.
  const militias = Array.from({ length: 24 }, () =>
    addNamed((core) => random.pick([`${core} National Defence Forces`, `${core} Shield Militia`, `${core} Tribal Forces`]), "ARMED_GROUP"),
  );
  for (const militia of militias) ally(militia, army);

  const unidentified = [1, 2, 3].map((n) => add(`Unidentified Armed Group ${n} (${countryName})`, "OTHER"));
  const civilians = add(`Civilians (${countryName})`, "CIVILIANS");
  const protesters = add(`Protesters (${countryName})`, "OTHER");
  const rioters = add(`Rioters (${countryName})`, "OTHER");

  // International organisations, NGOs, civil defence and media.
  const un = add("United Nations", "INTERNATIONAL_ORGANIZATION", null, ["UN"]);
  const ocha = add("UN Office for the Coordination of Humanitarian Affairs", "INTERNATIONAL_ORGANIZATION", un, ["UN OCHA"]);
  const inquiry = add(`UN Commission of Inquiry on ${countryName}`, "INTERNATIONAL_ORGANIZATION", un);
  const who = add("World Health Organization", "INTERNATIONAL_ORGANIZATION", un, ["WHO"]);
  const redCross = add("International Committee of the Red Cross", "INTERNATIONAL_ORGANIZATION", null, ["ICRC"]);
  const league = add("League of Levantine States", "INTERNATIONAL_ORGANIZATION");
  const ngos = [
    add(`${adjective} Observatory for Human Rights`, "NGO"),
    add(`${adjective} Network for Human Rights`, "NGO"),
    add(`${adjective} Physicians Network`, "NGO"),
    ...Array.from({ length: 7 }, () =>
      addNamed((core) => random.pick([`${core} Documentation Centre`, `${core} Relief Association`, `${core} Monitor`]), "NGO"),
    ),
  ];
  const civilDefence = [
    add(`${adjective} Civil Defence`, "CIVIL_DEFENSE", null, ["White Helmets"]),
    add("Southern Civil Defence", "CIVIL_DEFENSE"),
  ];
  const media = Array.from({ length: 15 }, () =>
    addNamed(
      (core) => random.pick([`${core} News Agency`, `${core} Media Centre`, `${core} Times`, `${core} Radio`, `${core} TV`]),
      "MEDIA",
    ),
  );

  // Spokespeople and commanders: people who speak for organisations (statements name both).
  const speaking = [
    defence,
    interior,
    foreignMinistry,
    army,
    ...foreignMinistries,
    ...coalitions,
    ...groups.slice(0, 8),
    un,
    ocha,
    inquiry,
    who,
    redCross,
    league,
    ...ngos.slice(0, 5),
    civilDefence[0]!,
  ];
  const spokespeople = new Map<string, SyntheticActor>();
  for (const organisation of speaking) {
    const { name } = names.unique(() => personName(random));
    spokespeople.set(organisation.id, add(name, "PERSON"));
  }
  // Commanders of brigades, who are named in reports but speak rarely.
  for (const brigade of brigades.slice(0, 12)) {
    const { name } = names.unique(() => personName(random));
    spokespeople.set(brigade.id, add(name, "PERSON"));
  }

  return {
    all,
    stateUnits: [...brigades, ...battalions],
    airUnits: [...squadrons, ...foreignAirForces],
    policeUnits,
    militias,
    rebels: [...groups, ...factions],
    unidentified,
    civilians,
    protesters,
    rioters,
    monitors: [...ngos.slice(0, 5), ...civilDefence],
    media,
    critics: [...foreignMinistries, un, ocha, inquiry, redCross, league, ...ngos.slice(0, 3)],
    spokespeople,
    byId: new Map(all.map((actor) => [actor.id, actor])),
    homeState,
    defenceMinistry: defence,
    coalitions,
    foreignStates,
  };
}
