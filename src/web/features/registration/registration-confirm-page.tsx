import { Button, Loader, Paper, Stack, Text, Title } from "@mantine/core";
import { Link } from "@tanstack/react-router";
import { useEffect, useState } from "react";
import type { RegistrationLanguage } from "../../../features/registration/schema";
import { ApiError } from "../../api/client";
import { searchText } from "../../ui/search-params";
import { pageApi } from "./registration-api";
import { RegistrationFrame, usePageLanguage } from "./registration-frame";

type Outcome = "confirmed" | "alreadyConfirmed" | "unknown" | "expired" | "failed";

/**
 * One request per link and page load, however often React runs the effect (StrictMode mounts twice)
 * or the language is switched meanwhile; the server would answer a second one with "already confirmed".
 */
const confirmations = new Map<string, Promise<Outcome>>();

function confirmOnce(token: string, language: RegistrationLanguage): Promise<Outcome> {
  let pending = confirmations.get(token);
  if (!pending) {
    pending = pageApi<{ status: "confirmed" | "already_confirmed" }>(language, "POST", "/api/v1/registrations/confirm", { token }).then(
      (r): Outcome => (r.status === "confirmed" ? "confirmed" : "alreadyConfirmed"),
      (e: unknown): Outcome => {
        if (!(e instanceof ApiError)) return "failed";
        // A link cut short in the mail program fails the token's format check: to the reader, an unknown link.
        if (e.status === 404 || e.status === 400 || e.status === 422) return "unknown";
        return e.status === 410 ? "expired" : "failed";
      },
    );
    confirmations.set(token, pending);
  }
  return pending;
}

/** `/registrieren/bestaetigen?token=…`: the link from the mail finishes the registration. */
export function RegistrationConfirmPage() {
  const { language, texts, search } = usePageLanguage();
  const token = searchText(search.token) ?? "";
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [attempt, setAttempt] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the language only words the server's messages; a switch must not send again, and `attempt` asks for exactly that.
  useEffect(() => {
    if (!token) return;
    let shown = true;
    void confirmOnce(token, language).then((o) => shown && setOutcome(o));
    return () => {
      shown = false;
    };
  }, [token, attempt]);

  const retry = () => {
    confirmations.delete(token);
    setOutcome(null);
    setAttempt((n) => n + 1);
  };

  const c = texts.confirm;
  const result = !token ? c.missing : outcome === null ? null : c[outcome];
  const toRegistration = (
    <Button component={Link} to="/registrieren" search={{ lang: language } as never} variant="light" style={{ alignSelf: "flex-start" }}>
      {c.toRegistration}
    </Button>
  );
  return (
    <RegistrationFrame path="/registrieren/bestaetigen" title={result?.title ?? c.title}>
      <Paper withBorder p="lg" radius="md">
        {/* One live region from the start: the result replaces "we are confirming" and is read out. */}
        <Stack gap="sm" role="status">
          {result ? (
            <>
              <Title order={1} size="h2">
                {result.title}
              </Title>
              <Text>{result.text}</Text>
            </>
          ) : (
            <>
              <Title order={1} size="h2">
                {c.title}
              </Title>
              <Stack gap="xs" align="flex-start">
                <Loader size="sm" aria-hidden />
                <Text>{c.working}</Text>
              </Stack>
            </>
          )}
        </Stack>
        {(!token || outcome === "unknown" || outcome === "expired") && <Stack mt="md">{toRegistration}</Stack>}
        {outcome === "failed" && (
          <Button mt="md" onClick={retry}>
            {c.retry}
          </Button>
        )}
      </Paper>
    </RegistrationFrame>
  );
}
