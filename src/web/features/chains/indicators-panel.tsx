import { Card, Paper, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { formatNumber } from "../../ui/format";
import { ProblemAlert } from "../../ui/problem-alert";
import { TableScroll } from "../../ui/table-scroll";
import { useIndicators } from "./api";

const days = (n: number | null, lang: string) =>
  n === null ? "–" : new Intl.NumberFormat(lang === "en" ? "en-GB" : "de-DE", { maximumFractionDigits: 1 }).format(n);

/** The section's figures for the funder and the team: templates per district, runs, median days per step. */
export function IndicatorsPanel({ district }: { district: string | undefined }) {
  const { t, i18n } = useTranslation();
  const indicators = useIndicators(district);
  const data = indicators.data;
  const lang = i18n.language;
  const runFigures = data
    ? ([
        ["started", data.runs.started],
        ["active", data.runs.active],
        ["finished", data.runs.finished],
        ["overdue", data.runs.overdue],
      ] as const)
    : [];
  const stepDays = data?.stepDays.filter((s) => s.done > 0) ?? [];
  // Templates and runs per district in one table (a district may have only one of the two).
  const byDistrict: { key: string; name: string; published: number; draft: number; started: number; finished: number; overdue: number }[] =
    [];
  const rowOf = (key: string, name: string) => {
    let row = byDistrict.find((r) => r.key === key);
    if (!row) {
      row = { key, name, published: 0, draft: 0, started: 0, finished: 0, overdue: 0 };
      byDistrict.push(row);
    }
    return row;
  };
  for (const r of data?.templates ?? []) {
    const name = r.district === null ? t("chains.allDistricts") : r.districtName;
    Object.assign(rowOf(r.district ?? "all", name), { published: r.published, draft: r.draft });
  }
  for (const r of data?.runsByDistrict ?? []) {
    Object.assign(rowOf(r.district ?? "none", r.districtName), { started: r.started, finished: r.finished, overdue: r.overdue });
  }
  return (
    <Card withBorder component="section" aria-labelledby="chain-indicators-heading">
      <Title order={2} size="h4" id="chain-indicators-heading" mb="xs">
        {t("chains.indicators.title")}
      </Title>
      <ProblemAlert error={indicators.error} />
      {data && (
        <Stack gap="md">
          <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs" role="group" aria-label={t("chains.indicators.runsTitle")}>
            {runFigures.map(([key, value]) => (
              <Paper key={key} withBorder p="xs" radius="sm">
                <Text size="xs" c="dimmed">
                  {t(`chains.indicators.runs.${key}`)}
                </Text>
                <Text fw={700} size="lg" c={key === "overdue" && value > 0 ? "red.8" : undefined}>
                  {formatNumber(value)}
                </Text>
              </Paper>
            ))}
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, xl: 2 }} spacing="md">
            <Stack gap={4}>
              <Title order={3} size="h5">
                {t("chains.indicators.districtsTitle")}
              </Title>
              <TableScroll label={t("common.tableOf", { title: t("chains.indicators.districtsTitle") })} minWidth={480}>
                <Table striped>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t("chains.indicators.columns.district")}</Table.Th>
                      <Table.Th>{t("chains.indicators.columns.published")}</Table.Th>
                      <Table.Th>{t("chains.indicators.columns.draft")}</Table.Th>
                      <Table.Th>{t("chains.indicators.columns.started")}</Table.Th>
                      <Table.Th>{t("chains.indicators.columns.finished")}</Table.Th>
                      <Table.Th>{t("chains.indicators.columns.overdue")}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {byDistrict.map((r) => (
                      <Table.Tr key={r.key}>
                        <Table.Td>{r.name}</Table.Td>
                        <Table.Td>{formatNumber(r.published)}</Table.Td>
                        <Table.Td>{formatNumber(r.draft)}</Table.Td>
                        <Table.Td>{formatNumber(r.started)}</Table.Td>
                        <Table.Td>{formatNumber(r.finished)}</Table.Td>
                        <Table.Td>{formatNumber(r.overdue)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </TableScroll>
            </Stack>
            <Stack gap={4}>
              <Title order={3} size="h5">
                {t("chains.indicators.stepDaysTitle")}
              </Title>
              <Text size="xs" c="dimmed">
                {t("chains.indicators.stepDaysHint")}
              </Text>
              {stepDays.length === 0 ? (
                <Text size="sm">{t("chains.indicators.noStepDays")}</Text>
              ) : (
                <TableScroll label={t("common.tableOf", { title: t("chains.indicators.stepDaysTitle") })} minWidth={320}>
                  <Table striped>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t("chains.indicators.columns.step")}</Table.Th>
                        <Table.Th>{t("chains.indicators.columns.done")}</Table.Th>
                        <Table.Th>{t("chains.indicators.columns.median")}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {stepDays.map((s) => (
                        <Table.Tr key={`${s.code ?? ""}-${s.title}`}>
                          <Table.Td>{s.title}</Table.Td>
                          <Table.Td>{formatNumber(s.done)}</Table.Td>
                          <Table.Td>{days(s.medianDays, lang)}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </TableScroll>
              )}
            </Stack>
          </SimpleGrid>
        </Stack>
      )}
    </Card>
  );
}
