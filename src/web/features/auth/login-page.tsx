import { Button, Center, Paper, Text, TextInput, Title } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { type SyntheticEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client";
import { AppForm } from "../../ui/app-form";
import { looksLikeEmail, useFormChecks } from "../../ui/form-checks";
import { LanguageSwitch } from "../../ui/language-switch";
import { PasswordField } from "../../ui/password-field";
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

  const credentials = useFormChecks({
    email: !email.trim() ? t("validation.required") : looksLikeEmail(email) ? undefined : t("validation.email"),
    password: password ? undefined : t("validation.required"),
  });
  const secondFactor = useFormChecks({ code: /^\d{6}$/.test(code.trim()) ? undefined : t("validation.code") });
  const loginErrors = fieldErrorsOf(login.error);
  const codeErrors = fieldErrorsOf(verify.error);

  const submit = (e: SyntheticEvent<HTMLElement>) => {
    if (needsCode) {
      if (secondFactor.passes(e)) verify.mutate();
    } else if (credentials.passes(e)) login.mutate();
  };

  return (
    <Center mih="100vh" p="md">
      <Paper withBorder shadow="sm" p="xl" w={400} maw="100%" component="main" id="main">
        <AppForm onSubmit={submit} gap="md">
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
                name="code"
                value={code}
                onChange={(e) => setCode(e.currentTarget.value)}
                onBlur={secondFactor.onBlurOf("code")}
                inputMode="numeric"
                autoComplete="one-time-code"
                maxLength={6}
                required
                autoFocus
                error={secondFactor.errorOf("code") ?? codeErrors.code}
              />
              <ProblemAlert error={verify.error && !codeErrors.code ? verify.error : null} />
              <Button type="submit" loading={verify.isPending}>
                {t("login.confirm")}
              </Button>
            </>
          ) : (
            <>
              <TextInput
                label={t("login.email")}
                name="email"
                type="email"
                value={email}
                onChange={(e) => setEmail(e.currentTarget.value)}
                onBlur={credentials.onBlurOf("email")}
                autoComplete="username"
                required
                autoFocus
                error={credentials.errorOf("email") ?? loginErrors.email}
              />
              <PasswordField
                label={t("login.password")}
                name="password"
                value={password}
                onChange={(e) => setPassword(e.currentTarget.value)}
                onBlur={credentials.onBlurOf("password")}
                autoComplete="current-password"
                required
                error={credentials.errorOf("password") ?? loginErrors.password}
              />
              <ProblemAlert error={login.error && !Object.keys(loginErrors).length ? login.error : null} />
              <Button type="submit" loading={login.isPending}>
                {t("login.submit")}
              </Button>
            </>
          )}
          <LanguageSwitch />
        </AppForm>
      </Paper>
    </Center>
  );
}
