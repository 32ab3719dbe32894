import { Badge, Box, Button, Card, Center, Group, Loader, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { CheckField, TemplateDiff } from "../../../features/chains/schema";
import { ProblemAlert } from "../../ui/problem-alert";
import { useTemplateDiff } from "./api";
import { useChainText } from "./chain-text";
import { TemplateLink } from "./links";
import { ToCheckBadge } from "./step-path";

type DiffStep = TemplateDiff["steps"][number];
type Brief = NonNullable<DiffStep["source"]>;
const changeColors: Record<DiffStep["change"], string> = { added: "green", removed: "red", changed: "blue", unchanged: "gray" };

/** One side of a step: number, title, lead, organisation and contact; on the draft's side the marks and their buttons. */
function Side({
  brief,
  label,
  toCheck,
  busy,
  onConfirm,
  onEdit,
}: {
  brief: Brief | null;
  label: string;
  toCheck?: CheckField[];
  busy?: boolean;
  onConfirm?: (field: CheckField) => void;
  onEdit?: () => void;
}) {
  const { t } = useTranslation();
  const text = useChainText();
  if (!brief) {
    return (
      <Box p="xs" bg="var(--mantine-color-gray-0)" style={{ borderRadius: "var(--mantine-radius-sm)" }}>
        <Text size="xs" fw={700} c="dimmed" tt="uppercase">
          {label}
        </Text>
        <Text size="sm">{t("chains.diff.absent")}</Text>
      </Box>
    );
  }
  const marks = toCheck ?? [];
  const confirm = (field: CheckField) =>
    onConfirm && (
      <Button
        size="compact-xs"
        variant="default"
        loading={busy}
        onClick={() => onConfirm(field)}
        aria-label={t("chains.diff.confirmLabel", { field: t(`chains.checkFields.${field}`), title: brief.title })}
      >
        {t("chains.diff.confirm")}
      </Button>
    );
  const field = (f: CheckField, title: string, value: string | null) => (
    <Box>
      <Group gap={6}>
        <Text size="xs" fw={700} c="dimmed">
          {title}
        </Text>
        {marks.includes(f) && <ToCheckBadge />}
        {marks.includes(f) && confirm(f)}
      </Group>
      <Text size="sm" style={{ overflowWrap: "anywhere" }}>
        {value ?? "–"}
      </Text>
    </Box>
  );
  return (
    <Stack
      gap={4}
      p="xs"
      style={{
        borderRadius: "var(--mantine-radius-sm)",
        border: `1px solid var(--mantine-color-${marks.length ? "orange-6" : "default-border"})`,
      }}
    >
      <Text size="xs" fw={700} c="dimmed" tt="uppercase">
        {label}
      </Text>
      <Text size="sm" fw={600} style={{ overflowWrap: "anywhere" }}>
        {brief.position}. {brief.title}
      </Text>
      {marks.includes("step") && (
        <Group gap={6}>
          <Text size="sm">{t("chains.diff.stepMark")}</Text>
          <ToCheckBadge />
          {confirm("step")}
        </Group>
      )}
      <Text size="sm">{t("chains.step.lead", { actor: text.actor(brief.leadActor) })}</Text>
      {field("organisation", t("chains.step.organisation"), brief.organisationName)}
      {field("contact", t("chains.step.contact"), brief.organisationContact)}
      {onEdit && (
        <Group>
          <Button size="compact-xs" variant="default" onClick={onEdit} aria-label={t("chains.step.editLabel", { title: brief.title })}>
            {t("chains.step.edit")}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

/**
 * A transferred draft beside its source: per step what was added, removed or changed, and the fields still
 * "zu prüfen", each with a button to confirm it as it stands (or the step's form to change it).
 */
export function TemplateDiffSection({
  templateId,
  editable,
  busy,
  onConfirm,
  onEdit,
}: {
  templateId: string;
  editable: boolean;
  busy: boolean;
  onConfirm: (stepId: string, field: CheckField) => void;
  onEdit: (stepId: string) => void;
}) {
  const { t } = useTranslation();
  const diff = useTemplateDiff(templateId, true);
  const d = diff.data;
  return (
    <Card withBorder component="section" aria-labelledby="diff-heading">
      <Title order={2} size="h4" id="diff-heading" mb={4}>
        {t("chains.diff.title")}
      </Title>
      <ProblemAlert error={diff.error} />
      {diff.isPending && (
        <Center mih={120}>
          <Loader aria-label={t("common.loading")} />
        </Center>
      )}
      {d && (
        <Stack gap="sm">
          <Text size="sm">
            {t("chains.diff.intro", { version: d.sourceVersion })}{" "}
            <TemplateLink id={d.sourceId} size="sm">
              {d.sourceName}
            </TemplateLink>
          </Text>
          <Text size="sm" fw={600} role="status">
            {t("chains.diff.counts", {
              added: d.counts.added,
              removed: d.counts.removed,
              changed: d.counts.changed,
              unchanged: d.counts.unchanged,
            })}{" "}
            {d.counts.toCheck > 0 ? t("chains.diff.toCheckCount", { count: d.counts.toCheck }) : t("chains.diff.allChecked")}
          </Text>
          <Stack component="ol" gap="sm" p={0} m={0} aria-label={t("chains.diff.listLabel")} style={{ listStyle: "none" }}>
            {d.steps.map((s) => {
              const target = s.target;
              const brief = target ?? s.source;
              // A step that is the same on both sides and has nothing to check takes one line.
              if (s.change === "unchanged" && s.toCheck.length === 0 && brief) {
                return (
                  <Group component="li" key={`${s.source?.id ?? ""}-${target?.id ?? ""}`} gap="xs" wrap="nowrap" align="flex-start">
                    <Badge variant="light" color={changeColors.unchanged} style={{ flexShrink: 0 }}>
                      {t("chains.diff.changes.unchanged")}
                    </Badge>
                    <Text size="sm" style={{ overflowWrap: "anywhere" }}>
                      {brief.position}. {brief.title}
                    </Text>
                  </Group>
                );
              }
              return (
                <Box component="li" key={`${s.source?.id ?? ""}-${target?.id ?? ""}`}>
                  <Group gap="xs" mb={4}>
                    <Badge variant="light" color={changeColors[s.change]}>
                      {t(`chains.diff.changes.${s.change}`)}
                    </Badge>
                    {s.fields.length > 0 && (
                      <Text size="xs" c="dimmed">
                        {t("chains.diff.changedFields", {
                          fields: s.fields.map((f) => t(`chains.diff.fields.${f}`, { defaultValue: f })).join(", "),
                        })}
                      </Text>
                    )}
                  </Group>
                  <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
                    <Side brief={s.source} label={t("chains.diff.source")} />
                    <Side
                      brief={target}
                      label={t("chains.diff.target")}
                      toCheck={s.toCheck}
                      busy={busy}
                      onConfirm={editable && target ? (f) => onConfirm(target.id, f) : undefined}
                      onEdit={editable && target ? () => onEdit(target.id) : undefined}
                    />
                  </SimpleGrid>
                </Box>
              );
            })}
          </Stack>
        </Stack>
      )}
    </Card>
  );
}
