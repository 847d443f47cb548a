import { SERVICE_ACTION_NAMES } from '@unionflow/domain';
import { describe, expect, it } from 'vitest';
import { serviceActionNames } from './registry';

describe('the service-action manifest', () => {
  it('names exactly the actions the registry implements (the gateway validates definitions against it)', () => {
    expect(serviceActionNames()).toEqual(SERVICE_ACTION_NAMES);
  });
});
