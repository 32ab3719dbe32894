import { ActionIcon, Anchor, Button, Card, FileInput, Group, Select, Stack, Text, Title } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { type SyntheticEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { CandidateDocument } from "../../../features/candidates/schema";
import { api } from "../../api/client";
import { AppForm } from "../../ui/app-form";
import { AppModal } from "../../ui/app-modal";
import { formatDayOf } from "../../ui/days";
import { useFormChecks } from "../../ui/form-checks";
import { fieldErrorsOf, ProblemAlert } from "../../ui/problem-alert";
import { uploadDocument, useDocuments, useRefreshCandidates } from "./api";
import { documentKinds } from "./constants";
import { notify } from "./notify";

function UploadForm({ candidateId }: { candidateId: string }) {
  const { t } = useTranslation();
  const refresh = useRefreshCandidates();
  const [file, setFile] = useState<File | null>(null);
  const [kind, setKind] = useState("cv");
  const checks = useFormChecks({ file: file ? undefined : t("documents.fileMissing") });
  const upload = useMutation({
    mutationFn: (f: File) => uploadDocument(candidateId, f, kind),
    onSuccess: async (d) => {
      notify(t("documents.uploaded", { name: d.fileName }));
      setFile(null);
      checks.reset();
      await refresh();
    },
  });
  const serverErrors = fieldErrorsOf(upload.error);
  const submit = (e: SyntheticEvent<HTMLElement>) => {
    if (checks.passes(e) && file) upload.mutate(file);
  };
  return (
    <AppForm onSubmit={submit} gap="xs">
      <Group gap="sm" align="flex-start">
        <FileInput
          name="file"
          label={t("documents.file")}
          description={t("documents.fileHint")}
          placeholder={t("documents.filePlaceholder")}
          accept="application/pdf,image/jpeg,image/png,.pdf,.jpg,.jpeg,.png"
          value={file}
          onChange={(f) => {
            setFile(f);
            upload.reset();
          }}
          clearable
          withAsterisk
          error={checks.errorOf("file") ?? serverErrors.file}
          style={{ flex: "1 1 14rem", minWidth: 0 }}
        />
        <Select
          name="kind"
          label={t("documents.kind")}
          value={kind}
          onChange={(x) => setKind(x ?? "cv")}
          data={documentKinds.map((k) => ({ value: k, label: t(`documents.kinds.${k}`) }))}
          allowDeselect={false}
          error={serverErrors.kind}
          w={{ base: "100%", xs: 180 }}
          mt={{ base: 0, xs: 22 }}
          comboboxProps={{ withinPortal: true }}
        />
      </Group>
      <ProblemAlert error={upload.error && !serverErrors.file && !serverErrors.kind ? upload.error : null} />
      <Group>
        <Button type="submit" loading={upload.isPending}>
          {t("documents.upload")}
        </Button>
      </Group>
    </AppForm>
  );
}

const sizeOf = (bytes: number, t: (k: string, o: Record<string, unknown>) => string, lang: string) => {
  const fmt = new Intl.NumberFormat(lang === "en" ? "en-GB" : "de-DE", { maximumFractionDigits: 1 });
  return bytes >= 1024 * 1024
    ? t("documents.mb", { value: fmt.format(bytes / 1024 / 1024) })
    : t("documents.kb", { value: fmt.format(Math.max(1, bytes / 1024)) });
};

/** "Dokumente": upload with its kind, the list with download (logged) and delete after a confirm. */
export function DocumentsSection({ candidateId }: { candidateId: string }) {
  const { t, i18n } = useTranslation();
  const documents = useDocuments(candidateId);
  const refresh = useRefreshCandidates();
  const [deleting, setDeleting] = useState<CandidateDocument | null>(null);
  const remove = useMutation({
    mutationFn: (id: string) => api("DELETE", `/api/v1/candidates/${candidateId}/documents/${id}`),
    onSuccess: async () => {
      notify(t("documents.deleted"));
      setDeleting(null);
      await refresh();
    },
  });
  const items = documents.data?.items ?? [];
  return (
    <Card withBorder component="section" aria-labelledby="documents-heading">
      <Title order={2} size="h4" id="documents-heading" mb={4}>
        {t("documents.title")}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t("documents.intro")}
      </Text>
      <UploadForm candidateId={candidateId} />
      <ProblemAlert error={documents.error} />
      {documents.data && items.length === 0 && (
        <Text size="sm" c="dimmed" mt="sm">
          {t("documents.empty")}
        </Text>
      )}
      {items.length > 0 && (
        <Stack component="ul" gap="xs" mt="md" p={0} m={0} style={{ listStyle: "none" }}>
          {items.map((d) => (
            <Group component="li" key={d.id} justify="space-between" wrap="nowrap" gap="xs">
              <Stack gap={0} style={{ minWidth: 0 }}>
                <Anchor
                  href={`/api/v1/candidates/${candidateId}/documents/${d.id}`}
                  download={d.fileName}
                  fw={600}
                  aria-label={t("documents.download", { name: d.fileName })}
                  style={{ overflowWrap: "anywhere" }}
                >
                  {d.fileName}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {t("documents.meta", {
                    kind: t(`documents.kinds.${d.kind}`),
                    size: sizeOf(d.sizeBytes, t, i18n.language),
                    date: formatDayOf(d.createdAt, i18n.language),
                  })}
                  {d.uploadedBy ? ` · ${t("documents.by", { name: d.uploadedBy })}` : ""}
                </Text>
              </Stack>
              <ActionIcon
                variant="subtle"
                color="red"
                onClick={() => {
                  remove.reset();
                  setDeleting(d);
                }}
                aria-label={t("documents.deleteLabel", { name: d.fileName })}
              >
                <span aria-hidden="true">×</span>
              </ActionIcon>
            </Group>
          ))}
        </Stack>
      )}
      <AppModal opened={deleting !== null} onClose={() => setDeleting(null)} title={t("documents.deleteTitle")}>
        {deleting && (
          <Stack gap="sm">
            <Text>{t("documents.deleteConfirm", { name: deleting.fileName })}</Text>
            <ProblemAlert error={remove.error} />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setDeleting(null)}>
                {t("common.cancel")}
              </Button>
              <Button color="red" loading={remove.isPending} onClick={() => remove.mutate(deleting.id)}>
                {t("documents.delete")}
              </Button>
            </Group>
          </Stack>
        )}
      </AppModal>
    </Card>
  );
}
