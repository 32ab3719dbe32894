import { Anchor, Button, Card, Group, Stack, Text, TextInput, Title } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { type SyntheticEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Contact, ContactInput } from "../../../features/companies/schema";
import { api } from "../../api/client";
import { AppForm } from "../../ui/app-form";
import { AppModal } from "../../ui/app-modal";
import { looksLikeEmail, useFormChecks } from "../../ui/form-checks";
import { notify } from "../../ui/notify";
import { fieldErrorsOf, ProblemAlert } from "../../ui/problem-alert";
import { useContacts, useRefreshCompanies } from "./api";

function ContactForm({
  initial,
  pending,
  error,
  onSubmit,
  onCancel,
}: {
  initial?: Contact;
  pending: boolean;
  error: unknown;
  onSubmit: (v: ContactInput) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [v, setV] = useState({
    name: initial?.name ?? "",
    function: initial?.function ?? "",
    phone: initial?.phone ?? "",
    email: initial?.email ?? "",
    preferredLanguage: initial?.preferredLanguage ?? "",
  });
  const checks = useFormChecks({
    name: v.name.trim().length < 2 ? t("companies.contacts.nameRequired") : undefined,
    phone: v.phone.trim() && !/^[+\d][\d\s/()-]*$/.test(v.phone.trim()) ? t("companies.contacts.phoneFormat") : undefined,
    email: v.email.trim() && !looksLikeEmail(v.email) ? t("validation.email") : undefined,
  });
  const errors = fieldErrorsOf(error);
  const field = (name: keyof typeof v, label: string, extra: Record<string, unknown> = {}) => (
    <TextInput
      label={label}
      name={name}
      value={v[name]}
      onChange={(e) => {
        const value = e.currentTarget.value;
        setV((o) => ({ ...o, [name]: value }));
      }}
      onBlur={checks.onBlurOf(name)}
      error={checks.errorOf(name) ?? errors[name]}
      {...extra}
    />
  );
  const submit = (e: SyntheticEvent<HTMLElement>) => {
    if (!checks.passes(e)) return;
    const text = (s: string) => s.trim() || null;
    onSubmit({
      name: v.name.trim(),
      function: text(v.function),
      phone: text(v.phone),
      email: text(v.email),
      preferredLanguage: text(v.preferredLanguage),
    });
  };
  return (
    <AppForm onSubmit={submit} gap="sm">
      {field("name", t("companies.contacts.name"), { required: true, autoComplete: "off" })}
      {field("function", t("companies.contacts.function"))}
      {field("phone", t("companies.contacts.phone"), { type: "tel", autoComplete: "off" })}
      {field("email", t("companies.contacts.email"), { type: "email", autoComplete: "off" })}
      {field("preferredLanguage", t("companies.contacts.language"))}
      <ProblemAlert error={error} />
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>
          {t("common.cancel")}
        </Button>
        <Button type="submit" loading={pending}>
          {t("common.save")}
        </Button>
      </Group>
    </AppForm>
  );
}

/** The company's contact persons: add, change, delete (after a confirm). */
export function CompanyContacts({ companyId, companyName }: { companyId: string; companyName: string }) {
  const { t } = useTranslation();
  const contacts = useContacts(companyId);
  const refresh = useRefreshCompanies();
  const [editing, setEditing] = useState<Contact | "new" | null>(null);
  const [deleting, setDeleting] = useState<Contact | null>(null);
  const save = useMutation({
    mutationFn: (v: { id?: string; input: ContactInput }) =>
      v.id
        ? api<Contact>("PUT", `/api/v1/companies/${companyId}/contacts/${v.id}`, v.input)
        : api<Contact>("POST", `/api/v1/companies/${companyId}/contacts`, v.input),
    onSuccess: async (c) => {
      setEditing(null);
      notify({ color: "green", message: t("companies.contacts.saved", { name: c.name }) });
      await refresh();
    },
  });
  const remove = useMutation({
    mutationFn: (c: Contact) => api("DELETE", `/api/v1/companies/${companyId}/contacts/${c.id}`),
    onSuccess: async () => {
      setDeleting(null);
      await refresh();
    },
  });
  const items = contacts.data?.items ?? [];
  return (
    <Card withBorder component="section" aria-labelledby="contacts-heading">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4" id="contacts-heading">
          {t("companies.contacts.title")}
        </Title>
        <Button
          size="xs"
          variant="light"
          onClick={() => {
            save.reset();
            setEditing("new");
          }}
        >
          {t("companies.contacts.add")}
        </Button>
      </Group>
      <ProblemAlert error={contacts.error} />
      {contacts.data && items.length === 0 && (
        <Text size="sm" c="dimmed">
          {t("companies.contacts.empty")}
        </Text>
      )}
      <Stack gap="sm">
        {items.map((c) => (
          <Group key={c.id} justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
            <Stack gap={0} style={{ minWidth: 0 }}>
              <Text fw={600}>{c.name}</Text>
              {c.function && <Text size="sm">{c.function}</Text>}
              {c.phone && (
                <Anchor href={`tel:${c.phone.replace(/[^\d+]/g, "")}`} size="sm">
                  {c.phone}
                </Anchor>
              )}
              {c.email && (
                <Anchor href={`mailto:${c.email}`} size="sm" style={{ overflowWrap: "anywhere" }}>
                  {c.email}
                </Anchor>
              )}
              {c.preferredLanguage && (
                <Text size="xs" c="dimmed">
                  {t("companies.contacts.languageValue", { language: c.preferredLanguage })}
                </Text>
              )}
            </Stack>
            <Group gap={4} wrap="nowrap">
              <Button
                size="compact-xs"
                variant="subtle"
                aria-label={`${t("common.edit")}: ${c.name}`}
                onClick={() => {
                  save.reset();
                  setEditing(c);
                }}
              >
                {t("common.edit")}
              </Button>
              <Button
                size="compact-xs"
                variant="subtle"
                color="red"
                aria-label={`${t("companies.contacts.delete")}: ${c.name}`}
                onClick={() => {
                  remove.reset();
                  setDeleting(c);
                }}
              >
                {t("companies.contacts.delete")}
              </Button>
            </Group>
          </Group>
        ))}
      </Stack>
      <AppModal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === "new" ? t("companies.contacts.addTo", { name: companyName }) : t("companies.contacts.edit")}
      >
        {editing && (
          <ContactForm
            initial={editing === "new" ? undefined : editing}
            pending={save.isPending}
            error={save.error}
            onSubmit={(input) => save.mutate({ id: editing === "new" ? undefined : editing.id, input })}
            onCancel={() => setEditing(null)}
          />
        )}
      </AppModal>
      <AppModal opened={deleting !== null} onClose={() => setDeleting(null)} title={t("companies.contacts.deleteTitle")}>
        <Stack gap="sm">
          <Text>{t("companies.contacts.deleteConfirm", { name: deleting?.name ?? "" })}</Text>
          <ProblemAlert error={remove.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setDeleting(null)}>
              {t("common.cancel")}
            </Button>
            <Button color="red" loading={remove.isPending} onClick={() => deleting && remove.mutate(deleting)}>
              {t("companies.contacts.delete")}
            </Button>
          </Group>
        </Stack>
      </AppModal>
    </Card>
  );
}
