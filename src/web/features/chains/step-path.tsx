import { Badge, Box, Button, Card, Group, List, SimpleGrid, Stack, Text, Title, VisuallyHidden } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { ChainStep } from "../../../features/chains/schema";
import { formatDay } from "../../ui/days";
import { useChainText } from "./chain-text";

/** A field still to check after a transfer: an orange mark that says so in words. */
export function ToCheckBadge() {
  const { t } = useTranslation();
  return (
    <Badge size="sm" variant="filled" color="orange.3" c="black">
      {t("chains.toCheck")}
    </Badge>
  );
}

/** The step's number in a circle (decorative: the ordered list numbers the steps for screen readers). */
export function StepNumber({ n }: { n: number }) {
  return (
    <Box
      aria-hidden="true"
      w={32}
      h={32}
      style={{
        flexShrink: 0,
        borderRadius: "50%",
        display: "grid",
        placeItems: "center",
        fontWeight: 700,
        background: "var(--mantine-color-blue-8)",
        color: "white",
      }}
    >
      {n}
    </Box>
  );
}

function Row({ label, children, marked }: { label: string; children: ReactNode; marked?: boolean }) {
  return (
    <Box>
      <Group gap={6}>
        <Text size="xs" fw={700} c="dimmed" tt="uppercase">
          {label}
        </Text>
        {marked && <ToCheckBadge />}
      </Group>
      <Box fz="sm" style={{ overflowWrap: "anywhere" }}>
        {children}
      </Box>
    </Box>
  );
}

/** One step of a template: who leads it, the district's organisation, documents, law, deadlines in words, when it applies. */
function StepCard({ step, actions }: { step: ChainStep; actions?: ReactNode }) {
  const { t, i18n } = useTranslation();
  const text = useChainText();
  const lang = i18n.language;
  const marked = (f: ChainStep["toCheck"][number]) => step.toCheck.includes(f);
  const validity =
    step.legalValidFrom || step.legalValidTo
      ? t(step.legalValidTo ? "chains.step.validFromTo" : "chains.step.validFrom", {
          from: step.legalValidFrom ? formatDay(step.legalValidFrom, lang) : "–",
          to: step.legalValidTo ? formatDay(step.legalValidTo, lang) : "",
        })
      : null;
  return (
    <Card
      component="li"
      withBorder
      padding="sm"
      style={step.toCheck.length ? { borderLeft: "4px solid var(--mantine-color-orange-6)" } : undefined}
    >
      <Group align="flex-start" gap="sm" wrap="nowrap">
        <StepNumber n={step.position} />
        <Stack gap="xs" style={{ flex: 1, minWidth: 0 }}>
          <Group gap="xs" justify="space-between" align="flex-start">
            <Title order={3} size="h5" id={`step-${step.id}-title`} style={{ overflowWrap: "anywhere", flex: "1 1 16rem" }}>
              <VisuallyHidden component="span">{`${step.position}. `}</VisuallyHidden>
              {step.title}
            </Title>
            <Group gap={4}>
              {step.local && (
                <Badge size="sm" variant="light" color="grape">
                  {t("chains.step.local")}
                </Badge>
              )}
              {step.candidateFacing && (
                <Badge size="sm" variant="light" color="teal">
                  {t("chains.step.candidateFacing")}
                </Badge>
              )}
              {marked("step") && <ToCheckBadge />}
            </Group>
          </Group>
          {step.description && (
            <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
              {step.description}
            </Text>
          )}
          <Text size="sm">
            <Text span fw={600} size="sm">
              {t("chains.step.lead", { actor: text.actor(step.leadActor) })}
            </Text>
            {step.supportingActors.length > 0 &&
              ` · ${t("chains.step.with", { actors: step.supportingActors.map(text.actor).join(", ") })}`}
          </Text>
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm" verticalSpacing="xs">
            <Row label={t("chains.step.organisation")} marked={marked("organisation")}>
              {step.organisationName ?? "–"}
            </Row>
            <Row label={t("chains.step.contact")} marked={marked("contact")}>
              {step.organisationContact ?? "–"}
            </Row>
            <Row label={t("chains.step.deadlines")}>
              {step.deadlines.length === 0 ? (
                t("chains.step.noDeadline")
              ) : (
                <List size="sm" spacing={2}>
                  {step.deadlines.map((d) => (
                    <List.Item key={`${d.kind}-${d.amount}-${d.unit}-${d.direction}-${d.anchor}-${d.label ?? ""}`}>
                      {text.labelledRule(d)}
                    </List.Item>
                  ))}
                </List>
              )}
              {step.typicalDurationDays !== null && (
                <Text size="xs" c="dimmed">
                  {t("chains.step.duration", { count: step.typicalDurationDays })}
                </Text>
              )}
            </Row>
            <Row label={t("chains.step.conditions")}>{text.conditions(step.conditions).join(" · ")}</Row>
            {step.documents.length > 0 && (
              <Row label={t("chains.step.documents")}>
                <List size="sm" spacing={2}>
                  {step.documents.map((d) => (
                    <List.Item key={d}>{d}</List.Item>
                  ))}
                </List>
              </Row>
            )}
            {step.legalBasis && (
              <Row label={t("chains.step.legalBasis")}>
                {step.legalBasis}
                {validity ? ` (${validity})` : ""}
              </Row>
            )}
          </SimpleGrid>
          {actions}
        </Stack>
      </Group>
    </Card>
  );
}

/** The template's steps as a numbered path; `actionsOf` adds a step's buttons (drafts only). */
export function StepPath({
  steps,
  label,
  actionsOf,
}: {
  steps: ChainStep[];
  label: string;
  actionsOf?: (step: ChainStep, index: number) => ReactNode;
}) {
  return (
    <Stack component="ol" gap="sm" p={0} m={0} aria-label={label} style={{ listStyle: "none" }}>
      {steps.map((s, i) => (
        <StepCard key={s.id} step={s} actions={actionsOf?.(s, i)} />
      ))}
    </Stack>
  );
}

/** A draft step's buttons: edit, move up or down, remove. */
export function StepActions({
  title,
  first,
  last,
  busy,
  onEdit,
  onUp,
  onDown,
  onRemove,
}: {
  title: string;
  first: boolean;
  last: boolean;
  busy: boolean;
  onEdit: () => void;
  onUp: () => void;
  onDown: () => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Group gap={6}>
      <Button size="compact-sm" variant="light" onClick={onEdit} aria-label={t("chains.step.editLabel", { title })}>
        {t("chains.step.edit")}
      </Button>
      <Button size="compact-sm" variant="default" onClick={onUp} disabled={first || busy} aria-label={t("chains.step.upLabel", { title })}>
        {t("chains.step.up")}
      </Button>
      <Button
        size="compact-sm"
        variant="default"
        onClick={onDown}
        disabled={last || busy}
        aria-label={t("chains.step.downLabel", { title })}
      >
        {t("chains.step.down")}
      </Button>
      <Button
        size="compact-sm"
        variant="subtle"
        color="red"
        onClick={onRemove}
        disabled={busy}
        aria-label={t("chains.step.removeLabel", { title })}
      >
        {t("chains.step.remove")}
      </Button>
    </Group>
  );
}
