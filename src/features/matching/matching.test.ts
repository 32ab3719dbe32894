import { readFile } from "node:fs/promises";
import { simpleParser } from "mailparser";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { describe, expect, it } from "vitest";
import { demo, expectDenied, setupTestApp } from "../../../tests/support/test-app.js";
import { readOutbox } from "../../lib/mail.js";
import { json, matchingRequests } from "./helpers.test-support.js";

const t = setupTestApp();
const { ok, company, offer, person, residence, forCandidate, forOffer, runJobs } = matchingRequests(t);
const codes = (list: { code: string }[] | undefined) => (list ?? []).map((x) => x.code);

async function pdfText(pdf: Buffer): Promise<string> {
  const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, isEvalSupported: false }).promise;
  const parts: string[] = [];
  for (let page = 1; page <= doc.numPages; page++) {
    for (const item of (await (await doc.getPage(page)).getTextContent()).items) if ("str" in item) parts.push(item.str);
  }
  await doc.destroy();
  return parts.join(" ").replace(/\s+/g, " ");
}

describe("suggestions on real places of the region (through the API)", () => {
  it("a young person in Jessen without car or licence, 40 km at most, gets the Wittenberg place and not the one in Zeitz", async () => {
    const as = await t.signIn(demo.coordinator);
    const wittenberg = await offer(as, await company(as, "Tischlerei Lutherstadt", "06886"), "Tischler/-in");
    const zeitz = await offer(as, await company(as, "Tischlerei Zeitz", "06712"), "Tischler/-in");
    const id = await person(as, "06917", ["Tischler/-in"], { hasCar: false, hasDrivingLicence: false, maxCommuteKm: 40 });
    const s = await forCandidate(as, id);
    expect(s.items.map((i) => i.offerId)).toEqual([wittenberg]);
    const far = s.infeasible.find((i) => i.offerId === zeitz);
    expect(codes(far?.reasons)).toEqual(["commute.too_far_without_car"]);
    expect(far?.reasons[0]?.message).toMatch(/^\d+(,\d)? km ohne Auto – mehr als 40 km\.$/);
    // Public transport counts railway stations only, and the reason says so.
    expect(s.items[0]?.reasons.find((r) => r.criterion === "commute")?.message).toContain("nur Bahnhöfe gezählt");
  });

  it("a Duldung whose work needs the ABH's permission keeps a place starting in three weeks, flagged with today's due date; eight months ahead no such flag", async () => {
    const as = await t.signIn(demo.counsellorHalle);
    const firm = await company(as, "Gasthaus am Markt", "06108");
    const soon = await offer(as, firm, "Koch/Köchin", { startDate: "2026-12-15" });
    const later = await offer(as, firm, "Koch/Köchin", { startDate: "2027-07-24" });
    const id = await person(as, "06108", ["Koch/Köchin"]);
    await residence(as, id, { status: "duldung", workPermission: "needs_approval" });
    const s = await forCandidate(as, id);
    expect(s.items.map((i) => i.offerId).sort()).toEqual([soon, later].sort());
    const near = s.items.find((i) => i.offerId === soon);
    expect(near?.flags.find((f) => f.code === "legal.permit_apply_now")).toEqual({
      code: "legal.permit_apply_now",
      message: "Genehmigung der ABH sofort beantragen: bis zum Beginn bleiben 21 Tage, üblich sind 56.",
      dueDate: "2026-11-24",
    });
    expect(codes(s.items.find((i) => i.offerId === later)?.flags)).not.toContain("legal.permit_apply_now");
    // The short lead time lowers the legal score only: the later place ranks first.
    expect(s.items[0]?.offerId).toBe(later);
  });

  it("the § 60c dates for a 1 August start are 1 January and 1 February (calendar months), in German and in English", async () => {
    const as = await t.signIn(demo.counsellorHalle);
    const place = await offer(as, await company(as, "Bäckerei Sonnenschein", "06110"), "Bäcker/-in", { startDate: "2027-08-01" });
    const id = await person(as, "06110", ["Bäcker/-in"]);
    await residence(as, id, { status: "duldung", workPermission: "allowed" });
    const window = (await forCandidate(as, id)).items.find((i) => i.offerId === place)?.flags.find((f) => f.code === "legal.60c_window");
    expect(window).toEqual({
      code: "legal.60c_window",
      message: "Ausbildungsduldung (§ 60c Abs. 3 AufenthG): Antrag frühestens ab 01.01.2027, Erteilung frühestens ab 01.02.2027.",
      dueDate: "2027-01-01",
    });
    const english = (await forCandidate(as, id, { "accept-language": "en" })).items[0]?.flags.find((f) => f.code === "legal.60c_window");
    expect(english?.message).toBe(
      "Ausbildungsduldung (§ 60c(3) AufenthG): apply no earlier than 1 Jan 2027, granted no earlier than 1 Feb 2027.",
    );
  });

  it("a 'forbidden' work note makes every place infeasible with that reason", async () => {
    const as = await t.signIn(demo.counsellorHalle);
    const firm = await company(as, "Malerbetrieb Farbe", "06112");
    const a = await offer(as, firm, "Maler/-in und Lackierer/-in");
    const b = await offer(as, firm, "Maler/-in und Lackierer/-in", { startDate: "2027-09-01" });
    const id = await person(as, "06112", ["Maler/-in und Lackierer/-in"]);
    await residence(as, id, { status: "gestattung", workPermission: "forbidden" });
    const s = await forCandidate(as, id);
    expect(s.items).toEqual([]);
    expect(s.infeasible.map((i) => [i.offerId, codes(i.reasons)]).sort()).toEqual(
      [
        [a, ["legal.work_ban"]],
        [b, ["legal.work_ban"]],
      ].sort(),
    );
  });

  it("B1 ranks above A2 for a place asking B1", async () => {
    const as = await t.signIn(demo.counsellorHalle);
    const place = await offer(as, await company(as, "Kanzlei Recht", "06114"), "Kaufmann/-frau für Büromanagement", {
      requirements: { minGermanLevel: "B1" },
    });
    const a2 = await person(as, "06114", ["Kaufmann/-frau für Büromanagement"], { germanLevel: "A2" });
    const b1 = await person(as, "06114", ["Kaufmann/-frau für Büromanagement"], { germanLevel: "B1" });
    const ranked = (await forOffer(as, place)).items.map((i) => i.candidateId).filter((id) => id === a2 || id === b1);
    expect(ranked).toEqual([b1, a2]);
  });

  it("the wished occupation ranks above a related one; a person closed to related fields gets none", async () => {
    const as = await t.signIn(demo.counsellorHalle);
    const firm = await company(as, "Logistik Saale", "06116");
    const wished = await offer(as, firm, "Fachkraft für Lagerlogistik");
    const related = await offer(as, firm, "Fachlagerist/-in");
    const open = await person(as, "06116", ["Fachkraft für Lagerlogistik"], { openToRelatedFields: true });
    const closed = await person(as, "06116", ["Fachkraft für Lagerlogistik"], { openToRelatedFields: false });
    const openList = (await forCandidate(as, open)).items.map((i) => i.offerId);
    expect(openList.indexOf(wished)).toBeLessThan(openList.indexOf(related));
    expect(openList).toContain(related);
    expect((await forCandidate(as, closed)).items.map((i) => i.offerId)).not.toContain(related);
  });

  it("a pair scores the same in both directions and in explain", async () => {
    const as = await t.signIn(demo.counsellorHalle);
    const place = await offer(as, await company(as, "Elektro Hallmann", "06120"), "Elektroniker/-in für Betriebstechnik", {
      requirements: { minGermanLevel: "B2" },
    });
    const id = await person(as, "06122", ["Elektroniker/-in für Betriebstechnik"], { germanLevel: "A2" });
    const fromPerson = (await forCandidate(as, id)).items.find((i) => i.offerId === place)?.score;
    const fromPlace = (await forOffer(as, place)).items.find((i) => i.candidateId === id)?.score;
    const explained = await json<{ score: number }>(
      t.request("GET", `/api/v1/matching/explain?candidateId=${id}&offerId=${place}`, { as }),
    );
    expect(fromPerson).toBeGreaterThan(0);
    expect(fromPlace).toBe(fromPerson);
    expect(explained.score).toBe(fromPerson);
  });
});

describe("consent and scope", () => {
  it("withdrawn consent removes the person from suggestions and from runs at once", async () => {
    const as = await t.signIn(demo.counsellorHalle);
    const place = await offer(as, await company(as, "Friseur Schnitt", "06130"), "Friseur/-in");
    const id = await person(as, "06130", ["Friseur/-in"]);
    expect((await forOffer(as, place)).items.map((i) => i.candidateId)).toContain(id);
    const consents = await json<{ items: { id: string }[] }>(t.request("GET", `/api/v1/candidates/${id}/consents`, { as }));
    await ok(t.request("POST", `/api/v1/candidates/${id}/consents/${consents.items[0]?.id}/withdraw`, { as, body: {} }), 200);
    expect((await forOffer(as, place)).items.map((i) => i.candidateId)).not.toContain(id);
    const refused = await t.request("GET", `/api/v1/candidates/${id}/suggestions`, { as });
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as { detail: string }).detail).toMatch(
      /^Test Person \d+ hat keine gültige Einwilligung ins Matching\.$/,
    );
    const run = await ok<{ id: string }>(t.request("POST", "/api/v1/matching/runs", { as, body: { mode: "optimal" } }), 202);
    await runJobs();
    const result = await json<{ result: { assignments: { candidateId: string }[]; unassigned: { candidateId: string }[] } }>(
      t.request("GET", `/api/v1/matching/runs/${run.id}`, { as }),
    );
    const seen = [...result.result.assignments, ...result.result.unassigned].map((x) => x.candidateId);
    expect(seen).not.toContain(id);
  });

  it("without a matching consent: 409 naming the person; a partner has no access; another district sees nothing", async () => {
    const as = await t.signIn(demo.counsellorHalle);
    const id = await person(as, "06108", ["Koch/Köchin"], { firstName: "Samira", lastName: "Nouri" }, false);
    const refused = await t.request("GET", `/api/v1/candidates/${id}/suggestions`, { as });
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as { detail: string }).detail).toBe("Samira Nouri hat keine gültige Einwilligung ins Matching.");
    const partner = await t.signIn(demo.partner);
    await expectDenied(await t.request("GET", `/api/v1/candidates/${id}/suggestions`, { as: partner }), { status: [403] });
    const wittenberg = await t.signIn(demo.counsellorWittenberg);
    await expectDenied(await t.request("GET", `/api/v1/candidates/${id}/suggestions`, { as: wittenberg }), {
      status: [404],
      secrets: ["Nouri"],
    });
    const outside = await t.request("POST", "/api/v1/matching/runs", { as: wittenberg, body: { mode: "optimal", districts: ["15002"] } });
    expect(outside.status).toBe(403);
  });

  it("a counsellor's suggestions hold only the own districts' people and places; the coordinator's hold all", async () => {
    const halle = await t.signIn(demo.counsellorHalle);
    const wittenberg = await t.signIn(demo.counsellorWittenberg);
    const coordinator = await t.signIn(demo.coordinator);
    const halleKitchen = await offer(halle, await company(halle, "Gasthaus Saaleblick", "06116"), "Koch/Köchin");
    const bitterfeldKitchen = await offer(wittenberg, await company(wittenberg, "Hotel am Goitzsche-See", "06749"), "Koch/Köchin");
    const inHalle = await person(halle, "06116", ["Koch/Köchin"]);
    const inBitterfeld = await person(wittenberg, "06749", ["Koch/Köchin"]);
    const people = async (as: string) => (await forOffer(as, halleKitchen)).items.map((i) => i.candidateId);
    const places = async (as: string) => (await forCandidate(as, inBitterfeld)).items.map((i) => i.offerId);
    expect(await people(coordinator)).toEqual(expect.arrayContaining([inHalle, inBitterfeld]));
    expect(await people(halle)).toContain(inHalle);
    expect(await people(halle)).not.toContain(inBitterfeld);
    expect(await places(coordinator)).toEqual(expect.arrayContaining([halleKitchen, bitterfeldKitchen]));
    expect(await places(wittenberg)).toContain(bitterfeldKitchen);
    expect(await places(wittenberg)).not.toContain(halleKitchen);
  });

  it("a coordinator without residence rights sees no legal flags; a work ban shows only as 'a legal reason'", async () => {
    const halle = await t.signIn(demo.counsellorHalle);
    const place = await offer(halle, await company(halle, "Dachdecker Hoch", "06108"), "Dachdecker/-in");
    const id = await person(halle, "06108", ["Dachdecker/-in"]);
    await residence(halle, id, { status: "duldung", workPermission: "forbidden", validUntil: "2027-01-31" });
    const coordinator = await t.signIn(demo.coordinator);
    const s = await forCandidate(coordinator, id);
    expect(s.legalFacts).toBe(false);
    const blocked = s.infeasible.find((i) => i.offerId === place);
    expect(codes(blocked?.reasons)).toEqual(["legal.restricted"]);
    const text = JSON.stringify(s);
    for (const secret of ["Duldung", "work_ban", "2027-01-31", "31.01.2027"]) expect(text).not.toContain(secret);
  });
});

describe("runs", () => {
  it("an optimal run fills each place at most once, has no improving swap, and its total is the exact sum of its scores", async () => {
    const as = await t.signIn(demo.counsellorWittenberg);
    const firm = await company(as, "Holzbau Elbe", "06886");
    const one = await offer(as, firm, "Zimmerer/Zimmerin", { places: 1 });
    const two = await offer(as, firm, "Zimmerer/Zimmerin", { places: 2, startDate: "2027-09-01", requirements: { minGermanLevel: "B2" } });
    const people = [
      await person(as, "06886", ["Zimmerer/Zimmerin"], { germanLevel: "B2" }),
      await person(as, "06888", ["Zimmerer/Zimmerin"], { germanLevel: "A2" }),
      await person(as, "06895", ["Zimmerer/Zimmerin"], { germanLevel: "B1" }),
      await person(as, "06917", ["Zimmerer/Zimmerin"], { germanLevel: "C1", availableFrom: "2027-08-20" }),
    ];
    const started = await t.request("POST", "/api/v1/matching/runs", { as, body: { mode: "optimal" } });
    expect(started.status).toBe(202);
    const { id } = (await started.json()) as { id: string };
    expect((await json<{ status: string }>(t.request("GET", `/api/v1/matching/runs/${id}`, { as }))).status).toBe("queued");
    await runJobs();
    const run = await json<{
      status: string;
      districts: string[];
      result: {
        totalScore: number;
        places: number;
        placesFilled: number;
        assignments: { candidateId: string; offerId: string; score: number }[];
      };
    }>(t.request("GET", `/api/v1/matching/runs/${id}`, { as }));
    expect(run.status).toBe("done");
    // A counsellor's run reads their districts: Dessau-Roßlau, Anhalt-Bitterfeld, Wittenberg.
    expect(run.districts).toEqual(["15001", "15082", "15091"]);
    const mine = run.result.assignments.filter((a) => people.includes(a.candidateId));
    expect(mine.filter((a) => a.offerId === one).length).toBeLessThanOrEqual(1);
    expect(mine.filter((a) => a.offerId === two).length).toBeLessThanOrEqual(2);
    expect(mine.length).toBe(3);
    const units = run.result.assignments.reduce((s, a) => s + Math.round(a.score * 10_000), 0);
    expect(Math.round(run.result.totalScore * 10_000)).toBe(units);
    expect(run.result.totalScore * 10_000).toBeCloseTo(units, 6);
    // No swap of two assigned people's places raises the total.
    const score = async (c: string, o: string) =>
      (await json<{ score: number | null }>(t.request("GET", `/api/v1/matching/explain?candidateId=${c}&offerId=${o}`, { as }))).score;
    for (const x of mine) {
      expect(await score(x.candidateId, x.offerId)).toBe(x.score);
      for (const y of mine) {
        if (x.offerId === y.offerId) continue;
        const a = await score(x.candidateId, y.offerId);
        const b = await score(y.candidateId, x.offerId);
        if (a !== null && b !== null) expect(a + b).toBeLessThanOrEqual(x.score + y.score + 1e-9);
      }
    }
    // Accepting one pair makes it a match at `suggested`; accepting all takes the rest; a second click creates nothing.
    const first = mine[0] as { candidateId: string; offerId: string };
    expect(
      await ok(t.request("POST", `/api/v1/matching/runs/${id}/accept`, { as, body: { candidateIds: [first.candidateId] } }), 200),
    ).toEqual({
      created: 1,
      skipped: 0,
    });
    const all = await ok<{ created: number }>(t.request("POST", `/api/v1/matching/runs/${id}/accept`, { as, body: {} }), 200);
    expect(all.created).toBe(run.result.assignments.length - 1);
    expect(await ok(t.request("POST", `/api/v1/matching/runs/${id}/accept`, { as, body: {} }), 200)).toEqual({ created: 0, skipped: 0 });
    const matches = await json<{ items: { offerId: string; stage: string; runId: string }[] }>(
      t.request("GET", `/api/v1/matches?candidateId=${first.candidateId}`, { as }),
    );
    expect(matches.items).toEqual([expect.objectContaining({ offerId: first.offerId, stage: "suggested", runId: id })]);
    // A counsellor of another district does not see the run.
    const halle = await t.signIn(demo.counsellorHalle);
    expect((await t.request("GET", `/api/v1/matching/runs/${id}`, { as: halle })).status).toBe(404);
  });

  it("a stable run has no blocking pair", async () => {
    const as = await t.signIn(demo.coordinator);
    const started = await ok<{ id: string }>(
      t.request("POST", "/api/v1/matching/runs", { as, body: { mode: "stable", districts: ["15091", "15002"] } }),
      202,
    );
    await runJobs();
    const run = await json<{ status: string; result: { blockingPairs: number; assignmentCount: number } }>(
      t.request("GET", `/api/v1/matching/runs/${started.id}`, { as }),
    );
    expect(run.status).toBe("done");
    expect(run.result.assignmentCount).toBeGreaterThan(0);
    expect(run.result.blockingPairs).toBe(0);
  });
});

describe("a run and the matches that exist", () => {
  it("a pair that is a match already links to it on the run's page and is not made twice", async () => {
    const as = await t.signIn(demo.coordinator);
    const place = await offer(as, await company(as, "Tischlerei am Schloss", "06526"), "Tischler/-in");
    const id = await person(as, "06526", ["Tischler/-in"]);
    const byHand = await ok<{ id: string }>(t.request("POST", "/api/v1/matches", { as, body: { candidateId: id, offerId: place } }), 201);
    const started = await ok<{ id: string }>(
      t.request("POST", "/api/v1/matching/runs", { as, body: { mode: "optimal", districts: ["15087"] } }),
      202,
    );
    await runJobs();
    const run = await json<{ result: { assignments: { candidateId: string; offerId: string; matchId: string | null }[] } }>(
      t.request("GET", `/api/v1/matching/runs/${started.id}`, { as }),
    );
    expect(run.result.assignments).toEqual([expect.objectContaining({ candidateId: id, offerId: place, matchId: byHand.id })]);
    expect(await ok(t.request("POST", `/api/v1/matching/runs/${started.id}/accept`, { as, body: {} }), 200)).toEqual({
      created: 0,
      skipped: 1,
    });
  });
});

describe("the path from proposal to training start", () => {
  it("proposing sends a PDF with only the consented profile fields; without a consent naming the company: 409 and nothing sent", async () => {
    const as = await t.signIn(demo.counsellorHalle);
    const named = await company(as, "Autohaus Saaleblick", "06108", "ausbildung@saaleblick.example");
    const other = await company(as, "Autohaus Nord", "06108", "info@nord.example");
    const namedPlace = await offer(as, named, "Kraftfahrzeugmechatroniker/-in");
    const otherPlace = await offer(as, other, "Kraftfahrzeugmechatroniker/-in");
    const id = await person(
      as,
      "06108",
      ["Kraftfahrzeugmechatroniker/-in"],
      { firstName: "Dawit", lastName: "Tesfaye", phone: "0345 123456", email: "dawit@example.org" },
      [named],
    );
    await residence(as, id, { status: "gestattung", workPermission: "needs_approval" });
    const good = await ok<{ id: string; stage: string; created: boolean }>(
      t.request("POST", "/api/v1/matches", { as, body: { candidateId: id, offerId: namedPlace } }),
      201,
    );
    expect(good).toMatchObject({ stage: "suggested", created: true });
    const again = await ok<{ id: string; created: boolean }>(
      t.request("POST", "/api/v1/matches", { as, body: { candidateId: id, offerId: namedPlace } }),
      200,
    );
    expect(again).toMatchObject({ id: good.id, created: false });
    const bad = await ok<{ id: string }>(t.request("POST", "/api/v1/matches", { as, body: { candidateId: id, offerId: otherPlace } }), 201);

    const before = (await readOutbox(t.config.outboxDir)).length;
    const refused = await t.request("POST", `/api/v1/matches/${bad.id}/proposal`, { as, body: {} });
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as { detail: string }).detail).toBe(
      "Die Einwilligung von Dawit Tesfaye nennt „Autohaus Nord“ nicht als Empfänger. Das Profil wird nicht weitergegeben; bitte zuerst eine Einwilligung erfassen, die diesen Empfänger nennt.",
    );
    expect((await readOutbox(t.config.outboxDir)).length).toBe(before);
    expect((await json<{ stage: string }>(t.request("GET", `/api/v1/matches/${bad.id}`, { as }))).stage).toBe("suggested");

    const sent = await ok<{ stage: string; sentTo: string }>(
      t.request("POST", `/api/v1/matches/${good.id}/proposal`, { as, body: {} }),
      200,
    );
    expect(sent).toMatchObject({ stage: "proposed", sentTo: "ausbildung@saaleblick.example" });
    const mails = await readOutbox(t.config.outboxDir);
    expect(mails.length).toBe(before + 1);
    const mail = await simpleParser(await readFile((mails.at(-1) as { file: string }).file));
    const attachment = mail.attachments.find((a) => a.contentType === "application/pdf");
    const text = await pdfText(attachment?.content as Buffer);
    expect(text).toContain("Dawit Tesfaye");
    expect(text).toContain("1. Kraftfahrzeugmechatroniker");
    for (const secret of ["0345 123456", "dawit@example.org", "Gestattung", "2004"]) expect(text).not.toContain(secret);
  });

  it("stages move with date, user and reason; a declined match needs who and a reason from the list; an early end only of a running placement", async () => {
    const as = await t.signIn(demo.counsellorHalle);
    const place = await offer(as, await company(as, "Pflege Saale", "06108"), "Pflegefachmann/-frau");
    const id = await person(as, "06108", ["Pflegefachmann/-frau"]);
    const { id: matchId } = await ok<{ id: string }>(
      t.request("POST", "/api/v1/matches", { as, body: { candidateId: id, offerId: place } }),
      201,
    );
    const patch = (body: Record<string, unknown>, headers?: Record<string, string>) =>
      t.request("PATCH", `/api/v1/matches/${matchId}`, { as, body, headers });
    const early = await patch({ stage: "ended_early", endedOn: "2026-11-20", reason: "mutual" });
    expect(early.status).toBe(422);
    const noReason = await patch({ stage: "declined", declinedBy: "company" });
    expect(noReason.status).toBe(422);
    expect(((await noReason.json()) as { errors: Record<string, string[]> }).errors.reason).toEqual(["Einen Grund aus der Liste wählen"]);
    const english = await patch({ stage: "declined", declinedBy: "company", reason: "weather" }, { "accept-language": "en" });
    expect(((await english.json()) as { errors: Record<string, string[]> }).errors.reason).toEqual(["Choose a reason from the list"]);
    await ok(patch({ stage: "interview" }), 200);
    const twice = await ok<{ history: unknown[] }>(patch({ stage: "interview" }), 200);
    expect(twice.history).toHaveLength(2);
    await ok(patch({ stage: "contract" }), 200);
    const ended = await ok<{
      stage: string;
      endedOn: string;
      endedReason: string;
      history: { from: string; to: string; userName: string }[];
    }>(patch({ stage: "ended_early", endedOn: "2027-09-15", reason: "candidate_quit" }), 200);
    expect(ended).toMatchObject({ stage: "ended_early", endedOn: "2027-09-15", endedReason: "candidate_quit" });
    expect(ended.history.map((h) => [h.from, h.to])).toEqual([
      [null, "suggested"],
      ["suggested", "interview"],
      ["interview", "contract"],
      ["contract", "ended_early"],
    ]);
    expect(ended.history[1]).toMatchObject({ userName: "Hanna Hallenser" });
    const board = await json<{ columns: { stage: string; count: number; items: { id: string }[] }[] }>(
      t.request("GET", "/api/v1/matches/board", { as }),
    );
    expect(board.columns.map((c) => c.stage)).toEqual([
      "suggested",
      "proposed",
      "interview",
      "internship",
      "entry_qualification",
      "contract",
      "registered",
      "started",
      "completed",
      "declined",
      "ended_early",
    ]);
    expect(board.columns.find((c) => c.stage === "ended_early")?.items.map((i) => i.id)).toContain(matchId);
    const wittenberg = await t.signIn(demo.counsellorWittenberg);
    expect((await t.request("GET", `/api/v1/matches/${matchId}`, { as: wittenberg })).status).toBe(404);
  });
});

describe("bad input gets a clear message and changes nothing", () => {
  it("malformed limits, ids, stages, dates and modes are 422 with the field named, in German and English", async () => {
    const as = await t.signIn(demo.counsellorHalle);
    const place = await offer(as, await company(as, "Optik Klar", "06108"), "Augenoptiker/-in");
    const id = await person(as, "06108", ["Augenoptiker/-in"]);
    const errors = async (res: Promise<Response>) => {
      const r = await res;
      expect(r.status).toBe(422);
      return ((await r.json()) as { errors: Record<string, string[]> }).errors;
    };
    expect(Object.keys(await errors(t.request("GET", `/api/v1/candidates/${id}/suggestions?limit=0`, { as })))).toEqual(["limit"]);
    expect(Object.keys(await errors(t.request("GET", `/api/v1/candidates/${id}/suggestions?limit=abc`, { as })))).toEqual(["limit"]);
    expect(await errors(t.request("GET", `/api/v1/matching/explain?candidateId=x&offerId=${place}`, { as }))).toEqual({
      candidateId: ["Ungültige Kennung"],
    });
    const { id: matchId } = await ok<{ id: string }>(
      t.request("POST", "/api/v1/matches", { as, body: { candidateId: id, offerId: place } }),
      201,
    );
    expect(await errors(t.request("PATCH", `/api/v1/matches/${matchId}`, { as, body: { stage: "hired" } }))).toEqual({
      stage: ["Unbekannte Stufe"],
    });
    const english = await errors(
      t.request("PATCH", `/api/v1/matches/${matchId}`, { as, body: { stage: "hired" }, headers: { "accept-language": "en" } }),
    );
    expect(english).toEqual({ stage: ["Unknown stage"] });
    await ok(t.request("PATCH", `/api/v1/matches/${matchId}`, { as, body: { stage: "contract" } }), 200);
    expect(
      Object.keys(
        await errors(
          t.request("PATCH", `/api/v1/matches/${matchId}`, { as, body: { stage: "ended_early", endedOn: "2027-02-30", reason: "mutual" } }),
        ),
      ),
    ).toEqual(["endedOn"]);
    expect(await errors(t.request("POST", "/api/v1/matching/runs", { as, body: { mode: "fastest" } }))).toEqual({
      mode: ["Modus: optimal oder stable"],
    });
    expect(
      Object.keys(await errors(t.request("POST", "/api/v1/matching/runs", { as, body: { mode: "optimal", districts: ["Halle"] } }))),
    ).toEqual(["districts.0"]);
    // Nothing changed: still at contract, one history row per real move.
    const detail = await json<{ stage: string; history: unknown[] }>(t.request("GET", `/api/v1/matches/${matchId}`, { as }));
    expect(detail.stage).toBe("contract");
    expect(detail.history).toHaveLength(2);
  });
});
