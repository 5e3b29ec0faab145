import { Button, Result } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { trainingPaths, useTrainingAction } from '../../api/training.ts';
import { FullPageSpin } from '../../components/FullPageSpin.tsx';
import { useErrorText } from '../../components/useErrorText.ts';

/** Where the attendance QR code leads: checks the teacher in once, and says plainly whether it worked. */
export default function CheckInPage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [params] = useSearchParams();
  const session = params.get('session') ?? '';
  const token = params.get('token') ?? '';
  const checkIn = useTrainingAction<void>(
    () => trainingPaths.checkIn(session),
    () => ({ token }),
  );
  const sent = useRef(false);
  useEffect(() => {
    if (sent.current || !session || !token) return;
    sent.current = true;
    checkIn.mutate();
  }, [session, token, checkIn]);
  const back = (
    <Link to="/training/me">
      <Button type="primary">{t('training.sections.mine')}</Button>
    </Link>
  );
  if (!session || !token) return <Result status="warning" title={t('training.checkIn.noCode')} extra={back} />;
  if (checkIn.isSuccess) return <Result status="success" title={t('training.checkIn.done')} extra={back} data-testid="check-in-done" />;
  if (checkIn.isError)
    return (
      <Result
        status="error"
        title={t('training.checkIn.failed')}
        subTitle={errorText(checkIn.error)}
        extra={back}
        data-testid="check-in-failed"
      />
    );
  return <FullPageSpin />;
}
