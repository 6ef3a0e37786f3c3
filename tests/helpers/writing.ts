/** Credentials and requests shared by the write path's tests. */
import type { TestServer } from "./server.js";

export const EDITOR_KEY = "editor-key-0123456789abcdef";
export const UNLABELLED_EDITOR_KEY = "unlabelled-editor-key-0123456789";
export const READER_KEY = "reader-key-0123456789abcdef";

/** Server settings with one labelled and one unlabelled editor key and a reader key. */
export const keyEnvironment = {
  EDITOR_API_KEYS: `alice:${EDITOR_KEY}, ${UNLABELLED_EDITOR_KEY}`,
  READER_API_KEYS: `bob:${READER_KEY}`,
};

export const asEditor = { authorization: `Bearer ${EDITOR_KEY}` };
export const asReader = { authorization: `Bearer ${READER_KEY}` };

export const REPORT = "dryRun created updated unchanged touched resolved { id matchedId name by } rows";

export function importBundle(server: TestServer, bundle: unknown, options: { dryRun?: boolean; headers?: Record<string, string> } = {}) {
  return server.graphql(
    `mutation ($bundle: BundleInput!, $dryRun: Boolean) { importBundle(bundle: $bundle, dryRun: $dryRun) { ${REPORT} } }`,
    { bundle, dryRun: options.dryRun ?? false },
    options.headers ?? asEditor,
  );
}

export function importAcled(server: TestServer, csv: string, options: { dryRun?: boolean; headers?: Record<string, string> } = {}) {
  return server.graphql(
    `mutation ($csv: String!, $dryRun: Boolean) { importAcled(csv: $csv, dryRun: $dryRun) { ${REPORT} } }`,
    { csv, dryRun: options.dryRun ?? false },
    options.headers ?? asEditor,
  );
}

/**
 * A small document of its own: a source, a ministry, a province and a market in it, a strike, a death toll and a
 * denial. Names carry the suffix so that no other test's (or the article's) names match them.
 */
export function documentBundle(s: string) {
  const text =
    `On 3 March 2020 a drone struck the vegetable market of Kafr Zeta ${s}, killing 5 civilians, local sources said. ` +
    `The Ministry of Defence ${s} denied that its aircraft flew over the area.`;
  return {
    source: { id: `source:w-${s}`, title: `Report ${s}`, publishedOn: "2020-03-04", text },
    actors: [{ id: `actor:w-${s}-ministry`, name: `Ministry of Defence ${s}`, kind: "GOVERNMENT_BODY" }],
    places: [
      { id: `place:w-${s}-province`, name: `Hamadiyah Province ${s}`, kind: "PROVINCE" },
      { id: `place:w-${s}-market`, name: `Kafr Zeta ${s} market`, kind: "SITE", parent: `place:w-${s}-province` },
    ],
    events: [
      {
        id: `event:w-${s}-strike`,
        title: `Drone strike on the Kafr Zeta ${s} market`,
        category: "EXPLOSIONS_REMOTE_VIOLENCE",
        type: "AIR_DRONE_STRIKE",
        date: "2020-03-03",
        datePrecision: "DAY",
        places: [`place:w-${s}-market`],
        participants: [{ actor: `actor:w-${s}-ministry`, role: "PERPETRATOR" }],
        quotes: [`a drone struck the vegetable market of Kafr Zeta ${s}`],
      },
    ],
    claims: [
      {
        id: `claim:w-${s}-deaths`,
        kind: "FATALITIES",
        text: "Local sources: 5 civilians killed.",
        event: `event:w-${s}-strike`,
        estimate: { low: 5, high: 5, qualifier: "EXACT" },
        quotes: ["killing 5 civilians, local sources said"],
      },
    ],
    statements: [
      {
        id: `statement:w-${s}-denial`,
        stance: "DENY",
        text: "The ministry denied that its aircraft flew over the area.",
        speaker: `actor:w-${s}-ministry`,
        about: [`event:w-${s}-strike`],
        quotes: [`The Ministry of Defence ${s} denied that its aircraft flew over the area.`],
      },
    ],
  };
}

/** Every id `documentBundle(s)` defines. */
export function documentIds(s: string): string[] {
  const bundle = documentBundle(s);
  return [bundle.source, ...bundle.actors, ...bundle.places, ...bundle.events, ...bundle.claims, ...bundle.statements].map(
    (node) => node.id,
  );
}
