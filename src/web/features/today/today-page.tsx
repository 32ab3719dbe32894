import { Anchor, Badge, Button, Card, Center, EmptyState, Group, Loader, SimpleGrid, Stack, Text, TextInput, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { Link, useNavigate } from "@tanstack/react-router";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Today } from "../../../features/today/schema";
import { api } from "../../api/client";
import { CompanyLink } from "../../ui/company-link";
import { formatDay, formatDayOf, formatLongDay } from "../../ui/days";
import { PageHeader } from "../../ui/page-header";
import { ProblemAlert } from "../../ui/problem-alert";
import { isStage, StageBadge } from "../../ui/stages";
import { CandidateLink } from "../candidates/candidate-link";

function FollowUps({ data }: { data: Today }) {
  const { t, i18n } = useTranslation();
  return (
    <Card withBorder component="section" aria-labelledby="follow-ups-heading">
      <Title order={2} size="h4" id="follow-ups-heading">
        {t("today.followUps")}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t("today.followUpsIntro")}
      </Text>
      {data.followUps.length === 0 ? (
        <EmptyState size="sm" align="left" description={t("today.noFollowUps")}>
          <EmptyState.Actions>
            <Button component={Link} to="/betriebe" variant="light" size="xs">
              {t("today.toCompanies")}
            </Button>
          </EmptyState.Actions>
        </EmptyState>
      ) : (
        <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: "none" }}>
          {data.followUps.map((f) => (
            <Group
              component="li"
              key={`${f.source}-${f.id}`}
              gap="xs"
              wrap="nowrap"
              align="flex-start"
              data-overdue={f.overdue || undefined}
            >
              <Badge
                variant={f.overdue ? "filled" : "light"}
                color={f.overdue ? "red" : f.due === data.date ? "orange" : "blue"}
                miw={104}
                style={{ flexShrink: 0 }}
              >
                {formatDay(f.due, i18n.language)}
              </Badge>
              <Stack gap={0} style={{ minWidth: 0 }}>
                <Anchor component={Link} to={f.href} fw={600} style={{ overflowWrap: "anywhere" }}>
                  {f.subject}
                </Anchor>
                <Text size="sm" style={{ overflowWrap: "anywhere" }}>
                  {f.title}
                  {f.overdue && (
                    <Text span c="red.8" fw={700} size="sm">
                      {" "}
                      · {t("today.overdue")}
                    </Text>
                  )}
                  {!f.overdue && f.due === data.date && (
                    <Text span fw={700} size="sm">
                      {" "}
                      · {t("today.dueToday")}
                    </Text>
                  )}
                </Text>
              </Stack>
            </Group>
          ))}
        </Stack>
      )}
    </Card>
  );
}

function Pipeline({ data }: { data: Today }) {
  const { t } = useTranslation();
  const mine = data.pipelineScope === "mine";
  const total = data.pipeline.reduce((n, p) => n + p.count, 0);
  return (
    <Card withBorder component="section" aria-labelledby="pipeline-heading">
      <Title order={2} size="h4" id="pipeline-heading">
        {mine ? t("today.pipelineMine") : t("today.pipelineDistricts")}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {mine ? t("today.pipelineMineIntro") : t("today.pipelineDistrictsIntro")}
      </Text>
      {total === 0 ? (
        <EmptyState size="sm" align="left" description={t("today.noCompanies")}>
          <EmptyState.Actions>
            <Button component={Link} to="/betriebe/neu" size="xs">
              {t("today.newCompany")}
            </Button>
          </EmptyState.Actions>
        </EmptyState>
      ) : (
        <Stack component="ul" gap={6} p={0} m={0} style={{ listStyle: "none" }}>
          {data.pipeline
            .filter((p) => isStage(p.stage))
            .map((p) => (
              <li key={p.stage}>
                <Anchor
                  component={Link}
                  to="/betriebe"
                  search={{ stage: p.stage, ...(mine ? { responsible: "me" } : {}) } as never}
                  underline="never"
                  aria-label={t("today.pipelineLink", { stage: t(`stages.${p.stage}`), count: p.count })}
                >
                  <Group justify="space-between" wrap="nowrap">
                    {isStage(p.stage) && <StageBadge stage={p.stage} />}
                    <Text fw={700} c="var(--mantine-color-text)">
                      {p.count}
                    </Text>
                  </Group>
                </Anchor>
              </li>
            ))}
        </Stack>
      )}
      {total > 0 && (
        <Button component={Link} to="/betriebe/board" variant="subtle" size="xs" mt="sm">
          {t("today.toBoard")}
        </Button>
      )}
    </Card>
  );
}

function Newest({ data }: { data: Today }) {
  const { t, i18n } = useTranslation();
  return (
    <Card withBorder component="section" aria-labelledby="newest-heading">
      <Title order={2} size="h4" id="newest-heading" mb="sm">
        {t("today.newest")}
      </Title>
      {data.newestCompanies.length === 0 ? (
        <EmptyState size="sm" align="left" description={t("today.noCompanies")}>
          <EmptyState.Actions>
            <Button component={Link} to="/betriebe/neu" size="xs">
              {t("today.newCompany")}
            </Button>
          </EmptyState.Actions>
        </EmptyState>
      ) : (
        <Stack component="ul" gap={6} p={0} m={0} style={{ listStyle: "none" }}>
          {data.newestCompanies.map((c) => (
            <li key={c.id}>
              <CompanyLink id={c.id} fw={600}>
                {c.name}
              </CompanyLink>
              <Text size="xs" c="dimmed">
                {[c.city, t("today.createdOn", { date: formatDayOf(c.createdAt, i18n.language) })].filter(Boolean).join(" · ")}
              </Text>
            </li>
          ))}
        </Stack>
      )}
    </Card>
  );
}

/** Young people with status "new" (self-registrations among them) for the counsellor to triage. */
function NewCandidates({ data }: { data: Today }) {
  const { t, i18n } = useTranslation();
  if (data.newCandidates.length === 0) return null;
  return (
    <Card withBorder component="section" aria-labelledby="new-candidates-heading">
      <Title order={2} size="h4" id="new-candidates-heading">
        {t("today.newCandidates")}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t("today.newCandidatesIntro")}
      </Text>
      <Stack component="ul" gap={6} p={0} m={0} style={{ listStyle: "none" }}>
        {data.newCandidates.map((c) => (
          <li key={c.id}>
            <CandidateLink id={c.id} fw={600}>
              {c.name}
            </CandidateLink>
            {c.selfRegistered && (
              <Badge ml="xs" size="sm" variant="light" color="grape">
                {t("today.selfRegistered")}
              </Badge>
            )}
            <Text size="xs" c="dimmed">
              {[c.districtName, t("today.createdOn", { date: formatDayOf(c.createdAt, i18n.language) })].filter(Boolean).join(" · ")}
            </Text>
          </li>
        ))}
      </Stack>
    </Card>
  );
}

/** The Start page: what is due today (overdue first), what is new, and where my companies stand. */
export function TodayPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [q, setQ] = useState("");
  const today = useQuery({ queryKey: ["today"], queryFn: () => api<Today>("GET", "/api/v1/today") });
  const search = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    void navigate({ to: "/betriebe", search: (q.trim() ? { q: q.trim() } : {}) as never });
  };
  return (
    <Stack gap="md">
      <PageHeader title={t("today.title")} intro={today.data ? formatLongDay(today.data.date, i18n.language) : t("today.intro")} />
      <form onSubmit={search} noValidate>
        <Group gap="xs" align="flex-end" maw={560}>
          <TextInput
            label={t("today.search")}
            enterKeyHint="search"
            value={q}
            onChange={(e) => setQ(e.currentTarget.value)}
            style={{ flex: 1 }}
          />
          <Button type="submit" variant="default">
            {t("today.searchButton")}
          </Button>
        </Group>
      </form>
      <ProblemAlert error={today.error} />
      {today.isPending && (
        <Center mih={200}>
          <Loader aria-label={t("common.loading")} />
        </Center>
      )}
      {today.data && (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md" style={{ alignItems: "start" }}>
          <Stack gap="md">
            <FollowUps data={today.data} />
            <NewCandidates data={today.data} />
          </Stack>
          <Stack gap="md">
            <Pipeline data={today.data} />
            <Newest data={today.data} />
          </Stack>
        </SimpleGrid>
      )}
    </Stack>
  );
}
