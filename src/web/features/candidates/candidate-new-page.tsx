import { Stack } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Candidate } from "../../../features/candidates/schema";
import { api } from "../../api/client";
import { PageHeader } from "../../ui/page-header";
import { useMe } from "../auth/use-me";
import { useRefreshCandidates } from "./api";
import { CandidateForm } from "./candidate-form";
import { type CandidateValues, payloadOf, residenceValuesOf, valuesOf } from "./candidate-values";
import { residenceRoles } from "./constants";
import { notify } from "./notify";

const draftKey = "lotse.draft.candidate";

/** What was typed before, in this tab. The residence section is never kept in the draft (it is sensitive). */
function readDraft(): CandidateValues {
  try {
    const stored = sessionStorage.getItem(draftKey);
    return stored ? { ...valuesOf(), ...(JSON.parse(stored) as Partial<CandidateValues>), residence: residenceValuesOf() } : valuesOf();
  } catch {
    return valuesOf();
  }
}

/** "Jugendliche/n erfassen": the form; after saving, the person's page. What was typed is kept as a draft in this tab. */
export function CandidateNewPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const refresh = useRefreshCandidates();
  const me = useMe().data;
  const withResidence = me ? residenceRoles.includes(me.role) : false;
  const [initial] = useState(readDraft);
  const create = useMutation({
    mutationFn: (v: CandidateValues) => api<Candidate>("POST", "/api/v1/candidates", payloadOf(v, withResidence)),
    onSuccess: async (c) => {
      sessionStorage.removeItem(draftKey);
      notify(t("candidates.created", { name: `${c.firstName} ${c.lastName}` }));
      await refresh();
      await navigate({ to: "/jugendliche/$id", params: { id: c.id } });
    },
  });
  const keepDraft = (v: CandidateValues) => {
    try {
      const { residence: _sensitive, ...rest } = v;
      sessionStorage.setItem(draftKey, JSON.stringify(rest));
    } catch {
      // a full or blocked storage only costs the draft
    }
  };

  return (
    <Stack gap="sm" maw={860}>
      <PageHeader title={t("candidates.new")} intro={t("candidates.newIntro")} />
      <CandidateForm
        initial={initial}
        withResidence={withResidence}
        submitLabel={t("common.create")}
        pending={create.isPending}
        error={create.error}
        onChange={keepDraft}
        onSubmit={(v) => create.mutate(v)}
        onCancel={() => {
          sessionStorage.removeItem(draftKey);
          void navigate({ to: "/jugendliche" });
        }}
      />
    </Stack>
  );
}
