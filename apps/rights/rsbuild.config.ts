import { pluginModuleFederation } from '@module-federation/rsbuild-plugin';
import { defineConfig } from '@rsbuild/core';
import { pluginReact } from '@rsbuild/plugin-react';
import { remoteSettings, sharedSingletons } from '../federation';

export default defineConfig({
  plugins: [
    pluginReact(),
    pluginModuleFederation({
      name: 'rights',
      exposes: { './app': './src/app.tsx' },
      shared: sharedSingletons,
      dts: false,
    }),
  ],
  ...remoteSettings({ name: 'rights', port: 3004 }),
});
