/**
 * The data migration that gave ACLED's actor names a scheme of their own (model/identifiers.ts): actors stored with
 * `acled:<name>` carry `acled-actor:<name>` instead, in their `identifiers` and in their ExternalId lookup nodes, and
 * their content hash is recomputed, so that re-importing what wrote them changes nothing. ACLED's event ids keep `acled`.
 */
import { z } from "zod";
import type { Executor } from "../../db/executor.js";
import { rel } from "../../graph/catalogue.js";
import {
  ACLED_ACTOR_SCHEME,
  ACLED_EVENT_SCHEME,
  actorIdentifier,
  identifierKey,
  identifierKeys,
  parseIdentifierKey,
} from "../../model/identifiers.js";
import { parseRows, texts } from "../storedRows.js";
import { batches } from "./importStore.js";
import { refreshContentHashes } from "./mergeNodes.js";

const actorRow = z.object({ id: z.string(), identifiers: texts });

/** Returns how many actors it changed. */
export async function separateAcledActorScheme(db: Executor): Promise<number> {
  return db.write(async (tx) => {
    const actors = parseRows(
      actorRow,
      await tx.run(
        `// actorsWithAcledIdentifiers
        MATCH (a:Actor) WHERE any(key IN coalesce(a.identifiers, []) WHERE key STARTS WITH $prefix)
        RETURN a.id AS id, a.identifiers AS identifiers`,
        { prefix: `${ACLED_EVENT_SCHEME}:` },
      ),
    );
    const updates = actors.map(({ id, identifiers }) => ({
      id,
      identifiers: identifierKeys(identifiers.map((key) => identifierKey(actorIdentifier(parseIdentifierKey(key))))),
    }));
    for (const batch of batches(updates)) {
      await tx.run(
        `// actorsAcledActorScheme
        UNWIND $updates AS update
        MATCH (a:Actor {id: update.id})
        SET a.identifiers = update.identifiers`,
        { updates: batch },
      );
    }
    await tx.run(
      `// externalIdsAcledActorScheme
      MATCH (x:ExternalId {scheme: $from})-[:${rel("IDENTIFIES")}]->(:Actor)
      SET x.scheme = $to, x.key = $to + ':' + x.value`,
      { from: ACLED_EVENT_SCHEME, to: ACLED_ACTOR_SCHEME },
    );
    await refreshContentHashes(
      tx,
      "Actor",
      updates.map((update) => update.id),
      "migration",
    );
    return updates.length;
  });
}
