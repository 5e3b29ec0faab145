import { Button, Card, Col, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ASSISTANT_TOOLS } from '../../../shared/api/assistant.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { OfflineBanner } from './OfflineBanner.tsx';

/** Assistant home: the teacher tools, one card each, and the chat. */
export default function HomePage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader
        title={t('assistant.home.title')}
        extra={
          <Link to="/assistant/chat">
            <Button type="primary">{t('assistant.home.openChat')}</Button>
          </Link>
        }
      >
        {t('assistant.home.intro')}
      </PageHeader>
      <OfflineBanner />
      <Row gutter={[16, 16]}>
        {ASSISTANT_TOOLS.map((tool) => (
          <Col key={tool} xs={24} md={12} lg={8}>
            <Card title={t(`assistant.tools.${tool}.title`)} data-testid={`assistant-tool-${tool}`}>
              <Typography.Paragraph type="secondary">{t(`assistant.tools.${tool}.hint`)}</Typography.Paragraph>
              <Link to={`/assistant/tools/${tool}`}>
                <Button>{t('assistant.home.start')}</Button>
              </Link>
            </Card>
          </Col>
        ))}
      </Row>
      <Typography.Paragraph type="secondary" style={{ marginTop: 16 }}>
        {t('assistant.privacyNote')}
      </Typography.Paragraph>
    </>
  );
}
