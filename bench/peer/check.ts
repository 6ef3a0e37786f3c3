/**
 * Asks a running reference server every workload query it has and prints its canonical answers; with `--ours`,
 * asks our server too and reports each query as same or different. The defaults are the article's graph.
 *
 *   npx tsx bench/peer/check.ts --peer http://127.0.0.1:4101 [--ours http://127.0.0.1:4000]
 *     [--event <id>] [--province <id>] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--place <name>]
 */
import { isDeepStrictEqual, parseArgs } from "node:util";
import { ours } from "../ours.js";
import { type Contender, type Params, queryNames } from "../workload.js";
import { peer } from "./queries.js";

const { values } = parseArgs({
  options: {
    peer: { type: "string", default: "http://127.0.0.1:4101" },
    ours: { type: "string" },
    event: { type: "string", default: "event:2019-07-22-maarat-al-numan-market-airstrike" },
    province: { type: "string", default: "place:idlib-governorate" },
    from: { type: "string", default: "2019-07-01" },
    to: { type: "string", default: "2019-07-31" },
    place: { type: "string", default: "Maarat al-Numan" },
  },
});

const params: Params = {
  eventId: values.event,
  provinceId: values.province,
  from: values.from,
  to: values.to,
  placeName: values.place,
  year: Number(values.from.slice(0, 4)),
};

async function answer(contender: Contender, url: string, query: (typeof queryNames)[number]): Promise<unknown> {
  const asked = contender[query];
  if (!asked) return undefined;
  const request = asked.request(params);
  const response = await fetch(`${url}${request.path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: request.body,
  });
  return (asked.answer as (body: unknown) => unknown)(await response.json());
}

let differences = 0;
for (const query of queryNames) {
  if (!peer[query]) continue;
  const peerAnswer = await answer(peer, values.peer, query);
  console.log(`${query} peer: ${JSON.stringify(peerAnswer, null, 2)}`);
  if (values.ours === undefined) continue;
  const ourAnswer = await answer(ours, values.ours, query);
  const same = isDeepStrictEqual(peerAnswer, ourAnswer);
  if (!same) differences++;
  console.log(`${query} ${same ? "same as ours" : `DIFFERENT from ours: ${JSON.stringify(ourAnswer, null, 2)}`}`);
}
process.exitCode = differences > 0 ? 1 : 0;
