import './masuk.css';
import type { Me } from '@sip/contracts';
import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { paths, safeReturnPath } from '@/config/paths';
import { currentUser } from '@/features/auth/api/login-request';
import { LoginPage } from '@/features/auth/components/login-page';
import { type Language, storedLanguage, storeLanguage } from '@/lib/i18n/language-store';

// The login page as its own light entry (React and one component: no Mantine, no router, no
// i18next), served for /masuk so the first page a phone opens is fast. After signing in the
// browser loads the app at the page asked for.
const params = new URLSearchParams(window.location.search);

function target(user: Me): string {
  return user.mustChangePassword ? paths.account.password.getHref() : safeReturnPath(params.get('kembali'));
}

function Masuk() {
  const [language, setLanguage] = useState<Language>(storedLanguage);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  useEffect(() => {
    // Already signed in (another tab, the back button): go on to the app.
    void currentUser().then((user) => {
      if (user) window.location.replace(target(user));
    });
  }, []);
  return (
    <LoginPage
      language={language}
      onLanguageChange={(lang) => {
        storeLanguage(lang);
        setLanguage(lang);
      }}
      reason={params.get('alasan')}
      onSuccess={(user) => window.location.replace(target(user))}
    />
  );
}

const root = document.getElementById('masuk');
if (!root) throw new Error('Elemen #masuk tidak ada di masuk.html');
createRoot(root).render(
  <StrictMode>
    <Masuk />
  </StrictMode>,
);
