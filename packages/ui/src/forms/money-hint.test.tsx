import { Form } from 'antd';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { initI18n } from '../i18n/i18n';
import type { FormFieldSpec } from './form-field';
import { FormFields } from './form-fields';
import { moneyHint, moneyRangeMessage } from './money-hint';

const award: FormFieldSpec = {
  key: 'awardFen',
  label: { zh: '奖励金额（元）', en: 'Award (yuan)' },
  type: 'money',
  min: 5_000_000,
  max: 30_000_000,
};

describe('money inputs say their range', () => {
  it('hints the range in yuan, and words a miss as the gateway does', () => {
    expect(moneyHint(award, 'zh-CN')).toBe('可填 5 万–30 万元');
    expect(moneyHint(award, 'en')).toBe('Allowed: 50,000–300,000 yuan');
    expect(moneyHint({ ...award, min: 0, max: undefined }, 'zh-CN')).toBeNull();
    expect(moneyRangeMessage(award, '奖励金额（元）', {}, 'zh-CN')).toBe('奖励金额须在 5 万至 30 万元之间');
    // A bound naming another field reads that field's yuan.
    const paid = { ...award, min: 'settlementAmountFen', max: undefined };
    expect(moneyRangeMessage(paid, 'Amount paid (yuan)', { settlementAmountFen: 2000 }, 'en')).toBe(
      'Amount paid must be at least 2,000 yuan',
    );
  });

  it('shows the hint under the input before anyone types', async () => {
    const i18n = initI18n();
    await i18n.changeLanguage('zh-CN');
    const html = renderToStaticMarkup(
      <Form>
        <FormFields fields={[award]} />
      </Form>,
    );
    expect(html).toContain('可填 5 万–30 万元');
    expect(html).not.toContain('30000000');
  });

  it("shows the definition's hint under the range, in the reader's language", async () => {
    const i18n = initI18n();
    const proposal: FormFieldSpec = {
      ...award,
      hint: { zh: '攻关项目由市总工会创新委员会核定', en: 'The committee sets a breakthrough award' },
    };
    const render = () =>
      renderToStaticMarkup(
        <Form>
          <FormFields fields={[proposal]} />
        </Form>,
      );
    await i18n.changeLanguage('zh-CN');
    const zh = render();
    expect(zh).toContain('攻关项目由市总工会创新委员会核定');
    expect(zh.indexOf('可填 5 万–30 万元')).toBeLessThan(zh.indexOf('攻关项目'));
    await i18n.changeLanguage('en');
    expect(render()).toContain('The committee sets a breakthrough award');
  });
});
