import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { alreadySeen } from './seen-projections';

/**
 * Subscribes to `GET /api/events` while signed in and refreshes what changed: a `case` event
 * refetches that case, the inbox, the case lists and notifications; `reset` refetches everything.
 * EventSource reconnects by itself and sends Last-Event-ID, so missed events are replayed.
 */
export function useLiveEvents(enabled: boolean): void {
  const client = useQueryClient();
  useEffect(() => {
    if (!enabled || typeof EventSource === 'undefined') return;
    const source = new EventSource('/api/events');
    let pending: ReturnType<typeof setTimeout> | undefined;
    const changed = new Set<string>();
    // Bursts (a bulk approval) arrive as many events: refresh once per burst.
    const flush = () => {
      pending = undefined;
      for (const id of changed) void client.invalidateQueries({ queryKey: ['case', id] });
      changed.clear();
      void client.invalidateQueries({ queryKey: ['inbox'] });
      void client.invalidateQueries({ queryKey: ['cases'] });
      void client.invalidateQueries({ queryKey: ['notifications'] });
    };
    source.addEventListener('case', (e) => {
      try {
        const { caseId, seq } = JSON.parse((e as MessageEvent<string>).data) as {
          caseId?: string;
          seq?: number;
        };
        // The echo of this tab's own decision: its answer is already in the cache.
        if (caseId && alreadySeen(caseId, seq)) return;
        if (caseId) changed.add(caseId);
      } catch {
        // a malformed event still means something changed
      }
      pending ??= setTimeout(flush, 150);
    });
    source.addEventListener('reset', () => void client.invalidateQueries());
    return () => {
      clearTimeout(pending);
      source.close();
    };
  }, [enabled, client]);
}
