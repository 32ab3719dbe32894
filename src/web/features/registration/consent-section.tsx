import { Accordion, Alert, Button, Checkbox, Group, Loader, Stack, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import type { RegistrationLanguage, RegistrationTexts } from "../../../features/registration/schema";
import { FormSection } from "./form-section";
import { pageApi } from "./registration-api";
import type { PageTexts } from "./texts/page-texts";

/** "Wer ist verantwortlich? Die KAUSA …": the question in bold (each paragraph of the notice starts with one). */
function Paragraph({ text }: { text: string }) {
  const at = text.search(/[?؟]/);
  if (at < 0 || at > 120) return <Text size="sm">{text}</Text>;
  return (
    <Text size="sm">
      <strong>{text.slice(0, at + 1)}</strong>
      {text.slice(at + 1)}
    </Text>
  );
}

function Asterisk() {
  return (
    <Text span c="var(--mantine-color-error)" aria-hidden>
      {" *"}
    </Text>
  );
}

function ConsentLabel({ title, children }: { title: string; children: ReactNode }) {
  return (
    <>
      <Text span fw={700}>
        {title}
      </Text>
      {children}
    </>
  );
}

/**
 * The legal texts in the page's language (from the server, so page, paper form and PDF say the same)
 * and the two ticks the form asks for: counselling (needed) and matching (optional).
 */
export function ConsentSection({
  language,
  texts,
  counselling,
  matching,
  onCounselling,
  onMatching,
  counsellingError,
}: {
  language: RegistrationLanguage;
  texts: PageTexts;
  counselling: boolean;
  matching: boolean;
  onCounselling: (v: boolean) => void;
  onMatching: (v: boolean) => void;
  counsellingError: string | undefined;
}) {
  const legal = useQuery({
    queryKey: ["registration-texts", language],
    queryFn: () => pageApi<RegistrationTexts>(language, "GET", `/api/v1/registration/texts/${language}`),
    staleTime: Number.POSITIVE_INFINITY,
  });
  const r = texts.registration;
  return (
    <FormSection legend={legal.data?.consentTitle ?? r.consent} variant="unstyled" aria-busy={legal.isPending}>
      {legal.isPending ? (
        <Group gap="xs" role="status">
          <Loader size="sm" aria-hidden />
          <Text size="sm">{texts.messages.loading}</Text>
        </Group>
      ) : legal.error || !legal.data ? (
        <Alert color="red" title={texts.messages.errorTitle} role="alert">
          <Text size="sm">{texts.messages.textsFailed}</Text>
          <Button mt="xs" size="xs" variant="light" onClick={() => void legal.refetch()}>
            {texts.messages.reload}
          </Button>
        </Alert>
      ) : (
        <Stack gap="md">
          <div>
            <Text size="sm" mb={4}>
              {r.privacyIntro}
            </Text>
            <Accordion variant="contained" chevronPosition="right">
              <Accordion.Item value="privacy">
                <Accordion.Control>{legal.data.privacyTitle}</Accordion.Control>
                <Accordion.Panel>
                  <Stack gap="xs">
                    {legal.data.privacyNotice.map((p) => (
                      <Paragraph key={p} text={p} />
                    ))}
                  </Stack>
                </Accordion.Panel>
              </Accordion.Item>
            </Accordion>
          </div>
          {legal.data.purposes.counselling && (
            <Checkbox
              name="consentCounselling"
              checked={counselling}
              onChange={(e) => onCounselling(e.currentTarget.checked)}
              required
              label={
                <ConsentLabel title={legal.data.purposes.counselling.title}>
                  <Asterisk />
                </ConsentLabel>
              }
              description={`${legal.data.purposes.counselling.text} ${r.consentRequiredHint}`}
              error={counsellingError && <span role="alert">{counsellingError}</span>}
            />
          )}
          {legal.data.purposes.matching && (
            <Checkbox
              name="consentMatching"
              checked={matching}
              onChange={(e) => onMatching(e.currentTarget.checked)}
              label={
                <ConsentLabel title={legal.data.purposes.matching.title}>
                  <Text span c="dimmed" size="sm">
                    {" "}
                    ({r.optional})
                  </Text>
                </ConsentLabel>
              }
              description={`${legal.data.purposes.matching.text} ${r.consentOptionalHint}`}
            />
          )}
          <Text size="sm" c="dimmed">
            {legal.data.withdrawal}
          </Text>
        </Stack>
      )}
    </FormSection>
  );
}
