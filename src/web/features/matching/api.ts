import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  CandidateSuggestions,
  Explain,
  MatchBoard,
  MatchDetail,
  MatchMove,
  MatchPage,
  OfferSuggestions,
  ProposalInput,
  ProposalResult,
  Run,
  RunCreate,
  RunList,
} from "../../../features/matching/schema";
import { api, toQuery } from "../../api/client";

export const matchingKeys = {
  all: ["matching"] as const,
  forCandidate: (id: string) => ["matching", "suggestions", "candidate", id] as const,
  forOffer: (id: string) => ["matching", "suggestions", "offer", id] as const,
  matches: (filter: Record<string, string | undefined>) => ["matching", "matches", filter] as const,
  match: (id: string) => ["matching", "match", id] as const,
  board: (district: string | undefined) => ["matching", "board", district ?? "all"] as const,
  runs: ["matching", "runs"] as const,
  run: (id: string, part: "status" | "pairs") => ["matching", "runs", id, part] as const,
};

/** How many ranked suggestions a page asks for. */
export const suggestionLimit = 20;

export function useCandidateSuggestions(candidateId: string) {
  return useQuery({
    queryKey: matchingKeys.forCandidate(candidateId),
    queryFn: () => api<OfferSuggestions>("GET", `/api/v1/candidates/${candidateId}/suggestions${toQuery({ limit: suggestionLimit })}`),
    retry: false,
  });
}

export function useOfferSuggestions(offerId: string) {
  return useQuery({
    queryKey: matchingKeys.forOffer(offerId),
    queryFn: () => api<CandidateSuggestions>("GET", `/api/v1/offers/${offerId}/suggestions${toQuery({ limit: suggestionLimit })}`),
    retry: false,
  });
}

/** The matches of one person or one place (the most recently moved first). */
export function useMatches(filter: { candidateId?: string; offerId?: string }) {
  return useQuery({
    queryKey: matchingKeys.matches(filter),
    queryFn: () => api<MatchPage>("GET", `/api/v1/matches${toQuery({ ...filter, limit: 100 })}`),
  });
}

export function useMatch(id: string | null) {
  return useQuery({
    queryKey: matchingKeys.match(id ?? ""),
    queryFn: () => api<MatchDetail>("GET", `/api/v1/matches/${id}`),
    enabled: id !== null,
  });
}

export function useMatchBoard(district: string | undefined) {
  return useQuery({
    queryKey: matchingKeys.board(district),
    queryFn: () => api<MatchBoard>("GET", `/api/v1/matches/board${toQuery({ district })}`),
    placeholderData: keepPreviousData,
  });
}

/** After any change to a match: suggestions (their "Match" links), lists, the board, the runs and the Start page. */
export function useRefreshMatching() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([queryClient.invalidateQueries({ queryKey: matchingKeys.all }), queryClient.invalidateQueries({ queryKey: ["today"] })]);
}

export function useCreateMatch() {
  const refresh = useRefreshMatching();
  return useMutation({
    mutationFn: (pair: { candidateId: string; offerId: string }) =>
      api<{ id: string; stage: string; created: boolean }>("POST", "/api/v1/matches", pair),
    onSuccess: refresh,
  });
}

export function useMoveMatch() {
  const refresh = useRefreshMatching();
  return useMutation({
    mutationFn: (v: { id: string; move: MatchMove }) => api<MatchDetail>("PATCH", `/api/v1/matches/${v.id}`, v.move),
    onSettled: refresh,
  });
}

export function usePropose() {
  const refresh = useRefreshMatching();
  return useMutation({
    mutationFn: (v: { id: string; input: ProposalInput }) => api<ProposalResult>("POST", `/api/v1/matches/${v.id}/proposal`, v.input),
    onSuccess: refresh,
  });
}

/** Marks (or unmarks) a pair's commute as checked by hand; the suggestions are fetched again. */
export function useCommuteCheck() {
  const refresh = useRefreshMatching();
  return useMutation({
    mutationFn: (v: { candidateId: string; offerId: string; checked: boolean }) =>
      v.checked
        ? api<Explain>("PUT", "/api/v1/matching/commute-checks", { candidateId: v.candidateId, offerId: v.offerId })
        : api<undefined>("DELETE", `/api/v1/matching/commute-checks${toQuery({ candidateId: v.candidateId, offerId: v.offerId })}`),
    onSuccess: refresh,
  });
}

/** The runs in the person's scope; polled every two seconds while one of them waits or runs. */
export function useRuns() {
  return useQuery({
    queryKey: matchingKeys.runs,
    queryFn: () => api<RunList>("GET", "/api/v1/matching/runs"),
    refetchInterval: (q) => (q.state.data?.items.some((r) => runIsRunning(r)) ? 2000 : false),
  });
}

export function useStartRun() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: RunCreate) => api<{ id: string }>("POST", "/api/v1/matching/runs", input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: matchingKeys.runs }),
  });
}

export const runIsRunning = (r: Pick<Run, "status"> | undefined) => !r || r.status === "queued" || r.status === "running";

/** A run's state and totals (no pairs); polled every second while it waits or runs. */
export function useRunStatus(id: string) {
  return useQuery({
    queryKey: matchingKeys.run(id, "status"),
    queryFn: () => api<Run>("GET", `/api/v1/matching/runs/${id}${toQuery({ limit: 0 })}`),
    refetchInterval: (q) => (q.state.error || !runIsRunning(q.state.data) ? false : 1000),
  });
}

/** Pairs per page of a finished run's result (assignments and unassigned, each from the same offset). */
export const runPageSize = 100;

/** The pairs of a finished run, page by page ("Weitere laden" asks for the next offset). */
export function useRunPairs(id: string, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: matchingKeys.run(id, "pairs"),
    queryFn: ({ pageParam }) => api<Run>("GET", `/api/v1/matching/runs/${id}${toQuery({ limit: runPageSize, offset: pageParam })}`),
    initialPageParam: 0,
    getNextPageParam: (last, pages) => {
      const r = last.result;
      if (!r) return undefined;
      const next = pages.length * runPageSize;
      return next < Math.max(r.assignmentCount, r.unassignedCount) ? next : undefined;
    },
    enabled,
  });
}

export function useAcceptRun(runId: string) {
  const refresh = useRefreshMatching();
  return useMutation({
    mutationFn: (candidateIds?: string[]) =>
      api<{ created: number; skipped: number }>("POST", `/api/v1/matching/runs/${runId}/accept`, candidateIds ? { candidateIds } : {}),
    onSuccess: refresh,
  });
}
