/**
 * Writes a validated bundle in one transaction with MERGE on ids, so a re-import changes nothing
 * and two concurrent imports of overlapping bundles cannot create duplicates (the id constraints
 * make MERGE safe). Derived properties (search text, name keys, combined estimates) are computed here.
 */
import type { Executor, Params, WriteTransaction } from "../db/executor.js";
import { int } from "../db/values.js";
import { combineEstimates } from "../model/estimates.js";
import type { EstimateRow } from "../model/rows.js";
import { normalizeName, searchText } from "../model/text.js";
import type { ValidBundle } from "./bundle.js";

export async function writeBundle(db: Executor, valid: ValidBundle, writtenBy: string): Promise<void> {
  await db.write(async (tx) => {
    await writeNodes(tx, valid, writtenBy);
    await writeEvidence(tx, valid);
    const eventIds = new Set<string>([
      ...(valid.bundle.events ?? []).map((event) => event.id),
      ...(valid.bundle.claims ?? []).map((claim) => claim.event),
      ...(valid.bundle.statements ?? []).flatMap((statement) => statement.about ?? []),
    ]);
    await refreshEventAggregates(tx, [...eventIds]);
  });
}

const names = (name: string, aliases: readonly string[] | null | undefined) => [name, ...(aliases ?? [])];
const nameKeys = (name: string, aliases: readonly string[] | null | undefined) => [...new Set(names(name, aliases).map(normalizeName))];

async function writeNodes(tx: WriteTransaction, { bundle }: ValidBundle, writtenBy: string): Promise<void> {
  const stamp: Params = { writtenBy };
  const { source } = bundle;

  await tx.run(
    `// mergeSource
    MERGE (s:Source {id: $source.id})
    ON CREATE SET s.createdAt = datetime(), s.createdBy = $writtenBy
    SET s.title = $source.title, s.publishedOn = date($source.publishedOn), s.url = $source.url, s.text = $source.text,
        s.searchText = $source.searchText, s.updatedAt = datetime(), s.updatedBy = $writtenBy`,
    { ...stamp, source: { ...source, searchText: searchText([source.title]) } },
  );

  const actors = (bundle.actors ?? []).map((actor) => ({
    ...actor,
    aliases: actor.aliases ?? [],
    nameKeys: nameKeys(actor.name, actor.aliases),
    searchText: searchText(names(actor.name, actor.aliases)),
  }));
  await tx.run(
    `// mergeActors
    UNWIND $actors AS actor
    MERGE (a:Actor {id: actor.id})
    ON CREATE SET a.createdAt = datetime(), a.createdBy = $writtenBy
    SET a.name = actor.name, a.aliases = actor.aliases, a.kind = actor.kind, a.description = actor.description,
        a.wikidataId = actor.wikidataId, a.nameKeys = actor.nameKeys, a.searchText = actor.searchText,
        a.updatedAt = datetime(), a.updatedBy = $writtenBy`,
    { ...stamp, actors },
  );

  const places = (bundle.places ?? []).map((place) => ({
    ...place,
    aliases: place.aliases ?? [],
    latitude: place.location?.latitude ?? null,
    longitude: place.location?.longitude ?? null,
    nameKeys: nameKeys(place.name, place.aliases),
    searchText: searchText(names(place.name, place.aliases)),
  }));
  await tx.run(
    `// mergePlaces
    UNWIND $places AS place
    MERGE (p:Place {id: place.id})
    ON CREATE SET p.createdAt = datetime(), p.createdBy = $writtenBy
    SET p.name = place.name, p.aliases = place.aliases, p.kind = place.kind, p.latitude = place.latitude,
        p.longitude = place.longitude, p.wikidataId = place.wikidataId, p.nameKeys = place.nameKeys,
        p.searchText = place.searchText, p.updatedAt = datetime(), p.updatedBy = $writtenBy`,
    { ...stamp, places },
  );

  const agreements = (bundle.agreements ?? []).map((agreement) => ({
    ...agreement,
    searchText: searchText([agreement.name, agreement.summary]),
  }));
  await tx.run(
    `// mergeAgreements
    UNWIND $agreements AS agreement
    MERGE (ag:Agreement {id: agreement.id})
    ON CREATE SET ag.createdAt = datetime(), ag.createdBy = $writtenBy
    SET ag.name = agreement.name, ag.signedOn = date(agreement.signedOn), ag.datePrecision = agreement.datePrecision,
        ag.endsOn = date(agreement.endsOn), ag.summary = agreement.summary, ag.searchText = agreement.searchText,
        ag.updatedAt = datetime(), ag.updatedBy = $writtenBy`,
    { ...stamp, agreements },
  );

  const events = (bundle.events ?? []).map((event) => ({ ...event, searchText: searchText([event.title, event.summary]) }));
  await tx.run(
    `// mergeEvents
    UNWIND $events AS event
    MERGE (e:Event {id: event.id})
    ON CREATE SET e.createdAt = datetime(), e.createdBy = $writtenBy
    SET e.title = event.title, e.category = event.category, e.type = event.type, e.date = date(event.date),
        e.datePrecision = event.datePrecision, e.summary = event.summary, e.searchText = event.searchText,
        e.updatedAt = datetime(), e.updatedBy = $writtenBy`,
    { ...stamp, events },
  );

  const statements = (bundle.statements ?? []).map((statement) => ({ ...statement, searchText: searchText([statement.text]) }));
  await tx.run(
    `// mergeStatements
    UNWIND $statements AS statement
    MERGE (st:Statement {id: statement.id})
    ON CREATE SET st.createdAt = datetime(), st.createdBy = $writtenBy
    SET st.date = date(statement.date), st.datePrecision = statement.datePrecision, st.stance = statement.stance,
        st.text = statement.text, st.searchText = statement.searchText,
        st.sortDate = coalesce(date(statement.date), date($publishedOn)),
        st.updatedAt = datetime(), st.updatedBy = $writtenBy`,
    { ...stamp, statements, publishedOn: source.publishedOn ?? null },
  );

  const claims = (bundle.claims ?? []).map((claim) => ({
    ...claim,
    low: nullableInt(claim.estimate?.low ?? null),
    high: nullableInt(claim.estimate?.high ?? null),
    qualifier: claim.estimate?.qualifier ?? null,
  }));
  await tx.run(
    `// mergeClaims
    UNWIND $claims AS claim
    MERGE (c:Claim {id: claim.id})
    ON CREATE SET c.createdAt = datetime(), c.createdBy = $writtenBy
    SET c.kind = claim.kind, c.text = claim.text, c.low = claim.low, c.high = claim.high, c.qualifier = claim.qualifier,
        c.updatedAt = datetime(), c.updatedBy = $writtenBy`,
    { ...stamp, claims },
  );

  await writeRelationships(tx, relationshipsOf(bundle));
}

/** The bundle's relationships as (from, type, to[, role]) rows, merged by type. */
function relationshipsOf(bundle: ValidBundle["bundle"]) {
  const links: { type: string; fromLabel: string; toLabel: string; rows: { from: string; to: string; role?: string }[] }[] = [];
  const add = (type: string, fromLabel: string, toLabel: string, rows: { from: string; to: string; role?: string }[]) =>
    links.push({ type, fromLabel, toLabel, rows });
  const pairs = (from: string, to: readonly string[] | null | undefined) => (to ?? []).map((target) => ({ from, to: target }));
  const one = (from: string, to: string | null | undefined) => (to ? [{ from, to }] : []);

  add("PUBLISHED_BY", "Source", "Actor", one(bundle.source.id, bundle.source.publisher));
  add(
    "PART_OF",
    "Actor",
    "Actor",
    (bundle.actors ?? []).flatMap((a) => pairs(a.id, a.partOf)),
  );
  add(
    "ALLIED_WITH",
    "Actor",
    "Actor",
    (bundle.actors ?? []).flatMap((a) => pairs(a.id, a.allies)),
  );
  add(
    "WITHIN",
    "Place",
    "Place",
    (bundle.places ?? []).flatMap((p) => one(p.id, p.parent)),
  );
  add(
    "PARTY_TO",
    "Actor",
    "Agreement",
    (bundle.agreements ?? []).flatMap((ag) => (ag.parties ?? []).map((party) => ({ from: party, to: ag.id }))),
  );
  add(
    "COVERS",
    "Agreement",
    "Place",
    (bundle.agreements ?? []).flatMap((ag) => pairs(ag.id, ag.covers)),
  );
  add(
    "OCCURRED_IN",
    "Event",
    "Place",
    (bundle.events ?? []).flatMap((e) => pairs(e.id, e.places)),
  );
  add(
    "PARTICIPATED_IN",
    "Actor",
    "Event",
    (bundle.events ?? []).flatMap((e) => (e.participants ?? []).map((p) => ({ from: p.actor, to: e.id, role: p.role }))),
  );
  add(
    "ABOUT",
    "Claim",
    "Event",
    (bundle.claims ?? []).map((c) => ({ from: c.id, to: c.event })),
  );
  add(
    "NAMES",
    "Claim",
    "Actor",
    (bundle.claims ?? []).flatMap((c) => pairs(c.id, c.actors)),
  );
  add(
    "ASSERTED_BY",
    "Claim",
    "Actor",
    (bundle.claims ?? []).flatMap((c) => one(c.id, c.assertedBy)),
  );
  add(
    "REPORTED_IN",
    "Claim",
    "Source",
    (bundle.claims ?? []).map((c) => ({ from: c.id, to: bundle.source.id })),
  );
  add(
    "DISPUTES",
    "Statement",
    "Claim",
    (bundle.claims ?? []).flatMap((c) => (c.disputedBy ?? []).map((st) => ({ from: st, to: c.id }))),
  );
  add(
    "SPOKEN_BY",
    "Statement",
    "Actor",
    (bundle.statements ?? []).map((st) => ({ from: st.id, to: st.speaker })),
  );
  add(
    "ON_BEHALF_OF",
    "Statement",
    "Actor",
    (bundle.statements ?? []).flatMap((st) => one(st.id, st.onBehalfOf)),
  );
  add(
    "ABOUT",
    "Statement",
    "Event",
    (bundle.statements ?? []).flatMap((st) => pairs(st.id, st.about)),
  );
  add(
    "TARGETS",
    "Statement",
    "Actor",
    (bundle.statements ?? []).flatMap((st) => pairs(st.id, st.targets)),
  );
  add(
    "INVOKES",
    "Statement",
    "Agreement",
    (bundle.statements ?? []).flatMap((st) => pairs(st.id, st.invokes)),
  );
  add(
    "REPORTED_IN",
    "Statement",
    "Source",
    (bundle.statements ?? []).map((st) => ({ from: st.id, to: bundle.source.id })),
  );
  return links.filter((link) => link.rows.length > 0);
}

async function writeRelationships(tx: WriteTransaction, links: ReturnType<typeof relationshipsOf>): Promise<void> {
  for (const link of links) {
    // Types and labels come from the fixed list above, never from the bundle.
    const role = link.type === "PARTICIPATED_IN" ? " {role: row.role}" : "";
    await tx.run(
      `// merge${link.fromLabel}${link.type}
      UNWIND $rows AS row
      MATCH (a:${link.fromLabel} {id: row.from})
      MATCH (b:${link.toLabel} {id: row.to})
      MERGE (a)-[:${link.type}${role}]->(b)`,
      { rows: link.rows },
    );
  }
}

async function writeEvidence(tx: WriteTransaction, { bundle, evidence }: ValidBundle): Promise<void> {
  const labels = new Map<string, string>([
    ...(bundle.agreements ?? []).map((x) => [x.id, "Agreement"] as const),
    ...(bundle.events ?? []).map((x) => [x.id, "Event"] as const),
    ...(bundle.claims ?? []).map((x) => [x.id, "Claim"] as const),
    ...(bundle.statements ?? []).map((x) => [x.id, "Statement"] as const),
  ]);
  for (const label of new Set(labels.values())) {
    const rows = [...evidence.entries()]
      .filter(([nodeId]) => labels.get(nodeId) === label)
      .flatMap(([nodeId, located]) => located.map((at) => ({ id: nodeId, quote: at.quote, start: int(at.start), end: int(at.end) })));
    await tx.run(
      `// mergeEvidence${label}
      UNWIND $rows AS row
      MATCH (n:${label} {id: row.id})
      MATCH (s:Source {id: $sourceId})
      MERGE (n)-[r:EVIDENCED_BY {start: row.start, end: row.end}]->(s)
      SET r.quote = row.quote`,
      { rows, sourceId: bundle.source.id },
    );
  }
}

/**
 * Recomputes what list filters and orderings read from an event node: the combined fatality and
 * injury estimates over all claims (from every source ever imported) and whether responsibility is
 * contested. Kept on the node so that `minFatalities`, `contested` and FATALITIES_DESC use indexes.
 */
export async function refreshEventAggregates(tx: WriteTransaction, eventIds: readonly string[]): Promise<void> {
  if (eventIds.length === 0) return;
  const rows = await tx.run(
    `// eventClaimFigures
    UNWIND $eventIds AS id
    MATCH (e:Event {id: id})
    RETURN id,
      [(e)<-[:ABOUT]-(c:Claim {kind: 'FATALITIES'}) WHERE c.qualifier IS NOT NULL | c {.low, .high, .qualifier}] AS fatalities,
      [(e)<-[:ABOUT]-(c:Claim {kind: 'INJURIES'}) WHERE c.qualifier IS NOT NULL | c {.low, .high, .qualifier}] AS injuries,
      EXISTS { MATCH (e)<-[:ABOUT]-(:Claim {kind: 'PERPETRATOR'})<-[:DISPUTES]-(:Statement) }
        OR EXISTS { MATCH (e)<-[:ABOUT]-(:Statement {stance: 'DENY'}) } AS contested`,
    { eventIds },
  );
  const updates = rows.map((row) => {
    const fatalities = combineEstimates(row.fatalities as EstimateRow[]);
    const injuries = combineEstimates(row.injuries as EstimateRow[]);
    return {
      id: row.id,
      fatalitiesLow: nullableInt(fatalities?.low ?? null),
      fatalitiesHigh: nullableInt(fatalities?.high ?? null),
      fatalitiesQualifier: fatalities?.qualifier ?? null,
      injuriesLow: nullableInt(injuries?.low ?? null),
      injuriesHigh: nullableInt(injuries?.high ?? null),
      injuriesQualifier: injuries?.qualifier ?? null,
      contested: row.contested === true,
    };
  });
  await tx.run(
    `// setEventAggregates
    UNWIND $updates AS update
    MATCH (e:Event {id: update.id})
    SET e.fatalitiesLow = update.fatalitiesLow, e.fatalitiesHigh = update.fatalitiesHigh,
        e.fatalitiesQualifier = update.fatalitiesQualifier, e.injuriesLow = update.injuriesLow,
        e.injuriesHigh = update.injuriesHigh, e.injuriesQualifier = update.injuriesQualifier,
        e.contested = update.contested`,
    { updates },
  );
}

function nullableInt(value: number | null) {
  return value === null ? null : int(value);
}
