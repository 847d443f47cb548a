import {
  defaultSubsidyRules,
  partTimeChairSubsidyFen,
  projectSubsidyFen,
  type SubsidyRules,
  workFundSubsidyFen,
} from '@unionflow/domain';
import { refuse, stringParam } from '../call-helpers';
import type { ServiceAction } from '../registry';

/**
 * Computes a grassroots subsidy from case data: `kind` work-fund (data.memberCount), project
 * (data.projectCostFen) or part-time-chair (data.persons, data.months). Rules may be overridden in params.
 */
export const computeSubsidy: ServiceAction = async (call) => {
  const rules: SubsidyRules = {
    ...defaultSubsidyRules,
    ...((call.params.rules as Partial<SubsidyRules>) ?? {}),
  };
  const kind = stringParam(call, 'kind', '');
  const n = (key: string) => call.data[key] as number;
  try {
    switch (kind) {
      case 'work-fund':
        return { kind, amountFen: workFundSubsidyFen(n('memberCount'), rules) };
      case 'project':
        return { kind, amountFen: projectSubsidyFen(n('projectCostFen'), rules) };
      case 'part-time-chair':
        return { kind, amountFen: partTimeChairSubsidyFen(n('persons'), n('months'), rules) };
      default:
        throw new Error(`Unknown subsidy kind "${kind}"`);
    }
  } catch (err) {
    throw refuse(err instanceof Error ? err.message : String(err));
  }
};

export const subsidyActions: Record<string, ServiceAction> = { 'subsidy.compute': computeSubsidy };
