import { Alert, Button, Checkbox, Group, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Template } from "../../../features/chains/schema";
import { AppModal } from "../../ui/app-modal";
import { notify } from "../../ui/notify";
import { ProblemAlert } from "../../ui/problem-alert";
import { type OpenCheck, openChecksOf, usePublish } from "./api";
import { useChainText } from "./chain-text";

const keyOf = (c: OpenCheck) => `${c.stepId}|${c.field}`;

/**
 * "Veröffentlichen". While fields are still marked "zu prüfen" the server refuses (409) and names them; each
 * can then be confirmed one by one ("stimmt so") and the publication sent again with those confirmations.
 */
export function PublishDialog({ template, opened, onClose }: { template: Template; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const text = useChainText();
  const publish = usePublish(template.id);
  const [open, setOpen] = useState<OpenCheck[] | null>(null);
  const [confirmed, setConfirmed] = useState<string[]>([]);
  const [missing, setMissing] = useState(false);
  const positionOf = (stepId: string) => template.steps.find((s) => s.id === stepId)?.position ?? 0;
  const close = () => {
    publish.reset();
    setOpen(null);
    setConfirmed([]);
    setMissing(false);
    onClose();
  };
  const send = () => {
    const list = open ?? [];
    if (open && list.some((c) => !confirmed.includes(keyOf(c)))) {
      setMissing(true);
      return;
    }
    const confirm = list.filter((c) => confirmed.includes(keyOf(c))).map((c) => ({ stepId: c.stepId, field: c.field }));
    publish.mutate(confirm.length ? { confirm } : {}, {
      onSuccess: (published) => {
        notify({ color: "green", message: t("chains.publish.done", { name: published.name }) });
        close();
      },
      onError: (e) => {
        const checks = openChecksOf(e);
        if (checks) {
          setOpen(checks);
          setConfirmed((c) => c.filter((k) => checks.some((x) => keyOf(x) === k)));
        }
      },
    });
  };
  return (
    <AppModal opened={opened} onClose={close} title={t("chains.publish.title")} size="lg">
      {opened && (
        <Stack gap="sm">
          <Text size="sm">{t("chains.publish.intro", { districts: text.districts(template.districtNames, template.districts) })}</Text>
          <ProblemAlert error={publish.error} />
          {open && (
            <Stack gap={6} role="group" aria-labelledby="publish-confirm-heading">
              <Text fw={600} size="sm" id="publish-confirm-heading">
                {t("chains.publish.confirmIntro")}
              </Text>
              {open.map((c) => (
                <Checkbox
                  key={keyOf(c)}
                  label={t("chains.publish.confirmField", {
                    position: positionOf(c.stepId),
                    title: c.title,
                    field: t(`chains.checkFields.${c.field}`),
                  })}
                  checked={confirmed.includes(keyOf(c))}
                  onChange={(e) => {
                    const on = e.currentTarget.checked;
                    setMissing(false);
                    setConfirmed((list) => (on ? [...list, keyOf(c)] : list.filter((k) => k !== keyOf(c))));
                  }}
                />
              ))}
              {missing && (
                <Alert color="red" variant="light" role="alert">
                  {t("chains.publish.confirmAll")}
                </Alert>
              )}
            </Stack>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t("common.cancel")}
            </Button>
            <Button onClick={send} loading={publish.isPending}>
              {open ? t("chains.publish.retry") : t("chains.publish.submit")}
            </Button>
          </Group>
        </Stack>
      )}
    </AppModal>
  );
}
