import { pluginModuleFederation } from '@module-federation/rsbuild-plugin';
import { defineConfig } from '@rsbuild/core';
import { pluginReact } from '@rsbuild/plugin-react';
import { sharedSingletons } from '../federation';

// Where `pnpm dev` sends API calls; the gateway serves everything on one origin in production.
const gateway = process.env.UNIONFLOW_GATEWAY ?? 'http://localhost:3000';

// Remotes running under `pnpm dev` (ports as in apps/README.md), proxied so they stay same-origin.
const devRemotes = [{ name: 'innovation', entry: '/apps/innovation/mf-manifest.json', port: 3002 }];

export default defineConfig(({ command }) => ({
  plugins: [
    pluginReact(),
    pluginModuleFederation({ name: 'shell', remotes: {}, shared: sharedSingletons, dts: false }),
  ],
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
