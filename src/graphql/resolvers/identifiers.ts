/** External identifiers: `identifiers` on actors, places and events, and `Query.nodeByIdentifier`. */
import { InvalidInputError } from "../../errors.js";
import { effectiveIdentifierKeys, externalId, identifierKey, parseIdentifierKey, type ExternalId } from "../../model/identifiers.js";
import type { QueryResolvers } from "../generated/resolvers.js";

/** A node's identifiers, its `wikidataId` among them as `wikidata`, sorted. */
export function identifiersOf(node: { identifiers: readonly string[]; wikidataId?: string | null }): ExternalId[] {
  return effectiveIdentifierKeys(node.identifiers, node.wikidataId).map(parseIdentifierKey);
}

export const identifierQueries: Pick<QueryResolvers, "nodeByIdentifier"> = {
  nodeByIdentifier: async (_, { scheme, value }, context) => {
    // The bundle's rules for an identifier: what cannot be stored cannot be found, and says why.
    const checked = externalId.safeParse({ scheme, value });
    if (!checked.success) {
      const issue = checked.error.issues[0]!;
      const argument = String(issue.path[0] ?? "value");
      throw new InvalidInputError(`${argument}: ${issue.message}.`, argument);
    }
    const node = await context.repositories.identifiers.nodeByIdentifier(identifierKey(checked.data));
    if (node) context.loaders.nodes.prime(node.id, node);
    return node;
  },
};
