import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

/**
 * Vendor code in a few long-lived chunks (they change less often than the app, so browsers keep them);
 * the pages themselves are split by route in src/web/routes.tsx. Rolldown's `codeSplitting.groups`
 * replaces Rollup's `manualChunks` in Vite 8.
 */
const vendorGroups = [
  { name: "react", test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 40 },
  {
    name: "mantine",
    test: /node_modules[\\/](@mantine|@floating-ui|react-remove-scroll[^\\/]*|react-style-singleton|use-callback-ref|use-sidecar|react-number-format|react-textarea-autosize|clsx|tslib|get-nonce|detect-node-es|aria-hidden)[\\/]/,
    priority: 30,
  },
  { name: "tanstack", test: /node_modules[\\/]@tanstack[\\/]/, priority: 30 },
  { name: "i18n", test: /node_modules[\\/](i18next|react-i18next|html-parse-stringify|void-elements)[\\/]/, priority: 30 },
];

export default defineConfig({
  root: "src/web",
  plugins: [react()],
  build: {
    outDir: "../../dist/web",
    emptyOutDir: true,
    chunkSizeWarningLimit: 400,
    rolldownOptions: { output: { codeSplitting: { groups: vendorGroups } } },
  },
  server: { proxy: { "/api": "http://127.0.0.1:3000" } },
});
