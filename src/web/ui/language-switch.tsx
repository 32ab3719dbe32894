import { SegmentedControl, useDirection } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { applyLanguage, languages } from "../i18n";

/** Switches the language in place: the page stays where it is. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const { setDirection } = useDirection();
  return (
    <SegmentedControl
      aria-label={t("language.label")}
      size="xs"
      value={i18n.language}
      onChange={async (lng) => {
        await i18n.changeLanguage(lng);
        applyLanguage(lng);
        setDirection(i18n.dir(lng));
      }}
      data={languages.map((l) => ({ value: l, label: t(`language.${l}`) }))}
    />
  );
}
