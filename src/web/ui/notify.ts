import { type NotificationData, notifications } from "@mantine/notifications";
import { i18n } from "../i18n";

/** A status message whose close button is named in the app's language (Mantine's own has no accessible name). */
export function notify(data: NotificationData) {
  notifications.show({ ...data, closeButtonProps: { "aria-label": i18n.t("common.close"), ...data.closeButtonProps } });
}
