import { Alert, Anchor, Badge, Button, Center, Group, Loader, Stack, Tabs, Text, Title, VisuallyHidden } from "@mantine/core";
import { Link, useNavigate, useParams, useSearch } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Template } from "../../../features/chains/schema";
import { AppModal } from "../../ui/app-modal";
import { formatDay, formatDayOf } from "../../ui/days";
import { ErrorPage } from "../../ui/error-page";
import { notify } from "../../ui/notify";
import { PageHeader } from "../../ui/page-header";
import { ProblemAlert } from "../../ui/problem-alert";
import { fromSearch } from "../../ui/search-params";
import { useMe } from "../auth/use-me";
import { templateHandoutHref, useNewVersion, useTemplate, useUpdateTemplate } from "./api";
import { useChainText } from "./chain-text";
import { templateStatusColors } from "./constants";
import { useDraftSteps } from "./draft-steps";
import { TemplateLink } from "./links";
import { PublishDialog } from "./publish-dialog";
import { StepActions, StepPath } from "./step-path";
import { TemplateDiffSection } from "./template-diff";
import { TemplateForm } from "./template-form";
import { TransferDialog } from "./transfer-dialog";

type Dialog = "meta" | "transfer" | "publish";

/** Where the template stands and what that means for editing and runs. */
function StatusNote({ template }: { template: Template }) {
  const { t } = useTranslation();
  if (template.status === "draft") {
    return (
      <Alert color="yellow" variant="light" role="note">
        {t("chains.template.draftHint")}
        {template.toCheckCount > 0 && (
          <Text size="sm" fw={700} mt={4}>
            {t("chains.template.toCheckHint", { count: template.toCheckCount })}
          </Text>
        )}
      </Alert>
    );
  }
  return (
    <Alert color={template.status === "published" ? "green" : "gray"} variant="light" role="note">
      {t(template.status === "published" ? "chains.template.publishedHint" : "chains.template.retiredHint")}
    </Alert>
  );
}

/**
 * One chain template: its steps as a numbered path; a draft can be edited step by step, compared with the
 * template it was transferred from (fields "zu prüfen" confirmed one by one) and published; every template
 * can be transferred to another district and printed as a handout.
 */
export function TemplatePage() {
  const { t } = useTranslation();
  const { id } = useParams({ strict: false }) as { id: string };
  const template = useTemplate(id);
  if (template.error) return <ErrorPage error={template.error} />;
  if (!template.data) {
    return (
      <Center mih="40vh">
        <Loader aria-label={t("common.loading")} />
      </Center>
    );
  }
  return <TemplateView tpl={template.data} />;
}

function TemplateView({ tpl }: { tpl: Template }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const search = useSearch({ strict: false }) as Record<string, unknown>;
  const update = useUpdateTemplate(tpl.id);
  const newVersion = useNewVersion(tpl.id);
  const steps = useDraftSteps(tpl);
  const text = useChainText();
  const me = useMe().data;
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const lang = i18n.language;
  // Counsellors change only templates of their own districts (the server's rule); everyone may read and transfer.
  const mayEdit =
    me?.role === "admin" || me?.role === "coordinator" || (tpl.districts !== null && tpl.districts.every((d) => me?.districts.includes(d)));
  const editable = tpl.status === "draft" && mayEdit;
  // A transferred template can be compared with its source; a draft with fields still to check opens on the
  // comparison, as that is the next thing to do.
  const hasDiff = tpl.sourceTemplateId !== null;
  const asked = fromSearch(search, ["tab"]).tab;
  const tab = hasDiff && (asked === "vergleich" || (asked === undefined && editable && tpl.toCheckCount > 0)) ? "vergleich" : "schritte";
  const choose = (next: string | null) => navigate({ to: ".", search: { ...search, tab: next ?? undefined } as never, replace: true });
  const close = () => {
    update.reset();
    setDialog(null);
  };
  const startNewVersion = () =>
    newVersion.mutate(undefined, {
      onSuccess: async (r) => {
        notify({ color: "green", message: t("chains.template.versionCreated") });
        await navigate({ to: "/prozessketten/$id", params: { id: r.id } });
      },
    });

  const stepsPanel = (
    <Stack gap="xs">
      {/* Under the tabs the tab names the steps; without tabs the heading does. */}
      {hasDiff ? (
        <VisuallyHidden>
          <Title order={2}>{t("chains.template.stepsOf", { name: tpl.name })}</Title>
        </VisuallyHidden>
      ) : (
        <Title order={2} size="h4">
          {t("chains.template.steps", { count: tpl.steps.length })}
        </Title>
      )}
      {tpl.steps.length === 0 && <Text size="sm">{t("chains.template.noSteps")}</Text>}
      <StepPath
        steps={tpl.steps}
        label={t("chains.template.stepsOf", { name: tpl.name })}
        actionsOf={
          editable
            ? (s, i) => (
                <StepActions
                  title={s.title}
                  first={i === 0}
                  last={i === tpl.steps.length - 1}
                  busy={steps.busy}
                  onEdit={() => steps.edit(i)}
                  onUp={() => steps.move(i, -1)}
                  onDown={() => steps.move(i, 1)}
                  onRemove={() => steps.remove(i)}
                />
              )
            : undefined
        }
      />
      {editable && (
        <Group>
          <Button variant="light" onClick={() => steps.edit("new")} disabled={tpl.steps.length >= 60}>
            {t("chains.template.addStep")}
          </Button>
        </Group>
      )}
    </Stack>
  );

  return (
    <Stack gap="md">
      <Anchor component={Link} to="/prozessketten" size="sm">
        {t("chains.template.back")}
      </Anchor>
      <PageHeader
        title={tpl.name}
        actions={
          <Group gap="xs">
            {editable && (
              <Button onClick={() => setDialog("publish")} disabled={tpl.steps.length === 0}>
                {t("chains.template.publish")}
              </Button>
            )}
            {tpl.status === "published" && mayEdit && (
              <Button variant="default" onClick={startNewVersion} loading={newVersion.isPending}>
                {t("chains.template.newVersion")}
              </Button>
            )}
            <Button variant="default" onClick={() => setDialog("transfer")}>
              {t("chains.template.transfer")}
            </Button>
            <Button component="a" href={templateHandoutHref(tpl.id)} variant="default">
              {t("chains.template.handout")}
            </Button>
          </Group>
        }
      />
      <Group gap="xs" mt={-8}>
        <Badge variant="light" color={templateStatusColors[tpl.status]}>
          {t(`chains.templateStatuses.${tpl.status}`)}
        </Badge>
        <Text size="sm">
          {[
            text.districts(tpl.districtNames, tpl.districts),
            t("chains.template.version", { version: tpl.version }),
            tpl.validTo
              ? t("chains.template.validFromTo", { from: formatDay(tpl.validFrom, lang), to: formatDay(tpl.validTo, lang) })
              : t("chains.template.validFrom", { from: formatDay(tpl.validFrom, lang) }),
            tpl.publishedAt ? t("chains.template.publishedAt", { date: formatDayOf(tpl.publishedAt, lang) }) : null,
            t("chains.template.runCount", { count: tpl.runCount }),
          ]
            .filter(Boolean)
            .join(" · ")}
        </Text>
      </Group>
      {tpl.sourceTemplateId && tpl.sourceName && (
        <Text size="sm">
          {t("chains.template.source")}{" "}
          <TemplateLink id={tpl.sourceTemplateId} size="sm">
            {tpl.sourceName}
          </TemplateLink>
        </Text>
      )}
      {tpl.note && (
        <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
          {tpl.note}
        </Text>
      )}
      <StatusNote template={tpl} />
      {editable && (
        <Group gap="xs">
          <Button variant="default" size="xs" onClick={() => setDialog("meta")}>
            {t("chains.template.editMeta")}
          </Button>
        </Group>
      )}
      <ProblemAlert error={steps.error ?? newVersion.error} />
      {hasDiff ? (
        <Tabs value={tab} onChange={choose} keepMounted={false}>
          <Tabs.List aria-label={t("chains.template.tabs")}>
            <Tabs.Tab value="schritte">{t("chains.template.steps", { count: tpl.steps.length })}</Tabs.Tab>
            <Tabs.Tab value="vergleich">
              {t("chains.diff.title")}
              {tpl.toCheckCount > 0 && (
                <Badge ml={6} size="sm" variant="filled" color="orange.3" c="black">
                  {tpl.toCheckCount}
                </Badge>
              )}
            </Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="schritte" pt="md">
            {stepsPanel}
          </Tabs.Panel>
          <Tabs.Panel value="vergleich" pt="md">
            <TemplateDiffSection
              templateId={tpl.id}
              editable={editable}
              busy={steps.busy}
              onConfirm={steps.confirmField}
              onEdit={steps.editById}
            />
          </Tabs.Panel>
        </Tabs>
      ) : (
        stepsPanel
      )}

      <AppModal opened={dialog === "meta"} onClose={close} title={t("chains.template.editMeta")} size="lg">
        {dialog === "meta" && (
          <TemplateForm
            template={tpl}
            pending={update.isPending}
            error={update.error}
            onSubmit={(patch) =>
              update.mutate(patch, {
                onSuccess: () => {
                  notify({ color: "green", message: t("chains.template.saved") });
                  close();
                },
              })
            }
            onCancel={close}
          />
        )}
      </AppModal>
      {steps.dialogs}
      <TransferDialog template={tpl} opened={dialog === "transfer"} onClose={close} />
      {/* Mounted whatever the status: the answer turns the draft into a published template before the dialog says so. */}
      <PublishDialog template={tpl} opened={dialog === "publish"} onClose={close} />
    </Stack>
  );
}
