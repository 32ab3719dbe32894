import { Badge, Button, Card, Group, Stack, Text, Title } from "@mantine/core";
import { useMutation, useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Offer, OfferPage } from "../../../features/offers/schema";
import { api, toQuery } from "../../api/client";
import { AppModal } from "../../ui/app-modal";
import { formatDay } from "../../ui/days";
import { notify } from "../../ui/notify";
import { ProblemAlert } from "../../ui/problem-alert";
import { statusColors } from "./constants";
import { OfferDialog, useRefreshOffers } from "./offer-dialog";

/** The places of one company, on its page: list, "Platz anlegen", change, delete. */
export function CompanyOffers({ companyId }: { companyId: string }) {
  const { t, i18n } = useTranslation();
  const refresh = useRefreshOffers();
  const offers = useQuery({
    queryKey: ["offers", "company", companyId],
    queryFn: () => api<OfferPage>("GET", `/api/v1/offers${toQuery({ companyId, limit: 200 })}`),
  });
  const [editing, setEditing] = useState<Offer | "new" | null>(null);
  const [deleting, setDeleting] = useState<Offer | null>(null);
  const remove = useMutation({
    mutationFn: (o: Offer) => api("DELETE", `/api/v1/offers/${o.id}`),
    onSuccess: async () => {
      notify({ color: "green", message: t("offers.deleted") });
      setDeleting(null);
      await refresh();
    },
  });
  const items = offers.data?.items ?? [];
  return (
    <Card withBorder component="section" aria-labelledby="offers-heading">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4" id="offers-heading">
          {t("offers.ofCompany")}
        </Title>
        <Button size="xs" variant="light" onClick={() => setEditing("new")}>
          {t("offers.add")}
        </Button>
      </Group>
      <ProblemAlert error={offers.error} />
      {offers.data && items.length === 0 && (
        <Text size="sm" c="dimmed">
          {t("offers.noneForCompany")}
        </Text>
      )}
      <Stack gap="sm">
        {items.map((o) => (
          <Group key={o.id} justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
            <Stack gap={0} style={{ minWidth: 0 }}>
              <Text fw={600} style={{ overflowWrap: "anywhere" }}>
                {o.occupationName}
              </Text>
              {o.title && <Text size="sm">{o.title}</Text>}
              <Text size="sm" c="dimmed">
                {t(`offers.kinds.${o.kind}`)} · {t("offers.placesValue", { count: o.places })} ·{" "}
                {t("offers.startsOn", { date: formatDay(o.startDate, i18n.language) })}
                {o.eqMonths ? ` · ${t("offers.eqMonthsValue", { count: o.eqMonths })}` : ""}
              </Text>
            </Stack>
            <Group gap={4} wrap="nowrap">
              <Badge variant="light" color={statusColors[o.status]}>
                {t(`offers.statuses.${o.status}`)}
              </Badge>
              {o.status === "open" && (
                <Button
                  renderRoot={(root) => <Link {...root} to="/ausbildungsplaetze/$id/matching" params={{ id: o.id }} />}
                  size="compact-xs"
                  variant="subtle"
                  aria-label={t("matching.offer.linkFor", { name: o.occupationName })}
                >
                  {t("matching.offer.link")}
                </Button>
              )}
              <Button
                size="compact-xs"
                variant="subtle"
                onClick={() => setEditing(o)}
                aria-label={`${t("common.edit")}: ${o.occupationName}`}
              >
                {t("common.edit")}
              </Button>
              <Button
                size="compact-xs"
                variant="subtle"
                color="red"
                onClick={() => {
                  remove.reset();
                  setDeleting(o);
                }}
                aria-label={`${t("offers.delete")}: ${o.occupationName}`}
              >
                {t("offers.delete")}
              </Button>
            </Group>
          </Group>
        ))}
      </Stack>
      <OfferDialog
        opened={editing !== null}
        offer={editing && editing !== "new" ? editing : undefined}
        companyId={companyId}
        onClose={() => setEditing(null)}
      />
      <AppModal opened={deleting !== null} onClose={() => setDeleting(null)} title={t("offers.deleteTitle")}>
        <Stack gap="sm">
          <Text>{t("offers.deleteConfirm", { name: deleting?.occupationName ?? "" })}</Text>
          <ProblemAlert error={remove.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setDeleting(null)}>
              {t("common.cancel")}
            </Button>
            <Button color="red" loading={remove.isPending} onClick={() => deleting && remove.mutate(deleting)}>
              {t("offers.delete")}
            </Button>
          </Group>
        </Stack>
      </AppModal>
    </Card>
  );
}
