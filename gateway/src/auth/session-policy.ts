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

/** Failed-login lockout per username. */
export interface LoginThrottlePolicy {
  maxFailures: number;
  lockMs: number;
}

/** After 5 failures the username is locked for 15 minutes. */
export const defaultLoginThrottlePolicy: LoginThrottlePolicy = { maxFailures: 5, lockMs: 15 * 60_000 };
