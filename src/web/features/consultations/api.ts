import { useQuery, useQueryClient } from "@tanstack/react-query";
import type { Consultation } from "../../../features/consultations/schema";
import { api } from "../../api/client";

export function useCandidateConsultations(candidateId: string) {
  return useQuery({
    queryKey: ["candidates", "detail", candidateId, "consultations"],
    queryFn: () => api<{ items: Consultation[] }>("GET", `/api/v1/candidates/${candidateId}/consultations`),
  });
}

/** After a consultation or a referral changed: the person's page, the lists and the Start page show it. */
export function useRefreshConsultations() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ["candidates"] }),
      queryClient.invalidateQueries({ queryKey: ["consultations"] }),
      queryClient.invalidateQueries({ queryKey: ["referrals"] }),
      queryClient.invalidateQueries({ queryKey: ["today"] }),
    ]);
}
