import { Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client";
import { LanguageSwitch } from "../../ui/language-switch";
import { fieldErrorsOf, ProblemAlert } from "../../ui/problem-alert";

export function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [code, setCode] = useState("");
  const [needsCode, setNeedsCode] = useState(false);

  const done = async () => {
    // A "nobody signed in" answer may be cached from the redirect here: start afresh.
    await queryClient.resetQueries({ queryKey: ["me"] });
    await navigate({ to: "/" });
  };
  const login = useMutation({
    mutationFn: () => api<{ secondFactorRequired: boolean }>("POST", "/api/v1/auth/login", { email, password }),
    onSuccess: async (r) => (r.secondFactorRequired ? setNeedsCode(true) : done()),
  });
  const verify = useMutation({ mutationFn: () => api("POST", "/api/v1/auth/totp/verify", { code }), onSuccess: done });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (needsCode) verify.mutate();
    else login.mutate();
  };

  return (
    <Center mih="100vh" p="md">
      <Paper withBorder shadow="sm" p="xl" w={400} component="main">
        <Stack component="form" onSubmit={submit} gap="md">
          <div>
            <Title order={1} size="h2">
              {t("app.name")}
            </Title>
            <Text c="dimmed" size="sm">
              {t("app.tagline")}
            </Text>
          </div>
          <Title order={2} size="h4">
            {needsCode ? t("login.codeTitle") : t("login.title")}
          </Title>
          {needsCode ? (
            <>
              <Text size="sm">{t("login.codeHint")}</Text>
              <TextInput
                label={t("login.code")}
                value={code}
                onChange={(e) => setCode(e.currentTarget.value)}
                inputMode="numeric"
                autoComplete="one-time-code"
                maxLength={6}
                required
                autoFocus
                error={fieldErrorsOf(verify.error).code}
              />
              <ProblemAlert error={verify.error && !fieldErrorsOf(verify.error).code ? verify.error : null} />
              <Button type="submit" loading={verify.isPending}>
                {t("login.confirm")}
              </Button>
            </>
          ) : (
            <>
              <TextInput
                label={t("login.email")}
                type="email"
                value={email}
                onChange={(e) => setEmail(e.currentTarget.value)}
                autoComplete="username"
                required
                autoFocus
              />
              <PasswordInput
                label={t("login.password")}
                value={password}
                onChange={(e) => setPassword(e.currentTarget.value)}
                autoComplete="current-password"
                required
              />
              <ProblemAlert error={login.error} />
              <Button type="submit" loading={login.isPending}>
                {t("login.submit")}
              </Button>
            </>
          )}
          <LanguageSwitch />
        </Stack>
      </Paper>
    </Center>
  );
}
