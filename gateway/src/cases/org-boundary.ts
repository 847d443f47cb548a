import { inOrgScope } from '../auth';

/**
 * True when a user's org is on the same line of the org tree as a case's org: the same org, one of its
 * ancestors (the federations above it) or inside its subtree. Someone on another branch is outside the
 * case's org boundary (ADR 011), whatever task they were handed.
 */
export function onOrgLine(userOrgPath: string, caseOrgPath: string): boolean {
  return (
    inOrgScope({ orgPath: userOrgPath }, caseOrgPath) || inOrgScope({ orgPath: caseOrgPath }, userOrgPath)
  );
}
