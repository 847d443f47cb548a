import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ValidationReportDto } from '@unionflow/contracts';
import type { ProcessDefinition } from '@unionflow/process-model';
import { ActionKeys, ApiError, adminApi } from '@unionflow/ui';
import { useEffect, useMemo, useRef, useState } from 'react';
import { stableJson } from './definition-diff';

function useDebounced<T>(value: T, ms: number): T {
  const [current, setCurrent] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setCurrent(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return current;
}

/** Issue messages per node id ('' for issues on the whole definition), in the UI language. */
export function issuesByNode(
  report: ValidationReportDto | undefined,
  english: boolean,
): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const issue of report?.errors ?? []) {
    const key = issue.nodeId ?? '';
    map.set(key, [...(map.get(key) ?? []), english ? issue.message.en : issue.message.zh]);
  }
  return map;
}

/** The designer's state: the draft being edited, validation as you edit, save and publish. */
export function useDraftEditor(key: string) {
  const client = useQueryClient();
  const draft = useQuery({
    queryKey: ['admin', 'draft', key],
    queryFn: () => adminApi.draft(key),
    staleTime: Number.POSITIVE_INFINITY,
  });
  const [doc, setDoc] = useState<ProcessDefinition | null>(null);
  const [base, setBase] = useState<string | undefined>(undefined);
  const [savedJson, setSavedJson] = useState('');
  const publishKeys = useRef(new ActionKeys());

  useEffect(() => {
    if (!draft.data) return;
    const loaded = draft.data.document as unknown as ProcessDefinition;
    setDoc(loaded);
    setBase(draft.data.updatedAt);
    setSavedJson(stableJson(loaded));
  }, [draft.data]);

  const docJson = useMemo(() => (doc ? stableJson(doc) : ''), [doc]);
  const dirty = !!doc && docJson !== savedJson;
  const debounced = useDebounced(doc, 400);
  const validation = useQuery({
    queryKey: ['admin', 'validate', key, debounced ? stableJson(debounced) : ''],
    queryFn: () => adminApi.validate(key, debounced as unknown as Record<string, unknown>),
    enabled: !!debounced,
    placeholderData: (prev) => prev,
    staleTime: Number.POSITIVE_INFINITY,
  });
  const checking = validation.isFetching || debounced !== doc;

  const save = useMutation({
    mutationFn: async () => {
      if (!doc) throw new Error('nothing to save');
      const res = await adminApi.saveDraft(key, {
        document: doc as unknown as Record<string, unknown>,
        baseUpdatedAt: base,
      });
      return { res, json: stableJson(doc) };
    },
    onSuccess: ({ res, json }) => {
      setBase(res.updatedAt);
      setSavedJson(json);
      void client.invalidateQueries({ queryKey: ['admin', 'definitions'] });
    },
  });

  const publish = useMutation({
    mutationFn: () => adminApi.publish(key, publishKeys.current.keyFor(`publish:${key}:${savedJson}`)),
    onSuccess: () => {
      publishKeys.current.settle();
      void client.invalidateQueries({ queryKey: ['admin'] });
    },
    onError: (err) => {
      if (err instanceof ApiError && err.status >= 400 && err.status < 500) publishKeys.current.settle();
    },
  });

  return {
    draft,
    doc,
    setDoc,
    dirty,
    validation: validation.data,
    validationError: validation.error,
    checking,
    save,
    publish,
    conflict: save.error instanceof ApiError && save.error.status === 409,
  };
}
