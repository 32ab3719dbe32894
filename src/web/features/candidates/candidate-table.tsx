import { Badge, Group, Table, Text, UnstyledButton } from "@mantine/core";
import { useNavigate } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import type { CandidateRow } from "../../../features/candidates/schema";
import { formatDay, formatDayOf, todayIso } from "../../ui/days";
import { TableScroll } from "../../ui/table-scroll";
import { CandidateStatusBadge, ConsentBadges } from "./candidate-badges";
import { CandidateLink } from "./candidate-link";
import { ageOf, type SortKey } from "./constants";

function SortHeader({ label, by, sort, onSort }: { label: string; by: SortKey; sort: SortKey; onSort: (s: SortKey) => void }) {
  const { t } = useTranslation();
  const active = sort === by;
  return (
    <Table.Th aria-sort={active ? (by === "name" ? "ascending" : "descending") : undefined}>
      <UnstyledButton
        onClick={() => onSort(by)}
        fw={700}
        fz="sm"
        aria-label={t("candidates.sortBy", { column: label })}
        style={{ whiteSpace: "nowrap" }}
      >
        {label} <span aria-hidden="true">{active ? (by === "name" ? "▲" : "▼") : "↕"}</span>
      </UnstyledButton>
    </Table.Th>
  );
}

/**
 * The young people as a table that scrolls in its own box on a phone. A click anywhere in a row opens
 * the person; the name is the link for keyboard and screen reader.
 */
export function CandidateTable({ items, sort, onSort }: { items: CandidateRow[]; sort: SortKey; onSort: (s: SortKey) => void }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const lang = i18n.language;
  const today = todayIso();
  return (
    <TableScroll label={t("common.tableOf", { title: t("candidates.title") })} minWidth={1040}>
      <Table striped highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <SortHeader label={t("candidates.columns.name")} by="name" sort={sort} onSort={onSort} />
            <Table.Th>{t("candidates.columns.age")}</Table.Th>
            <Table.Th>{t("candidates.columns.place")}</Table.Th>
            <Table.Th>{t("candidates.columns.germanLevel")}</Table.Th>
            <Table.Th>{t("candidates.columns.wishes")}</Table.Th>
            <Table.Th>{t("candidates.columns.status")}</Table.Th>
            <Table.Th>{t("candidates.columns.consent")}</Table.Th>
            <Table.Th>{t("candidates.columns.responsible")}</Table.Th>
            <SortHeader label={t("candidates.columns.created")} by="created" sort={sort} onSort={onSort} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((c) => (
            <Table.Tr
              key={c.id}
              style={{ cursor: "pointer" }}
              onClick={(e) => {
                // A click on the link itself is the link's; anywhere else in the row opens the person, too.
                if ((e.target as HTMLElement).closest("a")) return;
                void navigate({ to: "/jugendliche/$id", params: { id: c.id } });
              }}
            >
              <Table.Td>
                <CandidateLink id={c.id} fw={600}>
                  {c.lastName}, {c.firstName}
                </CandidateLink>
                {c.source === "self_registration" && (
                  <div>
                    <Badge size="xs" variant="outline" color="grape">
                      {t("candidates.sources.self_registration")}
                    </Badge>
                  </div>
                )}
              </Table.Td>
              <Table.Td style={{ whiteSpace: "nowrap" }}>
                {c.birthDate ? (
                  <>
                    <Text size="sm">{t("candidates.ageValue", { count: ageOf(c.birthDate, today) })}</Text>
                    <Text size="xs" c="dimmed">
                      {formatDay(c.birthDate, lang)}
                    </Text>
                  </>
                ) : (
                  "–"
                )}
              </Table.Td>
              <Table.Td>
                <Text size="sm">{[c.postalCode, c.city].filter(Boolean).join(" ") || "–"}</Text>
                {c.districtName && (
                  <Text size="xs" c="dimmed">
                    {c.districtName}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{c.germanLevel ?? "–"}</Table.Td>
              <Table.Td>
                <Group gap={4}>
                  {c.desiredOccupations.slice(0, 2).map((o) => (
                    <Text key={o.id} size="sm">
                      {o.name}
                    </Text>
                  ))}
                  {c.desiredOccupations.length > 2 && (
                    <Text size="xs" c="dimmed">
                      +{c.desiredOccupations.length - 2}
                    </Text>
                  )}
                  {c.desiredOccupations.length === 0 && "–"}
                </Group>
              </Table.Td>
              <Table.Td>
                <CandidateStatusBadge status={c.status} />
              </Table.Td>
              <Table.Td>
                <ConsentBadges consent={c.consent} size="xs" />
              </Table.Td>
              <Table.Td>{c.responsibleName ?? "–"}</Table.Td>
              <Table.Td style={{ whiteSpace: "nowrap" }}>{formatDayOf(c.createdAt, lang)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableScroll>
  );
}
