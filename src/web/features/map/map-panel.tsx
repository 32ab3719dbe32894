import { Anchor, Button, Card, Group, Stack, Table, Text, Title } from "@mantine/core";
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { CompanyLink } from "../../ui/company-link";
import { toSearch } from "../../ui/search-params";
import { StageBadge } from "../../ui/stages";
import { TableScroll } from "../../ui/table-scroll";
import type { Item } from "./map-markers";

/** A district of the region with what the map counts in it; `visible` is false outside a counsellor's districts. */
export type DistrictInfo = { ags: string; name: string; visible: boolean; companies: number; places: number };
export type Selection = { kind: "district"; ags: string } | { kind: "points"; items: Item[] } | null;
type Search = Record<string, string | undefined>;

/** Beside the map: the chosen district with its counts and links to the filtered lists, or what is at the chosen marker. */
export function SelectionPanel({ selection, districts, search }: { selection: Selection; districts: DistrictInfo[]; search: Search }) {
  const { t } = useTranslation();
  const d = selection?.kind === "district" ? districts.find((x) => x.ags === selection.ags) : undefined;
  return (
    <Card withBorder component="section" aria-labelledby="map-panel-heading" aria-live="polite">
      {d ? (
        <Stack gap="xs">
          <Title order={2} size="h4" id="map-panel-heading">
            {d.name}
          </Title>
          {d.visible ? (
            <>
              <Text>{t("map.companiesCount", { count: d.companies })}</Text>
              <Text>{t("map.placesCount", { count: d.places })}</Text>
            </>
          ) : (
            <Text size="sm">{t("map.notMineHint")}</Text>
          )}
          <Button component={Link} to="/betriebe" search={toSearch({ ...search, district: d.ags }) as never} variant="light">
            {t("map.showCompaniesIn", { name: d.name })}
          </Button>
          <Button
            component={Link}
            to="/ausbildungsplaetze"
            search={toSearch({ district: d.ags, status: "open" }) as never}
            variant="default"
          >
            {t("map.showOffersIn", { name: d.name })}
          </Button>
        </Stack>
      ) : selection?.kind === "points" ? (
        <Stack gap="xs">
          <Title order={2} size="h4" id="map-panel-heading">
            {t("map.here", { count: selection.items.length })}
          </Title>
          <Stack component="ul" gap={6} p={0} m={0} style={{ listStyle: "none", maxHeight: 420, overflowY: "auto" }}>
            {selection.items.map((i) =>
              i.kind === "company" ? (
                <Group component="li" key={i.company.id} gap="xs" justify="space-between" wrap="nowrap">
                  <CompanyLink id={i.company.id} size="sm" style={{ overflowWrap: "anywhere" }}>
                    {i.company.name}
                  </CompanyLink>
                  <StageBadge stage={i.company.stage} size="xs" />
                </Group>
              ) : (
                <li key={i.offer.id}>
                  <Text size="sm">
                    {i.offer.occupationName} ({t("map.placesCount", { count: i.offer.places })}) ·{" "}
                    <CompanyLink id={i.offer.companyId} size="sm">
                      {i.offer.companyName}
                    </CompanyLink>
                  </Text>
                </li>
              ),
            )}
          </Stack>
        </Stack>
      ) : (
        <Stack gap="xs">
          <Title order={2} size="h4" id="map-panel-heading">
            {t("map.panelTitle")}
          </Title>
          <Text size="sm">{t("map.panelHint")}</Text>
        </Stack>
      )}
    </Card>
  );
}

/** The same counts as a table: an overview that needs no map, with each district linked to its companies. */
export function DistrictTable({ districts, search }: { districts: DistrictInfo[]; search: Search }) {
  const { t, i18n } = useTranslation();
  const number = (n: number) => n.toLocaleString(i18n.language === "en" ? "en-GB" : "de-DE");
  return (
    <>
      <Title order={2} size="h4" mt="sm">
        {t("map.tableTitle")}
      </Title>
      <TableScroll label={t("common.tableOf", { title: t("map.tableTitle") })} minWidth={360}>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("map.district")}</Table.Th>
              <Table.Th ta="right">{t("map.companies")}</Table.Th>
              <Table.Th ta="right">{t("map.openPlaces")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {districts.map((d) => (
              <Table.Tr key={d.ags} data-ags={d.ags}>
                <Table.Td>
                  <Anchor component={Link} to="/betriebe" search={toSearch({ ...search, district: d.ags }) as never}>
                    {d.name}
                  </Anchor>
                </Table.Td>
                <Table.Td ta="right">{d.visible ? number(d.companies) : "–"}</Table.Td>
                <Table.Td ta="right">{d.visible ? number(d.places) : "–"}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </TableScroll>
    </>
  );
}
