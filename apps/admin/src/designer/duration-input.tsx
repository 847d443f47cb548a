import {
  type DurationUnit,
  durationUnitName,
  PICKABLE_DURATION_UNITS,
  splitDuration,
} from '@unionflow/contracts/vocabulary';
import { InputNumber, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { langOf } from './vocabulary-names';

/**
 * A duration as a whole number and a unit (3 天, 4 小时), for a form item; it reads and writes the
 * definition's duration text (`3d`, `4h`), which nobody has to type. Clearing the number clears the
 * duration.
 */
export function DurationInput({
  value,
  onChange,
  id,
  testId,
}: {
  value?: string;
  onChange?: (value: string | undefined) => void;
  id?: string;
  testId?: string;
}) {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const parsed = splitDuration(value);
  // The unit picked while the number is empty, so picking 小时 first and typing 4 gives 4h.
  const [pickedUnit, setPickedUnit] = useState<DurationUnit>(parsed?.unit ?? 'd');
  const unit = parsed?.unit ?? pickedUnit;
  const units = PICKABLE_DURATION_UNITS.includes(unit)
    ? PICKABLE_DURATION_UNITS
    : [...PICKABLE_DURATION_UNITS, unit];
  return (
    <Space.Compact style={{ width: '100%' }} data-testid={testId}>
      <InputNumber
        id={id}
        min={1}
        precision={0}
        value={parsed?.count ?? null}
        onChange={(n) => onChange?.(typeof n === 'number' && n > 0 ? `${n}${unit}` : undefined)}
        style={{ flex: 1 }}
      />
      <Select
        id={id ? `${id}_unit` : undefined}
        value={unit}
        onChange={(u: DurationUnit) => {
          setPickedUnit(u);
          if (parsed) onChange?.(`${parsed.count}${u}`);
        }}
        options={units.map((u) => ({ value: u, label: durationUnitName(u, lang) }))}
        style={{ width: 96 }}
        aria-label={t('admin.panel.durationUnit')}
      />
    </Space.Compact>
  );
}
