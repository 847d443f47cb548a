// Build settings every app shares. Plain data only (its one import has none of its own), so each
// app's rsbuild config can use it with the build tools from its own dependencies.
import { DEPARTMENT_NAMES, type DepartmentApp } from '../packages/ui/src/i18n/department-names';

/** Shared singletons; the shell and every remote declare this one list, so they share one copy. */
export const sharedSingletons = {
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
  // The antd-free half of @unionflow/ui (API client, i18n); the shell's sign-in page needs only this.
  '@unionflow/ui/core': { singleton: true, requiredVersion: false as const },
};

/**
 * The Rsbuild settings of a department remote, besides its plugins: served by the gateway at
 * `/apps/<name>/` (dev uses the same base so URLs match), `/api` proxied to the gateway in development.
 */
export function remoteSettings(options: { name: DepartmentApp; port: number }) {
  const base = `/apps/${options.name}/`;
  return {
    source: { entry: { index: './src/index.ts' } },
    html: { title: `${DEPARTMENT_NAMES.zh[options.name]} · UnionFlow` },
    output: { assetPrefix: base, distPath: { root: 'dist' } },
    dev: { assetPrefix: base },
    server: {
      port: options.port,
      strictPort: true,
      base: `/apps/${options.name}`,
      // The shell's dev server proxies to us, but allow direct cross-origin loads too.
      headers: { 'Access-Control-Allow-Origin': '*' },
      proxy: { '/api': { target: process.env.UNIONFLOW_GATEWAY ?? 'http://localhost:3000' } },
    },
  };
}
