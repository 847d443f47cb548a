export { type CaseEvent, changesSince, headPosition, isAfter, parseEventId, positionOf } from './event-feed';
export { EventHub, type EventHubOptions, type EventSubscriber } from './event-hub';
export { type EventsPluginOptions, type EventsService, eventsPlugin } from './events-plugin';
export { listenConfigFor } from './listen-connection';
export { type SessionWatchOptions, watchSession } from './session-watch';
export { SseSession, type SseSessionOptions, type SseSink } from './sse-session';
export { closeStreams, type StreamFilter } from './stream-closing';
