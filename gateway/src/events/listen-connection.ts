import type pg from 'pg';

/**
 * Connection settings for the dedicated LISTEN client. NOTIFY is per database, so the listener must
 * reach exactly the database the app's pool uses: the app is given that URL explicitly.
 */
export function listenConfigFor(databaseUrl: string): pg.ClientConfig {
  return { connectionString: databaseUrl };
}
