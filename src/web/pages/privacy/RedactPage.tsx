import { CopyOutlined, EyeInvisibleOutlined } from '@ant-design/icons';
import { Button, Card, Col, Flex, Input, Row, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDetect, type DetectResult } from '../../api/privacy.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { entityColour } from './labels.ts';

/** Paste text, see the personal data highlighted, copy the redacted text. Nothing is stored. */
export default function RedactPage() {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [result, setResult] = useState<{ text: string; r: DetectResult } | null>(null);
  const detect = useDetect();
  const run = () => detect.mutate(text, { onSuccess: (r) => setResult({ text, r }) });

  return (
    <>
      <PageHeader title={t('privacy.redact.title')}>{t('privacy.redact.intro')}</PageHeader>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('privacy.redact.input')}>
            <Input.TextArea
              rows={10}
              value={text}
              onChange={(e) => setText(e.target.value)}
              placeholder={t('privacy.redact.placeholder')}
              data-testid="redact-input"
            />
            <Button
              type="primary"
              icon={<EyeInvisibleOutlined />}
              style={{ marginTop: 12 }}
              disabled={!text.trim()}
              loading={detect.isPending}
              onClick={run}
              data-testid="redact-run"
            >
              {t('privacy.redact.run')}
            </Button>
          </Card>
          <ErrorAlert error={detect.error} style={{ marginTop: 12 }} />
        </Col>
        <Col xs={24} lg={12}>
          {result && (
            <Flex vertical gap="middle">
              <Card size="small" title={t('privacy.redact.found', { count: result.r.entities.length })}>
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', lineHeight: 2 }} data-testid="redact-highlighted">
                  {highlight(result.text, result.r, (type) => t(`privacy.entities.${type}`, { defaultValue: type }))}
                </Typography.Paragraph>
              </Card>
              <Card
                size="small"
                title={t('privacy.redact.output')}
                extra={
                  <Button size="small" icon={<CopyOutlined />} onClick={() => void navigator.clipboard?.writeText(result.r.redacted)}>
                    {t('privacy.redact.copy')}
                  </Button>
                }
              >
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} data-testid="redact-output">
                  {result.r.redacted}
                </Typography.Paragraph>
              </Card>
            </Flex>
          )}
        </Col>
      </Row>
    </>
  );
}

function highlight(text: string, r: DetectResult, label: (type: string) => string) {
  const parts: React.ReactNode[] = [];
  let at = 0;
  r.entities.forEach((e, i) => {
    if (e.start > at) parts.push(text.slice(at, e.start));
    parts.push(
      <Tag key={i} color={entityColour(e.type)} style={{ marginInline: 2 }}>
        {text.slice(e.start, e.end)} <small>· {label(e.type)}</small>
      </Tag>,
    );
    at = e.end;
  });
  parts.push(text.slice(at));
  return parts;
}
