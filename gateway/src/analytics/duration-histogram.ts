/**
 * Step durations are kept as a histogram per day (ADR 036, migration `20261207T0400`): bucket 0 holds
 * under a minute, bucket b ≥ 1 holds [60·1.05^(b−1), 60·1.05^b) seconds. The database's
 * `analytics_duration_bucket` and these functions must agree.
 */
const FIRST_SECONDS = 60;
const RATIO = 1.05;

export interface BucketCount {
  bucket: number;
  n: number;
}

/** The bucket a duration in seconds falls in (as the database computes it). */
export function durationBucket(seconds: number): number {
  if (!(seconds >= FIRST_SECONDS)) return 0;
  return Math.min(32767, 1 + Math.floor(Math.log(seconds / FIRST_SECONDS) / Math.log(RATIO)));
}

/**
 * The value a bucket stands for: 30 s for bucket 0, else the geometric middle of its bounds, so any
 * duration in it is within a factor √1.05 (2.5%) of it.
 */
export function bucketSeconds(bucket: number): number {
  return bucket <= 0 ? FIRST_SECONDS / 2 : FIRST_SECONDS * RATIO ** (bucket - 0.5);
}

/**
 * The percentile `p` (0..1) in seconds, as PostgreSQL's `percentile_cont` computes it over the individual
 * durations (linear between the two nearest ranks), with each duration read as its bucket's value.
 */
export function histogramPercentile(buckets: BucketCount[], p: number): number {
  const sorted = buckets.filter((b) => b.n > 0).sort((a, b) => a.bucket - b.bucket);
  const total = sorted.reduce((n, b) => n + b.n, 0);
  if (total === 0) return 0;
  const rank = p * (total - 1);
  const at = (k: number) => {
    let seen = 0;
    for (const b of sorted) {
      seen += b.n;
      if (k < seen) return bucketSeconds(b.bucket);
    }
    return bucketSeconds(sorted[sorted.length - 1]!.bucket);
  };
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  return at(lo) + (at(hi) - at(lo)) * (rank - lo);
}
