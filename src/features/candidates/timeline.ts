import type { Ctx } from "../../lib/context.js";
import { type Msg, msg, translate } from "../../lib/i18n/messages.js";
import { consultationTimeline } from "../consultations/service.js";
import { privacyTimeline } from "../privacy/service.js";
import { findDocuments } from "./document-repository.js";
import { statusLabels } from "./labels.js";
import { findStatusChanges } from "./repository.js";
import type { TimelineEntry } from "./schema.js";
import { requireCandidateRef } from "./service.js";

const documentLabels = { cv: "Lebenslauf", certificate: "Zeugnis", other: "Dokument" } as const;

/**
 * Everything that happened with one young person, newest first, each with who and when: counselling
 * and referrals, consents (given, withdrawn), documents, status changes, profiles passed on. The
 * residence section is never part of it.
 */
export async function candidateTimeline(ctx: Ctx, candidateId: string): Promise<TimelineEntry[]> {
  await requireCandidateRef(ctx, candidateId);
  const [statuses, documents, privacy, counselling] = await Promise.all([
    findStatusChanges(ctx.db, candidateId),
    findDocuments(ctx.db, candidateId),
    privacyTimeline(ctx, candidateId),
    consultationTimeline(ctx, candidateId),
  ]);
  const entries: (Omit<TimelineEntry, "title"> & { title: Msg })[] = [
    ...counselling,
    ...privacy,
    ...statuses.map((s) => {
      const at = new Date(s.at).toISOString();
      return {
        kind: "status" as const,
        id: String(s.id),
        at,
        title: s.from_status
          ? msg("Statuswechsel: {from} → {to}", {
              from: statusLabels[s.from_status as keyof typeof statusLabels] ?? s.from_status,
              to: statusLabels[s.to_status as keyof typeof statusLabels] ?? s.to_status,
            })
          : "Erfasst",
        detail: s.note,
        userName: s.user_name ?? null,
        recordedAt: at,
      };
    }),
    ...documents.map((d) => ({
      kind: "document" as const,
      id: d.id,
      at: d.createdAt,
      title: msg("{kind} hochgeladen", { kind: documentLabels[d.kind] }),
      detail: d.fileName,
      userName: d.uploadedBy,
      recordedAt: d.createdAt,
    })),
  ];
  // Newest first by the day it happened, then by when it was recorded; titles in the reader's language.
  return entries
    .map((e) => ({ ...e, title: translate(ctx.locale, e.title) }))
    .sort((a, b) => b.at.slice(0, 10).localeCompare(a.at.slice(0, 10)) || Date.parse(b.recordedAt) - Date.parse(a.recordedAt));
}
