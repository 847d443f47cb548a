import { QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { RequireAuth } from './auth/require-auth';
import { LoadFailed } from './layout/load-failed';
import { SignInPage } from './pages/sign-in-page';
import { createQueryClient } from './query-client';
import { SignedIn } from './signed-in/signed-in';

/**
 * The shell's first screen: providers, the sign-in page, and the session check. None of it uses
 * antd, which arrives with the signed-in screens (see docs/decisions/007-shell-initial-load.md).
 */
export function App() {
  const [queryClient] = useState(createQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <BrowserRouter>
        <Routes>
          <Route path="/login" element={<SignInPage />} />
          <Route
            path="*"
            element={
              <RequireAuth>
                <LoadFailed>
                  <SignedIn />
                </LoadFailed>
              </RequireAuth>
            }
          />
        </Routes>
      </BrowserRouter>
    </QueryClientProvider>
  );
}
