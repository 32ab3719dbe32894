import { Badge, Center, EmptyState, Group, Loader, SegmentedControl, Select, Stack, Table, Text } from "@mantine/core";
import { useNavigate, useSearch } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { formatDay, todayIso } from "../../ui/days";
import { LoadMore } from "../../ui/load-more";
import { ProblemAlert } from "../../ui/problem-alert";
import { fromSearch, toSearch } from "../../ui/search-params";
import { TableScroll } from "../../ui/table-scroll";
import { CandidateLink } from "../candidates/candidate-link";
import { useDistricts } from "../companies/api";
import { ReferralOutcomeSelect } from "./referral-outcome";
import { type ReferralMode, referralModes, useReferralList } from "./use-referrals";

/** "Verweisungen": the referrals to follow up (overdue, this week, all open, all), the outcome set in each row. */
export function ReferralList() {
  const { t, i18n } = useTranslation();
  const search = useSearch({ strict: false }) as Record<string, unknown>;
  const navigate = useNavigate();
  const params = fromSearch(search, ["tab", "due", "district"]);
  const mode: ReferralMode = (referralModes as readonly string[]).includes(params.due ?? "") ? (params.due as ReferralMode) : "open";
  const update = (patch: { due?: string; district?: string }) =>
    navigate({ to: ".", search: toSearch({ ...params, ...patch }) as never, replace: true });
  const districts = useDistricts();
  const list = useReferralList(mode, params.district);
  const lang = i18n.language;
  const today = todayIso();

  return (
    <Stack gap="sm">
      <Group gap="sm" align="flex-end">
        <Stack gap={4}>
          <Text size="sm" fw={500} id="referral-mode-label">
            {t("consultations.referrals.filterLabel")}
          </Text>
          <SegmentedControl
            aria-labelledby="referral-mode-label"
            value={mode}
            onChange={(v) => update({ due: v === "open" ? undefined : v })}
            data={referralModes.map((m) => ({ value: m, label: t(`consultations.referrals.${m}`) }))}
            size="xs"
          />
        </Stack>
        <Select
          label={t("consultations.filters.district")}
          data={(districts.data ?? []).map((d) => ({ value: d.ags, label: d.name }))}
          value={params.district ?? null}
          onChange={(v) => update({ district: v ?? undefined })}
          clearable
          size="xs"
          w={180}
          comboboxProps={{ withinPortal: true }}
        />
      </Group>
      <Text fw={600} aria-hidden>
        {list.loaded ? t("consultations.referrals.count", { count: list.total }) : "\u00a0"}
      </Text>
      <ProblemAlert error={list.error} />
      {list.pending && (
        <Center mih={160}>
          <Loader aria-label={t("common.loading")} />
        </Center>
      )}
      {list.loaded && list.total === 0 ? (
        <EmptyState description={t("consultations.referrals.empty")} />
      ) : list.loaded ? (
        <TableScroll label={t("common.tableOf", { title: t("consultations.tabReferrals") })} minWidth={900}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("consultations.referrals.columns.followUp")}</Table.Th>
                <Table.Th>{t("consultations.referrals.columns.person")}</Table.Th>
                <Table.Th>{t("consultations.referrals.columns.partner")}</Table.Th>
                <Table.Th>{t("consultations.referrals.columns.referredOn")}</Table.Th>
                <Table.Th>{t("consultations.referrals.columns.by")}</Table.Th>
                <Table.Th>{t("consultations.referrals.columns.outcome")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.items.map((r) => {
                const open = r.outcome === "in_progress" || r.outcome === "unknown";
                const overdue = open && r.followUpOn !== null && r.followUpOn < today;
                return (
                  <Table.Tr key={r.id}>
                    <Table.Td style={{ whiteSpace: "nowrap" }}>
                      {r.followUpOn ? formatDay(r.followUpOn, lang) : "–"}
                      {overdue && (
                        <Badge ml={6} size="xs" color="red" variant="filled">
                          {t("consultations.item.overdue")}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <CandidateLink id={r.candidateId} fw={600}>
                        {r.candidateName}
                      </CandidateLink>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{r.partnerName}</Text>
                      <Text size="xs" c="dimmed">
                        {t(`consultations.partnerTypes.${r.partnerType}`)}
                        {r.reason ? ` · ${r.reason}` : ""}
                      </Text>
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: "nowrap" }}>{formatDay(r.referredOn, lang)}</Table.Td>
                    <Table.Td>{r.userName ?? "–"}</Table.Td>
                    <Table.Td>
                      <ReferralOutcomeSelect referral={r} />
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </TableScroll>
      ) : null}
      {list.loaded && list.total > 0 && (
        <LoadMore
          label={t("consultations.shown", { shown: list.items.length, total: list.total })}
          moreLabel={t("consultations.loadMore")}
          hasMore={list.hasMore}
          loading={list.loadingMore}
          onMore={list.fetchMore}
        />
      )}
    </Stack>
  );
}
