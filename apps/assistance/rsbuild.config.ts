import { pluginModuleFederation } from '@module-federation/rsbuild-plugin';
import { defineConfig } from '@rsbuild/core';
import { pluginReact } from '@rsbuild/plugin-react';

// The gateway serves this app's dist at /apps/assistance/; dev uses the same base so URLs match.
const base = '/apps/assistance/';
const gateway = process.env.UNIONFLOW_GATEWAY ?? 'http://localhost:3000';

/** Shared singletons; must match apps/shell/rsbuild.config.ts. */
const shared = {
  react: { singleton: true, requiredVersion: '^19.2.0' },
  'react/jsx-runtime': { singleton: true, requiredVersion: '^19.2.0' },
  'react-dom': { singleton: true, requiredVersion: '^19.2.0' },
  'react-dom/client': { singleton: true, requiredVersion: '^19.2.0' },
  'react-router': { singleton: true, requiredVersion: '^7.9.0' },
  '@tanstack/react-query': { singleton: true, requiredVersion: '^5.90.0' },
  antd: { singleton: true, requiredVersion: '^6.0.0' },
  dayjs: { singleton: true, requiredVersion: '^1.11.0' },
  i18next: { singleton: true, requiredVersion: '>=26.0.0' },
  'react-i18next': { singleton: true, requiredVersion: '>=17.0.0' },
  '@unionflow/ui': { singleton: true, requiredVersion: false as const },
};

export default defineConfig({
  plugins: [
    pluginReact(),
    pluginModuleFederation({
      name: 'assistance',
      exposes: { './app': './src/app.tsx' },
      shared,
      dts: false,
    }),
  ],
  source: { entry: { index: './src/index.ts' } },
  html: { title: '困难帮扶 · UnionFlow' },
  output: { assetPrefix: base, distPath: { root: 'dist' } },
  dev: { assetPrefix: base },
  server: {
    port: 3003,
    strictPort: true,
    base: '/apps/assistance',
    // The shell's dev server proxies to us, but allow direct cross-origin loads too.
    headers: { 'Access-Control-Allow-Origin': '*' },
    proxy: { '/api': { target: gateway } },
  },
});
