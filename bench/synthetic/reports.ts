/**
 * The news reports: source documents of 10–50 events each, in publication order from 2015 to 2024, so that every
 * year holds about a tenth of the events. Each event gets its sentence in the report, one to three claims
 * (fatalities, injuries, who did it), each resting on a sentence of its own, and about one event in five a
 * statement: a condemnation, an accusation, a denial (which disputes the attribution), a call for restraint that
 * may invoke an agreement, or a monitor's report. Every quote is a sentence of the report's text, verbatim.
 */
import type { Bundle } from "../../src/ingest/bundle/validation.js";
import type { Cast, SyntheticActor } from "./actors.js";
import type { Gazetteer, SyntheticPlace } from "./gazetteer.js";
import { slug } from "./gazetteer.js";
import { type Random, WeightedTable } from "./random.js";
import type { SyntheticAgreement } from "./reference.js";
import { DAY_MS, isoDay, listing, longDate, shortDate } from "./text.js";

type BundleEvent = NonNullable<Bundle["events"]>[number];
type BundleClaim = NonNullable<Bundle["claims"]>[number];
type BundleStatement = NonNullable<Bundle["statements"]>[number];
type Role = "PERPETRATOR" | "TARGET" | "VICTIM";
type Participant = { actor: SyntheticActor; role: Role };

export const FIRST_DAY = "2015-01-01";
export const LAST_DAY = "2024-12-31";
const START = Date.parse(`${FIRST_DAY}T00:00:00Z`);
const SPAN_DAYS = (Date.parse(`${LAST_DAY}T00:00:00Z`) - START) / DAY_MS + 1;

/** What the dataset's facts need from the reports, gathered while writing them. */
export interface ReportsSummary {
  /** Province id -> year -> events. */
  eventsByProvince: Map<string, Map<number, number>>;
  /** Events with at least one statement (all have claims), in order. */
  eventsWithStatements: string[];
  firstDate: string;
  lastDate: string;
}

interface EventKind {
  type: BundleEvent["type"];
  category: BundleEvent["category"];
  weight: number;
  title: string;
  /** What it is called in later sentences ("the air strike in X"). */
  noun: string;
  violent: boolean;
}

const kinds: EventKind[] = [
  {
    type: "SHELLING_ARTILLERY_MISSILE_ATTACK",
    category: "EXPLOSIONS_REMOTE_VIOLENCE",
    weight: 25,
    title: "Shelling",
    noun: "shelling",
    violent: true,
  },
  { type: "AIR_DRONE_STRIKE", category: "EXPLOSIONS_REMOTE_VIOLENCE", weight: 15, title: "Air strike", noun: "air strike", violent: true },
  {
    type: "REMOTE_EXPLOSIVE_LANDMINE_IED",
    category: "EXPLOSIONS_REMOTE_VIOLENCE",
    weight: 5,
    title: "IED explosion",
    noun: "bombing",
    violent: true,
  },
  {
    type: "SUICIDE_BOMB",
    category: "EXPLOSIONS_REMOTE_VIOLENCE",
    weight: 1,
    title: "Suicide bombing",
    noun: "suicide bombing",
    violent: true,
  },
  { type: "GRENADE", category: "EXPLOSIONS_REMOTE_VIOLENCE", weight: 1, title: "Grenade attack", noun: "grenade attack", violent: true },
  {
    type: "CHEMICAL_WEAPON",
    category: "EXPLOSIONS_REMOTE_VIOLENCE",
    weight: 0.3,
    title: "Chemical attack",
    noun: "gas attack",
    violent: true,
  },
  { type: "ARMED_CLASH", category: "BATTLES", weight: 20, title: "Armed clash", noun: "fighting", violent: true },
  {
    type: "GOVERNMENT_REGAINS_TERRITORY",
    category: "BATTLES",
    weight: 1.5,
    title: "Government forces retake",
    noun: "offensive",
    violent: true,
  },
  { type: "NON_STATE_ACTOR_OVERTAKES_TERRITORY", category: "BATTLES", weight: 1, title: "Rebels seize", noun: "offensive", violent: true },
  { type: "ATTACK", category: "VIOLENCE_AGAINST_CIVILIANS", weight: 8, title: "Attack on civilians", noun: "attack", violent: true },
  {
    type: "ABDUCTION_FORCED_DISAPPEARANCE",
    category: "VIOLENCE_AGAINST_CIVILIANS",
    weight: 3,
    title: "Abduction",
    noun: "abduction",
    violent: true,
  },
  {
    type: "SEXUAL_VIOLENCE",
    category: "VIOLENCE_AGAINST_CIVILIANS",
    weight: 0.3,
    title: "Sexual violence",
    noun: "assault",
    violent: true,
  },
  { type: "PEACEFUL_PROTEST", category: "PROTESTS", weight: 8, title: "Protest", noun: "protest", violent: false },
  { type: "PROTEST_WITH_INTERVENTION", category: "PROTESTS", weight: 1.5, title: "Protest dispersed", noun: "dispersal", violent: false },
  {
    type: "EXCESSIVE_FORCE_AGAINST_PROTESTERS",
    category: "PROTESTS",
    weight: 0.5,
    title: "Protesters shot",
    noun: "shooting",
    violent: true,
  },
  { type: "VIOLENT_DEMONSTRATION", category: "RIOTS", weight: 1, title: "Riot", noun: "riot", violent: false },
  { type: "MOB_VIOLENCE", category: "RIOTS", weight: 1, title: "Mob violence", noun: "mob attack", violent: true },
  { type: "ARRESTS", category: "STRATEGIC_DEVELOPMENTS", weight: 2, title: "Arrests", noun: "arrests", violent: false },
  {
    type: "LOOTING_PROPERTY_DESTRUCTION",
    category: "STRATEGIC_DEVELOPMENTS",
    weight: 2,
    title: "Looting",
    noun: "looting",
    violent: false,
  },
  { type: "OTHER", category: "STRATEGIC_DEVELOPMENTS", weight: 1, title: "Checkpoint set up", noun: "checkpoint", violent: false },
];

const targets = ["a market", "a residential area", "a school", "a hospital", "farmland", "a bakery", "a mosque", "the main road", "a camp"];
const grievances = ["rising bread prices", "the shelling", "arrests", "power cuts", "forced conscription", "the siege"];

export interface ReportsInput {
  random: Random;
  events: number;
  gazetteer: Gazetteer;
  cast: Cast;
  agreements: readonly SyntheticAgreement[];
}

export function buildReports({ random, events, gazetteer, cast, agreements }: ReportsInput): {
  bundles: Bundle[];
  summary: ReportsSummary;
} {
  const parentOf = new Map(gazetteer.all.map((place) => [place.id, place.parent]));
  const provinceOf = (place: SyntheticPlace) => parentOf.get(place.parent!)!;
  const provinces = new WeightedTable(gazetteer.provinces, (province) => province.weight);
  const districtsIn = new Map(
    gazetteer.provinces.map((province) => [
      province.id,
      new WeightedTable(
        gazetteer.districts.filter((district) => district.parent === province.id),
        (district) => district.weight,
      ),
    ]),
  );
  const localitiesIn = new Map(
    gazetteer.districts.map((district) => {
      const inside = gazetteer.localities.filter((locality) => locality.parent === district.id);
      return [district.id, { list: inside, table: new WeightedTable(inside, (locality) => locality.weight) }];
    }),
  );
  const kindTable = new WeightedTable(kinds, (kind) => kind.weight);
  const stateSide = [...cast.stateUnits, ...cast.militias];
  const ancestry = (actor: SyntheticActor): SyntheticActor[] => {
    const chain = [actor];
    for (let parent = actor.partOf; parent !== null; parent = cast.byId.get(parent)!.partOf) chain.push(cast.byId.get(parent)!);
    return chain;
  };
  const onStateSide = (actor: SyntheticActor) =>
    ancestry(actor).some((link) => link.id === cast.homeState.id || cast.foreignStates.slice(0, 2).includes(link));

  const summary: ReportsSummary = { eventsByProvince: new Map(), eventsWithStatements: [], firstDate: LAST_DAY, lastDate: FIRST_DAY };
  const bundles: Bundle[] = [];
  const eventId = (n: number) => `event:e${String(n).padStart(6, "0")}`;

  for (let written = 0, document = 1; written < events; document++) {
    const size = Math.min(random.int(10, 50), events - written);
    // Reports follow the calendar: this one appears where its events fall in the ten years.
    const middle = Math.floor(((written + size / 2) / events) * SPAN_DAYS);
    const publishedDay = Math.min(Math.max(middle, 6), SPAN_DAYS - 1);
    const publishedOn = isoDay(START + publishedDay * DAY_MS);
    const publisher = random.pick(cast.media);
    const focus = provinces.draw(random);

    const paragraphs: string[] = [];
    const bundleEvents: BundleEvent[] = [];
    const claims: BundleClaim[] = [];
    const statements: BundleStatement[] = [];

    for (let i = 0; i < size; i++) {
      const n = written + i + 1;
      const id = eventId(n);
      const kind = kindTable.draw(random);
      const date = isoDay(START + (publishedDay - random.int(0, 6)) * DAY_MS);
      const province = random.chance(0.7) ? focus : provinces.draw(random);
      const district = districtsIn.get(province.id)!.draw(random);
      const inDistrict = localitiesIn.get(district.id)!;
      const first = inDistrict.table.draw(random);
      const more = random.weighted([
        [0, 70],
        [1, 22],
        [2, 8],
      ] as const);
      const places = [
        first,
        ...random.sample(
          inDistrict.list.filter((locality) => locality !== first),
          more,
        ),
      ];
      const where = listing(places.map((place) => place.name));
      const at = first.name;
      const day = shortDate(date);
      const participants = participantsOf(kind, random, cast, stateSide);
      const perpetrator = participants.find((participant) => participant.role === "PERPETRATOR")?.actor ?? null;
      const opponent = participants.find((participant) => participant.role === "TARGET")?.actor ?? null;

      const sentences: string[] = [];
      const eventSentence = eventSentenceOf(kind, random, longDate(date), where, perpetrator, opponent);
      sentences.push(eventSentence);

      // Claims: a death toll (sometimes two, from different monitors), injuries, who did it.
      const eventClaims: BundleClaim[] = [];
      const victims = kind.category === "BATTLES" ? "fighters" : random.pick(["civilians", "residents"]);
      const tolls = kind.violent ? (random.chance(0.35) ? 2 : 1) : 1;
      const asserters = random.sample(cast.monitors, 3);
      for (let t = 0; t < tolls; t++) {
        const asserter = t === 0 && random.chance(0.3) ? publisher : asserters[t]!;
        const count = kind.violent ? Math.floor(random.next() * random.next() * 25) : 0;
        const figure = count > 0 ? estimate(random, count) : { low: 0, high: 0, qualifier: "EXACT" as const };
        const sentence =
          figure.high === 0
            ? `${asserter.name} reported no deaths in ${at} on ${day}.`
            : `${asserter.name} said ${figureText(figure)} ${figure.high === 1 ? `${victims.replace(/s$/, "")} was` : `${victims} were`} killed in ${at} on ${day}.`;
        sentences.push(sentence);
        eventClaims.push({
          id: `claim:${id.slice(6)}-${eventClaims.length + 1}`,
          kind: "FATALITIES",
          text: figure.high === 0 ? "No deaths" : `${capitalize(figureText(figure))} ${victims} killed`,
          event: id,
          estimate: figure,
          assertedBy: asserter.id,
          quotes: [sentence],
        });
      }
      if (eventClaims.length < 3 && kind.violent && random.chance(0.3)) {
        const asserter = asserters[2]!;
        const figure = estimate(random, 1 + Math.floor(random.next() * random.next() * 40));
        const sentence = `${asserter.name} counted ${figureText(figure)} wounded in ${at} on ${day}.`;
        sentences.push(sentence);
        eventClaims.push({
          id: `claim:${id.slice(6)}-${eventClaims.length + 1}`,
          kind: "INJURIES",
          text: `${capitalize(figureText(figure))} wounded`,
          event: id,
          estimate: figure,
          assertedBy: asserter.id,
          quotes: [sentence],
        });
      }
      let attribution: BundleClaim | null = null;
      if (eventClaims.length < 3 && perpetrator && kind.violent && random.chance(0.45)) {
        const asserter = random.pick(cast.monitors);
        const sentence = `${asserter.name} blamed ${perpetrator.name} for the ${kind.noun} in ${at}.`;
        sentences.push(sentence);
        attribution = {
          id: `claim:${id.slice(6)}-${eventClaims.length + 1}`,
          kind: "PERPETRATOR",
          text: `${perpetrator.name} carried out the ${kind.noun}`,
          event: id,
          actors: [perpetrator.id],
          assertedBy: asserter.id,
          quotes: [sentence],
        };
        eventClaims.push(attribution);
      }

      // About one event in five draws a statement; a denial disputes the attribution.
      const armedPerpetrator = perpetrator?.kind === "ARMED_FORCE" || perpetrator?.kind === "ARMED_GROUP";
      if (perpetrator && armedPerpetrator && random.chance(kind.violent ? 0.24 : 0.1)) {
        const statement = statementOf({
          random,
          cast,
          id: `statement:${id.slice(6)}-1`,
          eventId: id,
          date,
          noun: kind.noun,
          at,
          day,
          perpetrator,
          perpetratorOnStateSide: onStateSide(perpetrator),
          ancestry: ancestry(perpetrator),
          agreement: agreementFor(agreements, provinceOf(first), date),
        });
        sentences.push(statement.sentence);
        statements.push(statement.statement);
        if (statement.statement.stance === "DENY" && attribution) attribution.disputedBy = [statement.statement.id];
        summary.eventsWithStatements.push(id);
      }

      const precision = random.weighted([
        ["DAY", 85],
        ["WEEK", 10],
        ["MONTH", 5],
      ] as const);
      bundleEvents.push({
        id,
        title: `${kind.title} in ${at}`,
        category: kind.category,
        type: kind.type,
        date,
        datePrecision: precision,
        ...(random.chance(0.3) ? { summary: eventSentence } : {}),
        places: places.map((place) => place.id),
        participants: participants.map((participant) => ({ actor: participant.actor.id, role: participant.role })),
        quotes: [eventSentence],
        location: { latitude: first.latitude, longitude: first.longitude },
        geoPrecision: random.weighted([
          ["TOWN", 80],
          ["NEAR_TOWN", 15],
          ["REGION", 5],
        ] as const),
      });
      claims.push(...eventClaims);
      paragraphs.push(sentences.join(" "));

      const byYear = summary.eventsByProvince.get(province.id) ?? new Map<number, number>();
      const year = Number(date.slice(0, 4));
      byYear.set(year, (byYear.get(year) ?? 0) + 1);
      summary.eventsByProvince.set(province.id, byYear);
      if (date < summary.firstDate) summary.firstDate = date;
      if (date > summary.lastDate) summary.lastDate = date;
    }

    const title = `${publisher.name}: ${size} incidents in ${focus.name} and beyond, week to ${longDate(publishedOn)}`;
    const intro = `${publisher.name} recorded the following incidents in the week to ${longDate(publishedOn)}.`;
    bundles.push({
      source: {
        id: `source:report-${String(document).padStart(5, "0")}`,
        title,
        publisher: publisher.id,
        publishedOn,
        url: `https://news.example.org/${slug(publisher.name)}/${publishedOn}/report-${document}`,
        text: [intro, ...paragraphs].join("\n"),
      },
      events: bundleEvents,
      claims,
      ...(statements.length > 0 ? { statements } : {}),
    });
    written += size;
  }
  return { bundles, summary };
}

function participantsOf(kind: EventKind, random: Random, cast: Cast, stateSide: readonly SyntheticActor[]): Participant[] {
  const armed = () => random.pick(random.chance(0.5) ? stateSide : cast.rebels);
  const list: Participant[] = [];
  const add = (actor: SyntheticActor, role: Role) => {
    if (!list.some((participant) => participant.actor.id === actor.id)) list.push({ actor, role });
  };
  switch (kind.category) {
    case "BATTLES": {
      const stateFirst = kind.type === "GOVERNMENT_REGAINS_TERRITORY" || (kind.type === "ARMED_CLASH" && random.chance(0.5));
      const [attacker, defender] = stateFirst
        ? [random.pick(stateSide), random.pick(cast.rebels)]
        : [random.pick(cast.rebels), random.pick(stateSide)];
      add(attacker, "PERPETRATOR");
      add(defender, "TARGET");
      if (random.chance(0.25)) add(random.pick(stateFirst ? stateSide : cast.rebels), "PERPETRATOR");
      if (random.chance(0.15)) add(cast.civilians, "VICTIM");
      break;
    }
    case "EXPLOSIONS_REMOTE_VIOLENCE": {
      const attacker =
        kind.type === "AIR_DRONE_STRIKE" || kind.type === "CHEMICAL_WEAPON"
          ? random.pick(cast.airUnits)
          : kind.type === "REMOTE_EXPLOSIVE_LANDMINE_IED" && random.chance(0.5)
            ? random.pick(cast.unidentified)
            : armed();
      add(attacker, "PERPETRATOR");
      if (random.chance(0.65)) add(cast.civilians, "VICTIM");
      if (list.length < 2 || random.chance(0.2))
        add(random.pick(cast.stateUnits.includes(attacker) ? cast.rebels : cast.stateUnits), "TARGET");
      if (random.chance(0.1)) add(armed(), "PERPETRATOR");
      break;
    }
    case "VIOLENCE_AGAINST_CIVILIANS":
      add(random.chance(0.2) ? random.pick(cast.unidentified) : armed(), "PERPETRATOR");
      add(cast.civilians, "VICTIM");
      break;
    case "PROTESTS":
      if (kind.type === "PEACEFUL_PROTEST") add(cast.protesters, "PERPETRATOR");
      else {
        add(random.pick(cast.policeUnits), "PERPETRATOR");
        add(cast.protesters, kind.type === "EXCESSIVE_FORCE_AGAINST_PROTESTERS" ? "VICTIM" : "TARGET");
      }
      break;
    case "RIOTS":
      add(cast.rioters, "PERPETRATOR");
      add(
        kind.type === "MOB_VIOLENCE" ? cast.civilians : random.pick(cast.policeUnits),
        kind.type === "MOB_VIOLENCE" ? "VICTIM" : "TARGET",
      );
      break;
    case "STRATEGIC_DEVELOPMENTS":
      add(kind.type === "ARRESTS" ? random.pick(cast.policeUnits) : armed(), "PERPETRATOR");
      if (kind.type !== "OTHER") add(cast.civilians, "VICTIM");
      break;
  }
  return list;
}

function eventSentenceOf(
  kind: EventKind,
  random: Random,
  date: string,
  where: string,
  perpetrator: SyntheticActor | null,
  opponent: SyntheticActor | null,
): string {
  const actor = perpetrator?.name ?? "Unidentified gunmen";
  const other = opponent?.name ?? "local fighters";
  switch (kind.type) {
    case "SHELLING_ARTILLERY_MISSILE_ATTACK":
      return `On ${date}, artillery shells struck ${random.pick(targets)} in ${where}.`;
    case "AIR_DRONE_STRIKE":
      return `On ${date}, air strikes hit ${random.pick(targets)} in ${where}.`;
    case "REMOTE_EXPLOSIVE_LANDMINE_IED":
      return `On ${date}, an explosive device went off near ${random.pick(targets)} in ${where}.`;
    case "SUICIDE_BOMB":
      return `On ${date}, a suicide bomber detonated a car near ${random.pick(targets)} in ${where}.`;
    case "GRENADE":
      return `On ${date}, a grenade was thrown at ${random.pick(targets)} in ${where}.`;
    case "CHEMICAL_WEAPON":
      return `On ${date}, residents of ${where} reported a gas attack.`;
    case "ARMED_CLASH":
      return `On ${date}, ${actor} and ${other} clashed in ${where}.`;
    case "GOVERNMENT_REGAINS_TERRITORY":
      return `On ${date}, ${actor} retook ${where} from ${other}.`;
    case "NON_STATE_ACTOR_OVERTAKES_TERRITORY":
      return `On ${date}, ${actor} seized ${where} from ${other}.`;
    case "ATTACK":
      return `On ${date}, gunmen attacked civilians in ${where}.`;
    case "ABDUCTION_FORCED_DISAPPEARANCE":
      return `On ${date}, ${random.int(1, 9)} people were abducted in ${where}.`;
    case "SEXUAL_VIOLENCE":
      return `On ${date}, a woman was assaulted at a checkpoint in ${where}.`;
    case "PEACEFUL_PROTEST":
      return `On ${date}, residents of ${where} protested against ${random.pick(grievances)}.`;
    case "PROTEST_WITH_INTERVENTION":
      return `On ${date}, ${actor} dispersed a protest in ${where}.`;
    case "EXCESSIVE_FORCE_AGAINST_PROTESTERS":
      return `On ${date}, ${actor} fired on protesters in ${where}.`;
    case "VIOLENT_DEMONSTRATION":
      return `On ${date}, demonstrators threw stones at police in ${where}.`;
    case "MOB_VIOLENCE":
      return `On ${date}, a mob attacked shops in ${where}.`;
    case "ARRESTS":
      return `On ${date}, ${actor} arrested ${random.int(2, 30)} men in ${where}.`;
    case "LOOTING_PROPERTY_DESTRUCTION":
      return `On ${date}, fighters of ${actor} looted houses in ${where}.`;
    default:
      return `On ${date}, ${actor} set up a checkpoint at ${where}.`;
  }
}

type Estimate = NonNullable<BundleClaim["estimate"]>;

/** A death or injury figure as reports give it: exact, at least, about, a range, up to. */
function estimate(random: Random, count: number): Estimate {
  const qualifier = random.weighted([
    ["EXACT", 45],
    ["AT_LEAST", 30],
    ["ABOUT", 8],
    ["RANGE", 12],
    ["UP_TO", 5],
  ] as const);
  switch (qualifier) {
    case "EXACT":
      return { low: count, high: count, qualifier };
    case "AT_LEAST":
      return { low: count, high: null, qualifier };
    case "ABOUT":
      return { low: Math.max(count - 2, 0), high: count + 2, qualifier };
    case "RANGE":
      return { low: count, high: count + random.int(1, 6), qualifier };
    case "UP_TO":
      return { low: null, high: Math.max(count, 1), qualifier };
  }
}

function figureText(figure: Estimate): string {
  switch (figure.qualifier) {
    case "AT_LEAST":
      return `at least ${figure.low}`;
    case "ABOUT":
      return `about ${((figure.low ?? 0) + (figure.high ?? 0)) / 2}`;
    case "RANGE":
      return `between ${figure.low} and ${figure.high}`;
    case "UP_TO":
      return `up to ${figure.high}`;
    default:
      return String(figure.low);
  }
}

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** An agreement covering the province and in force on the day, if any. */
function agreementFor(agreements: readonly SyntheticAgreement[], provinceId: string | null | undefined, date: string) {
  return (
    agreements.find(
      (agreement) =>
        agreement.signedOn <= date &&
        (agreement.endsOn === null || date < agreement.endsOn) &&
        agreement.covers.some((p) => p.id === provinceId),
    ) ?? null
  );
}

interface StatementInput {
  random: Random;
  cast: Cast;
  id: string;
  eventId: string;
  date: string;
  noun: string;
  at: string;
  day: string;
  perpetrator: SyntheticActor;
  perpetratorOnStateSide: boolean;
  /** The perpetrator and its parents, nearest first. */
  ancestry: SyntheticActor[];
  agreement: SyntheticAgreement | null;
}

function statementOf(input: StatementInput): { statement: BundleStatement; sentence: string } {
  const { random, cast, id, eventId, date, noun, at, day, perpetrator, agreement } = input;
  const stance = random.weighted([
    ["CONDEMN", 35],
    ["ACCUSE", 25],
    ["DENY", 20],
    ["CALL_FOR", 12],
    ["REPORT", 8],
  ] as const);
  const voice = (organisation: SyntheticActor) => {
    const person = cast.spokespeople.get(organisation.id);
    return person ? { speaker: person, onBehalfOf: organisation } : { speaker: organisation, onBehalfOf: null };
  };
  const who = ({ speaker, onBehalfOf }: { speaker: SyntheticActor; onBehalfOf: SyntheticActor | null }) =>
    onBehalfOf ? `${speaker.name}, speaking for the ${onBehalfOf.name},` : `The ${speaker.name}`;
  let sentence: string;
  let text: string;
  let voiced: ReturnType<typeof voice>;
  let invokes: string[] = [];
  let targets: string[] = [perpetrator.id];
  switch (stance) {
    case "CONDEMN":
      voiced = voice(random.pick(cast.critics));
      sentence = `${who(voiced)} condemned the ${noun} in ${at} on ${day}.`;
      text = `Condemns the ${noun} in ${at}`;
      break;
    case "ACCUSE": {
      // The other side accuses: the rebels accuse the state's forces and their allies, the ministry the rebels.
      voiced = voice(input.perpetratorOnStateSide ? random.pick(cast.coalitions) : cast.defenceMinistry);
      sentence = `${who(voiced)} accused ${perpetrator.name} of the ${noun} in ${at}.`;
      text = `Accuses ${perpetrator.name} of the ${noun} in ${at}`;
      break;
    }
    case "DENY": {
      const organisation = input.ancestry.find((actor) => cast.spokespeople.has(actor.id)) ?? input.ancestry.at(-1)!;
      voiced = voice(organisation);
      sentence = `${who(voiced)} denied any part in the ${noun} in ${at} on ${day}.`;
      text = `Denies any part in the ${noun} in ${at}`;
      targets = [];
      break;
    }
    case "CALL_FOR":
      voiced = voice(random.pick(cast.critics));
      if (agreement) {
        sentence = `${who(voiced)} called on all parties to respect the ${agreement.name} after the ${noun} in ${at}.`;
        invokes = [agreement.id];
      } else {
        sentence = `${who(voiced)} called for an investigation into the ${noun} in ${at}.`;
      }
      text = agreement ? `Calls on all parties to respect the ${agreement.name}` : `Calls for an investigation into the ${noun} in ${at}`;
      targets = [];
      break;
    case "REPORT":
      voiced = { speaker: random.pick(cast.monitors), onBehalfOf: null };
      sentence = `The ${voiced.speaker.name} documented the ${noun} in ${at} on ${day}.`;
      text = `Documents the ${noun} in ${at}`;
      targets = [];
      break;
  }
  return {
    sentence,
    statement: {
      id,
      ...(random.chance(0.9) ? { date, datePrecision: "DAY" as const } : {}),
      stance,
      text,
      speaker: voiced.speaker.id,
      ...(voiced.onBehalfOf ? { onBehalfOf: voiced.onBehalfOf.id } : {}),
      about: [eventId],
      ...(targets.length > 0 ? { targets } : {}),
      ...(invokes.length > 0 ? { invokes } : {}),
      quotes: [sentence],
    },
  };
}
