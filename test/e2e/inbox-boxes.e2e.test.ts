import { publishDefinition, simpleApproval } from '@unionflow/db';
import type { ProcessDefinition } from '@unionflow/process-model';
import { beforeAll, describe, expect, it } from 'vitest';
import { PHONE, seriousA11yViolations, signIn, snap } from './support/browser';
import { submitCase } from './support/journeys';
import { useE2eEnvironment } from './support/suite';

const env = useE2eEnvironment();

type Approval = Extract<ProcessDefinition['nodes'][number], { kind: 'approval' }>;

/** The simple review, copying wangfang (抄送) when it opens. */
const ccReview: ProcessDefinition = {
  ...simpleApproval,
  key: 'cc-review',
  name: { zh: '抄送审批', en: 'Review with copy' },
  nodes: [
    { ...(simpleApproval.nodes[0] as Approval), cc: [{ kind: 'user', username: 'wangfang' }] },
    ...simpleApproval.nodes.slice(1),
  ],
};

/** A review whose step asks for an award: it cannot be approved in bulk. */
const formReview: ProcessDefinition = {
  ...simpleApproval,
  key: 'form-review',
  name: { zh: '带表单审批', en: 'Review with a form' },
  nodes: [
    {
      ...(simpleApproval.nodes[0] as Approval),
      form: [{ key: 'award', label: { zh: '奖励金额', en: 'Award' }, type: 'money', required: true }],
    },
    ...simpleApproval.nodes.slice(1),
  ],
};

/** A review by wangfang that copies lina: the reviewer of the first journey receives a copy too. */
const ccToLina: ProcessDefinition = {
  ...simpleApproval,
  key: 'cc-to-lina',
  name: { zh: '抄送李娜', en: 'Copied to Li Na' },
  nodes: [
    {
      ...(simpleApproval.nodes[0] as Approval),
      assignee: { kind: 'user', username: 'wangfang' },
      cc: [{ kind: 'user', username: 'lina' }],
    },
    ...simpleApproval.nodes.slice(1),
  ],
};

beforeAll(async () => {
  await publishDefinition(env.platform.db, ccReview, null);
  await publishDefinition(env.platform.db, ccToLina, null);
  await publishDefinition(env.platform.db, formReview, null);
});

describe('the inbox boxes', () => {
  it('a reviewer works through to-do → done, the applicant follows started, a copy goes unread → read', async () => {
    const stamp = Date.now();
    const title = (n: string) => `${n} ${stamp}`;
    const applicant = await env.browser.newPage(env.platform.baseUrl);
    await signIn(applicant, 'zhangwei');
    await submitCase(applicant, 'cc-review', { title: title('盒子一') });
    const secondPath = await submitCase(applicant, 'cc-review', { title: title('盒子二') });
    await submitCase(applicant, 'form-review', { title: title('要填表') });

    // To do: lina approves the first case from her inbox.
    const lina = await env.browser.newPage(env.platform.baseUrl);
    await signIn(lina, 'lina');
    await lina.goto('/inbox');
    await lina.getByTestId('inbox-boxes').waitFor();
    const task = lina.getByTestId('task-card').filter({ hasText: title('盒子一') });
    await task.waitFor();
    // Compact cards: who submitted what, received and due times.
    expect(await task.textContent()).toContain('张伟提交的抄送审批');
    expect(await task.textContent()).toContain('收到时间');
    // A step that asks for input cannot join a bulk approval, and its checkbox says why.
    const withForm = lina.getByTestId('task-card').filter({ hasText: title('要填表') });
    expect(await withForm.getByTestId('task-select').isDisabled()).toBe(true);
    await withForm.getByTestId('task-select-wrap').hover();
    await lina.getByRole('tooltip').filter({ hasText: '此步骤需要填写表单' }).waitFor();
    await snap(lina, '70-inbox-boxes-todo');
    await task.getByTestId('task-approve').click();
    await task.waitFor({ state: 'detached' });

    // Done: the case is there with her decision under the catalog's label and the case's status.
    await lina.getByTestId('box-done').click();
    await lina.waitForURL(/box=done/);
    const done = lina.getByTestId('box-entry').filter({ hasText: title('盒子一') });
    await done.waitFor();
    expect(await done.getByTestId('my-decision').textContent()).toContain('我的处理：同意');
    expect(await done.textContent()).toContain('已办结');
    expect(await done.textContent()).toContain('张伟提交的抄送审批');
    await snap(lina, '71-inbox-boxes-done');
    expect(await seriousA11yViolations(lina)).toEqual([]);
    // The keyword search narrows the box; a word nobody wrote empties it.
    await lina.getByTestId('inbox-search').locator('input').fill(title('盒子一'));
    await lina.getByTestId('inbox-search').locator('input').press('Enter');
    await lina
      .getByTestId('box-entry')
      .filter({ hasText: title('盒子一') })
      .waitFor();
    await lina.getByTestId('inbox-search').locator('input').fill(`不存在 ${stamp}`);
    await lina.getByTestId('inbox-search').locator('input').press('Enter');
    await lina.getByText('还没有处理过的事项').waitFor();

    // Started: the applicant sees both cases, the waiting one with its current step.
    await applicant.goto('/inbox?box=started');
    const waiting = applicant.getByTestId('box-entry').filter({ hasText: title('盒子二') });
    await waiting.waitFor();
    expect(await waiting.getByTestId('box-entry-step').textContent()).toContain('当前环节：基层工会审核');
    expect(await waiting.textContent()).toContain('办理中');
    await applicant
      .getByTestId('box-entry')
      .filter({ hasText: title('盒子一') })
      .getByText('已办结')
      .waitFor();
    await snap(applicant, '72-inbox-boxes-started');

    // Cc, on a phone: both copies unread, opening one reads it.
    const wangfang = await env.browser.newPage(env.platform.baseUrl, PHONE);
    await signIn(wangfang, 'wangfang');
    await wangfang.goto('/inbox');
    await wangfang.locator('[data-testid="cc-unread"][data-count="2"]').waitFor();
    await wangfang.getByTestId('box-cc').click();
    const copy = (n: string) => wangfang.getByTestId('box-entry').filter({ hasText: title(n) });
    await copy('盒子一').getByTestId('unread-dot').waitFor();
    await copy('盒子二').getByTestId('unread-dot').waitFor();
    await snap(wangfang, '73-inbox-boxes-cc-375');
    expect(await seriousA11yViolations(wangfang)).toEqual([]);
    // Nothing wider than the phone: the box switch scrolls inside its own strip.
    expect(await wangfang.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(PHONE.width);
    // Opening a copy any other way (its address, the bell) leaves it unread: only the box reads it.
    await wangfang.goto(secondPath);
    await wangfang.getByTestId('case-status').waitFor();
    await wangfang.getByTestId('notification-bell').click();
    await wangfang
      .getByTestId('notifications')
      .getByRole('button')
      .filter({ hasText: title('盒子二') })
      .first()
      .click();
    await wangfang.waitForURL((url) => url.pathname === secondPath);
    await wangfang.goto('/inbox?box=cc');
    await copy('盒子二').getByTestId('unread-dot').waitFor();
    await wangfang.locator('[data-testid="cc-unread"][data-count="2"]').waitFor();
    await copy('盒子一').getByRole('link').click();
    await wangfang.waitForURL(/\/cases\//);
    await wangfang.getByTestId('case-status').waitFor();
    await wangfang.goBack();
    await copy('盒子一').waitFor();
    await copy('盒子一').getByTestId('unread-dot').waitFor({ state: 'detached' });
    await copy('盒子二').getByTestId('unread-dot').waitFor();
    await wangfang.locator('[data-testid="cc-unread"][data-count="1"]').waitFor();
    await snap(wangfang, '74-inbox-boxes-cc-read-375');
  });

  it('lina finds a copy unread in 抄送我的, and opening it there clears the mark', async () => {
    const title = `抄送给李娜 ${Date.now()}`;
    const applicant = await env.browser.newPage(env.platform.baseUrl);
    await signIn(applicant, 'zhangwei');
    await submitCase(applicant, 'cc-to-lina', { title });

    const lina = await env.browser.newPage(env.platform.baseUrl);
    await signIn(lina, 'lina');
    await lina.goto('/inbox');
    await lina.getByTestId('box-cc').click();
    await lina.waitForURL(/box=cc/);
    const copy = lina.getByTestId('box-entry').filter({ hasText: title });
    await copy.getByTestId('unread-dot').waitFor();
    await snap(lina, '75-inbox-boxes-cc-lina');
    await copy.getByRole('link').click();
    await lina.waitForURL(/\/cases\//);
    await lina.getByTestId('case-status').waitFor();
    await lina.goBack();
    await copy.waitFor();
    await copy.getByTestId('unread-dot').waitFor({ state: 'detached' });
  });
});
