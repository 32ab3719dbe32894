import { keepPreviousData, useInfiniteQuery } from "@tanstack/react-query";
import type { Referral, ReferralPage } from "../../../features/consultations/schema";
import { api, toQuery } from "../../api/client";

export const referralModes = ["overdue", "week", "open", "all"] as const;
export type ReferralMode = (typeof referralModes)[number];
const pageSize = 50;

function useReferralPages(params: Record<string, string | undefined>, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: ["referrals", "list", params],
    queryFn: ({ pageParam }) =>
      api<ReferralPage>("GET", `/api/v1/referrals${toQuery({ ...params, limit: pageSize, cursor: pageParam ?? undefined })}`),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
    enabled,
  });
}

const byFollowUp = (a: Referral, b: Referral) => (a.followUpOn ?? "9999").localeCompare(b.followUpOn ?? "9999") || a.id.localeCompare(b.id);

/**
 * The referrals of one view. "Alle offenen" are those still in progress and those with an unknown
 * outcome: two lists of the API, merged by follow-up day.
 */
export function useReferralList(mode: ReferralMode, district: string | undefined) {
  const first = useReferralPages(
    mode === "open" ? { outcome: "in_progress", district } : mode === "all" ? { district } : { due: mode, district },
    true,
  );
  const unknown = useReferralPages({ outcome: "unknown", district }, mode === "open");
  const queries = mode === "open" ? [first, unknown] : [first];
  const items = queries.flatMap((q) => q.data?.pages.flatMap((p) => p.items) ?? []);
  if (mode === "open") items.sort(byFollowUp);
  return {
    items,
    loaded: queries.every((q) => q.data !== undefined),
    pending: queries.some((q) => q.isPending),
    error: queries.find((q) => q.error)?.error ?? null,
    total: queries.reduce((n, q) => n + (q.data?.pages[0]?.total ?? 0), 0),
    hasMore: queries.some((q) => q.hasNextPage),
    loadingMore: queries.some((q) => q.isFetchingNextPage),
    fetchMore: () => {
      for (const q of queries) if (q.hasNextPage) void q.fetchNextPage();
    },
  };
}
