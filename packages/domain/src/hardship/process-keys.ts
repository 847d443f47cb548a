/** The keys of the hardship processes, declared once: the definitions and the assistance app use these. */
export const HARDSHIP_PROCESS_KEYS = {
  /** The household's file: admission, yearly re-check, exit (困难职工档案). */
  file: 'hardship-case',
  /** One request for aid against an open file (帮扶救助申请). */
  aidRequest: 'hardship-aid-request',
} as const;
