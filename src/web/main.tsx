import "@mantine/core/styles.css";
import "@mantine/notifications/styles.css";
import { createTheme, DirectionProvider, MantineProvider } from "@mantine/core";
import { Notifications } from "@mantine/notifications";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { RouterProvider } from "@tanstack/react-router";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { ApiError } from "./api/client";
import { applyLanguage, i18n } from "./i18n";
import { router } from "./routes";

const queryClient = new QueryClient({
  defaultOptions: {
    queries: { retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2, refetchOnWindowFocus: false },
  },
});
const theme = createTheme({ primaryColor: "blue", defaultRadius: "sm" });
applyLanguage(i18n.language);

createRoot(document.getElementById("root") as HTMLElement).render(
  <StrictMode>
    <DirectionProvider initialDirection={i18n.dir(i18n.language)} detectDirection={false}>
      <MantineProvider theme={theme}>
        <Notifications position="top-right" />
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </MantineProvider>
    </DirectionProvider>
  </StrictMode>,
);
