import { Badge, Button, Card, DataList, Group, Title } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Candidate } from "../../../features/candidates/schema";
import { api } from "../../api/client";
import { AppModal } from "../../ui/app-modal";
import { formatDay, formatDayOf, todayIso } from "../../ui/days";
import { useRefreshCandidates } from "./api";
import { CandidateForm } from "./candidate-form";
import { payloadOf, valuesOf } from "./candidate-values";
import { ageOf } from "./constants";
import { notify } from "./notify";

/** "Überblick": the person's data as recorded, and the way to edit it (the residence section has its own tab). */
export function CandidateOverview({ candidate: c }: { candidate: Candidate }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const refresh = useRefreshCandidates();
  const [editing, setEditing] = useState(false);
  const name = `${c.firstName} ${c.lastName}`;
  const update = useMutation({
    mutationFn: (patch: ReturnType<typeof payloadOf>) => api<Candidate>("PATCH", `/api/v1/candidates/${c.id}`, patch),
    onSuccess: async () => {
      notify(t("candidates.saved"));
      setEditing(false);
      await refresh();
    },
  });
  const yesNo = (b: boolean) => (b ? t("candidates.yes") : t("candidates.no"));
  const level = c.germanLevel
    ? [
        c.germanLevel,
        c.germanLevelSource ? t(`candidates.levelSources.${c.germanLevelSource}`) : null,
        c.germanLevelOn ? formatDay(c.germanLevelOn, lang) : null,
      ]
        .filter(Boolean)
        .join(" · ")
    : null;
  const rows: [string, ReactNode][] = [
    [
      t("candidates.form.birthDate"),
      c.birthDate && `${formatDay(c.birthDate, lang)} (${t("candidates.ageValue", { count: ageOf(c.birthDate, todayIso()) })})`,
    ],
    [
      t("candidates.data.place"),
      <Group gap={6} key="place">
        {[c.postalCode, c.city].filter(Boolean).join(" ")}
        {c.districtName ? ` · ${c.districtName}` : ""}
        {!c.inServiceRegion && (
          <Badge size="sm" color="orange" variant="light">
            {t("candidates.data.outsideRegion")}
          </Badge>
        )}
      </Group>,
    ],
    [t("candidates.form.phone"), c.phone],
    [t("candidates.form.email"), c.email],
    [t("candidates.form.messenger"), c.messenger && t(`candidates.messengers.${c.messenger}`)],
    [t("candidates.data.language"), t(`candidates.languages.${c.preferredLanguage}`)],
    [t("candidates.form.germanLevel"), level],
    [t("candidates.form.otherLanguages"), c.otherLanguages.join(", ")],
    [
      t("candidates.data.school"),
      c.schoolCertificate || c.schoolCountry
        ? [
            c.schoolCertificate && t(`candidates.schoolCertificates.${c.schoolCertificate}`),
            c.schoolCountry,
            `${t("candidates.form.schoolRecognition")}: ${t(`candidates.recognition.${c.schoolRecognition}`)}`,
          ]
            .filter(Boolean)
            .join(" · ")
        : null,
    ],
    [
      t("candidates.data.wishes"),
      c.desiredOccupations.length > 0 &&
        `${c.desiredOccupations.map((o, i) => `${i + 1}. ${o.name}`).join(", ")}${c.openToRelatedFields ? ` (${t("candidates.data.relatedFields")})` : ""}`,
    ],
    [
      t("candidates.data.mobility"),
      [
        `${t("candidates.data.drivingLicence")}: ${yesNo(c.hasDrivingLicence)}`,
        `${t("candidates.data.car")}: ${yesNo(c.hasCar)}`,
        c.maxCommuteKm !== null ? t("candidates.data.commute", { km: c.maxCommuteKm }) : null,
      ]
        .filter(Boolean)
        .join(" · "),
    ],
    [t("candidates.form.availableFrom"), c.availableFrom && formatDay(c.availableFrom, lang)],
    [t("candidates.form.schoolObligationUntil"), c.schoolObligationUntil && formatDay(c.schoolObligationUntil, lang)],
    [t("candidates.form.j1ExaminedOn"), c.j1ExaminedOn && formatDay(c.j1ExaminedOn, lang)],
    [
      t("candidates.data.support"),
      [c.supportNeeds.map((s) => t(`candidates.supportNeeds.${s}`)).join(", "), c.supportNote].filter(Boolean).join(" – "),
    ],
    [t("candidates.data.responsible"), c.responsibleName],
    [t("candidates.data.source"), t(`candidates.sources.${c.source}`)],
    [t("candidates.data.created"), formatDayOf(c.createdAt, lang)],
  ];
  return (
    <Card withBorder component="section" aria-labelledby="data-heading">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4" id="data-heading">
          {t("candidates.data.title")}
        </Title>
        <Button
          variant="default"
          size="xs"
          onClick={() => {
            update.reset();
            setEditing(true);
          }}
        >
          {t("common.edit")}
        </Button>
      </Group>
      <DataList labelWidth="min(15rem, 45%)" size="sm" gap={6}>
        {rows.map(([label, value]) => (
          <DataList.Item key={label}>
            <DataList.ItemLabel>{label}</DataList.ItemLabel>
            <DataList.ItemValue style={{ overflowWrap: "anywhere" }}>{value || t("candidates.data.none")}</DataList.ItemValue>
          </DataList.Item>
        ))}
      </DataList>
      <AppModal opened={editing} onClose={() => setEditing(false)} title={t("candidates.editTitle", { name })} size="xl">
        {editing && (
          <CandidateForm
            initial={valuesOf(c)}
            withResidence={false}
            submitLabel={t("common.save")}
            pending={update.isPending}
            error={update.error}
            onSubmit={(v) => update.mutate(payloadOf(v, false))}
            onCancel={() => setEditing(false)}
          />
        )}
      </AppModal>
    </Card>
  );
}
