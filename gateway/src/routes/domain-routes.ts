import type { FastifyInstance } from 'fastify';
import { adminRoutes } from './admin/index';
import { analyticsRoutes } from './analytics';
import { auditRoutes } from './audit';
import { casesRoutes } from './cases';
import { delegationsRoutes } from './delegations';
import { draftsRoutes } from './drafts';
import { eventsRoutes } from './events';
import { filesRoutes } from './files';
import { hardshipRoutes } from './hardship';
import { inboxRoutes } from './inbox';
import { libraryRoutes } from './library';
import { mentorshipsRoutes } from './mentorships';
import { noticesRoutes } from './notices';
import { notificationsRoutes } from './notifications';
import { processesRoutes } from './processes';
import { recheckRoutes } from './recheck';
import { tasksRoutes } from './tasks';
import { usersRoutes } from './users';

/** The business resources' route plugins, registered in this order. */
export const DOMAIN_ROUTE_PLUGINS = {
  cases: casesRoutes,
  inbox: inboxRoutes,
  tasks: tasksRoutes,
  processes: processesRoutes,
  admin: adminRoutes,
  events: eventsRoutes,
  notifications: notificationsRoutes,
  audit: auditRoutes,
  delegations: delegationsRoutes,
  library: libraryRoutes,
  drafts: draftsRoutes,
  files: filesRoutes,
  mentorships: mentorshipsRoutes,
  users: usersRoutes,
  notices: noticesRoutes,
  recheck: recheckRoutes,
  analytics: analyticsRoutes,
  hardship: hardshipRoutes,
} as const;

/** Every domain route plugin. */
export async function domainRoutes(app: FastifyInstance): Promise<void> {
  for (const plugin of Object.values(DOMAIN_ROUTE_PLUGINS)) await app.register(plugin);
}
