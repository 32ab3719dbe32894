import { useTranslation } from "react-i18next";

/** The first stop of the keyboard on every page: straight to the content (`main` has id "main"), past header and navigation. */
export function SkipLink() {
  const { t } = useTranslation();
  return (
    <a className="skip-link" href="#main">
      {t("nav.skip")}
    </a>
  );
}
