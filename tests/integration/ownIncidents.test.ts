/**
 * A new report's own incident, made by the statement that creates the report (ingest/write/importStore.ts
 * createNodes): named after the report, with its date and tolls; and, when an incident already holds that name, the
 * next free one (`.2`), given after the report is created.
 */
import { describe, expect, it } from "vitest";
import { acledCsv, acledRecord } from "../helpers/acled.js";
import { uniqueSuffix } from "../helpers/bundles.js";
import { useServer, useTestDatabase } from "../helpers/server.js";
import { importAcled, keyEnvironment } from "../helpers/writing.js";

const server = useServer(keyEnvironment);
const database = useTestDatabase();

async function incidentOf(eventId: string): Promise<Record<string, unknown>> {
  const data = await server.read(
    `query ($id: ID!) { event(id: $id) { date fatalities { low } incident { id date match fatalities { low } reports { id } } } }`,
    { id: eventId },
  );
  return data.event as Record<string, unknown>;
}

describe("a new report's own incident", () => {
  it("is named after the report and has its date and tolls, or takes the next free name when that one is held", async () => {
    const s = uniqueSuffix();
    // An incident holding the name the first row's incident would take, without that row's report (set up directly:
    // the API makes such an incident only when restoring an export).
    await database.db.write((tx) =>
      tx.run("// testHeldIncidentName\nCREATE (:Incident {id: $id, match: 'SINGLE', date: date('2020-01-01')})", {
        id: `incident:acled-TST${s}1`,
      }),
    );
    const rows = [
      acledRecord(s, { event_id_cnty: `TST${s}1`, location: `Heldtown ${s}`, fatalities: "4" }),
      acledRecord(s, { event_id_cnty: `TST${s}2`, location: `Freetown ${s}`, event_date: "2021-04-02", fatalities: "7" }),
    ];
    const response = await importAcled(server, acledCsv(rows));
    expect(response.errors).toBeUndefined();

    const held = await incidentOf(`event:acled-TST${s}1`);
    expect(held.incident).toEqual({
      id: `incident:acled-TST${s}1.2`,
      date: held.date,
      match: "SINGLE",
      fatalities: { low: 4 },
      reports: [{ id: `event:acled-TST${s}1` }],
    });
    const free = await incidentOf(`event:acled-TST${s}2`);
    expect(free.incident).toEqual({
      id: `incident:acled-TST${s}2`,
      date: "2021-04-02",
      match: "SINGLE",
      fatalities: { low: 7 },
      reports: [{ id: `event:acled-TST${s}2` }],
    });
    const [stored] = await database.db.read("// testHeldIncident\nMATCH (i:Incident {id: $id}) RETURN toString(i.date) AS date", {
      id: `incident:acled-TST${s}1`,
    });
    expect(stored?.date).toBe("2020-01-01");
  });
});
