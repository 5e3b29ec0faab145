import { Alert, Button, Card, Form, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ASSISTANT_TOOLS, type AssistantTool, type TToolBody } from '../../../shared/api/assistant.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useRunTool, useSaveDraft } from './assistant.api.ts';
import { Citations } from './Citations.tsx';
import { OfflineBanner } from './OfflineBanner.tsx';
import { ToolFields } from './ToolForm.tsx';
import { ToolResult } from './ToolResult.tsx';

/** One teacher tool: the form, the answer with its sources, and "save as draft" into the library. */
export default function ToolPage() {
  const { t } = useTranslation();
  const { tool: param } = useParams();
  const tool = ASSISTANT_TOOLS.find((x) => x === param) as AssistantTool | undefined;
  const [form] = Form.useForm();
  const run = useRunTool();
  const save = useSaveDraft();
  if (!tool) return <Alert type="error" title={t('assistant.tools.unknown')} />;
  const answer = run.data && run.data.tool === tool ? run.data : null;
  return (
    <>
      <PageHeader title={t(`assistant.tools.${tool}.title`)}>{t(`assistant.tools.${tool}.hint`)}</PageHeader>
      <OfflineBanner />
      <Card style={{ marginBottom: 16 }}>
        <Form
          form={form}
          layout="vertical"
          onFinish={(input: Record<string, unknown>) => {
            save.reset();
            run.mutate({ tool, input } as TToolBody);
          }}
        >
          <ToolFields tool={tool} />
          <Button type="primary" htmlType="submit" loading={run.isPending}>
            {t('assistant.form.submit')}
          </Button>
        </Form>
      </Card>
      <ErrorAlert error={run.error} style={{ marginBottom: 16 }} />
      {answer && (
        <Card
          data-testid="tool-result"
          title={answer.offline ? <Tag color="blue">{t('assistant.offline.templateTag')}</Tag> : t('assistant.result.title')}
          extra={
            <Space>
              {save.data ? (
                <Link to={`/library/resources/${save.data.resourceId}`} data-testid="saved-draft-link">
                  {t('assistant.result.savedOpen')}
                </Link>
              ) : (
                <Button onClick={() => save.mutate(answer.id)} loading={save.isPending}>
                  {t('assistant.result.saveDraft')}
                </Button>
              )}
            </Space>
          }
        >
          <ErrorAlert error={save.error} />
          {save.data && <Alert type="success" showIcon title={t('assistant.result.saved')} style={{ marginBottom: 16 }} />}
          <ToolResult tool={tool} output={answer.output} messageId={answer.id} />
          <Citations citations={answer.citations} />
        </Card>
      )}
    </>
  );
}
