import { z } from "@hono/zod-openapi";
import { cursorParam } from "../../lib/http/cursor.js";
import { isoDate } from "../../lib/schema-types.js";

export const matchStages = [
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
] as const;
export type MatchStageName = (typeof matchStages)[number];
/** The path forward, in order (declined and ended_early leave it). */
export const forwardStages = matchStages.slice(0, 9);
/** Stages from which a match can end early: a contract, an EQ or an internship was running. */
export const endableStages = ["internship", "entry_qualification", "contract", "registered", "started"] as const;
export const declinedBy = ["company", "candidate", "service_point"] as const;
export const declineReasons = [
  "company_chose_other",
  "not_interested",
  "german_level",
  "commute",
  "residence",
  "no_show",
  "place_filled",
  "other",
] as const;
export const endReasons = ["candidate_quit", "company_terminated", "mutual", "residence_ended", "moved", "other"] as const;
export const criteria = ["legal", "occupation", "commute", "german", "school", "start", "requirements"] as const;

const uuid = z.uuid("Ungültige Kennung");
export const idParam = z.object({ id: uuid.openapi({ param: { name: "id", in: "path" } }) });

export const reasonSchema = z
  .object({
    criterion: z.enum(criteria),
    code: z.string(),
    score: z.number().optional().describe("Teilwert des Kriteriums, 0–1"),
    message: z.string().describe("Der Grund in der Sprache der Anfrage"),
  })
  .openapi("MatchReason");
export const flagSchema = z
  .object({
    code: z.string(),
    message: z.string(),
    dueDate: z.string().optional().describe("Bis wann zu handeln ist (JJJJ-MM-TT)"),
  })
  .openapi("MatchFlag");

export const suggestionQuery = z.object({
  limit: z.coerce.number().int("Ganze Zahl angeben").min(1, "Mindestens 1").max(100, "Höchstens 100").default(20),
});

const offerSummary = {
  companyId: z.string(),
  companyName: z.string(),
  occupationName: z.string(),
  kind: z.string(),
  title: z.string().nullable(),
  startDate: z.string(),
  postalCode: z.string(),
  city: z.string().nullable(),
  lat: z.number().nullable(),
  lon: z.number().nullable(),
};
const candidateSummary = {
  name: z.string(),
  postalCode: z.string().nullable(),
  city: z.string().nullable(),
  germanLevel: z.string().nullable(),
};

export const offerSuggestionsSchema = z
  .object({
    items: z.array(
      z.object({
        offerId: z.string(),
        score: z.number().describe("0–1, auf 4 Stellen; dieselbe Zahl in beiden Richtungen, in explain und in Läufen"),
        reasons: z.array(reasonSchema),
        flags: z.array(flagSchema),
        matchId: z.string().nullable().describe("Besteht schon ein Match für dieses Paar"),
        offer: z.object(offerSummary),
      }),
    ),
    infeasible: z.array(z.object({ offerId: z.string(), reasons: z.array(reasonSchema), offer: z.object(offerSummary) })),
    legalFacts: z.boolean().describe("false: rechtliche Hinweise sind für diese Rolle ausgeblendet"),
  })
  .openapi("OfferSuggestions");
export type OfferSuggestions = z.infer<typeof offerSuggestionsSchema>;

export const candidateSuggestionsSchema = z
  .object({
    items: z.array(
      z.object({
        candidateId: z.string(),
        score: z.number(),
        reasons: z.array(reasonSchema),
        flags: z.array(flagSchema),
        matchId: z.string().nullable(),
        candidate: z.object(candidateSummary),
      }),
    ),
    infeasible: z.array(z.object({ candidateId: z.string(), reasons: z.array(reasonSchema), candidate: z.object(candidateSummary) })),
    legalFacts: z.boolean(),
  })
  .openapi("CandidateSuggestions");
export type CandidateSuggestions = z.infer<typeof candidateSuggestionsSchema>;

export const pairQuery = z.object({ candidateId: uuid, offerId: uuid });
export const explainSchema = z
  .object({
    candidateId: z.string(),
    offerId: z.string(),
    score: z.number().nullable().describe("null: eine harte Grenze schließt das Paar aus"),
    reasons: z.array(reasonSchema),
    flags: z.array(flagSchema),
    commuteCheckedByHand: z.boolean(),
  })
  .openapi("MatchExplain");
export type Explain = z.infer<typeof explainSchema>;

export const commuteCheckSchema = z
  .strictObject({
    candidateId: uuid,
    offerId: uuid,
    note: z.string().trim().max(500, "Höchstens 500 Zeichen").nullable().optional(),
  })
  .openapi("CommuteCheck");
export type CommuteCheckInput = z.infer<typeof commuteCheckSchema>;

/* ---------- matches ---------- */

export const matchCreateSchema = z.strictObject({ candidateId: uuid, offerId: uuid }).openapi("MatchCreate");
export type MatchCreate = z.infer<typeof matchCreateSchema>;

export const matchMoveSchema = z
  .strictObject({
    stage: z.enum(matchStages, "Unbekannte Stufe"),
    reason: z.string().trim().max(40).optional().describe("declined: Grund aus der Liste; ended_early: Grund aus der Liste"),
    declinedBy: z.enum(declinedBy, "Abgelehnt von: Betrieb, Jugendliche/r oder Servicestelle").optional(),
    endedOn: isoDate.optional(),
    note: z.string().trim().max(2000, "Höchstens 2000 Zeichen").nullable().optional(),
  })
  .openapi("MatchMove");
export type MatchMove = z.infer<typeof matchMoveSchema>;

export const matchSchema = z
  .object({
    id: z.string(),
    candidateId: z.string(),
    candidateName: z.string(),
    offerId: z.string(),
    companyId: z.string(),
    companyName: z.string(),
    occupationName: z.string(),
    offerKind: z.string(),
    offerTitle: z.string().nullable(),
    startDate: z.string(),
    stage: z.enum(matchStages),
    stageChangedAt: z.string(),
    score: z.number().nullable(),
    declinedBy: z.enum(declinedBy).nullable(),
    declinedReason: z.string().nullable(),
    endedOn: z.string().nullable(),
    endedReason: z.string().nullable(),
    note: z.string().nullable(),
    runId: z.string().nullable(),
    proposedAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi("Match");
export type Match = z.infer<typeof matchSchema>;

export const matchCreatedSchema = z.object({ id: z.string(), stage: z.enum(matchStages), created: z.boolean() }).openapi("MatchCreated");

export const matchDetailSchema = matchSchema
  .extend({
    history: z.array(
      z.object({
        from: z.string().nullable(),
        to: z.string(),
        reason: z.string().nullable(),
        note: z.string().nullable(),
        at: z.string(),
        userName: z.string().nullable(),
      }),
    ),
  })
  .openapi("MatchDetail");
export type MatchDetail = z.infer<typeof matchDetailSchema>;

export const matchListQuery = z.object({
  stage: z.enum(matchStages, "Unbekannte Stufe").optional(),
  candidateId: uuid.optional(),
  offerId: uuid.optional(),
  companyId: uuid.optional(),
  district: z
    .string()
    .regex(/^\d{5}$/, "Kreisschlüssel (AGS) mit fünf Ziffern")
    .optional(),
  limit: z.coerce.number().int().min(1, "Mindestens 1").max(200, "Höchstens 200").default(50),
  cursor: cursorParam.optional(),
});
export type MatchListQuery = z.infer<typeof matchListQuery>;
export const matchPageSchema = z.object({ items: z.array(matchSchema), nextCursor: z.string().nullable() }).openapi("MatchPage");
export type MatchPage = z.infer<typeof matchPageSchema>;

export const boardQuery = z.object({
  district: z
    .string()
    .regex(/^\d{5}$/, "Kreisschlüssel (AGS) mit fünf Ziffern")
    .optional(),
  perStage: z.coerce.number().int().min(1).max(200).default(30),
});
export const boardSchema = z
  .object({ columns: z.array(z.object({ stage: z.enum(matchStages), count: z.number(), items: z.array(matchSchema) })) })
  .openapi("MatchBoard");
export type MatchBoard = z.infer<typeof boardSchema>;

export const proposalSchema = z
  .strictObject({
    to: z
      .email("Bitte eine gültige E-Mail-Adresse angeben")
      .max(200)
      .optional()
      .describe("Empfänger; ohne Angabe: Ansprechperson des Platzes"),
    message: z.string().trim().max(2000, "Höchstens 2000 Zeichen").optional(),
  })
  .openapi("ProposalInput");
export type ProposalInput = z.infer<typeof proposalSchema>;
export const proposalResultSchema = z
  .object({ stage: z.enum(matchStages), sentTo: z.string(), fields: z.array(z.string()).describe("Die Felder, die das Profil enthält") })
  .openapi("ProposalResult");
export type ProposalResult = z.infer<typeof proposalResultSchema>;

/* ---------- runs ---------- */

export const runCreateSchema = z
  .strictObject({
    mode: z.enum(["optimal", "stable"], "Modus: optimal oder stable"),
    districts: z
      .array(z.string().regex(/^\d{5}$/, "Kreisschlüssel (AGS) mit fünf Ziffern"))
      .min(1, "Mindestens einen Kreis wählen")
      .max(500)
      .optional(),
  })
  .openapi("MatchingRunCreate");
export type RunCreate = z.infer<typeof runCreateSchema>;

export const runQuery = z.object({
  limit: z.coerce.number().int().min(0).max(100_000, "Höchstens 100000").default(500),
  offset: z.coerce.number().int().min(0).default(0),
});

const runPair = z.object({
  candidateId: z.string(),
  candidateName: z.string(),
  offerId: z.string(),
  companyName: z.string(),
  occupationName: z.string(),
  score: z.number(),
  matchId: z.string().nullable(),
  lat: z.number().nullable(),
  lon: z.number().nullable(),
});
export const runSchema = z
  .object({
    id: z.string(),
    mode: z.enum(["optimal", "stable"]),
    districts: z.array(z.string()).nullable(),
    requestedBy: z.string().nullable(),
    createdAt: z.string(),
    finishedAt: z.string().nullable(),
    status: z.enum(["queued", "running", "done", "failed"]),
    progress: z.number(),
    progressText: z.string().nullable(),
    error: z.string().nullable(),
    result: z
      .object({
        totalScore: z.number().describe("Die Summe der Werte der Zuordnungen (genau)"),
        candidates: z.number(),
        offers: z.number(),
        places: z.number(),
        placesFilled: z.number(),
        blockingPairs: z.number().nullable(),
        assignmentCount: z.number(),
        unassignedCount: z.number(),
        acceptedCount: z.number(),
        assignments: z.array(runPair),
        unassigned: z.array(z.object({ candidateId: z.string(), candidateName: z.string(), reasons: z.array(reasonSchema) })),
      })
      .nullable(),
  })
  .openapi("MatchingRun");
export type Run = z.infer<typeof runSchema>;

export const runListSchema = z
  .object({
    items: z.array(runSchema.omit({ result: true }).extend({ totalScore: z.number().nullable(), placesFilled: z.number().nullable() })),
  })
  .openapi("MatchingRunList");
export type RunList = z.infer<typeof runListSchema>;

export const runAcceptSchema = z
  .strictObject({ candidateIds: z.array(uuid).min(1, "Mindestens eine Person").max(100_000).optional() })
  .openapi("MatchingRunAccept");
export const runAcceptResultSchema = z.object({ created: z.number(), skipped: z.number() }).openapi("MatchingRunAcceptResult");
