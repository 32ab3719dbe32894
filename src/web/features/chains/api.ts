import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  ChainStep,
  CheckField,
  Indicators,
  PublishInput,
  Run,
  RunPage,
  RunStepUpdate,
  StepInput,
  Template,
  TemplateDiff,
  TemplatePage,
  TemplateUpdate,
  TransferInput,
} from "../../../features/chains/schema";
import { ApiError, api, toQuery } from "../../api/client";
import type { RunFilters, TemplateFilters } from "./constants";

export const chainKeys = {
  all: ["chains"] as const,
  templates: (filters: TemplateFilters) => ["chains", "templates", filters] as const,
  allTemplates: ["chains", "templates", "all"] as const,
  template: (id: string) => ["chains", "template", id] as const,
  diff: (id: string) => ["chains", "template", id, "diff"] as const,
  runs: (filters: RunFilters) => ["chains", "runs", filters] as const,
  run: (id: string) => ["chains", "run", id] as const,
  runOfMatch: (matchId: string) => ["chains", "runs", "match", matchId] as const,
  indicators: (district: string | undefined) => ["chains", "indicators", district ?? "all"] as const,
};

const pageSize = 50;

export function useTemplates(filters: TemplateFilters) {
  return useInfiniteQuery({
    queryKey: chainKeys.templates(filters),
    queryFn: ({ pageParam }) =>
      api<TemplatePage>("GET", `/api/v1/chains/templates${toQuery({ ...filters, limit: pageSize, cursor: pageParam ?? undefined })}`),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
}

/** Every template (for the template filter of the runs list): a few dozen at most. */
export function useAllTemplates() {
  return useQuery({
    queryKey: chainKeys.allTemplates,
    queryFn: () => api<TemplatePage>("GET", `/api/v1/chains/templates${toQuery({ limit: 200 })}`),
    staleTime: 60_000,
  });
}

export function useTemplate(id: string) {
  return useQuery({ queryKey: chainKeys.template(id), queryFn: () => api<Template>("GET", `/api/v1/chains/templates/${id}`) });
}

export function useTemplateDiff(id: string, enabled: boolean) {
  return useQuery({
    queryKey: chainKeys.diff(id),
    queryFn: () => api<TemplateDiff>("GET", `/api/v1/chains/templates/${id}/diff`),
    enabled,
  });
}

export function useIndicators(district: string | undefined) {
  return useQuery({
    queryKey: chainKeys.indicators(district),
    queryFn: () => api<Indicators>("GET", `/api/v1/chains/indicators${toQuery({ district })}`),
    placeholderData: keepPreviousData,
  });
}

/** After any change to a template or a run: lists, detail, diff, indicators and the Start page. */
export function useRefreshChains() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([queryClient.invalidateQueries({ queryKey: chainKeys.all }), queryClient.invalidateQueries({ queryKey: ["today"] })]);
}

export function useUpdateTemplate(id: string) {
  const refresh = useRefreshChains();
  return useMutation({
    mutationFn: (patch: TemplateUpdate) => api<Template>("PATCH", `/api/v1/chains/templates/${id}`, patch),
    onSuccess: refresh,
  });
}

export function useTransfer(id: string) {
  const refresh = useRefreshChains();
  return useMutation({
    mutationFn: (input: TransferInput) => api<{ id: string }>("POST", `/api/v1/chains/templates/${id}/transfer`, input),
    onSuccess: refresh,
  });
}

export function useNewVersion(id: string) {
  const refresh = useRefreshChains();
  return useMutation({
    mutationFn: () => api<{ id: string }>("POST", `/api/v1/chains/templates/${id}/versions`),
    onSuccess: refresh,
  });
}

export function usePublish(id: string) {
  const refresh = useRefreshChains();
  return useMutation({
    mutationFn: (input: PublishInput) => api<Template>("POST", `/api/v1/chains/templates/${id}/publish`, input),
    onSuccess: refresh,
  });
}

/** The fields a refused publication names (the 409's `toCheck` member). */
export type OpenCheck = { stepId: string; title: string; field: CheckField };
export function openChecksOf(error: unknown): OpenCheck[] | null {
  if (!(error instanceof ApiError) || error.status !== 409) return null;
  const list = (error.problem as { toCheck?: OpenCheck[] }).toCheck;
  return Array.isArray(list) ? list : null;
}

/** A stored step as the PATCH takes it again (the whole list is sent on every change). */
export function stepAsInput(s: ChainStep): StepInput {
  return {
    id: s.id,
    code: s.code,
    title: s.title,
    description: s.description,
    leadActor: s.leadActor,
    supportingActors: s.supportingActors,
    organisationName: s.organisationName,
    organisationContact: s.organisationContact,
    documents: s.documents,
    legalBasis: s.legalBasis,
    legalValidFrom: s.legalValidFrom,
    legalValidTo: s.legalValidTo,
    typicalDurationDays: s.typicalDurationDays,
    deadlines: s.deadlines.map((d) => ({ ...d, stage: d.anchor === "match_stage" ? (d.stage ?? null) : null, label: d.label ?? null })),
    conditions: s.conditions,
    local: s.local,
    candidateFacing: s.candidateFacing,
    toCheck: s.toCheck,
  };
}

export function useRuns(filters: RunFilters) {
  return useInfiniteQuery({
    queryKey: chainKeys.runs(filters),
    queryFn: ({ pageParam }) =>
      api<RunPage>("GET", `/api/v1/chains/runs${toQuery({ ...filters, limit: pageSize, cursor: pageParam ?? undefined })}`),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
}

export function useRun(id: string) {
  return useQuery({ queryKey: chainKeys.run(id), queryFn: () => api<Run>("GET", `/api/v1/chains/runs/${id}`) });
}

/** The run of one match, if there is one. */
export function useRunOfMatch(matchId: string, enabled: boolean) {
  return useQuery({
    queryKey: chainKeys.runOfMatch(matchId),
    queryFn: () => api<RunPage>("GET", `/api/v1/chains/runs${toQuery({ matchId, limit: 1 })}`),
    enabled,
    select: (page) => page.items[0] ?? null,
  });
}

export function useStartRun() {
  const refresh = useRefreshChains();
  return useMutation({
    mutationFn: (matchId: string) => api<Run>("POST", "/api/v1/chains/runs", { matchId }),
    onSuccess: refresh,
  });
}

export function useUpdateRunStep(runId: string) {
  const queryClient = useQueryClient();
  const refresh = useRefreshChains();
  return useMutation({
    mutationFn: (v: { stepId: string; update: RunStepUpdate }) =>
      api<Run>("PATCH", `/api/v1/chains/runs/${runId}/steps/${v.stepId}`, v.update),
    onSuccess: async (run) => {
      queryClient.setQueryData(chainKeys.run(runId), run);
      await refresh();
    },
  });
}

export const templateHandoutHref = (id: string) => `/api/v1/chains/templates/${id}/handout.pdf`;
export const runHandoutHref = (id: string, language: string) => `/api/v1/chains/runs/${id}/handout.pdf${toQuery({ language })}`;
