/** Channel the projection NOTIFYs on and gateways LISTEN on to push live updates to the users concerned. */
export const EVENTS_CHANNEL = 'unionflow_events';
