import { Button, Center, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { ProblemAlert } from "./problem-alert";

export function ErrorPage({ error, notFound }: { error?: unknown; notFound?: boolean }) {
  const { t } = useTranslation();
  return (
    <Center mih="60vh" p="md">
      <Stack maw={520} role="alert">
        <Title order={1} size="h2">
          {notFound ? t("error.notFound") : t("error.title")}
        </Title>
        {error ? <ProblemAlert error={error} /> : null}
        <Text>
          <Button component="a" href="/" variant="light">
            {t("error.back")}
          </Button>
        </Text>
      </Stack>
    </Center>
  );
}
