// The web page's build: plain TypeScript modules, no framework (the page is a few views over a JSON API,
// and building DOM nodes by hand keeps scraped text out of any HTML parser), bundled into dist/web.
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  base: "/",
  build: {
    outDir: fileURLToPath(new URL("../dist/web", import.meta.url)),
    emptyOutDir: true,
    // The CSP forbids inline scripts: keep every script in its own file.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
  },
});
