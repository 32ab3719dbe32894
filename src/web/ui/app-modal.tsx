import { Modal, type ModalProps } from "@mantine/core";
import { useMediaQuery } from "@mantine/hooks";
import { useTranslation } from "react-i18next";

/** A dialog of the app: its close button named, and on a phone the whole screen instead of hanging over the edge. */
export function AppModal(props: ModalProps) {
  const { t } = useTranslation();
  const phone = useMediaQuery("(max-width: 48em)");
  return <Modal closeButtonProps={{ "aria-label": t("common.close") }} fullScreen={phone ?? false} {...props} />;
}
