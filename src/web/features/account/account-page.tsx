import { Alert, Button, Card, Code, PasswordInput, Stack, Text, TextInput, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Me } from "../../../features/users/schema";
import { api } from "../../api/client";
import { PageHeader } from "../../ui/page-header";
import { fieldErrorsOf, ProblemAlert } from "../../ui/problem-alert";

function PasswordChange() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [currentPassword, setCurrent] = useState("");
  const [newPassword, setNew] = useState("");
  const change = useMutation({
    mutationFn: () => api("POST", "/api/v1/auth/password", { currentPassword, newPassword }),
    onSuccess: async () => {
      setCurrent("");
      setNew("");
      notifications.show({ color: "green", message: t("account.passwordChanged") });
      await queryClient.invalidateQueries({ queryKey: ["me"] });
    },
  });
  const errors = fieldErrorsOf(change.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    change.mutate();
  };
  return (
    <Card withBorder>
      <Stack component="form" onSubmit={submit} gap="sm" maw={420}>
        <Title order={3} size="h5">
          {t("account.changePassword")}
        </Title>
        <PasswordInput
          label={t("account.currentPassword")}
          value={currentPassword}
          onChange={(e) => setCurrent(e.currentTarget.value)}
          autoComplete="current-password"
          required
          error={errors.currentPassword}
        />
        <PasswordInput
          label={t("account.newPassword")}
          value={newPassword}
          onChange={(e) => setNew(e.currentTarget.value)}
          autoComplete="new-password"
          required
          error={errors.newPassword}
        />
        <ProblemAlert error={Object.keys(errors).length ? null : change.error} />
        <Button type="submit" loading={change.isPending}>
          {t("account.changePassword")}
        </Button>
      </Stack>
    </Card>
  );
}

function TwoFactor({ me }: { me: Me }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [setup, setSetup] = useState<{ secret: string; uri: string } | null>(null);
  const [code, setCode] = useState("");
  const start = useMutation({
    mutationFn: () => api<{ secret: string; uri: string }>("POST", "/api/v1/auth/totp/setup"),
    onSuccess: setSetup,
  });
  const enable = useMutation({
    mutationFn: () => api("POST", "/api/v1/auth/totp/enable", { code }),
    onSuccess: async () => {
      setSetup(null);
      notifications.show({ color: "green", message: t("account.totpEnabled") });
      await queryClient.invalidateQueries({ queryKey: ["me"] });
    },
  });
  return (
    <Card withBorder>
      <Stack gap="sm" maw={420}>
        <Title order={3} size="h5">
          {t("account.totpTitle")}
        </Title>
        <Text size="sm">{me.totpEnabled ? t("account.totpOn") : t("account.totpOff")}</Text>
        {!me.totpEnabled && !setup && (
          <Button variant="light" onClick={() => start.mutate()} loading={start.isPending}>
            {t("account.totpStart")}
          </Button>
        )}
        {setup && (
          <Stack
            component="form"
            gap="xs"
            onSubmit={(e) => {
              e.preventDefault();
              enable.mutate();
            }}
          >
            <Text size="sm">{t("account.totpSecret")}</Text>
            <Code block>{setup.secret}</Code>
            <Text size="xs" c="dimmed" style={{ wordBreak: "break-all" }}>
              {setup.uri}
            </Text>
            <TextInput
              label="Code"
              value={code}
              onChange={(e) => setCode(e.currentTarget.value)}
              inputMode="numeric"
              maxLength={6}
              error={fieldErrorsOf(enable.error).code}
            />
            <Button type="submit" loading={enable.isPending}>
              {t("account.totpConfirm")}
            </Button>
          </Stack>
        )}
        <ProblemAlert error={start.error} />
      </Stack>
    </Card>
  );
}

export function AccountPage({ me }: { me: Me }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <PageHeader title={t("account.title")} intro={`${me.displayName} · ${me.email}`} />
      {me.mustChangePassword && (
        <Alert color="orange" role="alert">
          {t("account.mustChange")}
        </Alert>
      )}
      <PasswordChange />
      {!me.mustChangePassword && <TwoFactor me={me} />}
    </Stack>
  );
}
