// Standalone development harness: the shell provides all of this when it hosts the app.
import { mountStandaloneRemote } from '@unionflow/ui/standalone';
import { App } from './app';

mountStandaloneRemote({ App, basePath: '/apps/admin', titleKey: 'admin.title' });
