import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../archive/api/envelope.ts';

export function ErrorMessage({ error }: { error: unknown }) {
  const { t } = useTranslation();
  let message: string;
  // fetch rejects with a TypeError exactly when the server cannot be reached at all.
  if (error instanceof TypeError) message = t('errors.unreachable');
  else if (error instanceof ApiError && error.code === 'not_found') message = t('errors.notFound');
  else if (error instanceof ApiError && error.code === 'forbidden') message = t('errors.forbidden');
  else message = error instanceof Error && error.message ? error.message : String(error);
  return (
    <div className="error" role="alert" data-testid="error-message">
      <p className="error-title">{t('errors.title')}</p>
      <p>{message}</p>
    </div>
  );
}
