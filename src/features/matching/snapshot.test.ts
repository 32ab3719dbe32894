import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { demo, setupTestApp } from "../../../tests/support/test-app.js";
import { matchingRequests } from "./helpers.test-support.js";

const t = setupTestApp();
const { company, offer, person, forCandidate } = matchingRequests(t);

/**
 * The snapshot reads the change log before every answer, so a write by anyone — this process's services,
 * another app instance, an operator's SQL — is seen by the next request (decision record 0010).
 */
describe("the matching snapshot stays current with the database", () => {
  it("a place closed and a consent withdrawn by SQL outside this process are seen by the next request", async () => {
    const as = await t.signIn(demo.counsellorHalle);
    const firm = await company(as, "Konditorei Süß", "06108");
    const a = await offer(as, firm, "Konditor/-in");
    const b = await offer(as, firm, "Konditor/-in", { startDate: "2027-09-01" });
    const id = await person(as, "06108", ["Konditor/-in"]);
    expect((await forCandidate(as, id)).items.map((i) => i.offerId).sort()).toEqual([a, b].sort());

    // Another instance (or an operator) closes one place: only the change log tells this process.
    await sql`update offer set status = 'filled' where id = ${a}::uuid`.execute(t.db);
    expect((await forCandidate(as, id)).items.map((i) => i.offerId)).toEqual([b]);

    await sql`update consent set withdrawn_at = now() where candidate_id = ${id}::uuid`.execute(t.db);
    const refused = await t.request("GET", `/api/v1/candidates/${id}/suggestions`, { as });
    expect(refused.status).toBe(409);
  });

  it("a snapshot whose position was pruned from the log rebuilds and sees what it missed", async () => {
    const as = await t.signIn(demo.counsellorHalle);
    const firm = await company(as, "Gärtnerei Grün", "06110");
    const first = await offer(as, firm, "Gärtner/-in");
    const id = await person(as, "06110", ["Gärtner/-in"]);
    expect((await forCandidate(as, id)).items.map((i) => i.offerId)).toEqual([first]);
    // A new place whose log entry is gone (pruned): without the rebuild the snapshot could not know it.
    const second = await offer(as, firm, "Gärtner/-in", { startDate: "2027-09-01" });
    await sql`delete from matching_change`.execute(t.db);
    await sql`update matching_change_pruned set upto = (select last_value from matching_change_seq_seq)`.execute(t.db);
    expect((await forCandidate(as, id)).items.map((i) => i.offerId).sort()).toEqual([first, second].sort());
  });

  it("every write to what the engine reads notes the record in the log (offer, person, wishes, residence, consent)", async () => {
    const as = await t.signIn(demo.counsellorHalle);
    const firm = await company(as, "Bau Saale", "06112");
    const before = Number(
      (await sql<{ seq: string }>`select coalesce(max(seq), 0)::text as seq from matching_change`.execute(t.db)).rows[0]?.seq,
    );
    const place = await offer(as, firm, "Maurer/-in");
    const id = await person(as, "06112", ["Maurer/-in"]);
    await t.request("PUT", `/api/v1/candidates/${id}/residence`, { as, body: { status: "duldung", workPermission: "allowed" } });
    const rows = (
      await sql<{
        kind: string;
        ref: string;
      }>`select kind, ref::text as ref from matching_change where seq > ${String(before)}::bigint`.execute(t.db)
    ).rows;
    expect(rows).toContainEqual({ kind: "o", ref: place });
    expect(rows.filter((r) => r.kind === "c" && r.ref === id).length).toBeGreaterThanOrEqual(3);
  });
});
