/** The raw-Cypher contender as the benchmark asks it: `POST /<query>` with the parameters; the body is the answer. */
import { type Answers, type Contender, type ContenderQuery, queryNames, type QueryName } from "../workload.js";

const asked = <Q extends QueryName>(query: Q): ContenderQuery<Q> => ({
  request: (params) => ({ path: `/${query}`, body: JSON.stringify(params) }),
  answer: (body) => body as Answers[Q],
});

export const raw: Contender = Object.fromEntries(queryNames.map((query) => [query, asked(query)]));
