import { LoadingScreen } from '../layout/loading-screen';
import { useSignedInApp } from './load-signed-in';

/** The signed-in shell, with a spinner while it is fetched. */
export function SignedIn() {
  const SignedInApp = useSignedInApp();
  return SignedInApp ? <SignedInApp /> : <LoadingScreen />;
}
