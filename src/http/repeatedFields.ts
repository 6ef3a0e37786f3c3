/**
 * The repeated-field limit, checked on the request before Apollo parses and validates it. graphql-js compares
 * every pair of same-named fields in a selection set (OverlappingFieldsCanBeMerged), so `{ viewer { role } }`
 * × 499, within the token limit, cost 70-100 ms of validation per request: ten connections sending it brought
 * the server down to 10 requests a second. A plugin or validation rule cannot stop validation from running
 * (Apollo answers a thrown error with a 500), so this runs as Express middleware, on a parse of its own.
 */
import type { RequestHandler } from "express";
import { Kind, parse, type DocumentNode, type FragmentDefinitionNode, type SelectionSetNode } from "graphql";
import { MAX_QUERY_NODES, queryTooComplex } from "./queryCost.js";

/** Throws QUERY_TOO_COMPLEX when a selection set names one field more than `maximum` times, fragments spread into it included. */
export function checkRepeatedFields(document: DocumentNode, maximum: number): void {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  let nodes = 0;
  // Counts the fields of one selection set, through its fragments (each once per set, so that cycles and
  // fragments spread many times cost nothing more; graphql-js reports cycles) and sub-selections, each
  // checked on its own. The walk stops at MAX_QUERY_NODES fields, so it is bounded whatever the document.
  const visit = (selectionSet: SelectionSetNode, counts: Map<string, number>, spread: Set<string>): void => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        const name = (selection.alias ?? selection.name).value;
        const count = (counts.get(name) ?? 0) + 1;
        counts.set(name, count);
        if (count > maximum) {
          throw queryTooComplex(`The field "${name}" is selected ${count} times in one selection set; at most ${maximum} are allowed.`, {
            field: name,
            maximumRepeats: maximum,
          });
        }
        if (++nodes > MAX_QUERY_NODES) {
          throw queryTooComplex(`The query selects more than ${MAX_QUERY_NODES} fields once its fragments are expanded.`, {
            maximumNodes: MAX_QUERY_NODES,
          });
        }
        if (selection.selectionSet) visit(selection.selectionSet, new Map(), new Set());
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        visit(selection.selectionSet, counts, spread);
      } else {
        const fragment = fragments.get(selection.name.value);
        if (!fragment || spread.has(fragment.name.value)) continue;
        spread.add(fragment.name.value);
        visit(fragment.selectionSet, counts, spread);
      }
    }
  };
  for (const definition of document.definitions) {
    if (definition.kind === Kind.OPERATION_DEFINITION) visit(definition.selectionSet, new Map(), new Set());
  }
}

/**
 * Answers 400 QUERY_TOO_COMPLEX, in the GraphQL-over-HTTP shape, to a query (POST body or GET parameter) that
 * repeats a field too often. A query that does not parse is left to Apollo, which says why.
 */
export function repeatedFieldLimit(maximum: number, maxTokens: number): RequestHandler {
  return (request, response, next) => {
    const body: unknown = request.body;
    const query: unknown =
      typeof body === "object" && body !== null && "query" in body ? body.query : (request.query as Record<string, unknown>).query;
    if (typeof query !== "string") return next();
    let document: DocumentNode;
    try {
      document = parse(query, { maxTokens, noLocation: true });
    } catch {
      return next();
    }
    try {
      checkRepeatedFields(document, maximum);
    } catch (error) {
      const { http: _http, ...extensions } = (error as ReturnType<typeof queryTooComplex>).extensions;
      response.status(400).json({ errors: [{ message: (error as Error).message, extensions }] });
      return;
    }
    next();
  };
}
