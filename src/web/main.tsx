import "@mantine/core/styles.css";
import "@mantine/notifications/styles.css";
import "./ui/app.css";
import { DirectionProvider, MantineProvider } from "@mantine/core";
import { Notifications } from "@mantine/notifications";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { RouterProvider } from "@tanstack/react-router";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { ApiError } from "./api/client";
import { applyLanguage, i18n } from "./i18n";
import { router } from "./routes";
import { cssVariablesResolver, theme } from "./theme";

const queryClient = new QueryClient({
  defaultOptions: {
    queries: { retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2, refetchOnWindowFocus: false },
  },
});
applyLanguage(i18n.language);
// The server words its messages in the requested language: what is on screen is fetched again in the
// new one. Errors already shown stay as they were until the next request.
i18n.on("languageChanged", () => void queryClient.invalidateQueries());

createRoot(document.getElementById("root") as HTMLElement).render(
  <StrictMode>
    <DirectionProvider initialDirection={i18n.dir(i18n.language)} detectDirection={false}>
      <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver}>
        <Notifications position="top-right" />
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </MantineProvider>
    </DirectionProvider>
  </StrictMode>,
);
