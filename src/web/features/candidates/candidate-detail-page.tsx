import { Anchor, Badge, Button, Center, Group, Loader, Stack, Tabs, Text } from "@mantine/core";
import { Link, useNavigate, useParams, useSearch } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { AppModal } from "../../ui/app-modal";
import { formatDayOf } from "../../ui/days";
import { ErrorPage } from "../../ui/error-page";
import { PageHeader } from "../../ui/page-header";
import { fromSearch } from "../../ui/search-params";
import { useMe } from "../auth/use-me";
import { CandidateConsultations } from "../consultations/candidate-consultations";
import { ConsultationForm } from "../consultations/consultation-form";
import { CandidateMatching } from "../matching/candidate-matching";
import { useCandidate } from "./api";
import { CandidateStatusBadge, ConsentBadges } from "./candidate-badges";
import { CandidateOverview } from "./candidate-overview";
import { ConsentsSection } from "./consents-section";
import { residenceRoles } from "./constants";
import { DocumentsSection } from "./documents-section";
import { PrivacySection } from "./privacy-section";
import { ResidenceSection } from "./residence-section";
import { StatusChange } from "./status-change";
import { TimelineSection } from "./timeline-section";

const tabs = ["overview", "residence", "consents", "consultations", "matching", "documents", "timeline", "privacy"] as const;
type Tab = (typeof tabs)[number];

/**
 * One young person: name, status and the main actions on top; below, tabs for the data, the residence
 * section (permitted roles), consents, counselling, matching, documents, the history and (admins) data protection.
 * The open tab is kept in the address.
 */
export function CandidateDetailPage() {
  const { t, i18n } = useTranslation();
  const { id } = useParams({ strict: false }) as { id: string };
  const search = useSearch({ strict: false }) as Record<string, unknown>;
  const navigate = useNavigate();
  const me = useMe().data;
  const candidate = useCandidate(id);
  const [recording, setRecording] = useState(false);

  if (candidate.error) return <ErrorPage error={candidate.error} />;
  const c = candidate.data;
  if (!c) {
    return (
      <Center mih="40vh">
        <Loader aria-label={t("common.loading")} />
      </Center>
    );
  }
  // The answer carries `residence` only for permitted roles; before one is recorded the role decides.
  const seesResidence = "residence" in c || (me ? residenceRoles.includes(me.role) : false);
  const visible = tabs.filter((tab) => (tab === "residence" ? seesResidence : tab === "privacy" ? me?.role === "admin" : true));
  const asked = fromSearch(search, ["tab"]).tab as Tab | undefined;
  const tab: Tab = asked && visible.includes(asked) ? asked : "overview";
  const choose = (next: string | null) =>
    navigate({ to: ".", search: { ...search, tab: next && next !== "overview" ? next : undefined } as never, replace: true });
  const name = `${c.firstName} ${c.lastName}`;

  return (
    <Stack gap="md">
      <Anchor component={Link} to="/jugendliche" size="sm">
        {t("candidates.backToList")}
      </Anchor>
      <PageHeader
        title={name}
        actions={
          <Group gap="xs">
            <Button onClick={() => setRecording(true)}>{t("consultations.record")}</Button>
            <StatusChange candidate={c} />
          </Group>
        }
      />
      <Group gap="xs" mt={-8}>
        <CandidateStatusBadge status={c.status} size="lg" />
        <Text size="sm" c="dimmed">
          {t("candidates.status.since", { date: formatDayOf(c.statusChangedAt, i18n.language) })}
        </Text>
        <ConsentBadges consent={c.consent} />
        {c.source === "self_registration" && (
          <Badge variant="outline" color="grape">
            {t("candidates.sources.self_registration")}
          </Badge>
        )}
      </Group>
      <Tabs value={tab} onChange={choose} keepMounted={false}>
        <Tabs.List aria-label={t("candidates.tabs.label")}>
          {visible.map((v) => (
            <Tabs.Tab key={v} value={v}>
              {v === "matching" ? t("matching.tab") : t(`candidates.tabs.${v}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="overview" pt="md">
          <CandidateOverview candidate={c} />
        </Tabs.Panel>
        {seesResidence && (
          <Tabs.Panel value="residence" pt="md">
            <ResidenceSection candidate={c} />
          </Tabs.Panel>
        )}
        <Tabs.Panel value="consents" pt="md">
          <ConsentsSection candidate={c} />
        </Tabs.Panel>
        <Tabs.Panel value="consultations" pt="md">
          <CandidateConsultations candidateId={c.id} onRecord={() => setRecording(true)} />
        </Tabs.Panel>
        <Tabs.Panel value="matching" pt="md">
          <CandidateMatching candidateId={c.id} />
        </Tabs.Panel>
        <Tabs.Panel value="documents" pt="md">
          <DocumentsSection candidateId={c.id} />
        </Tabs.Panel>
        <Tabs.Panel value="timeline" pt="md">
          <TimelineSection candidateId={c.id} />
        </Tabs.Panel>
        {me?.role === "admin" && (
          <Tabs.Panel value="privacy" pt="md">
            <PrivacySection candidate={c} />
          </Tabs.Panel>
        )}
      </Tabs>
      <AppModal opened={recording} onClose={() => setRecording(false)} title={t("consultations.recordFor", { name })} size="lg">
        {recording && <ConsultationForm candidateId={c.id} onDone={() => setRecording(false)} />}
      </AppModal>
    </Stack>
  );
}
