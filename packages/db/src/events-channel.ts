/**
 * Channel the projection NOTIFYs on and gateways LISTEN on to push live updates to the users concerned.
 * Both sides read it here, so the gateway needs nothing from the worker.
 */
export const EVENTS_CHANNEL = 'unionflow_events';

/**
 * Channel the database NOTIFYs (by trigger, empty payload) when it commits a change a signed-in
 * session depends on; gateways forget their cached sessions on it (ADR 043).
 */
export const SESSIONS_CHANNEL = 'unionflow_sessions';
