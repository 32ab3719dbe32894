import { Button, FileInput, Group, Paper, Select } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { Link, useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ImportFormat } from "../../../features/imports/schema";
import { AppForm } from "../../ui/app-form";
import { useFormChecks } from "../../ui/form-checks";
import { PageHeader } from "../../ui/page-header";
import { fieldErrorsOf, ProblemAlert } from "../../ui/problem-alert";
import { formatOf, formats, uploadImport } from "./api";

/** "Betriebe importieren": choose a file and its format; the upload starts the dry run and opens its page. */
export function ImportUploadPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [file, setFile] = useState<File | null>(null);
  const [format, setFormat] = useState<ImportFormat | null>(null);
  const checks = useFormChecks({
    file: file ? undefined : t("imports.fileMissing"),
    format: format ? undefined : t("imports.formatMissing"),
  });
  const upload = useMutation({
    mutationFn: ({ file, format }: { file: File; format: ImportFormat }) => uploadImport(file, format),
    onSuccess: ({ id }) => navigate({ to: "/betriebe/import/$id", params: { id } }),
  });
  const serverErrors = fieldErrorsOf(upload.error);

  const choose = (chosen: File | null) => {
    setFile(chosen);
    const guessed = chosen ? formatOf(chosen.name) : null;
    if (guessed) setFormat(guessed);
  };

  return (
    <>
      <PageHeader
        title={t("imports.title")}
        intro={t("imports.intro")}
        actions={
          <Button component={Link} to="/betriebe" variant="default">
            {t("imports.back")}
          </Button>
        }
      />
      <Paper withBorder p="md" maw={640}>
        <AppForm
          gap="md"
          onSubmit={(e) => {
            if (!checks.passes(e) || !file || !format) return;
            upload.mutate({ file, format });
          }}
        >
          <ProblemAlert error={upload.error} />
          <FileInput
            name="file"
            label={t("imports.file")}
            description={t("imports.fileHint")}
            placeholder={t("imports.filePlaceholder")}
            accept=".csv,.txt,.xlsx,.json,text/csv,application/json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            value={file}
            onChange={choose}
            clearable
            withAsterisk
            error={checks.errorOf("file") ?? serverErrors.file}
          />
          <Select
            name="format"
            label={t("imports.format")}
            data={formats.map((f) => ({ value: f, label: t(`imports.formats.${f}`) }))}
            value={format}
            onChange={(v) => setFormat(v as ImportFormat | null)}
            allowDeselect={false}
            withAsterisk
            error={checks.errorOf("format") ?? serverErrors.format}
          />
          <Group>
            <Button type="submit" loading={upload.isPending}>
              {t("imports.submit")}
            </Button>
          </Group>
        </AppForm>
      </Paper>
    </>
  );
}
