export {
  createDelegation,
  type DelegationView,
  delegationById,
  deleteOwnDelegation,
  findActiveUser,
  listDelegations,
  type NewDelegation,
  openEndedDelegation,
  type PersonRef,
} from './delegation-store';
export { type HandOverTaskResult, moveOpenTasks, openTasksOf } from './hand-over';
