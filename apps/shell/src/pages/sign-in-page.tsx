import { problemMessage } from '@unionflow/ui/core';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { useLogin, useMe } from '../auth/use-me';
import { LanguageSwitch } from '../layout/language-switch';
import { loadSignedIn } from '../signed-in/load-signed-in';
import './sign-in-page.css';

type Field = 'username' | 'password';
/** Translation keys of the messages under empty fields. */
type FieldErrors = Partial<Record<Field, string>>;

/**
 * Sign-in form with the demo accounts listed; renders even when the API is down. Plain React and
 * CSS on purpose: it is the first screen, and antd would triple what the browser must fetch first.
 */
export function SignInPage() {
  const { t } = useTranslation();
  const me = useMe();
  const login = useLogin();
  const navigate = useNavigate();
  const from = (useLocation().state as { from?: string } | null)?.from ?? '/inbox';
  const [errors, setErrors] = useState<FieldErrors>({});
  const [showPassword, setShowPassword] = useState(false);
  const fields = { username: useRef<HTMLInputElement>(null), password: useRef<HTMLInputElement>(null) };

  if (me.data) return <Navigate to={from} replace />;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const username = String(form.get('username') ?? '');
    const password = String(form.get('password') ?? '');
    const found: FieldErrors = {};
    if (!username.trim()) found.username = 'signIn.usernameRequired';
    if (!password) found.password = 'signIn.passwordRequired';
    setErrors(found);
    const first = (Object.keys(found) as Field[])[0];
    if (first) {
      fields[first].current?.focus();
      return;
    }
    prefetchSignedIn();
    login.mutate({ username, password }, { onSuccess: () => navigate(from, { replace: true }) });
  };

  const problem = login.error ? problemMessage(login.error, t) : null;
  const field = (name: Field) => ({
    id: name,
    name,
    ref: fields[name],
    required: true,
    'aria-invalid': errors[name] ? true : undefined,
    'aria-describedby': errors[name] ? `${name}-error` : undefined,
    onChange: () => {
      if (errors[name]) setErrors((e) => ({ ...e, [name]: undefined }));
    },
  });

  return (
    <main className="uf-signin">
      <div className="uf-signin-bar">
        <LanguageSwitch />
      </div>
      <div className="uf-signin-card">
        <h1>{t('app.name')}</h1>
        <p className="uf-signin-subtitle">{t('signIn.title')}</p>
        {/* Someone filling in the form is about to sign in: fetch the signed-in screens meanwhile. */}
        <form noValidate onSubmit={submit} onFocus={prefetchSignedIn}>
          <div className="uf-field">
            <label htmlFor="username">{t('signIn.username')}</label>
            <input {...field('username')} type="text" autoComplete="username" autoCapitalize="none" />
            {errors.username && <p id="username-error">{t(errors.username)}</p>}
          </div>
          <div className="uf-field">
            <label htmlFor="password">{t('signIn.password')}</label>
            <div className="uf-password">
              <input
                {...field('password')}
                type={showPassword ? 'text' : 'password'}
                autoComplete="current-password"
              />
              <button
                type="button"
                aria-pressed={showPassword}
                aria-label={t('signIn.showPassword')}
                title={t('signIn.showPassword')}
                onClick={() => setShowPassword((v) => !v)}
              >
                <EyeIcon crossed={!showPassword} />
              </button>
            </div>
            {errors.password && <p id="password-error">{t(errors.password)}</p>}
          </div>
          {problem && (
            <div className="uf-signin-problem" role="alert">
              <strong>{problem.title}</strong>
              <span>{problem.detail}</span>
            </div>
          )}
          <button
            type="submit"
            className="uf-button uf-button-primary"
            disabled={login.isPending}
            aria-busy={login.isPending}
          >
            {login.isPending && <span className="uf-spinner uf-spinner-small" aria-hidden="true" />}
            {t('action.signIn')}
          </button>
        </form>
        <section className="uf-signin-demo" aria-labelledby="demo-title">
          <h2 id="demo-title">{t('signIn.demoTitle')}</h2>
          <p>{t('signIn.demoUsers')}</p>
        </section>
      </div>
    </main>
  );
}

/** Starts fetching the signed-in screens (once); a failure shows up when they are needed. */
function prefetchSignedIn() {
  loadSignedIn().catch(() => undefined);
}

/** An eye, struck through while the password is hidden. */
function EyeIcon({ crossed }: { crossed: boolean }) {
  return (
    <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
      <path
        d="M2 12s3.6-7 10-7 10 7 10 7-3.6 7-10 7S2 12 2 12Z"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.8"
      />
      <circle cx="12" cy="12" r="3" fill="none" stroke="currentColor" strokeWidth="1.8" />
      {crossed && <path d="M4 4l16 16" stroke="currentColor" strokeWidth="1.8" />}
    </svg>
  );
}
