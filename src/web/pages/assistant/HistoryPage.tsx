import { Button, Card, Col, List, Row, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useConversation, useConversations } from './assistant.api.ts';
import { Citations } from './Citations.tsx';
import { ToolResult } from './ToolResult.tsx';

/** My conversations (kept for the jurisdiction's retention period, then deleted) and one of them opened. */
export default function HistoryPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const navigate = useNavigate();
  const list = useConversations();
  const open = useConversation(id);
  const noticeText = (output: unknown) => {
    const notice = (output as { notice?: string | null } | null)?.notice;
    return notice ? t(`assistant.notices.${notice}`) : '';
  };
  return (
    <>
      <PageHeader title={t('assistant.history.title')}>{t('assistant.history.intro')}</PageHeader>
      <ErrorAlert error={list.error ?? open.error} />
      <Row gutter={[16, 16]}>
        <Col xs={24} md={8}>
          <List
            loading={list.isLoading}
            dataSource={list.data?.items ?? []}
            locale={{ emptyText: t('assistant.history.empty') }}
            renderItem={(c) => (
              <List.Item>
                <List.Item.Meta
                  title={<Link to={`/assistant/history/${c.id}`}>{c.title}</Link>}
                  description={
                    <>
                      <Tag>{c.tool ? t(`assistant.tools.${c.tool}.title`) : t(`assistant.sections.${c.kind}`)}</Tag>
                      {new Date(c.updatedAt).toLocaleString()}
                    </>
                  }
                />
              </List.Item>
            )}
          />
        </Col>
        <Col xs={24} md={16}>
          {open.data && open.data.kind !== 'tool' && (
            <Button
              type="primary"
              style={{ marginBottom: 8 }}
              data-testid="assistant-continue"
              onClick={() => navigate(`/assistant/${open.data!.kind}?c=${open.data!.id}`)}
            >
              {t('assistant.history.continue')}
            </Button>
          )}
          {open.data &&
            open.data.messages.map((m) => (
              <Card key={m.id} size="small" style={{ marginBottom: 8 }} title={t(`assistant.history.${m.role}`)}>
                {m.offline && <Tag color="blue">{t('assistant.offline.tag')}</Tag>}
                {m.role === 'assistant' && open.data.tool && m.output ? (
                  <ToolResult tool={open.data.tool} output={m.output} messageId={m.id} />
                ) : (
                  <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{m.content || noticeText(m.output)}</Typography.Paragraph>
                )}
                <Citations citations={m.citations} />
              </Card>
            ))}
        </Col>
      </Row>
    </>
  );
}
