import { Alert, Anchor, Badge, Button, Card, Group, Stack, Text, Title } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Candidate } from "../../../features/candidates/schema";
import type { Consent } from "../../../features/privacy/schema";
import { api } from "../../api/client";
import { AppModal } from "../../ui/app-modal";
import { formatDay, formatDayOf } from "../../ui/days";
import { ProblemAlert } from "../../ui/problem-alert";
import { partnerTypes } from "../consultations/constants";
import { useConsents, useRefreshCandidates } from "./api";
import { ConsentForm } from "./consent-form";
import { notify } from "./notify";
import { ShareDialog } from "./share-dialog";

function ConsentItem({ consent: c, candidateId, onWithdraw }: { consent: Consent; candidateId: string; onWithdraw: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const refresh = useRefreshCandidates();
  const confirm = useMutation({
    mutationFn: () => api<Consent>("POST", `/api/v1/candidates/${candidateId}/consents/${c.id}/confirm`),
    onSuccess: async () => {
      notify(t("consents.confirmed"));
      await refresh();
    },
  });
  const unconfirmed = !c.confirmedAt && !c.withdrawnAt;
  const typeOf = (type: string | null) =>
    type && (partnerTypes as readonly string[]).includes(type) ? t(`consultations.partnerTypes.${type}`) : type;
  return (
    <Card withBorder p="sm" component="li">
      <Group justify="space-between" align="flex-start" gap="xs">
        <Group gap={6}>
          {c.purposes.map((p) => (
            <Badge key={p} variant="light" color={c.withdrawnAt ? "gray" : "teal"} style={{ textTransform: "none" }}>
              {t(`consents.purposes.${p}`)}
            </Badge>
          ))}
        </Group>
        {c.withdrawnAt ? (
          <Badge color="gray.7" variant="outline">
            {t("consents.withdrawnOn", { date: formatDayOf(c.withdrawnAt, lang) })}
          </Badge>
        ) : unconfirmed ? (
          <Badge color="orange.9" variant="outline" style={{ whiteSpace: "normal", height: "auto" }}>
            {t("consents.unconfirmed")}
          </Badge>
        ) : (
          <Badge color="green" variant="light">
            {t("consents.valid")}
          </Badge>
        )}
      </Group>
      <Text size="xs" c="dimmed" mt={6}>
        {t("consents.meta", {
          date: formatDay(c.givenAt, lang),
          form: t(`consents.forms.${c.form}`),
          givenBy: t(`consents.givenBy.${c.givenBy}`),
          language: t(`candidates.languages.${c.language}`, { defaultValue: c.language }),
        })}
        {c.recordedBy ? ` · ${t("consents.recordedBy", { name: c.recordedBy })}` : ""}
      </Text>
      {c.recipients.length > 0 && (
        <Text size="sm" mt={4} style={{ overflowWrap: "anywhere" }}>
          {t("consents.recipients")}:{" "}
          {c.recipients.map((r) => (r.partnerType ? `${r.name} (${typeOf(r.partnerType)})` : r.name)).join(", ")}
        </Text>
      )}
      {c.note && (
        <Text size="sm" mt={4} style={{ whiteSpace: "pre-wrap" }}>
          {c.note}
        </Text>
      )}
      {unconfirmed && (
        <Text size="sm" mt={4}>
          {t("consents.unconfirmedHint")}
        </Text>
      )}
      <ProblemAlert error={confirm.error} />
      {!c.withdrawnAt && (
        <Group gap="xs" mt="xs">
          {unconfirmed && (
            <Button size="xs" loading={confirm.isPending} onClick={() => confirm.mutate()}>
              {t("consents.confirm")}
            </Button>
          )}
          <Button size="xs" variant="subtle" color="red" onClick={onWithdraw}>
            {t("consents.withdraw")}
          </Button>
        </Group>
      )}
    </Card>
  );
}

/** "Einwilligungen": what the young person agreed to, to whom; record, confirm, withdraw, print the form, share the profile. */
export function ConsentsSection({ candidate }: { candidate: Candidate }) {
  const { t, i18n } = useTranslation();
  const consents = useConsents(candidate.id);
  const refresh = useRefreshCandidates();
  const [recording, setRecording] = useState(false);
  const [sharing, setSharing] = useState(false);
  const [withdrawing, setWithdrawing] = useState<Consent | null>(null);
  const withdraw = useMutation({
    mutationFn: (id: string) => api<Consent>("POST", `/api/v1/candidates/${candidate.id}/consents/${id}/withdraw`),
    onSuccess: async () => {
      notify(t("consents.withdrawn"));
      setWithdrawing(null);
      await refresh();
    },
  });
  const items = consents.data?.items ?? [];
  const unconfirmed = items.some((c) => !c.confirmedAt && !c.withdrawnAt);
  return (
    <Card withBorder component="section" aria-labelledby="consents-heading">
      <Group justify="space-between" mb={4} gap="xs">
        <Title order={2} size="h4" id="consents-heading">
          {t("consents.title")}
        </Title>
        <Group gap="xs">
          <Button size="xs" variant="default" onClick={() => setSharing(true)}>
            {t("consents.share.button")}
          </Button>
          <Button size="xs" onClick={() => setRecording(true)}>
            {t("consents.record")}
          </Button>
        </Group>
      </Group>
      <Text size="sm" c="dimmed" mb="xs">
        {t("consents.intro")}
      </Text>
      <Text size="sm" mb="sm">
        <Anchor href={`/api/v1/candidates/${candidate.id}/consent-form?language=${candidate.preferredLanguage}`} download>
          {t("consents.pdf")}
        </Anchor>{" "}
        <Text span size="sm" c="dimmed" lang={i18n.language}>
          ({t(`candidates.languages.${candidate.preferredLanguage}`)})
        </Text>
      </Text>
      {unconfirmed && (
        <Alert color="orange" variant="light" mb="sm" title={t("consents.unconfirmed")}>
          {t("consents.unconfirmedHint")}
        </Alert>
      )}
      <ProblemAlert error={consents.error} />
      {consents.data && items.length === 0 && (
        <Text size="sm" c="dimmed">
          {t("consents.empty")}
        </Text>
      )}
      {items.length > 0 && (
        <Stack component="ul" gap="xs" m={0} p={0} style={{ listStyle: "none" }}>
          {items.map((c) => (
            <ConsentItem
              key={c.id}
              consent={c}
              candidateId={candidate.id}
              onWithdraw={() => {
                withdraw.reset();
                setWithdrawing(c);
              }}
            />
          ))}
        </Stack>
      )}
      <AppModal opened={recording} onClose={() => setRecording(false)} title={t("consents.record")} size="lg">
        {recording && <ConsentForm candidate={candidate} onDone={() => setRecording(false)} />}
      </AppModal>
      {sharing && <ShareDialog candidate={candidate} consents={items} opened={sharing} onClose={() => setSharing(false)} />}
      <AppModal opened={withdrawing !== null} onClose={() => setWithdrawing(null)} title={t("consents.withdrawTitle")}>
        {withdrawing && (
          <Stack gap="sm">
            <Text>{t("consents.withdrawConfirm", { date: formatDay(withdrawing.givenAt, i18n.language) })}</Text>
            <ProblemAlert error={withdraw.error} />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setWithdrawing(null)}>
                {t("common.cancel")}
              </Button>
              <Button color="red" loading={withdraw.isPending} onClick={() => withdraw.mutate(withdrawing.id)}>
                {t("consents.withdraw")}
              </Button>
            </Group>
          </Stack>
        )}
      </AppModal>
    </Card>
  );
}
