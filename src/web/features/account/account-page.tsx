import { Alert, Button, Card, Code, Image, Stack, Text, TextInput, Title } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import QRCode from "qrcode";
import { type SyntheticEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Me } from "../../../features/users/schema";
import { api } from "../../api/client";
import { AppForm } from "../../ui/app-form";
import { minimumPasswordLength, useFormChecks } from "../../ui/form-checks";
import { notify } from "../../ui/notify";
import { PageHeader } from "../../ui/page-header";
import { PasswordField } from "../../ui/password-field";
import { fieldErrorsOf, ProblemAlert } from "../../ui/problem-alert";

function PasswordChange() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [currentPassword, setCurrent] = useState("");
  const [newPassword, setNew] = useState("");
  const checks = useFormChecks({
    currentPassword: currentPassword ? undefined : t("validation.required"),
    newPassword: !newPassword
      ? t("validation.required")
      : newPassword.length < minimumPasswordLength
        ? t("validation.passwordLength", { count: minimumPasswordLength })
        : undefined,
  });
  const change = useMutation({
    mutationFn: () => api("POST", "/api/v1/auth/password", { currentPassword, newPassword }),
    onSuccess: async () => {
      setCurrent("");
      setNew("");
      checks.reset();
      notify({ color: "green", message: t("account.passwordChanged") });
      await queryClient.invalidateQueries({ queryKey: ["me"] });
    },
  });
  const errors = fieldErrorsOf(change.error);
  const submit = (e: SyntheticEvent<HTMLElement>) => {
    if (checks.passes(e)) change.mutate();
  };
  return (
    <Card withBorder>
      <AppForm onSubmit={submit} gap="sm" maw={420}>
        <Title order={2} size="h5">
          {t("account.changePassword")}
        </Title>
        <PasswordField
          label={t("account.currentPassword")}
          name="currentPassword"
          value={currentPassword}
          onChange={(e) => setCurrent(e.currentTarget.value)}
          onBlur={checks.onBlurOf("currentPassword")}
          autoComplete="current-password"
          required
          error={checks.errorOf("currentPassword") ?? errors.currentPassword}
        />
        <PasswordField
          label={t("account.newPassword")}
          name="newPassword"
          value={newPassword}
          onChange={(e) => setNew(e.currentTarget.value)}
          onBlur={checks.onBlurOf("newPassword")}
          autoComplete="new-password"
          required
          error={checks.errorOf("newPassword") ?? errors.newPassword}
        />
        <ProblemAlert error={Object.keys(errors).length ? null : change.error} />
        <Button type="submit" loading={change.isPending}>
          {t("account.changePassword")}
        </Button>
      </AppForm>
    </Card>
  );
}

/** The otpauth:// address as a QR code image (an SVG data URL: the CSP allows images from data:). */
function TotpQrCode({ uri }: { uri: string }) {
  const { t } = useTranslation();
  const svg = useQuery({
    queryKey: ["totp-qr", uri],
    queryFn: () => QRCode.toString(uri, { type: "svg", margin: 2, errorCorrectionLevel: "M" }),
    staleTime: Number.POSITIVE_INFINITY,
  });
  if (!svg.data) return null;
  return (
    <Image
      src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg.data)}`}
      alt={t("account.totpQrAlt")}
      w={200}
      h={200}
      fit="contain"
      bg="white"
    />
  );
}

function TwoFactor({ me }: { me: Me }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [setup, setSetup] = useState<{ secret: string; uri: string } | null>(null);
  const [code, setCode] = useState("");
  const checks = useFormChecks({ code: /^\d{6}$/.test(code.trim()) ? undefined : t("validation.code") });
  const start = useMutation({
    mutationFn: () => api<{ secret: string; uri: string }>("POST", "/api/v1/auth/totp/setup"),
    onSuccess: setSetup,
  });
  const enable = useMutation({
    mutationFn: () => api("POST", "/api/v1/auth/totp/enable", { code: code.trim() }),
    onSuccess: async () => {
      setSetup(null);
      setCode("");
      checks.reset();
      notify({ color: "green", message: t("account.totpEnabled") });
      await queryClient.invalidateQueries({ queryKey: ["me"] });
    },
  });
  const codeErrors = fieldErrorsOf(enable.error);
  return (
    <Card withBorder>
      <Stack gap="sm" maw={420}>
        <Title order={2} size="h5">
          {t("account.totpTitle")}
        </Title>
        <Text size="sm">{me.totpEnabled ? t("account.totpOn") : t("account.totpOff")}</Text>
        {!me.totpEnabled && !setup && (
          <Button variant="light" onClick={() => start.mutate()} loading={start.isPending}>
            {t("account.totpStart")}
          </Button>
        )}
        {setup && (
          <AppForm
            gap="xs"
            onSubmit={(e) => {
              if (checks.passes(e)) enable.mutate();
            }}
          >
            <Text size="sm">{t("account.totpScan")}</Text>
            <TotpQrCode uri={setup.uri} />
            <Text size="sm">{t("account.totpSecret")}</Text>
            <Code block style={{ overflowWrap: "anywhere", whiteSpace: "pre-wrap" }}>
              {setup.secret}
            </Code>
            <TextInput
              label={t("login.code")}
              name="code"
              value={code}
              onChange={(e) => setCode(e.currentTarget.value)}
              onBlur={checks.onBlurOf("code")}
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={6}
              required
              error={checks.errorOf("code") ?? codeErrors.code}
            />
            <ProblemAlert error={enable.error && !codeErrors.code ? enable.error : null} />
            <Button type="submit" loading={enable.isPending}>
              {t("account.totpConfirm")}
            </Button>
          </AppForm>
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
