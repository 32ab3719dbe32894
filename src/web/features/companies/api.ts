import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { Activity, Company, Contact, StageChange, StageMove } from "../../../features/companies/schema";
import type { District } from "../../../features/geo/schema";
import { api } from "../../api/client";

export const companyKeys = {
  all: ["companies"] as const,
  detail: (id: string) => ["companies", "detail", id] as const,
  part: (id: string, part: "contacts" | "activities" | "history") => ["companies", "detail", id, part] as const,
};

export function useCompany(id: string) {
  return useQuery({ queryKey: companyKeys.detail(id), queryFn: () => api<Company>("GET", `/api/v1/companies/${id}`) });
}

export function useContacts(id: string) {
  return useQuery({
    queryKey: companyKeys.part(id, "contacts"),
    queryFn: () => api<{ items: Contact[] }>("GET", `/api/v1/companies/${id}/contacts`),
  });
}

export function useActivities(id: string) {
  return useQuery({
    queryKey: companyKeys.part(id, "activities"),
    queryFn: () => api<{ items: Activity[] }>("GET", `/api/v1/companies/${id}/activities`),
  });
}

export function useStageHistory(id: string) {
  return useQuery({
    queryKey: companyKeys.part(id, "history"),
    queryFn: () => api<{ items: StageChange[] }>("GET", `/api/v1/companies/${id}/history`),
  });
}

/** The districts of the service region (they never change while the app runs). */
export function useDistricts() {
  return useQuery({
    queryKey: ["districts"],
    queryFn: () => api<District[]>("GET", "/api/v1/geo/districts"),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** After any change to a company: lists, board, map, the Start page and the places show it at once. */
export function useRefreshCompanies() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: companyKeys.all }),
      queryClient.invalidateQueries({ queryKey: ["today"] }),
      queryClient.invalidateQueries({ queryKey: ["offers"] }),
      queryClient.invalidateQueries({ queryKey: ["map"] }),
    ]);
}

export function useMoveStage() {
  const refresh = useRefreshCompanies();
  return useMutation({
    mutationFn: (v: { id: string; move: StageMove }) => api<Company>("POST", `/api/v1/companies/${v.id}/stage`, v.move),
    onSettled: refresh,
  });
}
