import { Button, Card, Descriptions, Flex, Result, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { trainingPaths, useVerification } from '../../api/training.ts';
import { useUiLanguage } from '../../app/language.ts';
import { FullPageSpin } from '../../components/FullPageSpin.tsx';
import { LanguageSwitch } from '../../components/LanguageSwitch.tsx';
import { useErrorText } from '../../components/useErrorText.ts';
import { formatDateTime } from '../../i18n/format.ts';

/**
 * The public verification page (/verify/:credentialId, no login): whoever scans a certificate's QR code
 * sees at once whether it is valid, revoked or forged, and what it certifies.
 */
export default function VerifyPage() {
  const { credentialId } = useParams();
  const { t } = useTranslation();
  const [language] = useUiLanguage();
  const errorText = useErrorText();
  const v = useVerification(credentialId);
  const body = () => {
    if (v.isPending) return <FullPageSpin />;
    if (v.error) return <Result status="404" title={t('training.verify.notFound')} subTitle={errorText(v.error)} />;
    const d = v.data;
    const c = d.credential;
    const status = d.status === 'valid' ? 'success' : d.status === 'revoked' ? 'warning' : 'error';
    return (
      <>
        <Result
          status={status}
          title={t(`training.verify.${d.status}`)}
          subTitle={d.status === 'revoked' ? d.revocationReason : t(`training.verify.${d.status}Hint`)}
          data-testid="verify-status"
        />
        {c && (
          <Descriptions bordered size="small" column={1}>
            <Descriptions.Item label={t('training.verify.holder')}>{c.credentialSubject.name}</Descriptions.Item>
            <Descriptions.Item label={t('training.verify.achievement')}>{c.credentialSubject.achievement.name}</Descriptions.Item>
            {c.credentialSubject.achievement.description !== c.credentialSubject.achievement.name && (
              <Descriptions.Item label={t('training.verify.description')}>{c.credentialSubject.achievement.description}</Descriptions.Item>
            )}
            {c.credentialSubject.creditsEarned !== undefined && (
              <Descriptions.Item label={t('training.fields.creditHours')}>{c.credentialSubject.creditsEarned}</Descriptions.Item>
            )}
            <Descriptions.Item label={t('training.fields.organiser')}>{c.issuer.name}</Descriptions.Item>
            <Descriptions.Item label={t('training.verify.criteria')}>
              {c.credentialSubject.achievement.criteria.narrative}
            </Descriptions.Item>
            <Descriptions.Item label={t('training.verify.issuedAt')}>{formatDateTime(c.validFrom, language)}</Descriptions.Item>
            <Descriptions.Item label={t('training.verify.key')}>
              <Typography.Text code copyable>
                {d.issuerKeyId}
              </Typography.Text>
            </Descriptions.Item>
          </Descriptions>
        )}
        {credentialId && c && (
          <Space style={{ marginTop: 16 }}>
            <Button href={trainingPaths.credentialPdf(credentialId)}>PDF</Button>
            <Button href={trainingPaths.credentialJson(credentialId)}>{t('training.verify.json')}</Button>
          </Space>
        )}
        <Typography.Paragraph type="secondary" style={{ marginTop: 16 }}>
          {t('training.verify.how')}
        </Typography.Paragraph>
      </>
    );
  };
  return (
    <Flex justify="center" style={{ padding: 24, minHeight: '100vh', background: '#f5f5f5' }}>
      <Card style={{ maxWidth: 720, width: '100%' }} title={t('training.verify.title')} extra={<LanguageSwitch size="small" />}>
        {body()}
      </Card>
    </Flex>
  );
}
