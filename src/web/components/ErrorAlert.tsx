import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';
import { useErrorText } from './useErrorText.ts';

/** Shows an API error as the user's language says it, with the request id for the help desk. */
export function ErrorAlert({ error, style }: { error: unknown; style?: React.CSSProperties }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  if (!error) return null;
  const requestId = error instanceof ApiError ? error.problem?.requestId : undefined;
  const problems = error instanceof ApiError ? error.fieldProblems : [];
  return (
    <Alert
      type="error"
      showIcon
      style={style}
      title={errorText(error)}
      description={
        problems.length > 0 || requestId ? (
          <>
            {problems.length > 0 && (
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                {problems.map((p, i) => (
                  <li key={i}>{t(`problems.${p.code}`, { defaultValue: p.message })}</li>
                ))}
              </ul>
            )}
            {requestId && <div>{t('common.requestId', { id: requestId })}</div>}
          </>
        ) : undefined
      }
    />
  );
}
