import { type ComponentType, useEffect, useState } from 'react';

let loading: Promise<ComponentType> | undefined;
let loaded: ComponentType | undefined;

/**
 * Fetches the signed-in shell (antd, the layout and its pages) once. Everything before sign-in is
 * plain React, so the browser downloads antd only here: when a session exists or is being made.
 * A failed fetch is forgotten so the next call tries again.
 */
export function loadSignedIn(): Promise<ComponentType> {
  loading ??= import('./signed-in-app').then(
    (m) => {
      loaded = m.SignedInApp;
      return m.SignedInApp;
    },
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

/**
 * The signed-in shell once it has arrived (`undefined` until then); a failed fetch is thrown to the
 * nearest error boundary. Not React.lazy: a Suspense boundary holds revealed content back for up
 * to 300 ms after its fallback, which would delay the inbox on every cold start.
 */
export function useSignedInApp(): ComponentType | undefined {
  const [app, setApp] = useState<{ component?: ComponentType; error?: unknown }>(() => ({
    component: loaded,
  }));
  useEffect(() => {
    if (app.component) return;
    let live = true;
    loadSignedIn().then(
      (component) => live && setApp({ component }),
      (error: unknown) => live && setApp({ error }),
    );
    return () => {
      live = false;
    };
  }, [app.component]);
  if (app.error) throw app.error;
  return app.component;
}
