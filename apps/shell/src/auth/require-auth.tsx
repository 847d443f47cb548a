import { type ReactNode, useEffect } from 'react';
import { Navigate, useLocation } from 'react-router';
import { LoadingScreen } from '../layout/loading-screen';
import { loadSignedIn } from '../signed-in/load-signed-in';
import { probablySignedIn } from './session-hint';
import { useMe } from './use-me';

/** Renders its children for signed-in users and sends everyone else to the sign-in page. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const me = useMe();
  const location = useLocation();
  const checking = me.isPending;
  useEffect(() => {
    // A browser that was signed in fetches the signed-in screens while the server confirms it.
    if (checking && probablySignedIn()) loadSignedIn().catch(() => undefined);
  }, [checking]);
  if (me.isPending) return <LoadingScreen />;
  if (!me.data) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  return <>{children}</>;
}
