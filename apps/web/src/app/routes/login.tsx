import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { paths, safeReturnPath } from '@/config/paths';
import { meQueryOptions } from '@/features/auth/api/get-me';
import { LoginPage } from '@/features/auth/components/login-page';
import { setCsrfToken } from '@/lib/api-client';
import { currentLanguage, setLanguage } from '@/lib/i18n/i18n';

/** /masuk inside the app (after a logout or an ended session): the same page as masuk.html. */
export function LoginRoute() {
  useTranslation(); // re-render when the language changes
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  return (
    <LoginPage
      language={currentLanguage()}
      onLanguageChange={(lang) => void setLanguage(lang)}
      reason={params.get('alasan')}
      onSuccess={(user, csrfToken) => {
        setCsrfToken(csrfToken);
        // Nothing cached for a previous user may leak into this session.
        queryClient.clear();
        queryClient.setQueryData(meQueryOptions().queryKey, user);
        const target = user.mustChangePassword
          ? paths.account.password.getHref()
          : safeReturnPath(params.get('kembali'));
        void navigate(target, { replace: true });
      }}
    />
  );
}
