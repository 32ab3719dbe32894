import { Alert, Button, NativeSelect, SimpleGrid, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { type ChangeEvent, type ReactNode, type SyntheticEvent, useId, useRef, useState } from "react";
import type { RegistrationInput, RegistrationLanguage } from "../../../features/registration/schema";
import { ApiError } from "../../api/client";
import { useFormChecks } from "../../ui/form-checks";
import { ConsentSection } from "./consent-section";
import { FormSection } from "./form-section";
import { fieldMessages, type GermanLevel, germanLevels, type RegistrationValues, toRequest } from "./form-values";
import { NoConnection, pageApi } from "./registration-api";
import type { PageTexts, RegistrationField } from "./texts/page-texts";

const fields: readonly RegistrationField[] = [
  "firstName",
  "lastName",
  "birthDate",
  "email",
  "phone",
  "postalCode",
  "wish",
  "consentCounselling",
];
type TextKey = Exclude<keyof RegistrationValues, "germanLevel" | "consentCounselling" | "consentMatching">;
const isField = (k: string): k is RegistrationField => (fields as readonly string[]).includes(k);

/** The server's field messages exist in German and English only: for the other languages the page's own words per field. */
function serverFieldErrors(error: unknown, language: RegistrationLanguage, texts: PageTexts): Partial<Record<RegistrationField, string>> {
  if (!(error instanceof ApiError) || !error.problem.errors) return {};
  const out: Partial<Record<RegistrationField, string>> = {};
  for (const [key, messages] of Object.entries(error.problem.errors)) {
    const field = key.split(".")[0] ?? "";
    if (isField(field)) out[field] = language === "de" || language === "en" ? messages.join(" ") : texts.messages.check[field];
  }
  return out;
}

/** What went wrong as a whole, when it is not (only) a field: said in the page's language. */
function generalProblem(error: unknown, fieldErrors: object, texts: PageTexts): { text: string; requestId?: string } | null {
  const m = texts.messages;
  if (!error) return null;
  if (error instanceof NoConnection) return { text: m.offline };
  if (!(error instanceof ApiError)) return { text: m.failed };
  if (error.status === 429) return { text: m.tooMany };
  if (error.status === 503) return { text: m.mailFailed, requestId: error.problem.requestId };
  if (Object.keys(fieldErrors).length) return { text: m.checkFields };
  return { text: m.failed, requestId: error.problem.requestId };
}

/** A label with "(freiwillig)" for the fields that may stay empty. */
function Optional({ label, word }: { label: string; word: string }) {
  return (
    <>
      {label}{" "}
      <Text span c="dimmed" size="sm" fw={400}>
        ({word})
      </Text>
    </>
  );
}

/** An error that is read out the moment it appears. */
const alerting = (message: string | undefined): ReactNode => (message ? <span role="alert">{message}</span> : undefined);

/**
 * The registration form: few fields, labels above, required ones marked, messages at the field when it
 * is left and on submit. Addresses, numbers and dates are typed left to right also on an Arabic or
 * Persian page (so "+49 170 …" keeps its plus in front), aligned with the rest of the page.
 */
export function RegistrationForm({
  language,
  texts,
  values,
  onValues,
  onSent,
}: {
  language: RegistrationLanguage;
  texts: PageTexts;
  values: RegistrationValues;
  onValues: (update: (v: RegistrationValues) => RegistrationValues) => void;
  onSent: (email: string) => void;
}) {
  const r = texts.registration;
  const form = useRef<HTMLFormElement>(null);
  const honeypotId = useId();
  const [serverErrors, setServerErrors] = useState<Partial<Record<RegistrationField, string>>>({});
  const checks = useFormChecks(fieldMessages(values, texts.messages));
  const send = useMutation({
    mutationFn: (body: RegistrationInput) =>
      pageApi<{ status: "check_mail"; email: string }>(language, "POST", "/api/v1/registrations", body),
    onSuccess: (answer) => onSent(answer.email),
    onError: (error) => {
      const found = serverFieldErrors(error, language, texts);
      setServerErrors(found);
      const first = fields.find((f) => found[f]);
      if (first) form.current?.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
    },
  });
  const problem = generalProblem(send.error, serverErrors, texts);

  const set =
    <K extends keyof RegistrationValues>(key: K) =>
    (value: RegistrationValues[K]) => {
      onValues((v) => ({ ...v, [key]: value }));
      // A server message is about what was sent: once the field changes, it no longer applies.
      if (isField(key) && serverErrors[key]) setServerErrors((s) => Object.fromEntries(Object.entries(s).filter(([k]) => k !== key)));
    };
  const text = (key: TextKey) => (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => set(key)(e.currentTarget.value);
  const errorOf = (field: RegistrationField) => alerting(checks.errorOf(field) ?? serverErrors[field]);
  const leftToRight = { dir: "ltr", styles: { input: { textAlign: texts.dir === "rtl" ? ("right" as const) : undefined } } };

  const submit = (e: SyntheticEvent<HTMLFormElement>) => {
    if (!checks.passes(e)) return;
    setServerErrors({});
    send.mutate(toRequest(values, language));
  };

  return (
    <form ref={form} noValidate onSubmit={submit} style={{ position: "relative" }}>
      <Stack gap="lg">
        <Text size="sm">{r.requiredHint}</Text>
        <FormSection legend={r.aboutYou}>
          <Stack gap="sm">
            <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
              <TextInput
                label={r.firstName}
                name="firstName"
                value={values.firstName}
                onChange={text("firstName")}
                onBlur={checks.onBlurOf("firstName")}
                autoComplete="given-name"
                required
                error={errorOf("firstName")}
              />
              <TextInput
                label={r.lastName}
                name="lastName"
                value={values.lastName}
                onChange={text("lastName")}
                onBlur={checks.onBlurOf("lastName")}
                autoComplete="family-name"
                required
                error={errorOf("lastName")}
              />
            </SimpleGrid>
            <TextInput
              {...leftToRight}
              label={r.birthDate}
              description={r.birthDateHint}
              name="birthDate"
              value={values.birthDate}
              onChange={text("birthDate")}
              onBlur={checks.onBlurOf("birthDate")}
              autoComplete="bday"
              required
              error={errorOf("birthDate")}
            />
          </Stack>
        </FormSection>

        <FormSection legend={r.contact}>
          <Stack gap="sm">
            <TextInput
              {...leftToRight}
              label={r.email}
              description={r.emailHint}
              name="email"
              type="email"
              value={values.email}
              onChange={text("email")}
              onBlur={checks.onBlurOf("email")}
              autoComplete="email"
              required
              error={errorOf("email")}
            />
            <TextInput
              {...leftToRight}
              label={<Optional label={r.phone} word={r.optional} />}
              description={r.phoneHint}
              name="phone"
              type="tel"
              value={values.phone}
              onChange={text("phone")}
              onBlur={checks.onBlurOf("phone")}
              autoComplete="tel"
              error={errorOf("phone")}
            />
            <TextInput
              {...leftToRight}
              label={r.postalCode}
              description={r.postalCodeHint}
              name="postalCode"
              value={values.postalCode}
              onChange={text("postalCode")}
              onBlur={checks.onBlurOf("postalCode")}
              autoComplete="postal-code"
              inputMode="numeric"
              maxLength={5}
              required
              error={errorOf("postalCode")}
              maw={{ base: "100%", xs: 220 }}
            />
          </Stack>
        </FormSection>

        <FormSection legend={r.wishes}>
          <Stack gap="sm">
            <NativeSelect
              label={<Optional label={r.germanLevel} word={r.optional} />}
              name="germanLevel"
              value={values.germanLevel}
              onChange={(e) => set("germanLevel")(e.currentTarget.value as GermanLevel | "")}
              data={[{ value: "", label: r.germanLevelUnknown }, ...germanLevels.map((l) => ({ value: l, label: r.germanLevels[l] }))]}
            />
            <Textarea
              label={<Optional label={r.wish} word={r.optional} />}
              description={r.wishHint}
              name="wish"
              value={values.wish}
              onChange={text("wish")}
              onBlur={checks.onBlurOf("wish")}
              autosize
              minRows={2}
              maxRows={6}
              maxLength={300}
              error={errorOf("wish")}
            />
          </Stack>
        </FormSection>

        <ConsentSection
          language={language}
          texts={texts}
          counselling={values.consentCounselling}
          matching={values.consentMatching}
          onCounselling={set("consentCounselling")}
          onMatching={set("consentMatching")}
          counsellingError={checks.errorOf("consentCounselling") ?? serverErrors.consentCounselling}
        />

        {/* A trap for bots: people never see or reach it, so whatever is typed here came from a program. */}
        <div
          aria-hidden="true"
          style={{ position: "absolute", insetInlineStart: "-10000px", top: "auto", width: 1, height: 1, overflow: "hidden" }}
        >
          <label htmlFor={honeypotId}>Website (bitte leer lassen)</label>
          <input
            id={honeypotId}
            type="text"
            name="website"
            tabIndex={-1}
            autoComplete="off"
            value={values.website}
            onChange={text("website")}
          />
        </div>

        {problem && (
          <Alert color="red" title={texts.messages.errorTitle} role="alert">
            <Text size="sm">{problem.text}</Text>
            {problem.requestId && (
              <Text size="xs" c="dimmed" mt={4}>
                {texts.messages.requestId}: <bdi>{problem.requestId}</bdi>
              </Text>
            )}
          </Alert>
        )}
        <Button type="submit" size="md" loading={send.isPending} w={{ base: "100%", xs: "auto" }} style={{ alignSelf: "flex-start" }}>
          {r.submit}
        </Button>
      </Stack>
    </form>
  );
}
