import type { ValidationReportDto } from '@unionflow/contracts';
import { Button } from 'antd';

/**
 * The validator's messages, worded for people (第 3 步「…」没有设置审批人). One that names a step is a
 * link: clicking it selects that step in the designer.
 */
export function IssueList({
  issues,
  english,
  onSelect,
}: {
  issues: ValidationReportDto['errors'];
  english: boolean;
  onSelect: (nodeId: string) => void;
}) {
  return (
    <ul style={{ margin: 0, paddingInlineStart: 18 }}>
      {issues.map((issue, i) => {
        const text = english ? issue.message.en : issue.message.zh;
        const key = `${issue.nodeId ?? ''}-${issue.code}-${i}`;
        return (
          <li key={key} data-testid="designer-issue" data-node-id={issue.nodeId}>
            {issue.nodeId ? (
              <Button
                type="link"
                danger
                size="small"
                onClick={() => onSelect(issue.nodeId as string)}
                style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'start' }}
              >
                {text}
              </Button>
            ) : (
              text
            )}
          </li>
        );
      })}
    </ul>
  );
}
