import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { ActorRow, PlaceRow, EventRow, ClaimRow, AgreementRow, StatementRow, SourceRow, EvidenceRow, ParticipantRow, EstimateRow, Page, Edge, SearchHitRow, EdgeRow, PathRow, SubgraphRow, StatsBucketRow, SeriesBucketRow, CoInvolvementRow, IncidentRow } from '../../model/rows.js';
import type { Context } from '../context.js';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** A calendar date, `YYYY-MM-DD`. Coarser dates carry a `DatePrecision` beside them. */
  Date: { input: string; output: string; }
};

/** A state, body, armed force, person, organisation or group that acts, speaks or is acted upon. */
export type Actor = Node & {
  __typename?: 'Actor';
  /** Agreements this actor is a party to. */
  agreements: Array<Agreement>;
  /** Other names and spellings this actor is known by (searchable). */
  aliases: Array<Scalars['String']['output']>;
  /** Actors allied with this one. */
  allies: Array<Actor>;
  /** A short description. */
  description?: Maybe<Scalars['String']['output']>;
  /**
   * This actor's events, each once, newest first. By default the events it took part in itself (as a participant).
   * `includeMembers: true` adds the events of every actor part of this one, transitively (a state's ministries, forces,
   * their units and spokespeople, up to 8 levels down). `credited: true` adds the events that a PERPETRATOR claim names
   * this actor (or, with `includeMembers`, one of its members) as perpetrator of, whoever makes the claim and whether
   * or not anyone disputes it. `role` narrows to the events where this actor (or a member) had that role; a credited
   * event counts as PERPETRATOR, so `role: TARGET` or `VICTIM` adds no credited event. `events(role: PERPETRATOR,
   * includeMembers: true, credited: true)` is everything the actor and its forces are blamed for: its `totalCount`
   * equals its bucket's in `eventStats(groupBy: PERPETRATOR, includeMembers: true)`. `filter` narrows further
   * (its `actorId` and `role` to events that actor took part in itself).
   */
  events: EventConnection;
  /** Stable id, `actor:<slug>`. */
  id: Scalars['ID']['output'];
  /**
   * Identifiers of this actor in outside registries, sorted by scheme and value; `wikidataId` is among them as
   * `wikidata`. ACLED's actors carry their exact ACLED name under `acled`.
   */
  identifiers: Array<ExternalId>;
  /** What sort of actor this is. */
  kind: ActorKind;
  /** Actors that are directly part of this one. */
  members: Array<Actor>;
  /** Ids of actors merged into this one (`mergeNodes`), oldest merges included; each still answers as this actor. */
  mergedIds: Array<Scalars['ID']['output']>;
  /** The preferred name. */
  name: Scalars['String']['output'];
  /**
   * Bodies this actor belongs to or speaks for, nearest first (a spokesperson -> a ministry -> a state; an ACLED unit
   * -> its force -> its state).
   */
  partOf: Array<Actor>;
  /**
   * The period of the regime a state body serves, as ACLED writes it in its actor names: `2000-` (since 2000),
   * `1991-2018`. Null when no source gave one.
   */
  period?: Maybe<Scalars['String']['output']>;
  /** Statements this actor made. */
  statements: StatementConnection;
  /** Statements that target this actor (condemn, accuse, call on it). */
  statementsAbout: StatementConnection;
  /** The Wikidata item id (e.g. `Q159`) when confirmed. */
  wikidataId?: Maybe<Scalars['String']['output']>;
};


/** A state, body, armed force, person, organisation or group that acts, speaks or is acted upon. */
export type ActorEventsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  credited?: InputMaybe<Scalars['Boolean']['input']>;
  filter?: InputMaybe<EventFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  includeMembers?: InputMaybe<Scalars['Boolean']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  role?: InputMaybe<EventRole>;
};


/** A state, body, armed force, person, organisation or group that acts, speaks or is acted upon. */
export type ActorStatementsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


/** A state, body, armed force, person, organisation or group that acts, speaks or is acted upon. */
export type ActorStatementsAboutArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};

/** A page of actors. */
export type ActorConnection = {
  __typename?: 'ActorConnection';
  /** The actors on this page. */
  edges: Array<ActorEdge>;
  /** Cursors and whether more pages exist. */
  pageInfo: PageInfo;
  /** How many actors match, over all pages. */
  totalCount: Scalars['Int']['output'];
};

/** An actor on a page. */
export type ActorEdge = {
  __typename?: 'ActorEdge';
  /** Opaque keyset cursor of this actor. */
  cursor: Scalars['String']['output'];
  /** The actor. */
  node: Actor;
};

/** Narrows a list of actors. */
export type ActorFilter = {
  /** Only actors of these kinds. */
  kinds?: InputMaybe<Array<ActorKind>>;
  /** Only actors whose name or an alias contains this text (case- and diacritics-insensitive). */
  nameContains?: InputMaybe<Scalars['String']['input']>;
};

/**
 * An actor. A new id whose name or alias matches an existing actor of the same kind links to that actor instead
 * (see `resolve` and `sameAs`).
 */
export type ActorInput = {
  /** Other names and spellings. */
  aliases?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Allied actors (actor ids). */
  allies?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** A short description. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** Stable id, `actor:<slug>`. An id that already exists always means that actor (no name matching). */
  id: Scalars['ID']['input'];
  /**
   * Identifiers of the actor in outside registries. Given, they replace the stored ones (a node matched by name or
   * identifier only adds them); left out, the stored ones stay. A new actor whose identifier an existing actor holds
   * is that actor, before any name matching.
   */
  identifiers?: InputMaybe<Array<ExternalIdInput>>;
  /** What sort of actor. */
  kind: ActorKind;
  /**
   * Ids merged into this actor earlier, as an export gives them: each becomes a redirect to it. An id that is a live
   * node's, or that answers as another node already, is a problem.
   */
  mergedIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** The preferred name. */
  name: Scalars['String']['input'];
  /** Bodies this actor belongs to or speaks for (actor ids). */
  partOf?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** The period of the regime a state body serves, e.g. `2000-` or `1991-2018` (as ACLED writes it). */
  period?: InputMaybe<Scalars['String']['input']>;
  /** Spellings to remove from the existing actor's aliases (a curator's correction after a wrong match). */
  removeAliases?: InputMaybe<Array<Scalars['String']['input']>>;
  /** False: never link this actor to an existing one by name; it is stored under its own id. */
  resolve?: InputMaybe<Scalars['Boolean']['input']>;
  /**
   * This actor is the existing actor with this id: references to `id` are rewritten to it and the names given become
   * its aliases. For matches the automatic resolution misses.
   */
  sameAs?: InputMaybe<Scalars['ID']['input']>;
  /** The Wikidata item id, e.g. `Q159`. */
  wikidataId?: InputMaybe<Scalars['String']['input']>;
};

/** What sort of actor: states and their bodies, armed actors, people, civil society, the press, civilians. */
export type ActorKind =
  /** A state's armed force or one of its branches. */
  | 'ARMED_FORCE'
  /** A non-state armed group (rebels, militias). */
  | 'ARMED_GROUP'
  /** Civilians as a group (ACLED inter code 7). */
  | 'CIVILIANS'
  /** A civil-defence or rescue organisation. */
  | 'CIVIL_DEFENSE'
  /** A ministry, department or other government body. */
  | 'GOVERNMENT_BODY'
  /** An intergovernmental organisation (UN bodies and the like). */
  | 'INTERNATIONAL_ORGANIZATION'
  /** A news agency or other publisher. */
  | 'MEDIA'
  /** A non-governmental organisation. */
  | 'NGO'
  /** Anything else. */
  | 'OTHER'
  /** A named individual. */
  | 'PERSON'
  /** A sovereign state (stands for its government in statements). */
  | 'STATE';

/** A ceasefire, memorandum or other agreement between actors, covering places. */
export type Agreement = Node & {
  __typename?: 'Agreement';
  /** The places it applies to (and every place inside them). */
  covers: Array<Place>;
  /** How precisely `signedOn` is known. */
  datePrecision?: Maybe<DatePrecision>;
  /** The day it ceased to apply, when it has; violations are counted before this date. */
  endsOn?: Maybe<Scalars['Date']['output']>;
  /** The sentences that report the agreement. */
  evidence: Array<Evidence>;
  /** Stable id, `agreement:<slug>`. */
  id: Scalars['ID']['output'];
  /** Its usual name. */
  name: Scalars['String']['output'];
  /** The actors that agreed to it. */
  parties: Array<Actor>;
  /** When it was signed; read with `datePrecision`. */
  signedOn?: Maybe<Scalars['Date']['output']>;
  /** What it provides. */
  summary?: Maybe<Scalars['String']['output']>;
  /** Violent events in the covered places (and places inside them) on or after signedOn and before endsOn, newest first. */
  violations: EventConnection;
};


/** A ceasefire, memorandum or other agreement between actors, covering places. */
export type AgreementViolationsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};

/** A page of agreements. */
export type AgreementConnection = {
  __typename?: 'AgreementConnection';
  /** The agreements on this page. */
  edges: Array<AgreementEdge>;
  /** Cursors and whether more pages exist. */
  pageInfo: PageInfo;
  /** How many agreements there are, over all pages. */
  totalCount: Scalars['Int']['output'];
};

/** An agreement on a page. */
export type AgreementEdge = {
  __typename?: 'AgreementEdge';
  /** Opaque keyset cursor of this agreement. */
  cursor: Scalars['String']['output'];
  /** The agreement. */
  node: Agreement;
};

/** An agreement, such as a ceasefire or memorandum. */
export type AgreementInput = {
  /** The places it covers (place ids). */
  covers?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** How precisely `signedOn` is known. */
  datePrecision?: InputMaybe<DatePrecision>;
  /** When it ended or expires; after `signedOn`. */
  endsOn?: InputMaybe<Scalars['Date']['input']>;
  /** Stable id, `agreement:<slug>`. */
  id: Scalars['ID']['input'];
  /** Its usual name. */
  name: Scalars['String']['input'];
  /** The actors party to it (actor ids). */
  parties?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Sentences of the source text that report it. */
  quotes?: InputMaybe<Array<Scalars['String']['input']>>;
  /** When it was signed. */
  signedOn?: InputMaybe<Scalars['Date']['input']>;
  /** What it provides. */
  summary?: InputMaybe<Scalars['String']['input']>;
};

/**
 * An area between two parallels and two meridians, in degrees. `south` must not be north of `north`. A box whose `west`
 * is east of its `east` crosses the antimeridian (180°): `west: 170, east: -170` is the 20° around it.
 */
export type BoundingBox = {
  /** The eastern edge, degrees east, from -180 to 180. */
  east: Scalars['Float']['input'];
  /** Also events located only to a region (see `NearInput.includeImprecise`). False by default. */
  includeImprecise?: InputMaybe<Scalars['Boolean']['input']>;
  /** The northern edge, degrees north, from -90 to 90; at least `south`. */
  north: Scalars['Float']['input'];
  /** The southern edge, degrees north, from -90 to 90. */
  south: Scalars['Float']['input'];
  /** The western edge, degrees east, from -180 to 180. */
  west: Scalars['Float']['input'];
};

/** One source document and everything it supports. References are ids, resolved against the bundle itself and the graph. */
export type BundleInput = {
  /** Actors the bundle defines (or, by name, links to existing ones). */
  actors?: InputMaybe<Array<ActorInput>>;
  /** Agreements the bundle defines. */
  agreements?: InputMaybe<Array<AgreementInput>>;
  /** Claims the document makes; each is reported in this source. */
  claims?: InputMaybe<Array<ClaimInput>>;
  /** Events the bundle defines. */
  events?: InputMaybe<Array<EventInput>>;
  /** Places the bundle defines (or, by name, links to existing ones). */
  places?: InputMaybe<Array<PlaceInput>>;
  /** The document; every quote in the bundle must occur in its `text`. */
  source: SourceInput;
  /** Statements the document reports; each is reported in this source. */
  statements?: InputMaybe<Array<StatementInput>>;
};

/** What happened to an event report, as told by `Subscription.eventsChanged`. */
export type ChangeKind =
  /** The report was created by an import. */
  | 'CREATED'
  /** An actor or place it names was merged into another. */
  | 'MERGED'
  /** The report joined or left an incident. */
  | 'REGROUPED'
  /** An import changed the report or its evidence. */
  | 'UPDATED';

/** One assertion about an event, from one source: who says so, where, and on which words. */
export type Claim = Node & {
  __typename?: 'Claim';
  /** Actors the claim names (e.g. the alleged perpetrators). */
  actors: Array<Actor>;
  /** Who makes the claim; null when the source does not say (e.g. "local sources"). */
  assertedBy?: Maybe<Actor>;
  /** Statements that deny or dispute this claim. */
  disputedBy: Array<Statement>;
  /** The figure claimed (FATALITIES and INJURIES claims). */
  estimate?: Maybe<Estimate>;
  /** The event the claim is about. */
  event: Event;
  /** The sentences the claim rests on. */
  evidence: Array<Evidence>;
  /** Stable id, `claim:<slug>`. */
  id: Scalars['ID']['output'];
  /** What the claim asserts. */
  kind: ClaimKind;
  /** Where the claim was published. */
  source: Source;
  /** The assertion in a sentence. */
  text: Scalars['String']['output'];
  /** For a FATALITIES or INJURIES claim: whom its figure counts (ALL when the source does not say); null for other kinds. */
  victims?: Maybe<VictimGroup>;
  /** For a COMBATANTS figure: the side whose fighters it counts (UCDP's side A or B), when known. */
  victimsOf?: Maybe<Actor>;
};

/** One assertion about an event, made in this bundle's source. */
export type ClaimInput = {
  /** Actors the claim names (actor ids). */
  actors?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Who makes the claim (an actor id); null when the source does not say. */
  assertedBy?: InputMaybe<Scalars['ID']['input']>;
  /** Statements (by id) that dispute this claim. */
  disputedBy?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** The figure (FATALITIES and INJURIES claims). */
  estimate?: InputMaybe<EstimateInput>;
  /** The event it is about (an event id). */
  event: Scalars['ID']['input'];
  /** Stable id, `claim:<slug>`. */
  id: Scalars['ID']['input'];
  /** What it asserts. */
  kind: ClaimKind;
  /** Sentences of the source text the claim rests on; at least one. */
  quotes: Array<Scalars['String']['input']>;
  /** The assertion in a sentence. */
  text: Scalars['String']['input'];
  /** Whom the figure counts (FATALITIES and INJURIES claims); unstated means ALL, everyone killed. */
  victims?: InputMaybe<VictimGroup>;
  /** With victims COMBATANTS: the actor (an id) whose fighters the figure counts. */
  victimsOf?: InputMaybe<Scalars['ID']['input']>;
};

/** What a claim asserts. */
export type ClaimKind =
  /** A count of people killed. */
  | 'FATALITIES'
  /** A count of people injured. */
  | 'INJURIES'
  /** Any other assertion. */
  | 'OTHER'
  /** Who carried the event out. */
  | 'PERPETRATOR';

/** An actor that took part in events together with another. */
export type CoInvolvement = {
  __typename?: 'CoInvolvement';
  /** The other actor. */
  actor: Actor;
  /** How many events they share. */
  sharedEvents: Scalars['Int']['output'];
};

/** How precisely a date is known; `2019-07-01` at MONTH precision means "some day in July 2019". */
export type DatePrecision =
  /** The exact day. */
  | 'DAY'
  /** Within about a month (ACLED time_precision 3). */
  | 'MONTH'
  /** Within about a week (ACLED time_precision 2). */
  | 'WEEK'
  /** Only the year is known. */
  | 'YEAR';

/** An actor or place of the import that was linked to an existing node (entity resolution). */
export type EntityMatch = {
  __typename?: 'EntityMatch';
  /** How the link was made. */
  by: MatchReason;
  /** The id as given in the import; nothing is stored under it. */
  id: Scalars['ID']['output'];
  /** The existing node it was linked to; references to `id` now point here. */
  matchedId: Scalars['ID']['output'];
  /** The name given in the import (added to the existing node's aliases when it is a new spelling). */
  name: Scalars['String']['output'];
};

/**
 * A casualty figure: "at least 7" is low 7, high null, qualifier AT_LEAST. Every stored figure is at most 10,000,000
 * (MAX_TOLL, the largest toll an input may give one event); a sum (StatsBucket) beyond GraphQL's Int answers
 * 2147483647, the largest Int.
 */
export type Estimate = {
  __typename?: 'Estimate';
  /** The source's best estimate, where it gives one (UCDP's best); combined over sources, the lowest best any gives. */
  best?: Maybe<Scalars['Int']['output']>;
  /** The highest figure given; null when open-ended ("at least"). */
  high?: Maybe<Scalars['Int']['output']>;
  /** The lowest figure given; null when none was given. */
  low?: Maybe<Scalars['Int']['output']>;
  /** How the figure was worded. */
  qualifier: EstimateQualifier;
};

/** A figure as worded in the source. */
export type EstimateInput = {
  /** The source's best estimate, between low and high (UCDP's best). */
  best?: InputMaybe<Scalars['Int']['input']>;
  /** The upper figure; null when open. */
  high?: InputMaybe<Scalars['Int']['input']>;
  /** The lower figure, or the figure. Every figure is a whole number from 0 to 10,000,000. */
  low?: InputMaybe<Scalars['Int']['input']>;
  /** How the figure was worded. */
  qualifier: EstimateQualifier;
};

/** How a casualty figure was worded. */
export type EstimateQualifier =
  /** An approximation ("about", "half a dozen"). */
  | 'ABOUT'
  /** A floor ("at least 7"); high is null. */
  | 'AT_LEAST'
  /** An exact count ("killing 39"). */
  | 'EXACT'
  /** Several figures combined into a low–high range. */
  | 'RANGE'
  /** A casualty report without a usable figure. */
  | 'UNKNOWN'
  /** A ceiling ("up to 10"); low may be null. */
  | 'UP_TO';

/** Something that happened at a place on a date: an airstrike, a clash, a protest. */
export type Event = Node & {
  __typename?: 'Event';
  /** ACLED event category. */
  category: EventCategory;
  /** Every claim about this event, from every source. */
  claims: Array<Claim>;
  /** When it happened; read with `datePrecision`. */
  date: Scalars['Date']['output'];
  /** How precisely `date` is known. */
  datePrecision: DatePrecision;
  /**
   * The latest possible date (UCDP's date_end); equal to `date` when the event is known to the day. Without a stored end
   * date it is the last day `date` and `datePrecision` allow: `date` for DAY, three days after for WEEK (a WEEK date is
   * the middle of its week), the month's last day for MONTH, the year's for YEAR. Incident matching compares these
   * intervals, from the first day (`date`, or the week's, month's or year's first) to this one.
   */
  endDate?: Maybe<Scalars['Date']['output']>;
  /** The sentences that report the event itself. */
  evidence: Array<Evidence>;
  /**
   * People killed, whoever they were, combined by the one-event rule (low the lowest figure any source gives, high the
   * highest bound or open, sources never added): over the claims that count everyone (victims ALL) when any does,
   * otherwise over every FATALITIES claim whatever group it counts (a civilians-only figure is then a floor: others may
   * have died uncounted). Not a count of civilians: see `tolls` for each victim group.
   */
  fatalities?: Maybe<Estimate>;
  /**
   * How precisely the event's own coordinates are known (ACLED's geo_precision, UCDP's where_prec); null when not given
   * or when the event has none (`locationPrecision` says how precisely `location` is known, whatever it comes from).
   */
  geoPrecision?: Maybe<GeoPrecision>;
  /** Stable id, `event:<slug>` (ACLED rows keep their `event_id_cnty`). */
  id: Scalars['ID']['output'];
  /**
   * Identifiers of this event report in outside registries, sorted by scheme and value. ACLED's events carry their
   * `event_id_cnty` under `acled`.
   */
  identifiers: Array<ExternalId>;
  /**
   * The incident this report belongs to; an event that no other report matches is an incident of its own. A new or
   * updated report joins another report's incident automatically only when all of these hold: their intervals overlap
   * (`date` to `endDate` when an end date is stored; else DAY is the day, WEEK the date ± 3 days, MONTH the calendar
   * month; a report known only to the YEAR, or to a span longer than a month, is never matched); they happened at the
   * same place, or one inside the other, and the coarser of the two is a city, town, village or site (never a district,
   * province or country); their categories are compatible (ACLED's categories only with themselves: an air strike and a
   * shelling are both remote violence; UCDP's kinds of violence with the ACLED categories their events are coded as,
   * README "Incidents"); they come from different publishers (two rows of one ACLED export
   * are two events by ACLED's own reckoning); no editor kept them apart; and the match is unique: exactly one incident
   * qualifies, and no other report of the same publisher fits that incident as well. Otherwise the report stays an
   * incident of its own, and the incidents it could be are listed in `incidentCandidates`. An editor's decision
   * (`linkIncident`) is never changed by matching.
   */
  incident: Incident;
  /**
   * Incidents other than its own that this report could be, for an editor to decide: those that satisfy every
   * condition of automatic matching (see `incident`) except uniqueness. Non-empty when automatic matching left the
   * report apart because more than one incident qualified, or because another report of the same publisher fits as
   * well; also when an editor decided its incident. Incidents an editor kept apart from it are never listed.
   */
  incidentCandidates: Array<Incident>;
  /** People injured, combined over all claims in the same way as `fatalities`. */
  injuries?: Maybe<Estimate>;
  /**
   * Where it happened, as precisely as the source says (else its place's point): the event's own coordinates when the
   * source gives them (ACLED's and UCDP's rows do); otherwise the point of the nearest place that has one, from the
   * event's place up through the places enclosing it (a market without coordinates is located at its town's). Null when
   * neither the event nor any of its places has coordinates. `near` and `within` filter by this.
   */
  location?: Maybe<GeoPoint>;
  /** The place whose point `location` is, when the event has no coordinates of its own; null otherwise. */
  locationPlace?: Maybe<Place>;
  /**
   * How precisely `location` is known: the source's `geoPrecision` for the event's own coordinates (TOWN when the source
   * gives coordinates without one); for a place's point, TOWN for a city, town, village or site and REGION for a
   * district, province, country or zone. REGION locations are left out of `near` and `within` unless asked for.
   */
  locationPrecision?: Maybe<GeoPrecision>;
  /** Who took part, optionally in one role. */
  participants: Array<Participant>;
  /** Actors credited as perpetrator by at least one claim. */
  perpetrators: Array<Actor>;
  /** Where it happened; one or more places. */
  places: Array<Place>;
  /** True when an actor denies or disputes a responsibility claim. */
  responsibilityContested: Scalars['Boolean']['output'];
  /** Statements about this event (condemnations, denials, reports). */
  statements: Array<Statement>;
  /** A one-paragraph summary. */
  summary?: Maybe<Scalars['String']['output']>;
  /** A short descriptive title. */
  title: Scalars['String']['output'];
  /**
   * Deaths per victim group, one entry per group some claim counts, each combined by the one-event rule. A figure
   * counting everyone is never shown as civilians.
   */
  tolls: Array<VictimToll>;
  /** ACLED sub-event type; OTHER for a UCDP event, which has none (its category is UCDP's kind of violence). */
  type: EventType;
  /**
   * The UCDP conflict a UCDP event belongs to (conflict_new_id); its name is in the event's source, the UCDP row. Null
   * for other events. `events(filter: {ucdpConflictId})` lists the conflict's events.
   */
  ucdpConflictId?: Maybe<Scalars['String']['output']>;
  /** The UCDP dyad (the two sides) of a UCDP event (dyad_new_id); null for other events. */
  ucdpDyadId?: Maybe<Scalars['String']['output']>;
  /** Agreements in force over the event's place on its date. */
  violates: Array<Agreement>;
};


/** Something that happened at a place on a date: an airstrike, a clash, a protest. */
export type EventParticipantsArgs = {
  role?: InputMaybe<EventRole>;
};


/** Something that happened at a place on a date: an airstrike, a clash, a protest. */
export type EventStatementsArgs = {
  stance?: InputMaybe<Stance>;
};

/**
 * ACLED's event categories, then UCDP's kinds of violence (its `type_of_violence`). Reports of different datasets join
 * one incident when their categories are compatible (README, "Incidents": the compatibility table).
 */
export type EventCategory =
  /** Armed clashes and territorial changes. */
  | 'BATTLES'
  /** Air and drone strikes, shelling, explosives. */
  | 'EXPLOSIONS_REMOTE_VIOLENCE'
  /** UCDP type_of_violence 2: armed force between organised groups, none of them a government. */
  | 'NON_STATE_VIOLENCE'
  /** UCDP type_of_violence 3: armed force by a government or an organised group against civilians. */
  | 'ONE_SIDED_VIOLENCE'
  /** Demonstrations. */
  | 'PROTESTS'
  /** Violent demonstrations and mob violence. */
  | 'RIOTS'
  /** UCDP type_of_violence 1: armed force between two organised parties, at least one of them a government. */
  | 'STATE_BASED_VIOLENCE'
  /** Agreements, arrests and other non-violent developments. */
  | 'STRATEGIC_DEVELOPMENTS'
  /** Attacks on unarmed civilians. */
  | 'VIOLENCE_AGAINST_CIVILIANS';

/** One event report that changed, with what happened to it; `event` reads as it does in queries, after the change. */
export type EventChange = {
  __typename?: 'EventChange';
  /** The report as it stands after the change. */
  event: Event;
  /** What happened to the report. */
  kind: ChangeKind;
};

/** A page of events. */
export type EventConnection = {
  __typename?: 'EventConnection';
  /** The events on this page. */
  edges: Array<EventEdge>;
  /** Cursors and whether more pages exist. */
  pageInfo: PageInfo;
  /** How many events match, over all pages. */
  totalCount: Scalars['Int']['output'];
};

/** An event on a page. */
export type EventEdge = {
  __typename?: 'EventEdge';
  /** Opaque keyset cursor of this event. */
  cursor: Scalars['String']['output'];
  /** The event. */
  node: Event;
};

/** Narrows a list of events; all given conditions must hold. */
export type EventFilter = {
  /** Only events this actor took part in. */
  actorId?: InputMaybe<Scalars['ID']['input']>;
  /** Only these ACLED categories. */
  categories?: InputMaybe<Array<EventCategory>>;
  /** True: only events whose responsibility is contested; false: only uncontested ones. */
  contested?: InputMaybe<Scalars['Boolean']['input']>;
  /** On or after this date. */
  from?: InputMaybe<Scalars['Date']['input']>;
  /** Only events whose conservative (low) death toll, `fatalities.low`, is at least this. */
  minFatalities?: InputMaybe<Scalars['Int']['input']>;
  /**
   * Events located within this distance of a point (an event without coordinates uses its place's): by
   * `Event.location`, and only TOWN and NEAR_TOWN locations unless `includeImprecise`.
   */
  near?: InputMaybe<NearInput>;
  /** This place and every place inside it. */
  placeId?: InputMaybe<Scalars['ID']['input']>;
  /** With `actorId`: only in this role. Alone: only events that have a participant in this role. */
  role?: InputMaybe<EventRole>;
  /** On or before this date. */
  to?: InputMaybe<Scalars['Date']['input']>;
  /** Only these ACLED sub-event types. */
  types?: InputMaybe<Array<EventType>>;
  /** Only the events of this UCDP conflict (its conflict_new_id, e.g. `299` for Syria: Government). */
  ucdpConflictId?: InputMaybe<Scalars['String']['input']>;
  /** Only the events of this UCDP dyad (its dyad_new_id, e.g. `11973` for Government of Syria - Syrian insurgents). */
  ucdpDyadId?: InputMaybe<Scalars['String']['input']>;
  /**
   * Events located inside this box, edges included: by `Event.location`, and only TOWN and NEAR_TOWN locations unless
   * `includeImprecise`.
   */
  within?: InputMaybe<BoundingBox>;
};

/** An event. */
export type EventInput = {
  /** ACLED event category. */
  category: EventCategory;
  /** When it happened. */
  date: Scalars['Date']['input'];
  /** How precisely `date` is known. */
  datePrecision: DatePrecision;
  /**
   * The latest possible date, when the event is known only to lie between `date` and it (UCDP's date_end); not before
   * `date`. Give `datePrecision` DAY with it: the interval is then [date, endDate].
   */
  endDate?: InputMaybe<Scalars['Date']['input']>;
  /** How precisely `location` is known (ACLED's geo_precision). */
  geoPrecision?: InputMaybe<GeoPrecision>;
  /** Stable id, `event:<slug>`. */
  id: Scalars['ID']['input'];
  /** Identifiers of the event report in outside registries (e.g. `acled` / its `event_id_cnty`). */
  identifiers?: InputMaybe<Array<ExternalIdInput>>;
  /** The event's own coordinates (ACLED's latitude and longitude), when known. */
  location?: InputMaybe<GeoPointInput>;
  /** Who took part, and how. */
  participants?: InputMaybe<Array<ParticipantInput>>;
  /** Where it happened (place ids, at least one). */
  places: Array<Scalars['ID']['input']>;
  /** Sentences of the source text that report it. */
  quotes?: InputMaybe<Array<Scalars['String']['input']>>;
  /** A one-paragraph summary. */
  summary?: InputMaybe<Scalars['String']['input']>;
  /** A short descriptive title. */
  title: Scalars['String']['input'];
  /** ACLED sub-event type. */
  type: EventType;
  /** The UCDP conflict of a UCDP event (its conflict_new_id), at most 100 characters; as an export gives it. */
  ucdpConflictId?: InputMaybe<Scalars['String']['input']>;
  /** The UCDP dyad of a UCDP event (its dyad_new_id), at most 100 characters; as an export gives it. */
  ucdpDyadId?: InputMaybe<Scalars['String']['input']>;
};

/** Orders of an event list; ties are broken by id so that cursors are stable. */
export type EventOrder =
  /** Oldest first. */
  | 'DATE_ASC'
  /** Newest first. */
  | 'DATE_DESC'
  /** Most people killed first (by the conservative low figure of `fatalities`; events without a figure last). */
  | 'FATALITIES_DESC';

/** The part an actor played in an event. */
export type EventRole =
  /**
   * Took part without carrying out harm or suffering it: protesters and rioters in their demonstration, the parties to
   * an agreement, a force intervening in a protest without lethal force.
   */
  | 'PARTICIPANT'
  /** Carried it out. */
  | 'PERPETRATOR'
  /** Was its intended target. */
  | 'TARGET'
  /** Suffered it: its people were among those killed, injured or otherwise harmed. Civilians, and any actor the source names as harmed, such as the civil defence whose volunteer was among those killed at Maarat al-Numan; a claim naming the actor gives the evidence. A victim's dead are counted in the event's figures, never added to them. */
  | 'VICTIM';

/** ACLED's sub-event types. */
export type EventType =
  /** Violence against civilians: abduction/forced disappearance. */
  | 'ABDUCTION_FORCED_DISAPPEARANCE'
  /** Strategic developments: agreement. */
  | 'AGREEMENT'
  /** Explosions/remote violence: air/drone strike. */
  | 'AIR_DRONE_STRIKE'
  /** Battles: armed clash. */
  | 'ARMED_CLASH'
  /** Strategic developments: arrests. */
  | 'ARRESTS'
  /** Violence against civilians: attack. */
  | 'ATTACK'
  /** Explosions/remote violence: chemical weapon. */
  | 'CHEMICAL_WEAPON'
  /** Protests: excessive force against protesters. */
  | 'EXCESSIVE_FORCE_AGAINST_PROTESTERS'
  /** Battles: government regains territory. */
  | 'GOVERNMENT_REGAINS_TERRITORY'
  /** Explosions/remote violence: grenade. */
  | 'GRENADE'
  /** Strategic developments: looting/property destruction. */
  | 'LOOTING_PROPERTY_DESTRUCTION'
  /** Riots: mob violence. */
  | 'MOB_VIOLENCE'
  /** Battles: non-state actor overtakes territory. */
  | 'NON_STATE_ACTOR_OVERTAKES_TERRITORY'
  /** Any other sub-event type. */
  | 'OTHER'
  /** Protests: peaceful protest. */
  | 'PEACEFUL_PROTEST'
  /** Protests: protest with intervention. */
  | 'PROTEST_WITH_INTERVENTION'
  /** Explosions/remote violence: remote explosive/landmine/IED. */
  | 'REMOTE_EXPLOSIVE_LANDMINE_IED'
  /** Violence against civilians: sexual violence. */
  | 'SEXUAL_VIOLENCE'
  /** Explosions/remote violence: shelling/artillery/missile attack. */
  | 'SHELLING_ARTILLERY_MISSILE_ATTACK'
  /** Explosions/remote violence: suicide bomb. */
  | 'SUICIDE_BOMB'
  /** Riots: violent demonstration. */
  | 'VIOLENT_DEMONSTRATION';

/** The exact words a fact rests on: `source.text.slice(start, end) == quote`. */
export type Evidence = {
  __typename?: 'Evidence';
  /** Offset just past the last character of the quote. */
  end: Scalars['Int']['output'];
  /**
   * Stable id derived from the source and the offsets, `evidence:<source slug>:<start>-<end>`, so that clients
   * caching by id (Apollo Client, Relay) keep one record per quoted passage. Not a `Node`: look the source up instead.
   */
  id: Scalars['ID']['output'];
  /** The quoted words, verbatim. */
  quote: Scalars['String']['output'];
  /** The document quoted. */
  source: Source;
  /** Offset of the first character of the quote in the source text (UTF-16 code units, as JavaScript counts). */
  start: Scalars['Int']['output'];
};

/**
 * An identifier of this node in an outside registry. One identifier names one node: a second claim on it is an import
 * problem.
 */
export type ExternalId = {
  __typename?: 'ExternalId';
  /** The registry, in lower case: `acled` (event ids and actor names), `wikidata`, `geonames`, `pcode`, … */
  scheme: Scalars['String']['output'];
  /** The identifier in that registry, as the registry writes it (for `acled` actors, the exact ACLED name). */
  value: Scalars['String']['output'];
};

/**
 * An identifier of a node in an outside registry. `scheme`: lower case letters, digits, `_`, `-` or `.`, starting
 * with a letter, at most 32 characters (no colon). `value`: 1 to 500 characters, without control characters, trimmed;
 * a `wikidata` value looks like `Q123`. At most 100 identifiers per node.
 */
export type ExternalIdInput = {
  /** The registry, in lower case (`acled`, `wikidata`, `geonames`, `pcode`, …). */
  scheme: Scalars['String']['input'];
  /** The identifier in that registry (for `acled` actors, the exact ACLED name). */
  value: Scalars['String']['input'];
};

/** A point on the WGS 84 globe. */
export type GeoPoint = {
  __typename?: 'GeoPoint';
  /** Degrees north. */
  latitude: Scalars['Float']['output'];
  /** Degrees east. */
  longitude: Scalars['Float']['output'];
};

/** A point on the WGS 84 globe. */
export type GeoPointInput = {
  /** Degrees north, -90 to 90. */
  latitude: Scalars['Float']['input'];
  /** Degrees east, -180 to 180. */
  longitude: Scalars['Float']['input'];
};

/** How precisely an event's coordinates are known, after ACLED's geo_precision. */
export type GeoPrecision =
  /** Near the town, or a part of a region (ACLED 2). */
  | 'NEAR_TOWN'
  /** Only a larger region (ACLED 3). */
  | 'REGION'
  /** The named town itself (ACLED 1). */
  | 'TOWN';

/** A relationship between two nodes, as stored. */
export type GraphEdge = {
  __typename?: 'GraphEdge';
  /** Id of the node the relationship starts at. */
  from: Scalars['ID']['output'];
  /** The relationship's role, for PARTICIPATED_IN (PERPETRATOR, TARGET, VICTIM). */
  role?: Maybe<EventRole>;
  /** Id of the node the relationship points to. */
  to: Scalars['ID']['output'];
  /** The relationship type as stored, e.g. PART_OF. */
  type: Scalars['String']['output'];
};

/**
 * What an import did, or with `dryRun` would do. Nodes count once each: a node is unchanged when the import would
 * change none of its properties, relationships or evidence.
 */
export type ImportReport = {
  __typename?: 'ImportReport';
  /** Nodes that did not exist before. */
  created: Scalars['Int']['output'];
  /** True when nothing was written (the report says what would have been). */
  dryRun: Scalars['Boolean']['output'];
  /** Actors and places given under a new id that were linked to an existing node instead of becoming a new one. */
  resolved: Array<EntityMatch>;
  /** CSV rows read (ACLED, UCDP); null for bundles. */
  rows?: Maybe<Scalars['Int']['output']>;
  /** Ids of every node the import created or updated. */
  touched: Array<Scalars['ID']['output']>;
  /** Nodes the import names that were already exactly as given. */
  unchanged: Scalars['Int']['output'];
  /** Existing nodes whose properties, relationships or evidence changed. */
  updated: Scalars['Int']['output'];
  /**
   * What the import accepted but had to decide about, each at its row and column (a UCDP row whose figures are out of
   * order); empty when there was nothing to decide.
   */
  warnings: Array<ImportWarning>;
};

/** Something an import accepted but had to decide about (a figure out of order, a value it read leniently). */
export type ImportWarning = {
  __typename?: 'ImportWarning';
  /** What was found, and what was kept. */
  message: Scalars['String']['output'];
  /** Where: `rows.<n>.<column>` in a CSV file (data rows from 1), a JSON path in a bundle. */
  path: Scalars['String']['output'];
};

/**
 * One real-world incident, as every source that reports it tells it. Each event is a report of exactly one incident;
 * statistics count incidents, so a strike that the article and ACLED both report counts once.
 */
export type Incident = Node & {
  __typename?: 'Incident';
  /** When it happened: the date of its most precisely dated report (the earliest of those). */
  date: Scalars['Date']['output'];
  /**
   * People killed, combined over all its reports' claims by the rule of `Event.fatalities`: low is the most
   * conservative credible figure, the upper bound is open when any source says "at least", and sources are never added
   * together. Not a count of civilians: see `tolls`.
   */
  fatalities?: Maybe<Estimate>;
  /**
   * Stable id, `incident:<slug>`, taken from the id of its first report (`incident:acled-SYR12345`); it stays when
   * other reports join or leave.
   */
  id: Scalars['ID']['output'];
  /** People injured, combined over all its reports' claims in the same way. */
  injuries?: Maybe<Estimate>;
  /** How its reports came together. */
  match: IncidentMatch;
  /** Every event report of this incident, from every source, oldest first. */
  reports: Array<Event>;
  /** Deaths per victim group over all its reports, each group combined by the one-event rule. */
  tolls: Array<VictimToll>;
  /**
   * Only in the answer of `linkIncident`: the earlier editors' decisions about this incident's reports that this one
   * undid, one sentence each (a keep-apart that splits reports an editor's decision had put together, match CURATED; a
   * join of reports an editor had kept apart). Empty in every other answer, and when nothing was undone.
   */
  undone: Array<Scalars['String']['output']>;
};

/** A page of incidents. */
export type IncidentConnection = {
  __typename?: 'IncidentConnection';
  /** The incidents on this page. */
  edges: Array<IncidentEdge>;
  /** Cursors and whether more pages exist. */
  pageInfo: PageInfo;
  /** How many incidents match, over all pages. */
  totalCount: Scalars['Int']['output'];
};

/** An incident on a page. */
export type IncidentEdge = {
  __typename?: 'IncidentEdge';
  /** Opaque keyset cursor of this incident. */
  cursor: Scalars['String']['output'];
  /** The incident. */
  node: Incident;
};

/** How the reports of an incident came together. */
export type IncidentMatch =
  /** Reports matched by the server on date, place and kind of event (see `Event.incident`). */
  | 'AUTOMATIC'
  /** Reports linked, or kept apart, by an editor (`linkIncident`); automatic matching never moves them again. */
  | 'CURATED'
  /** One report only. */
  | 'SINGLE';

/** Why an imported actor or place was linked to an existing node. */
export type MatchReason =
  /** An identifier given in the import is held by the existing node (see `Actor.identifiers`). */
  | 'IDENTIFIER'
  /** The id was merged into the node named (`mergeNodes`); it answers as that node. */
  | 'MERGED'
  /** A name or alias matched one of the existing node's, ignoring case, diacritics and transliteration. */
  | 'NAME'
  /** The input said so with `sameAs`. */
  | 'SAME_AS';

/**
 * Writes. Every mutation needs an editor's credentials: none or invalid ones answer `UNAUTHENTICATED` (HTTP 401), a
 * reader's `FORBIDDEN` (HTTP 403), and nothing is written.
 */
export type Mutation = {
  __typename?: 'Mutation';
  /**
   * Imports rows in ACLED's export format (CSV with its header row), all or nothing. Problems name the row
   * (`rows.<n>.<column>`, n counting data rows from 1). `event_date` may be `2019-07-22`, `22 July 2019` or `22-Jul-19`
   * (two-digit years from 1997: 97-99 are 1997-1999, 00-96 are 2000-2096); day and month in figures (`07/08/2019`) are
   * refused as ambiguous. Actor names are read by ACLED's conventions: `Military Forces of X (2000-)`, `Police Forces of
   * X (…)` and `Government of X (…)` are PART_OF the state X (an existing STATE actor of that name or alias, else a new
   * one) and keep their `period`; a unit after a force's name is PART_OF the force; `ABBR: Name` has the alias ABBR;
   * `Civilians (X)`, `Protesters (X)`, `Rioters (X)`, `Unidentified Armed Group (X)`, `… Militia (X)` take their kind
   * from the name. Nothing a curator wrote is overwritten: a derived PART_OF is only added to an actor without one.
   */
  importAcled: ImportReport;
  /**
   * Writes the whole bundle in one transaction, or nothing. Re-importing the same bundle changes nothing. Every problem
   * (schema, unknown references, quotes missing from the source text, ambiguous name matches) is reported at once as a
   * `BAD_USER_INPUT` error whose `extensions.problems` lists `{path, message}`.
   */
  importBundle: ImportReport;
  /**
   * Editors: import a UCDP GED CSV, in the 41-column layout of releases up to 19.x or the 49-column layout of 20.1
   * and later (told apart by the header; dates `2019-07-22` or `2019-07-22 00:00:00.000`). All or nothing, idempotent
   * by UCDP's event id, like importAcled. Problems name the row and column (`rows.<n>.<column>`, n counting data rows
   * from 1). A row whose figures break low <= best <= high is imported with a warning saying what was kept. Each row
   * is an event `event:ucdp-<id>` (identifier `ucdp`) whose category is UCDP's kind of violence, with a source
   * published by UCDP and FATALITIES claims per victim group; see README, "Datasets".
   */
  importUcdp: ImportReport;
  /**
   * Editors: these event reports (2 to 20 event ids) are one incident (same: true), or must never be matched together
   * (same: false). Joining puts the listed reports into the incident of the first one (match CURATED). Keeping apart
   * stores the decision for every pair of them and, of the listed reports that share an incident, keeps one in it and
   * moves the others into incidents of their own: the one that stays is the report the incident is named after (its id
   * is `incident:<the report's slug>`), so that an incident named after an article's report never ends up holding only
   * ACLED's row; of an incident named after none of them, the first listed. A later decision about the same reports
   * replaces an earlier one (joining undoes a keep-apart between the listed reports; keeping apart undoes a join), and
   * says so in the answer's `Incident.undone`. Decisions survive re-imports and are part of the export. Refused with BAD_USER_INPUT,
   * nothing changed, for fewer than two distinct ids, more than 20, unknown events, or a join that would put a report
   * into an incident holding a report an editor kept apart from it. Answers the incidents of the listed reports as they
   * now stand, in the order of the ids.
   */
  linkIncident: Array<Incident>;
  /**
   * Editors: `from` (an actor or a place) is the same as `into`, which it becomes, in one transaction that waits for
   * running imports. Every relationship of `from` moves to `into` (participations keep their role; one that `into`
   * already has, of the same type, other end and role, is not duplicated; a place keeps `into`'s parent and takes
   * `from`'s only when it has none). `from`'s name and aliases become aliases of `into`, its values fill those `into`
   * lacks, and its external identifiers move to `into`. `from` is deleted, and its id (with any ids merged into it
   * before) keeps answering with `into`: in `actor`, `place` and `node`, and as a reference in later imports; a bundle
   * that defines a node under it adds to `into` as a name match would (aliases, relationships, missing values) and never
   * renames it. `into.mergedIds` lists those ids, and an export carries them, so an import restores the redirects.
   *
   * Refused with `BAD_USER_INPUT`, nothing changed, when: the two are of different types or not actors or places; `from`
   * is `into`; either id is unknown or already merged away (the message names the node it answers as); or one is part
   * of (PART_OF) or lies within (WITHIN) the other, directly or through others, since the merge would make a node part of
   * itself. Anonymous callers get `UNAUTHENTICATED`, readers `FORBIDDEN`.
   *
   * The report counts `into` and every node whose relationships now name `into` instead of `from` as `updated`, lists
   * them in `touched`, and lists the merge itself in `resolved` (`by: MERGED`).
   */
  mergeNodes: ImportReport;
};


/**
 * Writes. Every mutation needs an editor's credentials: none or invalid ones answer `UNAUTHENTICATED` (HTTP 401), a
 * reader's `FORBIDDEN` (HTTP 403), and nothing is written.
 */
export type MutationImportAcledArgs = {
  csv: Scalars['String']['input'];
  dryRun?: InputMaybe<Scalars['Boolean']['input']>;
};


/**
 * Writes. Every mutation needs an editor's credentials: none or invalid ones answer `UNAUTHENTICATED` (HTTP 401), a
 * reader's `FORBIDDEN` (HTTP 403), and nothing is written.
 */
export type MutationImportBundleArgs = {
  bundle: BundleInput;
  dryRun?: InputMaybe<Scalars['Boolean']['input']>;
};


/**
 * Writes. Every mutation needs an editor's credentials: none or invalid ones answer `UNAUTHENTICATED` (HTTP 401), a
 * reader's `FORBIDDEN` (HTTP 403), and nothing is written.
 */
export type MutationImportUcdpArgs = {
  csv: Scalars['String']['input'];
  dryRun?: InputMaybe<Scalars['Boolean']['input']>;
};


/**
 * Writes. Every mutation needs an editor's credentials: none or invalid ones answer `UNAUTHENTICATED` (HTTP 401), a
 * reader's `FORBIDDEN` (HTTP 403), and nothing is written.
 */
export type MutationLinkIncidentArgs = {
  eventIds: Array<Scalars['ID']['input']>;
  same?: InputMaybe<Scalars['Boolean']['input']>;
};


/**
 * Writes. Every mutation needs an editor's credentials: none or invalid ones answer `UNAUTHENTICATED` (HTTP 401), a
 * reader's `FORBIDDEN` (HTTP 403), and nothing is written.
 */
export type MutationMergeNodesArgs = {
  from: Scalars['ID']['input'];
  into: Scalars['ID']['input'];
};

/** A circle on the globe. Distances are great-circle distances on the WGS 84 sphere, in kilometres. */
export type NearInput = {
  /**
   * Also events located only to a region (`locationPrecision` REGION: a district, province or country centroid, UCDP
   * where_prec 3 to 6, ACLED geo_precision 3). False by default, so that a circle around a town does not catch what is
   * only known to have happened somewhere in its province.
   */
  includeImprecise?: InputMaybe<Scalars['Boolean']['input']>;
  /** Radius in kilometres: more than 0, at most 2000. */
  km: Scalars['Float']['input'];
  /** Degrees north of the centre, from -90 to 90. */
  latitude: Scalars['Float']['input'];
  /** Degrees east of the centre, from -180 to 180. */
  longitude: Scalars['Float']['input'];
};

/** Anything with a stable, human-readable, type-prefixed id (e.g. `place:maarat-al-numan`). */
export type Node = {
  /** Stable id: `<type>:<slug>`, never a database-internal id. */
  id: Scalars['ID']['output'];
};

/** The kinds of node that `search` can return. */
export type NodeType =
  /** An `Actor`. */
  | 'ACTOR'
  /** An `Agreement`. */
  | 'AGREEMENT'
  /** An `Event`. */
  | 'EVENT'
  /** A `Place`. */
  | 'PLACE'
  /** A `Source`. */
  | 'SOURCE'
  /** A `Statement`. */
  | 'STATEMENT';

/** Relay page information, with keyset cursors that stay valid while data is added. */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** Cursor of the last edge, for `after`. */
  endCursor?: Maybe<Scalars['String']['output']>;
  /** True when more items follow the last one returned. */
  hasNextPage: Scalars['Boolean']['output'];
  /** True when more items precede the first one returned. */
  hasPreviousPage: Scalars['Boolean']['output'];
  /** Cursor of the first edge, for `before`. */
  startCursor?: Maybe<Scalars['String']['output']>;
};

/** An actor's part in an event. */
export type Participant = {
  __typename?: 'Participant';
  /** Who. */
  actor: Actor;
  /**
   * Stable id from the event, the actor and the role, `participant:<event slug>:<actor slug>:<ROLE>`, so that
   * clients caching by id keep one record per participation. Not a `Node`.
   */
  id: Scalars['ID']['output'];
  /** In what role. */
  role: EventRole;
};

/** An actor's part in an event. */
export type ParticipantInput = {
  /** The actor (an actor id). */
  actor: Scalars['ID']['input'];
  /** The part it played. */
  role: EventRole;
};

/** A chain of relationships from one node to another. */
export type Path = {
  __typename?: 'Path';
  /** Number of relationships. */
  length: Scalars['Int']['output'];
  /** The nodes in order, from the start to the end. */
  nodes: Array<Node>;
  /** The relationships in order; each may point either way along the path. */
  relationships: Array<GraphEdge>;
};

/** A place: a country, a province, a settlement or a site, within a hierarchy. */
export type Place = Node & {
  __typename?: 'Place';
  /** Agreements that cover this place or any place enclosing it. */
  agreements: Array<Agreement>;
  /** Other names and transliterations (searchable). */
  aliases: Array<Scalars['String']['output']>;
  /** All enclosing places, nearest first. */
  ancestors: Array<Place>;
  /** Places directly inside this one. */
  children: Array<Place>;
  /** Events here, and by default in every place inside this one. */
  events: EventConnection;
  /** Stable id, `place:<slug>`. */
  id: Scalars['ID']['output'];
  /**
   * Identifiers of this place in outside registries, sorted by scheme and value; `wikidataId` is among them as
   * `wikidata`.
   */
  identifiers: Array<ExternalId>;
  /** Its level in the hierarchy. */
  kind: PlaceKind;
  /** Its coordinates, when known. */
  location?: Maybe<GeoPoint>;
  /** Ids of places merged into this one (`mergeNodes`), oldest merges included; each still answers as this place. */
  mergedIds: Array<Scalars['ID']['output']>;
  /** The preferred name. */
  name: Scalars['String']['output'];
  /** The place directly enclosing this one. */
  parent?: Maybe<Place>;
  /** The Wikidata item id when confirmed. */
  wikidataId?: Maybe<Scalars['String']['output']>;
};


/** A place: a country, a province, a settlement or a site, within a hierarchy. */
export type PlaceEventsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<EventFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  includeSubPlaces?: InputMaybe<Scalars['Boolean']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};

/** A page of places. */
export type PlaceConnection = {
  __typename?: 'PlaceConnection';
  /** The places on this page. */
  edges: Array<PlaceEdge>;
  /** Cursors and whether more pages exist. */
  pageInfo: PageInfo;
  /** How many places match, over all pages. */
  totalCount: Scalars['Int']['output'];
};

/** A place on a page. */
export type PlaceEdge = {
  __typename?: 'PlaceEdge';
  /** Opaque keyset cursor of this place. */
  cursor: Scalars['String']['output'];
  /** The place. */
  node: Place;
};

/** Narrows a list of places. */
export type PlaceFilter = {
  /** Only places of these kinds. */
  kinds?: InputMaybe<Array<PlaceKind>>;
  /** Only places whose name or an alias contains this text (case- and diacritics-insensitive). */
  nameContains?: InputMaybe<Scalars['String']['input']>;
  /** Only places inside this one (transitively). */
  withinId?: InputMaybe<Scalars['ID']['input']>;
};

/**
 * A place. A new id whose name or alias matches an existing place of the same kind (cities, towns and villages count
 * as one kind) within a compatible parent links to that place instead (see `resolve` and `sameAs`).
 */
export type PlaceInput = {
  /** Other names and transliterations. */
  aliases?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Stable id, `place:<slug>`. An id that already exists always means that place (no name matching). */
  id: Scalars['ID']['input'];
  /**
   * Identifiers of the place in outside registries. Given, they replace the stored ones (a node matched by name or
   * identifier only adds them); left out, the stored ones stay. A new place whose identifier an existing place holds
   * is that place, before any name matching.
   */
  identifiers?: InputMaybe<Array<ExternalIdInput>>;
  /** Its level in the hierarchy. */
  kind: PlaceKind;
  /** Its coordinates. */
  location?: InputMaybe<GeoPointInput>;
  /**
   * Ids merged into this place earlier, as an export gives them: each becomes a redirect to it. An id that is a live
   * node's, or that answers as another node already, is a problem.
   */
  mergedIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** The preferred name. */
  name: Scalars['String']['input'];
  /** The place directly enclosing it (a place id). */
  parent?: InputMaybe<Scalars['ID']['input']>;
  /** Spellings to remove from the existing place's aliases (a curator's correction after a wrong match). */
  removeAliases?: InputMaybe<Array<Scalars['String']['input']>>;
  /** False: never link this place to an existing one by name; it is stored under its own id. */
  resolve?: InputMaybe<Scalars['Boolean']['input']>;
  /**
   * This place is the existing place with this id: references to `id` are rewritten to it and the names given become
   * its aliases.
   */
  sameAs?: InputMaybe<Scalars['ID']['input']>;
  /** The Wikidata item id. */
  wikidataId?: InputMaybe<Scalars['String']['input']>;
};

/** Where a place sits in the administrative or physical hierarchy. */
export type PlaceKind =
  /** A city. */
  | 'CITY'
  /** A country. */
  | 'COUNTRY'
  /** A second-level division (ACLED admin2). */
  | 'DISTRICT'
  /** A first-level division (governorate, province; ACLED admin1). */
  | 'PROVINCE'
  /** A site inside a settlement (a market, a hospital). */
  | 'SITE'
  /** A town. */
  | 'TOWN'
  /** A village. */
  | 'VILLAGE'
  /** An area that is not an administrative unit (a de-escalation zone). */
  | 'ZONE';

/** Read access to the graph. Lists are Relay connections: `first` (default 20, at most 100) with `after`, or `last` with `before`. */
export type Query = {
  __typename?: 'Query';
  /** An actor by id; null when there is none. */
  actor?: Maybe<Actor>;
  /** Actors by name. */
  actors: ActorConnection;
  /** An agreement by id; null when there is none. */
  agreement?: Maybe<Agreement>;
  /** Agreements, most recently signed first. */
  agreements: AgreementConnection;
  /** A claim by id; null when there is none. */
  claim?: Maybe<Claim>;
  /**
   * Actors that took part in this actor's events, most shared events first. This actor's events are exactly those
   * `actor(id: actorId) { events(role, includeMembers, credited) }` lists with the same three arguments: `role` narrows
   * to events where this actor had that role; `includeMembers` also counts the events of the actors that are part of
   * this one, transitively (its forces, ministries, spokespeople), so "wherever Russia struck" includes its air
   * force's strikes; `credited` also counts the events a PERPETRATOR claim blames on it (or on a member). The actors
   * counted are the other participants of those events, in any role; this actor and, with `includeMembers`, its
   * members are never listed.
   */
  coInvolved: Array<CoInvolvement>;
  /** An event by id; null when there is none. */
  event?: Maybe<Event>;
  /**
   * Incident counts and fatality sums grouped by one dimension, over the event reports `filter` selects. One incident
   * reported by several sources (an article and an ACLED row) counts once in `events`, and its toll, combined over all
   * its reports (`Incident.fatalities`, `Incident.tolls`), is added once; `reports` counts its selected reports. An
   * incident is read through its selected reports: DAY, WEEK, MONTH, YEAR and TYPE put it in exactly one bucket, that
   * of its defining report (the most precisely dated selected report, the earliest of those, then the smallest id; for
   * an event known only within several days, `endDate`, the interval of its first day), so their buckets add up to the
   * incidents selected; PERPETRATOR, PLACE and PROVINCE put it once in the bucket of every perpetrator,
   * place or province any of its selected reports names (so those buckets may add up to more than the incidents).
   */
  eventStats: Array<StatsBucket>;
  /** Events, newest first unless `orderBy` says otherwise. */
  events: EventConnection;
  /** An incident by id; null when there is none. */
  incident?: Maybe<Incident>;
  /**
   * Incidents whose reports match the filter (at least one report does), each once, newest first (by incident date,
   * then id), with keyset cursors. `events` stays the list of reports.
   */
  incidents: IncidentConnection;
  /**
   * Nodes within `depth` hops (1 to 3) of a node, nearest first, capped at `limit` nodes (1 to 500, the start
   * included), with the relationships among them; for drawing. Follows the same relationships as `shortestPath`.
   */
  neighborhood: Subgraph;
  /** Any node by its id; null when there is none. */
  node?: Maybe<Node>;
  /**
   * The node that an outside registry's identifier names (e.g. scheme `acled`, value `SYR12345`, or value
   * `Military Forces of Russia (2000-)`); null when no node carries it. A scheme or value that cannot be an identifier
   * (see `ExternalIdInput`) answers `BAD_USER_INPUT`.
   */
  nodeByIdentifier?: Maybe<Node>;
  /** A place by id; null when there is none. */
  place?: Maybe<Place>;
  /** Places by name. */
  places: PlaceConnection;
  /** Full-text search over names, aliases, titles and statement text; best match first: the names closest in spelling to the query (a whole name above a longer name containing it), then the best text matches. Case- and diacritics-insensitive, tolerant of a one-letter typo, at least one word other than the Arabic article (al-, an-, …) must match. `query` at most 200 characters, of which the first 16 words are searched; `first` at most 100. */
  search: Array<SearchHit>;
  /**
   * The shortest chain of meaningful relationships between two nodes, in either direction; null when there is none
   * within `maxHops` (1 to 6). Provenance plumbing (`REPORTED_IN`, `EVIDENCED_BY`) is not followed, or every claim
   * would be two hops from every other through their common source.
   */
  shortestPath?: Maybe<Path>;
  /** A source by id; null when there is none. */
  source?: Maybe<Source>;
  /** A statement by id; null when there is none. */
  statement?: Maybe<Statement>;
  /** Statements, newest first. */
  statements: StatementConnection;
  /**
   * Counts per interval over the filter's from..to (every interval present, zeros included), split by a dimension
   * when `by` is given.
   *
   * `filter.from` and `filter.to` are both required (BAD_USER_INPUT otherwise): a series has a fixed length, known before
   * any database work. The first interval is the one holding `from` and the last the one holding `to`, so they may reach
   * outside the range (a weekly series from Tuesday 1 January 2019 starts on Monday 31 December 2018), but only the
   * events from `from` to `to` count. Weeks are ISO weeks, Monday to Sunday.
   *
   * Incidents are counted as `eventStats` counts them: one incident reported by several sources counts once in
   * `events`, its selected reports in `reports`, its combined toll once in `tolls`. Each incident counts in exactly one
   * interval, that of its defining report's `date` (the most precisely dated selected report, the earliest of those):
   * an event known only within several days (`endDate`) counts once, in the interval of its first day, never spread
   * over the days it may have happened on. So the series' sums equal `eventStats` over the same filter, and with `by`,
   * each group's sums equal its `eventStats(groupBy: by)` bucket.
   *
   * With `by`, the groups are those with an incident in the range (`key` and `node` as in `eventStats`), and every group
   * has every interval, zeros included, ordered by interval and then as `eventStats` orders its buckets (most incidents
   * first). A series may hold at most 10,000 points (intervals × groups): one estimated beyond that (a PERPETRATOR or
   * PLACE split is assumed to have 100 groups, PROVINCE 14, TYPE 21) is refused with QUERY_TOO_COMPLEX before any
   * database work, and one whose groups turn out more than that, once they are counted.
   */
  timeSeries: Array<SeriesPoint>;
  /** Who the caller is, as the server sees the credentials sent. */
  viewer: Viewer;
};


/** Read access to the graph. Lists are Relay connections: `first` (default 20, at most 100) with `after`, or `last` with `before`. */
export type QueryActorArgs = {
  id: Scalars['ID']['input'];
};


/** Read access to the graph. Lists are Relay connections: `first` (default 20, at most 100) with `after`, or `last` with `before`. */
export type QueryActorsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ActorFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


/** Read access to the graph. Lists are Relay connections: `first` (default 20, at most 100) with `after`, or `last` with `before`. */
export type QueryAgreementArgs = {
  id: Scalars['ID']['input'];
};


/** Read access to the graph. Lists are Relay connections: `first` (default 20, at most 100) with `after`, or `last` with `before`. */
export type QueryAgreementsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


/** Read access to the graph. Lists are Relay connections: `first` (default 20, at most 100) with `after`, or `last` with `before`. */
export type QueryClaimArgs = {
  id: Scalars['ID']['input'];
};


/** Read access to the graph. Lists are Relay connections: `first` (default 20, at most 100) with `after`, or `last` with `before`. */
export type QueryCoInvolvedArgs = {
  actorId: Scalars['ID']['input'];
  credited?: InputMaybe<Scalars['Boolean']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  includeMembers?: InputMaybe<Scalars['Boolean']['input']>;
  role?: InputMaybe<EventRole>;
};


/** Read access to the graph. Lists are Relay connections: `first` (default 20, at most 100) with `after`, or `last` with `before`. */
export type QueryEventArgs = {
  id: Scalars['ID']['input'];
};


/** Read access to the graph. Lists are Relay connections: `first` (default 20, at most 100) with `after`, or `last` with `before`. */
export type QueryEventStatsArgs = {
  filter?: InputMaybe<EventFilter>;
  groupBy: StatsGroupBy;
  includeMembers?: InputMaybe<Scalars['Boolean']['input']>;
};


/** Read access to the graph. Lists are Relay connections: `first` (default 20, at most 100) with `after`, or `last` with `before`. */
export type QueryEventsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<EventFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<EventOrder>;
};


/** Read access to the graph. Lists are Relay connections: `first` (default 20, at most 100) with `after`, or `last` with `before`. */
export type QueryIncidentArgs = {
  id: Scalars['ID']['input'];
};


/** Read access to the graph. Lists are Relay connections: `first` (default 20, at most 100) with `after`, or `last` with `before`. */
export type QueryIncidentsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<EventFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


/** Read access to the graph. Lists are Relay connections: `first` (default 20, at most 100) with `after`, or `last` with `before`. */
export type QueryNeighborhoodArgs = {
  depth?: InputMaybe<Scalars['Int']['input']>;
  id: Scalars['ID']['input'];
  limit?: InputMaybe<Scalars['Int']['input']>;
};


/** Read access to the graph. Lists are Relay connections: `first` (default 20, at most 100) with `after`, or `last` with `before`. */
export type QueryNodeArgs = {
  id: Scalars['ID']['input'];
};


/** Read access to the graph. Lists are Relay connections: `first` (default 20, at most 100) with `after`, or `last` with `before`. */
export type QueryNodeByIdentifierArgs = {
  scheme: Scalars['String']['input'];
  value: Scalars['String']['input'];
};


/** Read access to the graph. Lists are Relay connections: `first` (default 20, at most 100) with `after`, or `last` with `before`. */
export type QueryPlaceArgs = {
  id: Scalars['ID']['input'];
};


/** Read access to the graph. Lists are Relay connections: `first` (default 20, at most 100) with `after`, or `last` with `before`. */
export type QueryPlacesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<PlaceFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


/** Read access to the graph. Lists are Relay connections: `first` (default 20, at most 100) with `after`, or `last` with `before`. */
export type QuerySearchArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  query: Scalars['String']['input'];
  types?: InputMaybe<Array<NodeType>>;
};


/** Read access to the graph. Lists are Relay connections: `first` (default 20, at most 100) with `after`, or `last` with `before`. */
export type QueryShortestPathArgs = {
  from: Scalars['ID']['input'];
  maxHops?: InputMaybe<Scalars['Int']['input']>;
  to: Scalars['ID']['input'];
};


/** Read access to the graph. Lists are Relay connections: `first` (default 20, at most 100) with `after`, or `last` with `before`. */
export type QuerySourceArgs = {
  id: Scalars['ID']['input'];
};


/** Read access to the graph. Lists are Relay connections: `first` (default 20, at most 100) with `after`, or `last` with `before`. */
export type QueryStatementArgs = {
  id: Scalars['ID']['input'];
};


/** Read access to the graph. Lists are Relay connections: `first` (default 20, at most 100) with `after`, or `last` with `before`. */
export type QueryStatementsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<StatementFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


/** Read access to the graph. Lists are Relay connections: `first` (default 20, at most 100) with `after`, or `last` with `before`. */
export type QueryTimeSeriesArgs = {
  by?: InputMaybe<StatsGroupBy>;
  filter?: InputMaybe<EventFilter>;
  interval: TimeInterval;
};

/** What a caller may do. */
export type Role =
  /** No credentials sent; may read unless the server requires a key for reading. */
  | 'ANONYMOUS'
  /** An editor key or a token with the editor role; may read and import. */
  | 'EDITOR'
  /** A reader key or a token without the editor role; may read. */
  | 'READER';

/** A search result. */
export type SearchHit = {
  __typename?: 'SearchHit';
  /** The node found. */
  node: Node;
  /** Relevance; higher is better. Comparable within one search only. */
  score: Scalars['Float']['output'];
};

/** One interval of a time series, optionally for one group. */
export type SeriesPoint = {
  __typename?: 'SeriesPoint';
  /** Incidents, each counted once. */
  events: Scalars['Int']['output'];
  /** The group (a node id or an enum value) when the series is split; null otherwise. */
  key?: Maybe<Scalars['String']['output']>;
  /** The actor or place the key names, for PERPETRATOR, PLACE and PROVINCE. */
  node?: Maybe<Node>;
  /** Event reports of those incidents that the filter selects. */
  reports: Scalars['Int']['output'];
  /** The interval's first day (weeks start on Monday). */
  start: Scalars['Date']['output'];
  /**
   * Deaths per victim group in the interval, each incident counted once, summed as `StatsBucket.tolls`; empty when
   * the interval has no incident.
   */
  tolls: Array<VictimToll>;
};

/** A document that claims and statements rest on: a news report, an NGO report, a dataset row. */
export type Source = Node & {
  __typename?: 'Source';
  /** Stable id, `source:<slug>`. */
  id: Scalars['ID']['output'];
  /** When it was published. */
  publishedOn?: Maybe<Scalars['Date']['output']>;
  /** Who published it. */
  publisher?: Maybe<Actor>;
  /** The full text, which evidence offsets point into. */
  text?: Maybe<Scalars['String']['output']>;
  /** Its title, or a description when it has none. */
  title: Scalars['String']['output'];
  /** Where it can be read, when known. */
  url?: Maybe<Scalars['String']['output']>;
};

/** The document a bundle rests on. */
export type SourceInput = {
  /** Stable id, `source:<slug>`. */
  id: Scalars['ID']['input'];
  /** When it was published. */
  publishedOn?: InputMaybe<Scalars['Date']['input']>;
  /** The publisher, an actor id. */
  publisher?: InputMaybe<Scalars['ID']['input']>;
  /** The full text; quotes are located in it. */
  text: Scalars['String']['input'];
  /** Its title, or a description when it has none. */
  title: Scalars['String']['input'];
  /** Where it can be read. */
  url?: InputMaybe<Scalars['String']['input']>;
};

/** What a statement does (after CAMEO's verbal event codes). */
export type Stance =
  /** Accuses (CAMEO 112). */
  | 'ACCUSE'
  /** Agrees to or signs something (CAMEO 057). */
  | 'AGREE'
  /** Calls for something, e.g. a ceasefire (CAMEO 0256, 1056). */
  | 'CALL_FOR'
  /** Condemns or denounces (CAMEO 111). */
  | 'CONDEMN'
  /** Denies responsibility (CAMEO 016). */
  | 'DENY'
  /** Anything else. */
  | 'OTHER'
  /** Reports facts or figures. */
  | 'REPORT';

/** Something an actor said, as reported by a source. */
export type Statement = Node & {
  __typename?: 'Statement';
  /** Events it is about. */
  about: Array<Event>;
  /** When it was made; null when the source does not say (the source's `publishedOn` still dates the report). */
  date?: Maybe<Scalars['Date']['output']>;
  /** How precisely `date` is known. */
  datePrecision?: Maybe<DatePrecision>;
  /** Claims it disputes (a denial disputes a responsibility claim). */
  disputes: Array<Claim>;
  /** The sentences that report it. */
  evidence: Array<Evidence>;
  /** Stable id, `statement:<slug>`. */
  id: Scalars['ID']['output'];
  /** Agreements it appeals to. */
  invokes: Array<Agreement>;
  /** Whom the speaker spoke for (a spokesperson's ministry). */
  onBehalfOf?: Maybe<Actor>;
  /** Where it was reported. */
  source: Source;
  /** Who said it. */
  speaker: Actor;
  /** What the statement does. */
  stance: Stance;
  /** Actors the statement condemns, accuses, or calls on. */
  targets: Array<Actor>;
  /** Its words, quoted or closely paraphrased. */
  text: Scalars['String']['output'];
};

/** A page of statements. */
export type StatementConnection = {
  __typename?: 'StatementConnection';
  /** The statements on this page. */
  edges: Array<StatementEdge>;
  /** Cursors and whether more pages exist. */
  pageInfo: PageInfo;
  /** How many statements match, over all pages. */
  totalCount: Scalars['Int']['output'];
};

/** A statement on a page. */
export type StatementEdge = {
  __typename?: 'StatementEdge';
  /** Opaque keyset cursor of this statement. */
  cursor: Scalars['String']['output'];
  /** The statement. */
  node: Statement;
};

/** Narrows a list of statements; all given conditions must hold. */
export type StatementFilter = {
  /** Only statements about this event. */
  aboutEventId?: InputMaybe<Scalars['ID']['input']>;
  /** Made (or, when undated, reported) on or after this date. */
  from?: InputMaybe<Scalars['Date']['input']>;
  /** Only statements by this actor. */
  speakerId?: InputMaybe<Scalars['ID']['input']>;
  /** Only these stances. */
  stances?: InputMaybe<Array<Stance>>;
  /** Only statements targeting this actor. */
  targetId?: InputMaybe<Scalars['ID']['input']>;
  /** Made (or, when undated, reported) on or before this date. */
  to?: InputMaybe<Scalars['Date']['input']>;
};

/** A statement reported in this bundle's source. */
export type StatementInput = {
  /** Events it is about (event ids). */
  about?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** When it was made; null when the source does not say. */
  date?: InputMaybe<Scalars['Date']['input']>;
  /** How precisely `date` is known. */
  datePrecision?: InputMaybe<DatePrecision>;
  /** Stable id, `statement:<slug>`. */
  id: Scalars['ID']['input'];
  /** Agreements it invokes (agreement ids). */
  invokes?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Whom the speaker spoke for (an actor id). */
  onBehalfOf?: InputMaybe<Scalars['ID']['input']>;
  /** Sentences of the source text it rests on; at least one. */
  quotes: Array<Scalars['String']['input']>;
  /** Who said it (an actor id). */
  speaker: Scalars['ID']['input'];
  /** What kind of statement. */
  stance: Stance;
  /** Actors it condemns, accuses or calls on (actor ids). */
  targets?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** What was said, in a sentence. */
  text: Scalars['String']['input'];
};

/** One group of events. */
export type StatsBucket = {
  __typename?: 'StatsBucket';
  /** How many incidents fall in this bucket, each once however many sources report it (see `reports`). */
  events: Scalars['Int']['output'];
  /**
   * Sum of each incident's upper bound. Null when any incident in the bucket has no upper bound. Beyond GraphQL's Int,
   * 2147483647, as `fatalitiesLow`.
   */
  fatalitiesHigh?: Maybe<Scalars['Int']['output']>;
  /**
   * Sum of each incident's conservative (low) death toll (`Incident.fatalities.low`, whoever was killed), combined over
   * all its reports; incidents without a figure add 0. Sources are never added together. Summed without overflow; a sum
   * beyond GraphQL's Int answers 2147483647 (with figures capped at 10,000,000, after 214 incidents at the cap).
   */
  fatalitiesLow: Scalars['Int']['output'];
  /**
   * A stable key: a node id, a day as YYYY-MM-DD, a week as its Monday's YYYY-MM-DD, a month as YYYY-MM, a year as YYYY,
   * or an enum value; `none` for events with no perpetrator on record (PERPETRATOR) or outside any province (PROVINCE).
   */
  key: Scalars['String']['output'];
  /** The actor or place the key names, for PERPETRATOR, PLACE and PROVINCE. */
  node?: Maybe<Node>;
  /** Event reports in the bucket. `events` counts incidents, each once, however many sources report it. */
  reports: Scalars['Int']['output'];
  /**
   * Deaths per victim group in the bucket, each incident counted once: per group, the sums of the combined figures
   * (`Incident.tolls`) of the incidents that count that group, open above when one of them is, `best` only when each of
   * them gives one. Sums beyond GraphQL's Int answer 2147483647.
   */
  tolls: Array<VictimToll>;
};

/** What `eventStats` groups by, and what `timeSeries` splits by. */
export type StatsGroupBy =
  /**
   * The incident's day, `YYYY-MM-DD`: its defining report's date (the most precisely dated selected report, the
   * earliest), for an event known only within several days (`endDate`) its first day.
   */
  | 'DAY'
  /** The incident's month, `YYYY-MM`: its defining report's, as for DAY. */
  | 'MONTH'
  /**
   * Each actor credited as perpetrator (by a claim or as the perpetrating participant); with `includeMembers`, also
   * every actor such a perpetrator is part of, transitively.
   */
  | 'PERPETRATOR'
  /** Each place an event happened at, as recorded. */
  | 'PLACE'
  /** The province (first-level division) enclosing each event's places. */
  | 'PROVINCE'
  /** The incident's sub-event type: its defining report's, as for MONTH. */
  | 'TYPE'
  /**
   * The incident's ISO week (Monday to Sunday), keyed by its Monday, `YYYY-MM-DD`: the week of its defining report's
   * date, as for DAY.
   */
  | 'WEEK'
  /** The incident's year, `YYYY`: its defining report's, as for DAY. */
  | 'YEAR';

/** A part of the graph, ready to draw. */
export type Subgraph = {
  __typename?: 'Subgraph';
  /** Every relationship between two of the returned nodes. */
  edges: Array<GraphEdge>;
  /** The nodes, the start first. */
  nodes: Array<Node>;
  /** True when limit cut the neighbourhood short. */
  truncated: Scalars['Boolean']['output'];
};

/**
 * Live updates, over WebSocket with the graphql-ws protocol (`graphql-transport-ws`) at /graphql. Credentials go in
 * the connection's `connectionParams` as `{ authorization: "Bearer <key or token>" }`; an HTTP request for a
 * subscription answers 400.
 */
export type Subscription = {
  __typename?: 'Subscription';
  /** Event reports created or changed within the filter, sent after the import or editor action commits. */
  eventsChanged: EventChange;
};


/**
 * Live updates, over WebSocket with the graphql-ws protocol (`graphql-transport-ws`) at /graphql. Credentials go in
 * the connection's `connectionParams` as `{ authorization: "Bearer <key or token>" }`; an HTTP request for a
 * subscription answers 400.
 */
export type SubscriptionEventsChangedArgs = {
  filter?: InputMaybe<EventFilter>;
};

/**
 * The length of a time series' intervals. Each interval starts on its first day: the day, the Monday of an ISO week, the
 * first of a month, of a quarter (January, April, July, October) or of a year.
 */
export type TimeInterval =
  /** One day. */
  | 'DAY'
  /** A calendar month. */
  | 'MONTH'
  /** A calendar quarter. */
  | 'QUARTER'
  /** An ISO week, Monday to Sunday. */
  | 'WEEK'
  /** A calendar year. */
  | 'YEAR';

/** Whom a death toll counts. */
export type VictimGroup =
  /**
   * Everyone killed, not told apart (ACLED's fatalities, a report's "people killed"); a figure that does not say whom
   * it counts.
   */
  | 'ALL'
  /** Civilians only. */
  | 'CIVILIANS'
  /** Fighters only (UCDP's deaths of side A or side B; the claim's `victimsOf` names the side). */
  | 'COMBATANTS'
  /** Deaths whose status the source does not know (UCDP's deaths_unknown). */
  | 'UNKNOWN';

/**
 * One victim group's toll, combined over the claims that count that group by the one-event rule (sources are never
 * added: low the lowest figure, high the highest bound or open). A figure counting everyone (ALL) only ever appears as
 * ALL, never as civilians.
 */
export type VictimToll = {
  __typename?: 'VictimToll';
  /** The combined figure. */
  estimate: Estimate;
  /** Whom it counts. */
  victims: VictimGroup;
};

/** The caller, as identified by the `Authorization: Bearer …` header (an API key or a JWT). */
export type Viewer = {
  __typename?: 'Viewer';
  /** The key's label or the token's subject; null when anonymous. */
  id?: Maybe<Scalars['String']['output']>;
  /** What the caller may do: ANONYMOUS and READER read, EDITOR also writes. */
  role: Role;
};



export type ResolverTypeWrapper<T> = Promise<T> | T;


export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;




/** Mapping of interface types */
export type ResolversInterfaceTypes<_RefType extends Record<string, unknown>> = {
  Node:
    | ( ActorRow )
    | ( AgreementRow )
    | ( ClaimRow )
    | ( EventRow )
    | ( IncidentRow )
    | ( PlaceRow )
    | ( SourceRow )
    | ( StatementRow )
  ;
};

/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  Actor: ResolverTypeWrapper<ActorRow>;
  ActorConnection: ResolverTypeWrapper<Page<ActorRow>>;
  ActorEdge: ResolverTypeWrapper<Edge<ActorRow>>;
  ActorFilter: ActorFilter;
  ActorInput: ActorInput;
  ActorKind: ActorKind;
  Agreement: ResolverTypeWrapper<AgreementRow>;
  AgreementConnection: ResolverTypeWrapper<Page<AgreementRow>>;
  AgreementEdge: ResolverTypeWrapper<Edge<AgreementRow>>;
  AgreementInput: AgreementInput;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  BoundingBox: BoundingBox;
  BundleInput: BundleInput;
  ChangeKind: ChangeKind;
  Claim: ResolverTypeWrapper<ClaimRow>;
  ClaimInput: ClaimInput;
  ClaimKind: ClaimKind;
  CoInvolvement: ResolverTypeWrapper<CoInvolvementRow>;
  Date: ResolverTypeWrapper<Scalars['Date']['output']>;
  DatePrecision: DatePrecision;
  EntityMatch: ResolverTypeWrapper<EntityMatch>;
  Estimate: ResolverTypeWrapper<EstimateRow>;
  EstimateInput: EstimateInput;
  EstimateQualifier: EstimateQualifier;
  Event: ResolverTypeWrapper<EventRow>;
  EventCategory: EventCategory;
  EventChange: ResolverTypeWrapper<Omit<EventChange, 'event'> & { event: ResolversTypes['Event'] }>;
  EventConnection: ResolverTypeWrapper<Page<EventRow>>;
  EventEdge: ResolverTypeWrapper<Edge<EventRow>>;
  EventFilter: EventFilter;
  EventInput: EventInput;
  EventOrder: EventOrder;
  EventRole: EventRole;
  EventType: EventType;
  Evidence: ResolverTypeWrapper<EvidenceRow>;
  ExternalId: ResolverTypeWrapper<ExternalId>;
  ExternalIdInput: ExternalIdInput;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  GeoPoint: ResolverTypeWrapper<GeoPoint>;
  GeoPointInput: GeoPointInput;
  GeoPrecision: GeoPrecision;
  GraphEdge: ResolverTypeWrapper<EdgeRow>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  ImportReport: ResolverTypeWrapper<ImportReport>;
  ImportWarning: ResolverTypeWrapper<ImportWarning>;
  Incident: ResolverTypeWrapper<IncidentRow>;
  IncidentConnection: ResolverTypeWrapper<Page<IncidentRow>>;
  IncidentEdge: ResolverTypeWrapper<Edge<IncidentRow>>;
  IncidentMatch: IncidentMatch;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  MatchReason: MatchReason;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  NearInput: NearInput;
  Node: ResolverTypeWrapper<ResolversInterfaceTypes<ResolversTypes>['Node']>;
  NodeType: NodeType;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Participant: ResolverTypeWrapper<ParticipantRow>;
  ParticipantInput: ParticipantInput;
  Path: ResolverTypeWrapper<PathRow>;
  Place: ResolverTypeWrapper<PlaceRow>;
  PlaceConnection: ResolverTypeWrapper<Page<PlaceRow>>;
  PlaceEdge: ResolverTypeWrapper<Edge<PlaceRow>>;
  PlaceFilter: PlaceFilter;
  PlaceInput: PlaceInput;
  PlaceKind: PlaceKind;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Role: Role;
  SearchHit: ResolverTypeWrapper<SearchHitRow>;
  SeriesPoint: ResolverTypeWrapper<SeriesBucketRow>;
  Source: ResolverTypeWrapper<SourceRow>;
  SourceInput: SourceInput;
  Stance: Stance;
  Statement: ResolverTypeWrapper<StatementRow>;
  StatementConnection: ResolverTypeWrapper<Page<StatementRow>>;
  StatementEdge: ResolverTypeWrapper<Edge<StatementRow>>;
  StatementFilter: StatementFilter;
  StatementInput: StatementInput;
  StatsBucket: ResolverTypeWrapper<StatsBucketRow>;
  StatsGroupBy: StatsGroupBy;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  Subgraph: ResolverTypeWrapper<SubgraphRow>;
  Subscription: ResolverTypeWrapper<Record<PropertyKey, never>>;
  TimeInterval: TimeInterval;
  VictimGroup: VictimGroup;
  VictimToll: ResolverTypeWrapper<Omit<VictimToll, 'estimate'> & { estimate: ResolversTypes['Estimate'] }>;
  Viewer: ResolverTypeWrapper<Viewer>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  Actor: ActorRow;
  ActorConnection: Page<ActorRow>;
  ActorEdge: Edge<ActorRow>;
  ActorFilter: ActorFilter;
  ActorInput: ActorInput;
  Agreement: AgreementRow;
  AgreementConnection: Page<AgreementRow>;
  AgreementEdge: Edge<AgreementRow>;
  AgreementInput: AgreementInput;
  Boolean: Scalars['Boolean']['output'];
  BoundingBox: BoundingBox;
  BundleInput: BundleInput;
  Claim: ClaimRow;
  ClaimInput: ClaimInput;
  CoInvolvement: CoInvolvementRow;
  Date: Scalars['Date']['output'];
  EntityMatch: EntityMatch;
  Estimate: EstimateRow;
  EstimateInput: EstimateInput;
  Event: EventRow;
  EventChange: Omit<EventChange, 'event'> & { event: ResolversParentTypes['Event'] };
  EventConnection: Page<EventRow>;
  EventEdge: Edge<EventRow>;
  EventFilter: EventFilter;
  EventInput: EventInput;
  Evidence: EvidenceRow;
  ExternalId: ExternalId;
  ExternalIdInput: ExternalIdInput;
  Float: Scalars['Float']['output'];
  GeoPoint: GeoPoint;
  GeoPointInput: GeoPointInput;
  GraphEdge: EdgeRow;
  ID: Scalars['ID']['output'];
  ImportReport: ImportReport;
  ImportWarning: ImportWarning;
  Incident: IncidentRow;
  IncidentConnection: Page<IncidentRow>;
  IncidentEdge: Edge<IncidentRow>;
  Int: Scalars['Int']['output'];
  Mutation: Record<PropertyKey, never>;
  NearInput: NearInput;
  Node: ResolversInterfaceTypes<ResolversParentTypes>['Node'];
  PageInfo: PageInfo;
  Participant: ParticipantRow;
  ParticipantInput: ParticipantInput;
  Path: PathRow;
  Place: PlaceRow;
  PlaceConnection: Page<PlaceRow>;
  PlaceEdge: Edge<PlaceRow>;
  PlaceFilter: PlaceFilter;
  PlaceInput: PlaceInput;
  Query: Record<PropertyKey, never>;
  SearchHit: SearchHitRow;
  SeriesPoint: SeriesBucketRow;
  Source: SourceRow;
  SourceInput: SourceInput;
  Statement: StatementRow;
  StatementConnection: Page<StatementRow>;
  StatementEdge: Edge<StatementRow>;
  StatementFilter: StatementFilter;
  StatementInput: StatementInput;
  StatsBucket: StatsBucketRow;
  String: Scalars['String']['output'];
  Subgraph: SubgraphRow;
  Subscription: Record<PropertyKey, never>;
  VictimToll: Omit<VictimToll, 'estimate'> & { estimate: ResolversParentTypes['Estimate'] };
  Viewer: Viewer;
};

export type ActorResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Actor'] = ResolversParentTypes['Actor']> = {
  agreements?: Resolver<Array<ResolversTypes['Agreement']>, ParentType, ContextType>;
  aliases?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  allies?: Resolver<Array<ResolversTypes['Actor']>, ParentType, ContextType>;
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  events?: Resolver<ResolversTypes['EventConnection'], ParentType, ContextType, RequireFields<ActorEventsArgs, 'credited' | 'includeMembers'>>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  identifiers?: Resolver<Array<ResolversTypes['ExternalId']>, ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['ActorKind'], ParentType, ContextType>;
  members?: Resolver<Array<ResolversTypes['Actor']>, ParentType, ContextType>;
  mergedIds?: Resolver<Array<ResolversTypes['ID']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  partOf?: Resolver<Array<ResolversTypes['Actor']>, ParentType, ContextType>;
  period?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  statements?: Resolver<ResolversTypes['StatementConnection'], ParentType, ContextType, Partial<ActorStatementsArgs>>;
  statementsAbout?: Resolver<ResolversTypes['StatementConnection'], ParentType, ContextType, Partial<ActorStatementsAboutArgs>>;
  wikidataId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type ActorConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ActorConnection'] = ResolversParentTypes['ActorConnection']> = {
  edges?: Resolver<Array<ResolversTypes['ActorEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ActorEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ActorEdge'] = ResolversParentTypes['ActorEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Actor'], ParentType, ContextType>;
};

export type AgreementResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Agreement'] = ResolversParentTypes['Agreement']> = {
  covers?: Resolver<Array<ResolversTypes['Place']>, ParentType, ContextType>;
  datePrecision?: Resolver<Maybe<ResolversTypes['DatePrecision']>, ParentType, ContextType>;
  endsOn?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  evidence?: Resolver<Array<ResolversTypes['Evidence']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  parties?: Resolver<Array<ResolversTypes['Actor']>, ParentType, ContextType>;
  signedOn?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  summary?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  violations?: Resolver<ResolversTypes['EventConnection'], ParentType, ContextType, Partial<AgreementViolationsArgs>>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type AgreementConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['AgreementConnection'] = ResolversParentTypes['AgreementConnection']> = {
  edges?: Resolver<Array<ResolversTypes['AgreementEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type AgreementEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['AgreementEdge'] = ResolversParentTypes['AgreementEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Agreement'], ParentType, ContextType>;
};

export type ClaimResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Claim'] = ResolversParentTypes['Claim']> = {
  actors?: Resolver<Array<ResolversTypes['Actor']>, ParentType, ContextType>;
  assertedBy?: Resolver<Maybe<ResolversTypes['Actor']>, ParentType, ContextType>;
  disputedBy?: Resolver<Array<ResolversTypes['Statement']>, ParentType, ContextType>;
  estimate?: Resolver<Maybe<ResolversTypes['Estimate']>, ParentType, ContextType>;
  event?: Resolver<ResolversTypes['Event'], ParentType, ContextType>;
  evidence?: Resolver<Array<ResolversTypes['Evidence']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['ClaimKind'], ParentType, ContextType>;
  source?: Resolver<ResolversTypes['Source'], ParentType, ContextType>;
  text?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  victims?: Resolver<Maybe<ResolversTypes['VictimGroup']>, ParentType, ContextType>;
  victimsOf?: Resolver<Maybe<ResolversTypes['Actor']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type CoInvolvementResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CoInvolvement'] = ResolversParentTypes['CoInvolvement']> = {
  actor?: Resolver<ResolversTypes['Actor'], ParentType, ContextType>;
  sharedEvents?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export interface DateScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Date'], any> {
  name: 'Date';
}

export type EntityMatchResolvers<ContextType = Context, ParentType extends ResolversParentTypes['EntityMatch'] = ResolversParentTypes['EntityMatch']> = {
  by?: Resolver<ResolversTypes['MatchReason'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  matchedId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type EstimateResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Estimate'] = ResolversParentTypes['Estimate']> = {
  best?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  high?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  low?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  qualifier?: Resolver<ResolversTypes['EstimateQualifier'], ParentType, ContextType>;
};

export type EventResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Event'] = ResolversParentTypes['Event']> = {
  category?: Resolver<ResolversTypes['EventCategory'], ParentType, ContextType>;
  claims?: Resolver<Array<ResolversTypes['Claim']>, ParentType, ContextType>;
  date?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  datePrecision?: Resolver<ResolversTypes['DatePrecision'], ParentType, ContextType>;
  endDate?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  evidence?: Resolver<Array<ResolversTypes['Evidence']>, ParentType, ContextType>;
  fatalities?: Resolver<Maybe<ResolversTypes['Estimate']>, ParentType, ContextType>;
  geoPrecision?: Resolver<Maybe<ResolversTypes['GeoPrecision']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  identifiers?: Resolver<Array<ResolversTypes['ExternalId']>, ParentType, ContextType>;
  incident?: Resolver<ResolversTypes['Incident'], ParentType, ContextType>;
  incidentCandidates?: Resolver<Array<ResolversTypes['Incident']>, ParentType, ContextType>;
  injuries?: Resolver<Maybe<ResolversTypes['Estimate']>, ParentType, ContextType>;
  location?: Resolver<Maybe<ResolversTypes['GeoPoint']>, ParentType, ContextType>;
  locationPlace?: Resolver<Maybe<ResolversTypes['Place']>, ParentType, ContextType>;
  locationPrecision?: Resolver<Maybe<ResolversTypes['GeoPrecision']>, ParentType, ContextType>;
  participants?: Resolver<Array<ResolversTypes['Participant']>, ParentType, ContextType, Partial<EventParticipantsArgs>>;
  perpetrators?: Resolver<Array<ResolversTypes['Actor']>, ParentType, ContextType>;
  places?: Resolver<Array<ResolversTypes['Place']>, ParentType, ContextType>;
  responsibilityContested?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  statements?: Resolver<Array<ResolversTypes['Statement']>, ParentType, ContextType, Partial<EventStatementsArgs>>;
  summary?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  tolls?: Resolver<Array<ResolversTypes['VictimToll']>, ParentType, ContextType>;
  type?: Resolver<ResolversTypes['EventType'], ParentType, ContextType>;
  ucdpConflictId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  ucdpDyadId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  violates?: Resolver<Array<ResolversTypes['Agreement']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type EventChangeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['EventChange'] = ResolversParentTypes['EventChange']> = {
  event?: Resolver<ResolversTypes['Event'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['ChangeKind'], ParentType, ContextType>;
};

export type EventConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['EventConnection'] = ResolversParentTypes['EventConnection']> = {
  edges?: Resolver<Array<ResolversTypes['EventEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type EventEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['EventEdge'] = ResolversParentTypes['EventEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Event'], ParentType, ContextType>;
};

export type EvidenceResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Evidence'] = ResolversParentTypes['Evidence']> = {
  end?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  quote?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  source?: Resolver<ResolversTypes['Source'], ParentType, ContextType>;
  start?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ExternalIdResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ExternalId'] = ResolversParentTypes['ExternalId']> = {
  scheme?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  value?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type GeoPointResolvers<ContextType = Context, ParentType extends ResolversParentTypes['GeoPoint'] = ResolversParentTypes['GeoPoint']> = {
  latitude?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  longitude?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type GraphEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['GraphEdge'] = ResolversParentTypes['GraphEdge']> = {
  from?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  role?: Resolver<Maybe<ResolversTypes['EventRole']>, ParentType, ContextType>;
  to?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  type?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ImportReportResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ImportReport'] = ResolversParentTypes['ImportReport']> = {
  created?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  dryRun?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  resolved?: Resolver<Array<ResolversTypes['EntityMatch']>, ParentType, ContextType>;
  rows?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  touched?: Resolver<Array<ResolversTypes['ID']>, ParentType, ContextType>;
  unchanged?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  updated?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  warnings?: Resolver<Array<ResolversTypes['ImportWarning']>, ParentType, ContextType>;
};

export type ImportWarningResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ImportWarning'] = ResolversParentTypes['ImportWarning']> = {
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  path?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type IncidentResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Incident'] = ResolversParentTypes['Incident']> = {
  date?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  fatalities?: Resolver<Maybe<ResolversTypes['Estimate']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  injuries?: Resolver<Maybe<ResolversTypes['Estimate']>, ParentType, ContextType>;
  match?: Resolver<ResolversTypes['IncidentMatch'], ParentType, ContextType>;
  reports?: Resolver<Array<ResolversTypes['Event']>, ParentType, ContextType>;
  tolls?: Resolver<Array<ResolversTypes['VictimToll']>, ParentType, ContextType>;
  undone?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type IncidentConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['IncidentConnection'] = ResolversParentTypes['IncidentConnection']> = {
  edges?: Resolver<Array<ResolversTypes['IncidentEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type IncidentEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['IncidentEdge'] = ResolversParentTypes['IncidentEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Incident'], ParentType, ContextType>;
};

export type MutationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  importAcled?: Resolver<ResolversTypes['ImportReport'], ParentType, ContextType, RequireFields<MutationImportAcledArgs, 'csv' | 'dryRun'>>;
  importBundle?: Resolver<ResolversTypes['ImportReport'], ParentType, ContextType, RequireFields<MutationImportBundleArgs, 'bundle' | 'dryRun'>>;
  importUcdp?: Resolver<ResolversTypes['ImportReport'], ParentType, ContextType, RequireFields<MutationImportUcdpArgs, 'csv' | 'dryRun'>>;
  linkIncident?: Resolver<Array<ResolversTypes['Incident']>, ParentType, ContextType, RequireFields<MutationLinkIncidentArgs, 'eventIds' | 'same'>>;
  mergeNodes?: Resolver<ResolversTypes['ImportReport'], ParentType, ContextType, RequireFields<MutationMergeNodesArgs, 'from' | 'into'>>;
};

export type NodeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Node'] = ResolversParentTypes['Node']> = {
  __resolveType: TypeResolveFn<'Actor' | 'Agreement' | 'Claim' | 'Event' | 'Incident' | 'Place' | 'Source' | 'Statement', ParentType, ContextType>;
};

export type PageInfoResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = {
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  hasPreviousPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  startCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type ParticipantResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Participant'] = ResolversParentTypes['Participant']> = {
  actor?: Resolver<ResolversTypes['Actor'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  role?: Resolver<ResolversTypes['EventRole'], ParentType, ContextType>;
};

export type PathResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Path'] = ResolversParentTypes['Path']> = {
  length?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['Node']>, ParentType, ContextType>;
  relationships?: Resolver<Array<ResolversTypes['GraphEdge']>, ParentType, ContextType>;
};

export type PlaceResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Place'] = ResolversParentTypes['Place']> = {
  agreements?: Resolver<Array<ResolversTypes['Agreement']>, ParentType, ContextType>;
  aliases?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  ancestors?: Resolver<Array<ResolversTypes['Place']>, ParentType, ContextType>;
  children?: Resolver<Array<ResolversTypes['Place']>, ParentType, ContextType>;
  events?: Resolver<ResolversTypes['EventConnection'], ParentType, ContextType, RequireFields<PlaceEventsArgs, 'includeSubPlaces'>>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  identifiers?: Resolver<Array<ResolversTypes['ExternalId']>, ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['PlaceKind'], ParentType, ContextType>;
  location?: Resolver<Maybe<ResolversTypes['GeoPoint']>, ParentType, ContextType>;
  mergedIds?: Resolver<Array<ResolversTypes['ID']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  parent?: Resolver<Maybe<ResolversTypes['Place']>, ParentType, ContextType>;
  wikidataId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type PlaceConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PlaceConnection'] = ResolversParentTypes['PlaceConnection']> = {
  edges?: Resolver<Array<ResolversTypes['PlaceEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type PlaceEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PlaceEdge'] = ResolversParentTypes['PlaceEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Place'], ParentType, ContextType>;
};

export type QueryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  actor?: Resolver<Maybe<ResolversTypes['Actor']>, ParentType, ContextType, RequireFields<QueryActorArgs, 'id'>>;
  actors?: Resolver<ResolversTypes['ActorConnection'], ParentType, ContextType, Partial<QueryActorsArgs>>;
  agreement?: Resolver<Maybe<ResolversTypes['Agreement']>, ParentType, ContextType, RequireFields<QueryAgreementArgs, 'id'>>;
  agreements?: Resolver<ResolversTypes['AgreementConnection'], ParentType, ContextType, Partial<QueryAgreementsArgs>>;
  claim?: Resolver<Maybe<ResolversTypes['Claim']>, ParentType, ContextType, RequireFields<QueryClaimArgs, 'id'>>;
  coInvolved?: Resolver<Array<ResolversTypes['CoInvolvement']>, ParentType, ContextType, RequireFields<QueryCoInvolvedArgs, 'actorId' | 'credited' | 'first' | 'includeMembers'>>;
  event?: Resolver<Maybe<ResolversTypes['Event']>, ParentType, ContextType, RequireFields<QueryEventArgs, 'id'>>;
  eventStats?: Resolver<Array<ResolversTypes['StatsBucket']>, ParentType, ContextType, RequireFields<QueryEventStatsArgs, 'groupBy' | 'includeMembers'>>;
  events?: Resolver<ResolversTypes['EventConnection'], ParentType, ContextType, RequireFields<QueryEventsArgs, 'orderBy'>>;
  incident?: Resolver<Maybe<ResolversTypes['Incident']>, ParentType, ContextType, RequireFields<QueryIncidentArgs, 'id'>>;
  incidents?: Resolver<ResolversTypes['IncidentConnection'], ParentType, ContextType, Partial<QueryIncidentsArgs>>;
  neighborhood?: Resolver<ResolversTypes['Subgraph'], ParentType, ContextType, RequireFields<QueryNeighborhoodArgs, 'depth' | 'id' | 'limit'>>;
  node?: Resolver<Maybe<ResolversTypes['Node']>, ParentType, ContextType, RequireFields<QueryNodeArgs, 'id'>>;
  nodeByIdentifier?: Resolver<Maybe<ResolversTypes['Node']>, ParentType, ContextType, RequireFields<QueryNodeByIdentifierArgs, 'scheme' | 'value'>>;
  place?: Resolver<Maybe<ResolversTypes['Place']>, ParentType, ContextType, RequireFields<QueryPlaceArgs, 'id'>>;
  places?: Resolver<ResolversTypes['PlaceConnection'], ParentType, ContextType, Partial<QueryPlacesArgs>>;
  search?: Resolver<Array<ResolversTypes['SearchHit']>, ParentType, ContextType, RequireFields<QuerySearchArgs, 'first' | 'query'>>;
  shortestPath?: Resolver<Maybe<ResolversTypes['Path']>, ParentType, ContextType, RequireFields<QueryShortestPathArgs, 'from' | 'maxHops' | 'to'>>;
  source?: Resolver<Maybe<ResolversTypes['Source']>, ParentType, ContextType, RequireFields<QuerySourceArgs, 'id'>>;
  statement?: Resolver<Maybe<ResolversTypes['Statement']>, ParentType, ContextType, RequireFields<QueryStatementArgs, 'id'>>;
  statements?: Resolver<ResolversTypes['StatementConnection'], ParentType, ContextType, Partial<QueryStatementsArgs>>;
  timeSeries?: Resolver<Array<ResolversTypes['SeriesPoint']>, ParentType, ContextType, RequireFields<QueryTimeSeriesArgs, 'interval'>>;
  viewer?: Resolver<ResolversTypes['Viewer'], ParentType, ContextType>;
};

export type SearchHitResolvers<ContextType = Context, ParentType extends ResolversParentTypes['SearchHit'] = ResolversParentTypes['SearchHit']> = {
  node?: Resolver<ResolversTypes['Node'], ParentType, ContextType>;
  score?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type SeriesPointResolvers<ContextType = Context, ParentType extends ResolversParentTypes['SeriesPoint'] = ResolversParentTypes['SeriesPoint']> = {
  events?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  key?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  node?: Resolver<Maybe<ResolversTypes['Node']>, ParentType, ContextType>;
  reports?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  start?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  tolls?: Resolver<Array<ResolversTypes['VictimToll']>, ParentType, ContextType>;
};

export type SourceResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Source'] = ResolversParentTypes['Source']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  publishedOn?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  publisher?: Resolver<Maybe<ResolversTypes['Actor']>, ParentType, ContextType>;
  text?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  url?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type StatementResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Statement'] = ResolversParentTypes['Statement']> = {
  about?: Resolver<Array<ResolversTypes['Event']>, ParentType, ContextType>;
  date?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  datePrecision?: Resolver<Maybe<ResolversTypes['DatePrecision']>, ParentType, ContextType>;
  disputes?: Resolver<Array<ResolversTypes['Claim']>, ParentType, ContextType>;
  evidence?: Resolver<Array<ResolversTypes['Evidence']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  invokes?: Resolver<Array<ResolversTypes['Agreement']>, ParentType, ContextType>;
  onBehalfOf?: Resolver<Maybe<ResolversTypes['Actor']>, ParentType, ContextType>;
  source?: Resolver<ResolversTypes['Source'], ParentType, ContextType>;
  speaker?: Resolver<ResolversTypes['Actor'], ParentType, ContextType>;
  stance?: Resolver<ResolversTypes['Stance'], ParentType, ContextType>;
  targets?: Resolver<Array<ResolversTypes['Actor']>, ParentType, ContextType>;
  text?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type StatementConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['StatementConnection'] = ResolversParentTypes['StatementConnection']> = {
  edges?: Resolver<Array<ResolversTypes['StatementEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type StatementEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['StatementEdge'] = ResolversParentTypes['StatementEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Statement'], ParentType, ContextType>;
};

export type StatsBucketResolvers<ContextType = Context, ParentType extends ResolversParentTypes['StatsBucket'] = ResolversParentTypes['StatsBucket']> = {
  events?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  fatalitiesHigh?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  fatalitiesLow?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  key?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<Maybe<ResolversTypes['Node']>, ParentType, ContextType>;
  reports?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  tolls?: Resolver<Array<ResolversTypes['VictimToll']>, ParentType, ContextType>;
};

export type SubgraphResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Subgraph'] = ResolversParentTypes['Subgraph']> = {
  edges?: Resolver<Array<ResolversTypes['GraphEdge']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['Node']>, ParentType, ContextType>;
  truncated?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type SubscriptionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Subscription'] = ResolversParentTypes['Subscription']> = {
  eventsChanged?: SubscriptionResolver<ResolversTypes['EventChange'], "eventsChanged", ParentType, ContextType, Partial<SubscriptionEventsChangedArgs>>;
};

export type VictimTollResolvers<ContextType = Context, ParentType extends ResolversParentTypes['VictimToll'] = ResolversParentTypes['VictimToll']> = {
  estimate?: Resolver<ResolversTypes['Estimate'], ParentType, ContextType>;
  victims?: Resolver<ResolversTypes['VictimGroup'], ParentType, ContextType>;
};

export type ViewerResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Viewer'] = ResolversParentTypes['Viewer']> = {
  id?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  role?: Resolver<ResolversTypes['Role'], ParentType, ContextType>;
};

export type Resolvers<ContextType = Context> = {
  Actor?: ActorResolvers<ContextType>;
  ActorConnection?: ActorConnectionResolvers<ContextType>;
  ActorEdge?: ActorEdgeResolvers<ContextType>;
  Agreement?: AgreementResolvers<ContextType>;
  AgreementConnection?: AgreementConnectionResolvers<ContextType>;
  AgreementEdge?: AgreementEdgeResolvers<ContextType>;
  Claim?: ClaimResolvers<ContextType>;
  CoInvolvement?: CoInvolvementResolvers<ContextType>;
  Date?: GraphQLScalarType;
  EntityMatch?: EntityMatchResolvers<ContextType>;
  Estimate?: EstimateResolvers<ContextType>;
  Event?: EventResolvers<ContextType>;
  EventChange?: EventChangeResolvers<ContextType>;
  EventConnection?: EventConnectionResolvers<ContextType>;
  EventEdge?: EventEdgeResolvers<ContextType>;
  Evidence?: EvidenceResolvers<ContextType>;
  ExternalId?: ExternalIdResolvers<ContextType>;
  GeoPoint?: GeoPointResolvers<ContextType>;
  GraphEdge?: GraphEdgeResolvers<ContextType>;
  ImportReport?: ImportReportResolvers<ContextType>;
  ImportWarning?: ImportWarningResolvers<ContextType>;
  Incident?: IncidentResolvers<ContextType>;
  IncidentConnection?: IncidentConnectionResolvers<ContextType>;
  IncidentEdge?: IncidentEdgeResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  Node?: NodeResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Participant?: ParticipantResolvers<ContextType>;
  Path?: PathResolvers<ContextType>;
  Place?: PlaceResolvers<ContextType>;
  PlaceConnection?: PlaceConnectionResolvers<ContextType>;
  PlaceEdge?: PlaceEdgeResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  SearchHit?: SearchHitResolvers<ContextType>;
  SeriesPoint?: SeriesPointResolvers<ContextType>;
  Source?: SourceResolvers<ContextType>;
  Statement?: StatementResolvers<ContextType>;
  StatementConnection?: StatementConnectionResolvers<ContextType>;
  StatementEdge?: StatementEdgeResolvers<ContextType>;
  StatsBucket?: StatsBucketResolvers<ContextType>;
  Subgraph?: SubgraphResolvers<ContextType>;
  Subscription?: SubscriptionResolvers<ContextType>;
  VictimToll?: VictimTollResolvers<ContextType>;
  Viewer?: ViewerResolvers<ContextType>;
};

