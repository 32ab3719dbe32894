import { Alert, Button, List, Stack, Text } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Company, Duplicates } from "../../../features/companies/schema";
import { ApiError, api, toQuery } from "../../api/client";
import { CompanyLink } from "../../ui/company-link";
import { notify } from "../../ui/notify";
import { PageHeader } from "../../ui/page-header";
import { useRefreshCompanies } from "./api";
import { CompanyForm, type CompanyValues, payloadOf, valuesOf } from "./company-form";

type Candidate = Duplicates["items"][number];
const draftKey = "lotse.draft.company";

function readDraft(): CompanyValues {
  try {
    const stored = sessionStorage.getItem(draftKey);
    return stored ? { ...valuesOf(), ...(JSON.parse(stored) as Partial<CompanyValues>) } : valuesOf();
  } catch {
    return valuesOf();
  }
}

function Candidates({ items, lead }: { items: Candidate[]; lead: string }) {
  const { t } = useTranslation();
  return (
    <Alert color="yellow" title={t("companies.duplicates.title")} role="status">
      <Text size="sm" mb="xs">
        {lead}
      </Text>
      <List size="sm" spacing={4}>
        {items.map((d) => (
          <List.Item key={d.id}>
            <CompanyLink id={d.id} fw={600}>
              {d.name}
            </CompanyLink>{" "}
            {[d.postalCode, d.city].filter(Boolean).join(" ")} ·{" "}
            {t("companies.duplicates.similarity", { percent: Math.round(d.similarity * 100) })}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}

/**
 * "Neuer Betrieb": similar companies with the same postcode show up while typing; if the server still
 * finds some on saving, the person opens one of them or saves anyway. What was typed is kept as a
 * draft in this tab until the company exists.
 */
export function CompanyNewPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const refresh = useRefreshCompanies();
  const [initial] = useState(readDraft);
  const [values, setValues] = useState(initial);
  const [conflict, setConflict] = useState<Candidate[] | null>(null);
  const [key] = useDebouncedValue(`${values.name.trim()}|${values.postalCode.trim()}`, 400);
  const [name, postalCode] = key.split("|") as [string, string];
  const candidates = useQuery({
    queryKey: ["companies", "duplicates", name, postalCode],
    queryFn: () => api<Duplicates>("GET", `/api/v1/companies/duplicates${toQuery({ name, postalCode })}`),
    enabled: name.length >= 2 && /^\d{5}$/.test(postalCode),
    retry: false,
  });
  const create = useMutation({
    mutationFn: (v: { values: CompanyValues; confirmNotDuplicate: boolean }) =>
      api<Company>("POST", "/api/v1/companies", { ...payloadOf(v.values), confirmNotDuplicate: v.confirmNotDuplicate || undefined }),
    onSuccess: async (c) => {
      sessionStorage.removeItem(draftKey);
      notify({ color: "green", message: t("companies.created", { name: c.name }) });
      await refresh();
      await navigate({ to: "/betriebe/$id", params: { id: c.id } });
    },
    onError: (e) => {
      const duplicates = e instanceof ApiError && e.status === 409 ? (e.problem as { duplicates?: Candidate[] }).duplicates : undefined;
      setConflict(duplicates?.length ? duplicates : null);
    },
  });
  const shown = conflict ?? candidates.data?.items ?? [];
  const onChange = (v: CompanyValues) => {
    setValues(v);
    setConflict(null);
    try {
      sessionStorage.setItem(draftKey, JSON.stringify(v));
    } catch {
      // a full or blocked storage only costs the draft
    }
  };

  return (
    <Stack gap="sm" maw={760}>
      <PageHeader title={t("companies.new")} intro={t("companies.newIntro")} />
      <CompanyForm
        initial={initial}
        submitLabel={t("common.create")}
        pending={create.isPending}
        error={conflict ? null : create.error}
        onChange={onChange}
        onSubmit={(v) => create.mutate({ values: v, confirmNotDuplicate: false })}
        onCancel={() => {
          sessionStorage.removeItem(draftKey);
          void navigate({ to: "/betriebe" });
        }}
        beforeSubmit={
          shown.length > 0 && (
            <Stack gap="xs">
              <Candidates items={shown} lead={conflict ? t("companies.duplicates.conflict") : t("companies.duplicates.lead")} />
              {conflict && (
                <Button
                  variant="default"
                  onClick={() => create.mutate({ values, confirmNotDuplicate: true })}
                  loading={create.isPending}
                  style={{ alignSelf: "flex-start" }}
                >
                  {t("companies.duplicates.saveAnyway")}
                </Button>
              )}
            </Stack>
          )
        }
      />
    </Stack>
  );
}
