import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { Offer, OfferCreate } from "../../../features/offers/schema";
import { api } from "../../api/client";
import { AppModal } from "../../ui/app-modal";
import { notify } from "../../ui/notify";
import { OfferForm } from "./offer-form";

/** After a change to a place: the lists, the company (its open places) and the map show it. */
export function useRefreshOffers() {
  const queryClient = useQueryClient();
  return () => Promise.all([["offers"], ["companies"], ["map"], ["today"]].map((queryKey) => queryClient.invalidateQueries({ queryKey })));
}

/** Creating a place (`offer` undefined) or changing one, in a dialog. */
export function OfferDialog({
  opened,
  offer,
  companyId,
  onClose,
}: {
  opened: boolean;
  offer?: Offer;
  companyId?: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const refresh = useRefreshOffers();
  const save = useMutation({
    mutationFn: (v: OfferCreate) => {
      if (!offer) return api<Offer>("POST", "/api/v1/offers", v);
      const { companyId: _company, ...patch } = v;
      return api<Offer>("PATCH", `/api/v1/offers/${offer.id}`, patch);
    },
    onSuccess: async (o) => {
      notify({ color: "green", message: t(offer ? "offers.saved" : "offers.created", { name: o.occupationName }) });
      await refresh();
      onClose();
    },
  });
  const close = () => {
    save.reset();
    onClose();
  };
  return (
    <AppModal opened={opened} onClose={close} title={offer ? t("offers.edit") : t("offers.new")} size="lg">
      {opened && (
        <OfferForm
          offer={offer}
          companyId={companyId}
          pending={save.isPending}
          error={save.error}
          onSubmit={(v) => save.mutate(v)}
          onCancel={close}
        />
      )}
    </AppModal>
  );
}
