/**
 * `npm run load -- [--url http://127.0.0.1:$PORT] [--connections 10] [--duration 10]`: an HTTP load test, a bounded
 * autocannon run on loopback against a running server with a mix of the read queries researchers send. The server
 * is the one `npm start` runs with the same settings (PORT from the environment or .env), unless --url names another.
 * Prints p50, p99, requests per second and the error rate (non-2xx responses and GraphQL errors).
 */
import autocannon from "autocannon";
import { parseArgs } from "node:util";
import { loadConfig } from "../src/config.js";
import { loadEnvFile } from "../src/envFile.js";

loadEnvFile();
const { values } = parseArgs({
  options: {
    url: { type: "string" },
    connections: { type: "string", default: "10" },
    duration: { type: "string", default: "10" },
  },
});
const connections = Math.min(Number(values.connections), 200);
const duration = Math.min(Number(values.duration), 120);
const target = new URL(values.url ?? `http://127.0.0.1:${loadConfig().port}`);
if (!["127.0.0.1", "localhost", "[::1]"].includes(target.hostname))
  throw new Error("npm run load only targets a server on this machine (loopback).");

const queries = [
  "{ events(first: 20) { totalCount edges { node { id title date places { name ancestors { name } } participants { role actor { name partOf { name } } } } } } }",
  '{ event(id: "event:2019-07-22-maarat-al-numan-market-airstrike") { title statements { stance text } claims { kind estimate { low high } evidence { quote start end } } } }',
  '{ events(filter: { placeId: "place:idlib-governorate", from: "2019-01-01", to: "2019-12-31" }, first: 10) { totalCount edges { node { id date } } } }',
  '{ search(query: "Maarat al-Numan") { score node { id } } }',
];

let graphqlErrors = 0;
const result = await autocannon({
  url: new URL("/graphql", target).toString(),
  connections,
  duration,
  requests: queries.map((query) => ({
    method: "POST" as const,
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query }),
    onResponse: (status: number, body: string) => {
      if (status === 200 && body.includes('"errors"')) graphqlErrors += 1;
    },
  })),
});

const total = result.requests.total;
const failed = result.non2xx + result.errors + result.timeouts + graphqlErrors;
console.log(
  JSON.stringify({
    url: target.origin,
    connections,
    durationS: duration,
    requests: total,
    rps: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errorRate: total > 0 ? Math.round((failed / total) * 10_000) / 10_000 : 0,
  }),
);
