import { Alert, Anchor, Badge, Button, Card, Center, DataList, Group, Loader, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { Link, useNavigate, useParams } from "@tanstack/react-router";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Company } from "../../../features/companies/schema";
import { api } from "../../api/client";
import { AppModal } from "../../ui/app-modal";
import { formatDay, formatDayOf } from "../../ui/days";
import { ErrorPage } from "../../ui/error-page";
import { notify } from "../../ui/notify";
import { PageHeader } from "../../ui/page-header";
import { ProblemAlert } from "../../ui/problem-alert";
import { StageBadge } from "../../ui/stages";
import { CompanyOffers } from "../offers/company-offers";
import { useCompany, useRefreshCompanies } from "./api";
import { CompanyContacts } from "./company-contacts";
import { CompanyForm, payloadOf, valuesOf } from "./company-form";
import { ContactLog } from "./contact-log";
import { MergeDialog } from "./merge-dialog";
import { StageHistory } from "./stage-history";
import { StageMenu, useStageMove } from "./stage-move";

function CompanyData({ company, onMerge }: { company: Company; onMerge: () => void }) {
  const { t, i18n } = useTranslation();
  const yesNo = (b: boolean | null) =>
    b === null ? t("companies.form.unknown") : b ? t("companies.filters.yes") : t("companies.filters.no");
  const rows: [string, ReactNode][] = [
    [t("companies.form.legalForm"), company.legalForm],
    [
      t("companies.data.address"),
      [company.street, [company.postalCode, company.city].filter(Boolean).join(" ")].filter(Boolean).join(", "),
    ],
    [t("companies.columns.district"), company.districtName],
    [t("companies.form.sector"), company.sector],
    [t("companies.form.sizeClass"), company.sizeClass && t(`companies.sizeClasses.${company.sizeClass}`)],
    [t("companies.form.chamber"), company.chamber && t(`companies.chambers.${company.chamber}`)],
    [t("companies.form.membershipNumber"), company.membershipNumber],
    [t("companies.form.mayTrain"), t(`companies.mayTrain.${company.mayTrain}`)],
    [t("companies.form.trainerQualified"), yesNo(company.trainerQualified)],
    [
      t("companies.form.migrantLed"),
      company.migrantLed === null
        ? yesNo(null)
        : `${yesNo(company.migrantLed)}${company.migrantLedRecordedOn ? ` (${t("companies.data.recordedOn", { date: formatDay(company.migrantLedRecordedOn, i18n.language) })})` : ""}`,
    ],
    [
      t("companies.form.website"),
      company.website && (
        <Anchor href={company.website} target="_blank" rel="noopener noreferrer" style={{ overflowWrap: "anywhere" }}>
          {company.website}
        </Anchor>
      ),
    ],
    [t("companies.form.tags"), company.tags.length ? company.tags.join(", ") : null],
    [t("companies.columns.responsible"), company.responsibleName],
    [t("companies.columns.openPlaces"), String(company.openPlaces)],
    [t("companies.data.created"), formatDayOf(company.createdAt, i18n.language)],
  ];
  return (
    <Card withBorder component="section" aria-labelledby="data-heading">
      <Title order={2} size="h4" id="data-heading" mb="xs">
        {t("companies.data.title")}
      </Title>
      <DataList labelWidth="11rem" size="sm" gap={6}>
        {rows.map(([label, value]) => (
          <DataList.Item key={label}>
            <DataList.ItemLabel>{label}</DataList.ItemLabel>
            <DataList.ItemValue>{value || "–"}</DataList.ItemValue>
          </DataList.Item>
        ))}
      </DataList>
      {company.stage === "declined" && company.declinedReason && (
        <Alert color="red" variant="light" mt="sm" title={t("companies.data.declined")}>
          {t(`companies.declinedReasons.${company.declinedReason}`)}
          {company.declinedNote ? ` – ${company.declinedNote}` : ""}
        </Alert>
      )}
      <Group mt="sm">
        <Button variant="subtle" size="xs" onClick={onMerge}>
          {t("companies.merge.title")}
        </Button>
      </Group>
    </Card>
  );
}

/** One company: its data, contact persons, contact log, places and stage history; edit, move, merge, delete. */
export function CompanyDetailPage() {
  const { t, i18n } = useTranslation();
  const { id } = useParams({ strict: false }) as { id: string };
  const navigate = useNavigate();
  const company = useCompany(id);
  const refresh = useRefreshCompanies();
  const mover = useStageMove();
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [merging, setMerging] = useState(false);
  const update = useMutation({
    mutationFn: (patch: ReturnType<typeof payloadOf>) => api<Company>("PATCH", `/api/v1/companies/${id}`, patch),
    onSuccess: async () => {
      notify({ color: "green", message: t("companies.saved") });
      setEditing(false);
      await refresh();
    },
  });
  const remove = useMutation({
    mutationFn: () => api("DELETE", `/api/v1/companies/${id}`),
    onSuccess: async () => {
      notify({ color: "green", message: t("companies.deleted", { name: company.data?.name ?? "" }) });
      await navigate({ to: "/betriebe" });
      await refresh();
    },
  });

  if (company.error) return <ErrorPage error={company.error} />;
  const c = company.data;
  if (!c) {
    return (
      <Center mih="40vh">
        <Loader aria-label={t("common.loading")} />
      </Center>
    );
  }
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/betriebe" size="sm">
        {t("companies.backToList")}
      </Anchor>
      <PageHeader
        title={c.name}
        actions={
          <Group gap="xs">
            <Button
              variant="default"
              onClick={() => {
                update.reset();
                setEditing(true);
              }}
            >
              {t("common.edit")}
            </Button>
            <StageMenu
              company={c}
              onMove={(to) => mover.request(c, to)}
              target={<Button loading={mover.pending}>{t("companies.moveStage")}</Button>}
            />
            <Button
              variant="subtle"
              color="red"
              onClick={() => {
                remove.reset();
                setDeleting(true);
              }}
            >
              {t("companies.delete.button")}
            </Button>
          </Group>
        }
      />
      <Group gap="xs" mt={-8}>
        <StageBadge stage={c.stage} size="lg" />
        <Text size="sm" c="dimmed">
          {t("companies.stageSince", { date: formatDayOf(c.stageChangedAt, i18n.language) })}
        </Text>
        {!c.inServiceRegion && (
          <Badge color="orange" variant="light">
            {t("companies.outsideRegion")}
          </Badge>
        )}
        {c.migrantLed && (
          <Badge variant="outline" color="grape">
            {t("companies.migrantLedBadge")}
          </Badge>
        )}
      </Group>
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <Stack gap="md">
          <CompanyData company={c} onMerge={() => setMerging(true)} />
          <CompanyContacts companyId={c.id} companyName={c.name} />
          <CompanyOffers companyId={c.id} />
        </Stack>
        <Stack gap="md">
          <ContactLog companyId={c.id} />
          <StageHistory companyId={c.id} />
        </Stack>
      </SimpleGrid>

      {mover.dialog}
      <AppModal opened={editing} onClose={() => setEditing(false)} title={t("companies.editTitle", { name: c.name })} size="lg">
        {editing && (
          <CompanyForm
            initial={valuesOf(c)}
            submitLabel={t("common.save")}
            pending={update.isPending}
            error={update.error}
            onSubmit={(v) => update.mutate(payloadOf(v))}
            onCancel={() => setEditing(false)}
          />
        )}
      </AppModal>
      <AppModal opened={deleting} onClose={() => setDeleting(false)} title={t("companies.delete.title")}>
        <Stack gap="sm">
          <Text>{t("companies.delete.confirm", { name: c.name })}</Text>
          <ProblemAlert error={remove.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setDeleting(false)}>
              {t("common.cancel")}
            </Button>
            <Button color="red" loading={remove.isPending} onClick={() => remove.mutate()}>
              {t("companies.delete.button")}
            </Button>
          </Group>
        </Stack>
      </AppModal>
      <MergeDialog company={c} opened={merging} onClose={() => setMerging(false)} />
    </Stack>
  );
}
