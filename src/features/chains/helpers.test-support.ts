import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import type { TestContext } from "../../../tests/support/test-app.js";
import { demo } from "../../../tests/support/test-app.js";
import { matchingRequests } from "../matching/helpers.test-support.js";
import { syncChainReference } from "./reference.js";
import type { Run, Template, TemplatePage } from "./schema.js";

/**
 * Requests the chain tests share, over HTTP as the web app sends them: the seeded reference chains, a match of
 * a young person and a place (real postcodes and occupations) moved to a stage, and text out of a PDF.
 */
export function chainRequests(t: TestContext) {
  const m = matchingRequests(t);
  const seed = () => syncChainReference(t.db, t.clock.now);

  const templates = async (as: string, query = "") =>
    (await m.ok<TemplatePage>(t.request("GET", `/api/v1/chains/templates${query}`, { as }), 200)).items;
  const template = (as: string, id: string) => m.ok<Template>(t.request("GET", `/api/v1/chains/templates/${id}`, { as }), 200);
  const halle = async (as: string) => {
    const found = (await templates(as, "?district=15002&status=published")).find((x) => x.districts?.includes("15088"));
    if (!found) throw new Error("no published Halle chain");
    return found;
  };

  /**
   * A young person with a matching consent and a residence status, a place, and their match at `stage`.
   * `postalCode` places both (06108 Halle, 06886 Wittenberg, 06618 Naumburg).
   */
  const match = async (
    as: string,
    o: {
      postalCode?: string;
      startDate?: string;
      kind?: "training" | "entry_qualification" | "internship";
      residence?: Record<string, unknown> | null;
      stage?: string;
      person?: Record<string, unknown>;
      company?: string;
    } = {},
  ) => {
    const postalCode = o.postalCode ?? "06108";
    const firm = await m.company(as, o.company ?? `Betrieb ${Math.random().toString(36).slice(2, 7)}`, postalCode);
    const offerId = await m.offer(as, firm, "Koch/Köchin", {
      startDate: o.startDate ?? "2027-08-01",
      kind: o.kind ?? "training",
      ...(o.kind === "entry_qualification" ? { eqMonths: 6 } : {}),
    });
    const candidateId = await m.person(as, postalCode, ["Koch/Köchin"], o.person ?? {});
    if (o.residence !== null) {
      await m.residence(as, candidateId, o.residence ?? { status: "duldung", workPermission: "needs_approval", heldSince: "2026-01-10" });
    }
    const { id } = await m.ok<{ id: string }>(t.request("POST", "/api/v1/matches", { as, body: { candidateId, offerId } }), 201);
    if (o.stage !== "suggested") {
      await m.ok(t.request("PATCH", `/api/v1/matches/${id}`, { as, body: { stage: o.stage ?? "contract" } }), 200);
    }
    return { matchId: id, candidateId, offerId, companyId: firm };
  };

  const startRun = async (as: string, matchId: string, status = 201) =>
    m.ok<Run>(t.request("POST", "/api/v1/chains/runs", { as, body: { matchId } }), status);

  const counsellorHalle = () => t.signIn(demo.counsellorHalle);
  return { ...m, seed, templates, template, halle, match, startRun, counsellorHalle };
}

/** The text of a PDF, page by page, pieces joined by spaces (as consent-pdf.test.ts reads it). */
export type PdfItem = { str: string; x: number; y: number; width: number; page: number };

export async function pdfItems(pdf: Buffer | ArrayBuffer): Promise<PdfItem[]> {
  const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, isEvalSupported: false }).promise;
  const out: PdfItem[] = [];
  for (let page = 1; page <= doc.numPages; page++) {
    for (const item of (await (await doc.getPage(page)).getTextContent()).items) {
      if (!("str" in item) || item.str.trim() === "") continue;
      out.push({ str: item.str.trim(), x: item.transform[4] as number, y: item.transform[5] as number, width: item.width, page });
    }
  }
  await doc.destroy();
  return out;
}

/** Lines top to bottom: pieces on one baseline (±3 pt) left to right, a space only where there is a gap. */
export function pdfLines(items: PdfItem[]): string[] {
  const sorted = [...items].sort((a, b) => a.page - b.page || b.y - a.y);
  const groups: PdfItem[][] = [];
  for (const item of sorted) {
    const last = groups.at(-1);
    if (last?.[0] && last[0].page === item.page && Math.abs(last[0].y - item.y) < 3) last.push(item);
    else groups.push([item]);
  }
  return groups.map((group) => {
    const row = group.sort((a, b) => a.x - b.x);
    return row.map((item, i) => (i > 0 && item.x - ((row[i - 1]?.x ?? 0) + (row[i - 1]?.width ?? 0)) > 1 ? " " : "") + item.str).join("");
  });
}
