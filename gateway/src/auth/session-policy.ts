/** Session lifetimes; buildApp takes these so tests can use short ones. */
export interface SessionPolicy {
  /** Idle expiry: a session unused this long is dead. */
  idleMs: number;
  /** Absolute expiry from sign-in, however active the session is. */
  absoluteMs: number;
  /** `last_seen_at` is written at most this often, to keep reads cheap. */
  touchMs: number;
}

/** 30 min idle, 12 h absolute, touched at most once a minute. */
export const defaultSessionPolicy: SessionPolicy = {
  idleMs: 30 * 60_000,
  absoluteMs: 12 * 60 * 60_000,
  touchMs: 60_000,
};

/** Failed sign-ins per (account, source address): a progressive delay, never an account-wide lock. */
export interface LoginThrottlePolicy {
  /** Failures in a row that cost nothing (typos). */
  freeFailures: number;
  /** The wait after the first failure beyond the free ones; it doubles with each further failure. */
  baseDelayMs: number;
  /** The wait never grows beyond this. */
  maxDelayMs: number;
  /** A pair with no failure for this long starts over. */
  forgetAfterMs: number;
}

/** 3 free failures, then 2 s, 4 s, 8 s, ... up to 15 minutes; forgotten after a quiet day. */
export const defaultLoginThrottlePolicy: LoginThrottlePolicy = {
  freeFailures: 3,
  baseDelayMs: 2_000,
  maxDelayMs: 15 * 60_000,
  forgetAfterMs: 24 * 60 * 60_000,
};
