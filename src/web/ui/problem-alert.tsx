import { Alert, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { ApiError } from "../api/client";

/** An API error as the user reads it: what happened, what to do, and the request id for support. */
export function ProblemAlert({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  const problem = error instanceof ApiError ? error.problem : { title: t("error.title"), detail: String(error), requestId: undefined };
  return (
    <Alert color="red" title={problem.title} role="alert">
      {problem.detail && <Text size="sm">{problem.detail}</Text>}
      {problem.requestId && (
        <Text size="xs" c="dimmed" mt={4}>
          {t("common.requestId")}: {problem.requestId}
        </Text>
      )}
    </Alert>
  );
}

/** Field errors of a 422 answer, for the form fields' `error` props. */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError) || !error.problem.errors) return {};
  return Object.fromEntries(Object.entries(error.problem.errors).map(([k, v]) => [k.split(".")[0] as string, v.join(" ")]));
}
