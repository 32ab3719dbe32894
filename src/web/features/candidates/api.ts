import { useQuery, useQueryClient } from "@tanstack/react-query";
import type { Candidate, CandidateDocument, TimelineEntry } from "../../../features/candidates/schema";
import type { Consent } from "../../../features/privacy/schema";
import { ApiError, api, type Problem } from "../../api/client";
import { i18n } from "../../i18n";

export const candidateKeys = {
  all: ["candidates"] as const,
  detail: (id: string) => ["candidates", "detail", id] as const,
  part: (id: string, part: "consents" | "documents" | "timeline" | "residence" | "consultations") =>
    ["candidates", "detail", id, part] as const,
};

export function useCandidate(id: string) {
  return useQuery({ queryKey: candidateKeys.detail(id), queryFn: () => api<Candidate>("GET", `/api/v1/candidates/${id}`) });
}

export function useConsents(id: string) {
  return useQuery({
    queryKey: candidateKeys.part(id, "consents"),
    queryFn: () => api<{ items: Consent[] }>("GET", `/api/v1/candidates/${id}/consents`),
  });
}

export function useDocuments(id: string) {
  return useQuery({
    queryKey: candidateKeys.part(id, "documents"),
    queryFn: () => api<{ items: CandidateDocument[] }>("GET", `/api/v1/candidates/${id}/documents`),
  });
}

export function useTimeline(id: string) {
  return useQuery({
    queryKey: candidateKeys.part(id, "timeline"),
    queryFn: () => api<{ items: TimelineEntry[] }>("GET", `/api/v1/candidates/${id}/timeline`),
  });
}

/** After any change to a young person: lists, the detail with all its parts, and the Start page. */
export function useRefreshCandidates() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: candidateKeys.all }),
      queryClient.invalidateQueries({ queryKey: ["consultations"] }),
      queryClient.invalidateQueries({ queryKey: ["referrals"] }),
      queryClient.invalidateQueries({ queryKey: ["today"] }),
    ]);
}

const isProblem = (data: unknown): data is Problem =>
  typeof data === "object" && data !== null && typeof (data as { title?: unknown }).title === "string";

/**
 * A multipart upload with the same error handling as `api()`: the browser sets the content type with
 * its boundary, a problem+json answer becomes an ApiError.
 */
export async function uploadDocument(candidateId: string, file: File, kind: string): Promise<CandidateDocument> {
  const body = new FormData();
  body.set("file", file);
  body.set("kind", kind);
  const res = await fetch(`/api/v1/candidates/${candidateId}/documents`, {
    method: "POST",
    credentials: "same-origin",
    headers: { "accept-language": i18n.resolvedLanguage === "en" ? "en" : "de" },
    body,
  });
  const text = await res.text();
  let data: unknown;
  try {
    data = text ? JSON.parse(text) : undefined;
  } catch {
    data = undefined;
  }
  if (!res.ok) {
    throw new ApiError(isProblem(data) ? data : { title: i18n.t("error.title"), status: res.status, detail: i18n.t("error.unexpected") });
  }
  return data as CandidateDocument;
}

/** Server field errors of a 422 answer by their full path ("residence.status", "referrals.0.partnerName"). */
export function fieldErrorsByPath(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError) || !error.problem.errors) return {};
  return Object.fromEntries(Object.entries(error.problem.errors).map(([k, v]) => [k, v.join(" ")]));
}
