/**
 * docs/recipes.md, read at build time into the playground's opening tabs: one tab per recipe, the
 * recipe's question as the tab's comment and operation name, its query as written in the docs (the
 * integration tests run those queries, so the tabs run too). Every `## ` section with a graphql block is a
 * recipe, numbered or not: a new recipe needs no other change to become a tab.
 */
import { Kind, parse } from "graphql";

export interface Recipe {
  /** The recipe's heading without its number or inline markup, e.g. "How many civilians died per perpetrator?". */
  title: string;
  /** The heading's number, 1 for "## 1. …"; a heading without one gets the recipe's position. */
  number: number;
  /** The prose between the heading and the query, joined into one paragraph per blank-line block. */
  notes: string[];
  /** The first ```graphql block under the heading. */
  query: string;
}

export interface PlaygroundTab {
  /** The tab's title: the recipe's question. */
  title: string;
  /** The query's operation name, which GraphiQL would show as the title. */
  operationName: string;
  query: string;
}

const HEADING = /^##\s+(?:(\d+)[.)]\s+)?(.+?)\s*$/;

/** A heading as plain text: "Which node is ACLED's `X`?" -> "Which node is ACLED's X?". */
const plainText = (markdown: string): string => markdown.replace(/`([^`]*)`/g, "$1").replace(/(\*\*|__)(.+?)\1/g, "$2");

/** Every `## ` section of the markdown that holds a ```graphql block (`## N. Title` or `## Title`), in order. */
export function parseRecipes(markdown: string): Recipe[] {
  const recipes: Recipe[] = [];
  let current: { number: number | null; title: string; notes: string[]; paragraph: string[]; query?: string } | undefined;
  let fence: { language: string; lines: string[] } | undefined;

  const closeParagraph = (): void => {
    if (current && current.paragraph.length > 0) current.notes.push(current.paragraph.join(" "));
    if (current) current.paragraph = [];
  };
  const closeSection = (): void => {
    if (current?.query !== undefined)
      recipes.push({ number: current.number ?? recipes.length + 1, title: current.title, notes: current.notes, query: current.query });
    current = undefined;
  };

  for (const line of markdown.split(/\r?\n/)) {
    if (fence) {
      if (line.trimStart().startsWith("```")) {
        if (fence.language === "graphql" && current && current.query === undefined) current.query = fence.lines.join("\n").trim();
        fence = undefined;
      } else {
        fence.lines.push(line);
      }
      continue;
    }
    if (line.trimStart().startsWith("```")) {
      closeParagraph();
      fence = { language: line.trim().slice(3).trim().toLowerCase(), lines: [] };
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      closeSection();
      current = {
        number: heading[1] === undefined ? null : Number(heading[1]),
        title: plainText(heading[2] ?? ""),
        notes: [],
        paragraph: [],
      };
      continue;
    }
    if (line.startsWith("#")) {
      closeSection();
      continue;
    }
    // Only the prose before the query explains it; what follows the query is the expected answer.
    if (!current || current.query !== undefined) continue;
    if (line.trim() === "") closeParagraph();
    else current.paragraph.push(line.trim());
  }
  closeSection();
  return recipes;
}

/** Question words and particles, left out of operation names so that tab titles stay short. */
const STOP_WORDS = new Set(
  "a an and are by did do does else exactly find for how however in inside is it many of on per the them to was what when where which who whom why".split(
    " ",
  ),
);
const MAX_NAME_WORDS = 5;

/** "Who else was involved wherever Russia struck?" -> "InvolvedWhereverRussiaStruck": a short tab title. */
export function operationName(title: string): string {
  const words = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    // "ACLED's forces" -> "ACLED forces", not "ACLEDSForces".
    .replace(/['\u2019]s\b/g, "")
    .split(/[^A-Za-z0-9]+/)
    .filter((word) => word.length > 0);
  const significant = words.filter((word) => !STOP_WORDS.has(word.toLowerCase()));
  const chosen = (significant.length > 0 ? significant : words).slice(0, MAX_NAME_WORDS);
  const name = chosen.map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join("");
  return /^[0-9]/.test(name) || name === "" ? `Recipe${name}` : name;
}

/** Wraps prose into `# ` comment lines of at most `width` characters (the query editor is narrow at 1280 px). */
export function commentLines(text: string, width = 48): string[] {
  const lines: string[] = [];
  let line = "#";
  for (const word of text.split(/\s+/).filter((w) => w.length > 0)) {
    if (line.length + 1 + word.length > width && line !== "#") {
      lines.push(line);
      line = "#";
    }
    line += ` ${word}`;
  }
  if (line !== "#") lines.push(line);
  return lines;
}

/**
 * The query with its first operation named `name`, unless the docs named it already: `{ … }`, `query { … }` and
 * `mutation { … }` alike, comments above it kept. Returns the query and the operation's name.
 */
function namedOperation(query: string, name: string): { query: string; operationName: string } {
  const operation = parse(query).definitions.find((definition) => definition.kind === Kind.OPERATION_DEFINITION);
  if (!operation?.loc) throw new Error(`a recipe's graphql block holds no operation: ${query.slice(0, 60)}`);
  if (operation.name) return { query, operationName: operation.name.value };
  const start = operation.loc.start;
  const shorthand = query.startsWith("{", start);
  const at = shorthand ? start : start + operation.operation.length;
  const insert = shorthand ? `query ${name} ` : ` ${name}`;
  return { query: `${query.slice(0, at)}${insert}${query.slice(at)}`, operationName: name };
}

/**
 * The query as a tab titled with the question: the question as a comment above the query, the notes as
 * comments below it (so that a small window shows the query at once), and an unnamed operation named after
 * the question (`taken`: names other tabs have, so that no two tabs share one). Operations the docs named
 * keep their name.
 */
export function recipeTab(recipe: Recipe, preamble: string[] = [], taken: ReadonlySet<string> = new Set()): PlaygroundTab {
  const header = commentLines(`${recipe.number}. ${recipe.title}`);
  const notes = recipe.notes.flatMap((note, index) => [...(index > 0 ? ["#"] : []), ...commentLines(note)]);
  const wanted = operationName(recipe.title);
  const unique = taken.has(wanted) ? `${wanted}${recipe.number}` : wanted;
  const { query, operationName: name } = namedOperation(recipe.query, unique);
  const lines = [...preamble, ...header, query, ...(notes.length > 0 ? ["", ...notes] : []), ""];
  return { title: recipe.title, operationName: name, query: lines.join("\n") };
}

/** Said once, in the first tab: where an editor key goes. */
export const FIRST_TAB_PREAMBLE = [
  "# Research recipes (docs/recipes.md), one per tab. Run with ▶ or Ctrl-Enter.",
  '# To write, put {"Authorization": "Bearer <your key>"} in Headers below.',
  "#",
];

export function playgroundTabs(markdown: string): PlaygroundTab[] {
  const taken = new Set<string>();
  return parseRecipes(markdown).map((recipe, index) => {
    const tab = recipeTab(recipe, index === 0 ? FIRST_TAB_PREAMBLE : [], taken);
    taken.add(tab.operationName);
    return tab;
  });
}
