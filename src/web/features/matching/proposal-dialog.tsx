import { Alert, Button, Group, List, Text, Textarea, TextInput } from "@mantine/core";
import { type SyntheticEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Match } from "../../../features/matching/schema";
import { ApiError } from "../../api/client";
import { AppForm } from "../../ui/app-form";
import { AppModal } from "../../ui/app-modal";
import { looksLikeEmail, useFormChecks } from "../../ui/form-checks";
import { notify } from "../../ui/notify";
import { fieldErrorsOf, ProblemAlert } from "../../ui/problem-alert";
import { usePropose } from "./api";
import { profileFields } from "./constants";
import { PersonConsentsLink } from "./links";

function ProposalForm({ match, onDone }: { match: Match; onDone: () => void }) {
  const { t } = useTranslation();
  const propose = usePropose();
  const [to, setTo] = useState("");
  const [message, setMessage] = useState("");
  const checks = useFormChecks({ to: to.trim() === "" || looksLikeEmail(to) ? undefined : t("matching.proposal.toInvalid") });
  const errors = fieldErrorsOf(propose.error);
  // 409: the consent does not name this company. The server's German reason says what to do.
  const refused = propose.error instanceof ApiError && propose.error.status === 409 ? propose.error : null;
  const submit = (e: SyntheticEvent<HTMLElement>) => {
    if (!checks.passes(e)) return;
    propose.mutate(
      { id: match.id, input: { ...(to.trim() ? { to: to.trim() } : {}), ...(message.trim() ? { message: message.trim() } : {}) } },
      {
        onSuccess: (result) => {
          notify({ color: "green", message: t("matching.proposal.sent", { to: result.sentTo }) });
          onDone();
        },
      },
    );
  };
  return (
    <AppForm onSubmit={submit} gap="sm">
      <Text size="sm">
        {t("matching.proposal.intro", { person: match.candidateName, company: match.companyName, occupation: match.occupationName })}
      </Text>
      <div>
        <Text size="sm" fw={600} id="proposal-fields">
          {t("matching.proposal.fieldsTitle")}
        </Text>
        <List size="sm" spacing={0} aria-labelledby="proposal-fields">
          {profileFields.map((f) => (
            <List.Item key={f}>{t(`matching.proposal.fields.${f}`)}</List.Item>
          ))}
        </List>
        <Text size="sm" c="dimmed" mt={4}>
          {t("matching.proposal.notSent")}
        </Text>
      </div>
      <TextInput
        label={t("matching.proposal.to")}
        description={t("matching.proposal.toHint")}
        name="to"
        type="email"
        autoComplete="off"
        value={to}
        onChange={(e) => setTo(e.currentTarget.value)}
        onBlur={checks.onBlurOf("to")}
        error={checks.errorOf("to") ?? errors.to}
      />
      <Textarea
        label={t("matching.proposal.message")}
        description={t("matching.proposal.messageHint")}
        name="message"
        value={message}
        onChange={(e) => setMessage(e.currentTarget.value)}
        autosize
        minRows={3}
        maxLength={2000}
      />
      {refused ? (
        <Alert color="red" title={t("matching.proposal.refusedTitle")} role="alert">
          <Text size="sm">{refused.problem.detail}</Text>
          <PersonConsentsLink id={match.candidateId} size="sm" c="dark.9" underline="always">
            {t("matching.proposal.toConsents", { name: match.candidateName })}
          </PersonConsentsLink>
        </Alert>
      ) : (
        <ProblemAlert error={errors.to ? null : propose.error} />
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>
          {t("common.cancel")}
        </Button>
        <Button type="submit" loading={propose.isPending}>
          {t("matching.proposal.send")}
        </Button>
      </Group>
    </AppForm>
  );
}

/** "Profil an Betrieb senden": says which fields go out, recipient optional (else the company's contact), a message. */
export function ProposalDialog({ match, opened, onClose }: { match: Match; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <AppModal opened={opened} onClose={onClose} title={t("matching.proposal.title")} size="lg">
      {opened && <ProposalForm match={match} onDone={onClose} />}
    </AppModal>
  );
}
