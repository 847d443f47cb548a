import { pluginModuleFederation } from '@module-federation/rsbuild-plugin';
import { defineConfig } from '@rsbuild/core';
import { pluginReact } from '@rsbuild/plugin-react';

// Where `pnpm dev` sends API calls; the gateway serves everything on one origin in production.
const gateway = process.env.UNIONFLOW_GATEWAY ?? 'http://localhost:3000';

// Remotes running under `pnpm dev` (ports as in apps/README.md), proxied so they stay same-origin.
const devRemotes = [{ name: 'innovation', entry: '/apps/innovation/mf-manifest.json', port: 3002 }];

/** Shared singletons; every remote declares the same list. */
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

export default defineConfig(({ command }) => ({
  plugins: [pluginReact(), pluginModuleFederation({ name: 'shell', remotes: {}, shared, dts: false })],
  source: {
    entry: { index: './src/index.ts' },
    define: {
      'process.env.UNIONFLOW_DEV_REMOTES': JSON.stringify(
        command === 'dev' ? JSON.stringify(devRemotes.map(({ name, entry }) => ({ name, entry }))) : '',
      ),
    },
  },
  html: { template: './index.html', title: '工会协同审批 · UnionFlow' },
  output: { assetPrefix: '/', distPath: { root: 'dist' } },
  server: {
    port: 3001,
    strictPort: true,
    proxy: {
      '/api': { target: gateway, changeOrigin: false },
      ...Object.fromEntries(devRemotes.map((r) => [`/apps/${r.name}`, `http://localhost:${r.port}`])),
    },
  },
  performance: { chunkSplit: { strategy: 'split-by-experience' } },
}));
