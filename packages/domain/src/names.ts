/**
 * The names of the platform's vocabularies that apps show (roles, service actions), without the
 * process definitions: what the admin designer imports to show names instead of codes.
 */

export { HARDSHIP_PROCESS_KEYS } from './hardship/process-keys';
export { BUILT_IN_ROLES, type BuiltInRole, roleName } from './roles';
export { SERVICE_ACTION_NAMES, SERVICE_ACTIONS, type ServiceActionName } from './service-actions';
