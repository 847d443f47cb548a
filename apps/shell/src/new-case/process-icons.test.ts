import { AppstoreOutlined, AuditOutlined, HeartOutlined } from '@ant-design/icons';
import { describe, expect, it } from 'vitest';
import { iconFor } from './process-icons';

describe('process icons come from the shell table, not the definition', () => {
  it('uses a process’s own icon, else its department’s, else the default', () => {
    expect(iconFor({ key: 'simple-approval', department: 'innovation' })).toBe(AuditOutlined);
    expect(iconFor({ key: 'a-new-aid-process', department: 'assistance' })).toBe(HeartOutlined);
    expect(iconFor({ key: 'a-new-process', department: 'a-new-department' })).toBe(AppstoreOutlined);
  });
});
