import { Button, List, Paper, Stack, Text, Title } from "@mantine/core";
import { useEffect, useRef, useState } from "react";
import { emptyValues, type RegistrationValues } from "./form-values";
import { rememberLanguage } from "./languages";
import { RegistrationForm } from "./registration-form";
import { RegistrationFrame, usePageLanguage } from "./registration-frame";
import type { PageTexts } from "./texts/page-texts";

/** "Wir haben eine E-Mail an {email} geschickt.": the address set apart, so it reads left to right inside Arabic or Persian. */
function SentTo({ template, email }: { template: string; email: string }) {
  const [before, after] = template.split("{email}");
  return (
    <Text>
      {before}
      <bdi dir="ltr" style={{ fontWeight: 700, overflowWrap: "anywhere" }}>
        {email}
      </bdi>
      {after}
    </Text>
  );
}

function CheckMail({ texts, email, onBack }: { texts: PageTexts; email: string; onBack: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  // The form is gone: the reader (and the screen reader) continues at the news.
  useEffect(() => heading.current?.focus(), []);
  return (
    <Paper withBorder p="lg" radius="md">
      <Stack gap="sm">
        <Title order={2} size="h3" ref={heading} tabIndex={-1} style={{ outlineOffset: 4 }}>
          {texts.success.title}
        </Title>
        <SentTo template={texts.success.sentTo} email={email} />
        <List spacing={4}>
          {texts.success.steps.map((s) => (
            <List.Item key={s}>{s}</List.Item>
          ))}
        </List>
        <Button variant="subtle" onClick={onBack} style={{ alignSelf: "flex-start" }} px={0}>
          {texts.success.back}
        </Button>
      </Stack>
    </Paper>
  );
}

/** `/registrieren`: young people sign up for counselling themselves, in one of five languages, without an account. */
export function RegistrationPage() {
  const { language, texts } = usePageLanguage();
  const [values, setValues] = useState<RegistrationValues>(emptyValues);
  const [sentTo, setSentTo] = useState<string | null>(null);
  // The link in the mail names no language: the confirmation page on this device takes it from here.
  useEffect(() => rememberLanguage(language), [language]);
  const r = texts.registration;
  return (
    <RegistrationFrame path="/registrieren" title={r.title}>
      <Stack gap="md">
        <div>
          <Title order={1} size="h2" mb="xs">
            {r.title}
          </Title>
          {r.intro.map((p) => (
            <Text key={p} mb={4}>
              {p}
            </Text>
          ))}
        </div>
        {sentTo ? (
          <CheckMail texts={texts} email={sentTo} onBack={() => setSentTo(null)} />
        ) : (
          <RegistrationForm language={language} texts={texts} values={values} onValues={setValues} onSent={setSentTo} />
        )}
      </Stack>
    </RegistrationFrame>
  );
}
