import { z } from "@hono/zod-openapi";
import { type ApiRouter, ctxOf, defineRoute, jsonBody, jsonResponse } from "../../lib/http/route.js";
import { createMatch, listMatches, matchBoard, matchDetail, moveMatch } from "./matches.js";
import { propose } from "./proposal.js";
import { acceptRun, listRuns, readRun, startRun } from "./runs.js";
import {
  boardQuery,
  boardSchema,
  candidateSuggestionsSchema,
  commuteCheckSchema,
  explainSchema,
  idParam,
  matchCreatedSchema,
  matchCreateSchema,
  matchDetailSchema,
  matchListQuery,
  matchMoveSchema,
  matchPageSchema,
  offerSuggestionsSchema,
  pairQuery,
  proposalResultSchema,
  proposalSchema,
  runAcceptResultSchema,
  runAcceptSchema,
  runCreateSchema,
  runListSchema,
  runQuery,
  runSchema,
  suggestionQuery,
} from "./schema.js";
import { checkCommute, explainPair, suggestionsForCandidate, suggestionsForOffer, uncheckCommute } from "./suggestions.js";

/** Counsellors (their districts), coordination (the whole region) and administration. */
export const matchingAccess = ["admin", "coordinator", "counsellor"] as const;
const tags = ["Matching"];
const access = matchingAccess;

const candidateSuggestions = defineRoute({
  method: "get",
  path: "/api/v1/candidates/{id}/suggestions",
  tags,
  summary: "Passende Plätze für eine Person: Rang, Gründe je Kriterium, rechtliche Hinweise mit Fristen",
  access,
  request: { params: idParam, query: suggestionQuery },
  responses: { 200: jsonResponse(offerSuggestionsSchema, "Vorschläge") },
});
const offerSuggestions = defineRoute({
  method: "get",
  path: "/api/v1/offers/{id}/suggestions",
  tags,
  summary: "Passende Jugendliche für einen Platz",
  access,
  request: { params: idParam, query: suggestionQuery },
  responses: { 200: jsonResponse(candidateSuggestionsSchema, "Vorschläge") },
});
const explain = defineRoute({
  method: "get",
  path: "/api/v1/matching/explain",
  tags,
  summary: "Ein Paar mit allen Gründen und Hinweisen",
  access,
  request: { query: pairQuery },
  responses: { 200: jsonResponse(explainSchema, "Erklärung") },
});
const commuteCheck = defineRoute({
  method: "put",
  path: "/api/v1/matching/commute-checks",
  tags,
  summary: "Weg von Hand geprüft (z. B. Busverbindung): die Entfernungsgrenze gilt für dieses Paar nicht mehr",
  access,
  request: jsonBody(commuteCheckSchema),
  responses: { 200: jsonResponse(explainSchema, "Das Paar neu bewertet") },
});
const commuteUncheck = defineRoute({
  method: "delete",
  path: "/api/v1/matching/commute-checks",
  tags,
  summary: "Prüfung des Weges zurücknehmen",
  access,
  request: { query: pairQuery },
  responses: { 204: { description: "Zurückgenommen" } },
});
const runCreate = defineRoute({
  method: "post",
  path: "/api/v1/matching/runs",
  tags,
  summary: "Matching-Lauf starten (optimal oder stabil) über Ihre Kreise oder, für die Koordination, die ganze Region",
  access,
  request: jsonBody(runCreateSchema),
  responses: { 202: jsonResponse(z.object({ id: z.string() }), "Als Auftrag angenommen") },
});
const runList = defineRoute({
  method: "get",
  path: "/api/v1/matching/runs",
  tags,
  summary: "Die letzten Läufe in Ihrem Bereich",
  access,
  responses: { 200: jsonResponse(runListSchema, "Läufe") },
});
const runRead = defineRoute({
  method: "get",
  path: "/api/v1/matching/runs/{id}",
  tags,
  summary: "Stand und Ergebnis eines Laufs (Zuordnungen und Nicht-Zugeordnete seitenweise)",
  access,
  request: { params: idParam, query: runQuery },
  responses: { 200: jsonResponse(runSchema, "Der Lauf") },
});
const runAccept = defineRoute({
  method: "post",
  path: "/api/v1/matching/runs/{id}/accept",
  tags,
  summary: "Vorgeschlagene Paare als Matches übernehmen (einzeln oder alle)",
  access,
  request: { params: idParam, ...jsonBody(runAcceptSchema) },
  responses: { 200: jsonResponse(runAcceptResultSchema, "Übernommen") },
});
const matchCreate = defineRoute({
  method: "post",
  path: "/api/v1/matches",
  tags,
  summary: "Match anlegen (Stufe „vorgeschlagen“); nur mit Einwilligung ins Matching",
  access,
  request: jsonBody(matchCreateSchema),
  responses: {
    201: jsonResponse(matchCreatedSchema, "Angelegt"),
    200: jsonResponse(matchCreatedSchema, "Bestand schon (zweiter Klick)"),
  },
});
const matchList = defineRoute({
  method: "get",
  path: "/api/v1/matches",
  tags,
  summary: "Matches in Ihren Kreisen (zuletzt bewegte zuerst)",
  access,
  request: { query: matchListQuery },
  responses: { 200: jsonResponse(matchPageSchema, "Eine Seite") },
});
const board = defineRoute({
  method: "get",
  path: "/api/v1/matches/board",
  tags,
  summary: "Alle Matches Ihrer Kreise nach Stufe",
  access,
  request: { query: boardQuery },
  responses: { 200: jsonResponse(boardSchema, "Board") },
});
const matchRead = defineRoute({
  method: "get",
  path: "/api/v1/matches/{id}",
  tags,
  summary: "Ein Match mit seinem Verlauf",
  access,
  request: { params: idParam },
  responses: { 200: jsonResponse(matchDetailSchema, "Das Match") },
});
const matchMove = defineRoute({
  method: "patch",
  path: "/api/v1/matches/{id}",
  tags,
  summary: "Stufe ändern (abgelehnt: von wem und Grund; vorzeitig beendet: Datum und Grund)",
  access,
  request: { params: idParam, ...jsonBody(matchMoveSchema) },
  responses: { 200: jsonResponse(matchDetailSchema, "Geändert") },
});
const proposal = defineRoute({
  method: "post",
  path: "/api/v1/matches/{id}/proposal",
  tags,
  summary: "Profil an den Betrieb senden (nur die Felder, die die Einwilligung abdeckt); 409 ohne Einwilligung für diesen Betrieb",
  access,
  request: { params: idParam, ...jsonBody(proposalSchema) },
  responses: { 200: jsonResponse(proposalResultSchema, "Gesendet") },
});

export function matchingRoutes(router: ApiRouter): void {
  router.openapi(candidateSuggestions, async (c) =>
    c.json(await suggestionsForCandidate(ctxOf(c), c.req.valid("param").id, c.req.valid("query").limit), 200),
  );
  router.openapi(offerSuggestions, async (c) =>
    c.json(await suggestionsForOffer(ctxOf(c), c.req.valid("param").id, c.req.valid("query").limit), 200),
  );
  router.openapi(explain, async (c) => {
    const q = c.req.valid("query");
    return c.json(await explainPair(ctxOf(c), q.candidateId, q.offerId), 200);
  });
  router.openapi(commuteCheck, async (c) => c.json(await checkCommute(ctxOf(c), c.req.valid("json")), 200));
  router.openapi(commuteUncheck, async (c) => {
    const q = c.req.valid("query");
    await uncheckCommute(ctxOf(c), q.candidateId, q.offerId);
    return c.body(null, 204);
  });
  router.openapi(runCreate, async (c) => c.json(await startRun(ctxOf(c), c.req.valid("json")), 202));
  router.openapi(runList, async (c) => c.json(await listRuns(ctxOf(c)), 200));
  router.openapi(runRead, async (c) => {
    const q = c.req.valid("query");
    return c.json(await readRun(ctxOf(c), c.req.valid("param").id, q.limit, q.offset), 200);
  });
  router.openapi(runAccept, async (c) => c.json(await acceptRun(ctxOf(c), c.req.valid("param").id, c.req.valid("json").candidateIds), 200));
  router.openapi(matchCreate, async (c) => {
    const result = await createMatch(ctxOf(c), c.req.valid("json"));
    return result.created ? c.json(result, 201) : c.json(result, 200);
  });
  router.openapi(matchList, async (c) => c.json(await listMatches(ctxOf(c), c.req.valid("query")), 200));
  router.openapi(board, async (c) => {
    const q = c.req.valid("query");
    return c.json(await matchBoard(ctxOf(c), q.district, q.perStage), 200);
  });
  router.openapi(matchRead, async (c) => c.json(await matchDetail(ctxOf(c), c.req.valid("param").id), 200));
  router.openapi(matchMove, async (c) => c.json(await moveMatch(ctxOf(c), c.req.valid("param").id, c.req.valid("json")), 200));
  router.openapi(proposal, async (c) => c.json(await propose(ctxOf(c), c.req.valid("param").id, c.req.valid("json")), 200));
}
