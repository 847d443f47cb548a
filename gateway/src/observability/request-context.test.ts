import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { currentRequestId, requestContextPlugin, withRequestId } from './request-context';

describe('request context', () => {
  it('makes the request id visible to code without the request object', async () => {
    const app = Fastify({ genReqId: () => 'req-abc' });
    await app.register(requestContextPlugin);
    app.get('/', async () => {
      await new Promise((r) => setTimeout(r, 1));
      return { id: currentRequestId() };
    });
    const res = await app.inject({ method: 'GET', url: '/' });
    expect(res.json()).toEqual({ id: 'req-abc' });
    expect(currentRequestId()).toBeUndefined();
    expect(withRequestId('x', () => currentRequestId())).toBe('x');
    await app.close();
  });
});
