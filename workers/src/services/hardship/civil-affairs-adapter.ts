import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CivilAffairsRecord } from '@unionflow/domain';

/**
 * Where household economic data comes from (民政经济状况核对). Production connects to the civil-affairs
 * data exchange; this interface keeps that out of the process.
 */
export interface CivilAffairsAdapter {
  /** The household's latest figures, or null when civil affairs has no record. */
  lookup(idNumber: string): Promise<CivilAffairsRecord | null>;
}

/** The sample data shipped with the project. */
export const SAMPLE_CIVIL_AFFAIRS_FILE = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  'civil-affairs-sample.json',
);

/**
 * Reads records from a JSON file (an array of CivilAffairsRecord), e.g. a nightly export. The file is
 * re-read when it changes, so a new export needs no restart.
 */
export function fileCivilAffairsAdapter(file: string): CivilAffairsAdapter {
  let cache: { mtimeMs: number; records: Map<string, CivilAffairsRecord> } | null = null;
  async function records(): Promise<Map<string, CivilAffairsRecord>> {
    const { stat } = await import('node:fs/promises');
    const { mtimeMs } = await stat(file);
    if (cache && cache.mtimeMs === mtimeMs) return cache.records;
    const parsed = JSON.parse(await readFile(file, 'utf8')) as unknown;
    if (!Array.isArray(parsed)) throw new Error(`${file} must hold a JSON array of household records`);
    const map = new Map<string, CivilAffairsRecord>();
    for (const r of parsed as CivilAffairsRecord[])
      if (typeof r?.idNumber === 'string') map.set(r.idNumber, r);
    cache = { mtimeMs, records: map };
    return map;
  }
  return {
    async lookup(idNumber) {
      return (await records()).get(idNumber.trim()) ?? null;
    },
  };
}

/** The adapter the worker uses: the file named by CIVIL_AFFAIRS_DATA_FILE, or the shipped sample. */
export function defaultCivilAffairsAdapter(): CivilAffairsAdapter {
  return fileCivilAffairsAdapter(process.env.CIVIL_AFFAIRS_DATA_FILE || SAMPLE_CIVIL_AFFAIRS_FILE);
}
