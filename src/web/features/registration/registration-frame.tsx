import { Anchor, Box, Button, Container, DirectionProvider, Group, Text, useDirection } from "@mantine/core";
import { Link, useSearch } from "@tanstack/react-router";
import { type ReactNode, useLayoutEffect, useState } from "react";
import type { RegistrationLanguage } from "../../../features/registration/schema";
import { initialLanguage, isPageLanguage, pageLanguages, pageTexts } from "./languages";
import type { PageTexts } from "./texts/page-texts";

type PagePath = "/registrieren" | "/registrieren/bestaetigen";

/** The page's language: `?lang=` in the address, else what `initialLanguage` finds once. Switching rewrites the address. */
export function usePageLanguage(): { language: RegistrationLanguage; texts: PageTexts; search: Record<string, unknown> } {
  const search = useSearch({ strict: false }) as Record<string, unknown>;
  const [fallback] = useState(() => initialLanguage(search.lang));
  const language = isPageLanguage(search.lang) ? search.lang : fallback;
  return { language, texts: pageTexts[language], search };
}

/**
 * Language and writing direction of the whole document while these pages are shown (the app's own
 * i18n knows only German and English); the values before come back when the page is left.
 */
function useDocumentLanguage(language: RegistrationLanguage, dir: "ltr" | "rtl", title: string) {
  useLayoutEffect(() => {
    const html = document.documentElement;
    const before = { lang: html.lang, dir: html.dir, title: document.title };
    return () => {
      html.lang = before.lang;
      html.dir = before.dir;
      document.title = before.title;
    };
  }, []);
  useLayoutEffect(() => {
    document.documentElement.lang = language;
    document.documentElement.dir = dir;
    document.title = `${title} · KAUSA`;
  }, [language, dir, title]);
}

/** Mantine's components read the direction from context: this page's provider follows the language. */
function FollowDirection({ dir }: { dir: "ltr" | "rtl" }) {
  const { dir: current, setDirection } = useDirection();
  useLayoutEffect(() => {
    if (current !== dir) setDirection(dir);
  }, [current, dir, setDirection]);
  return null;
}

function LanguageLinks({
  language,
  path,
  search,
  label,
}: {
  language: RegistrationLanguage;
  path: PagePath;
  search: Record<string, unknown>;
  label: string;
}) {
  return (
    <Group component="nav" aria-label={label} gap={4} wrap="wrap">
      {pageLanguages.map((l) => {
        const current = l === language;
        return (
          <Button
            key={l}
            component={Link}
            to={path}
            search={{ ...search, lang: l } as never}
            replace
            hrefLang={l}
            lang={l}
            dir={pageTexts[l].dir}
            aria-current={current ? "page" : undefined}
            variant={current ? "filled" : "subtle"}
            size="compact-md"
            fw={current ? 700 : 500}
          >
            {pageTexts[l].languageName}
          </Button>
        );
      })}
    </Group>
  );
}

/**
 * The frame of the young people's own pages (no sign-in): the service point's name, the five languages
 * in their own script, the content and the licences. Arabic and Persian lay the page out right to left.
 */
export function RegistrationFrame({ path, title, children }: { path: PagePath; title: string; children: ReactNode }) {
  const { language, texts, search } = usePageLanguage();
  useDocumentLanguage(language, texts.dir, title);
  return (
    <DirectionProvider initialDirection={texts.dir} detectDirection={false}>
      <FollowDirection dir={texts.dir} />
      <a className="skip-link" href="#main">
        {texts.frame.skip}
      </a>
      <Box component="header" px="md" py="sm" style={{ borderBottom: "1px solid var(--mantine-color-default-border)" }}>
        <Group justify="space-between" align="center" gap="sm" maw={960} mx="auto">
          <div>
            <Text fw={700} size="lg" lang="de">
              KAUSA Servicestelle Sachsen-Anhalt Süd
            </Text>
            <Text size="sm" c="dimmed">
              {texts.frame.tagline}
            </Text>
          </div>
          <LanguageLinks language={language} path={path} search={search} label={texts.frame.languageLabel} />
        </Group>
      </Box>
      <Box component="main" id="main" tabIndex={-1} px="md" py="lg">
        <Container size={640} p={0}>
          {children}
        </Container>
      </Box>
      <Box component="footer" px="md" py="md" style={{ borderTop: "1px solid var(--mantine-color-default-border)" }}>
        <Group maw={960} mx="auto" gap="md">
          <Anchor component={Link} to="/lizenzen" size="sm">
            {texts.frame.licences}
          </Anchor>
        </Group>
      </Box>
    </DirectionProvider>
  );
}
