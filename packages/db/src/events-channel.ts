/**
 * Channel the projection NOTIFYs on and gateways LISTEN on to push live updates to the users concerned.
 * Both sides read it here, so the gateway needs nothing from the worker.
 */
export const EVENTS_CHANNEL = 'unionflow_events';
