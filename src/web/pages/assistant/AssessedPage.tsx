import { Alert, Button, Card, Empty, Form, Input, List, Popconfirm, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useAssessedTopics, useChangeAssessedTopics, useTaughtClasses } from './assistant.api.ts';

/**
 * Assessed work, for teachers: the topics or assignments of a class the student tutor will not hand
 * answers for (it still helps with everything else). The tutor matches them in either script.
 */
export default function AssessedPage() {
  const { t } = useTranslation();
  const classes = useTaughtClasses();
  const [chosen, setChosen] = useState<string | undefined>();
  const classId = chosen ?? classes.data?.items[0]?.id;
  const topics = useAssessedTopics(classId);
  const change = useChangeAssessedTopics(classId);
  const [form] = Form.useForm<{ topic: string }>();

  return (
    <>
      <PageHeader title={t('assistant.assessed.title')}>{t('assistant.assessed.intro')}</PageHeader>
      <ErrorAlert error={classes.error ?? topics.error} />
      {classes.data && !classes.data.items.length ? (
        <Empty description={t('assistant.assessed.noClasses')} />
      ) : (
        <Card
          title={t('assistant.assessed.topics')}
          loading={classes.isLoading}
          extra={
            <Select
              style={{ minWidth: 200 }}
              aria-label={t('assistant.assessed.class')}
              data-testid="assessed-class"
              value={classId}
              onChange={(id: string) => {
                setChosen(id);
                change.add.reset();
                change.remove.reset();
              }}
              options={(classes.data?.items ?? []).map((c) => ({ value: c.id, label: `${c.name} (${c.schoolYear})` }))}
            />
          }
        >
          <Form
            form={form}
            layout="inline"
            style={{ marginBottom: 16 }}
            onFinish={({ topic }) => change.add.mutate(topic.trim(), { onSuccess: () => form.resetFields() })}
          >
            <Form.Item
              name="topic"
              label={t('assistant.assessed.topic')}
              rules={[{ required: true, whitespace: true, max: 200, message: t('assistant.assessed.topicRule') }]}
            >
              <Input style={{ minWidth: 280 }} placeholder={t('assistant.assessed.placeholder')} />
            </Form.Item>
            <Form.Item>
              <Button type="primary" htmlType="submit" loading={change.add.isPending}>
                {t('assistant.assessed.add')}
              </Button>
            </Form.Item>
          </Form>
          <ErrorAlert error={change.add.error ?? change.remove.error} style={{ marginBottom: 16 }} />
          <List
            loading={topics.isLoading}
            data-testid="assessed-topics"
            dataSource={topics.data?.items ?? []}
            locale={{ emptyText: t('assistant.assessed.empty') }}
            renderItem={(item) => (
              <List.Item
                actions={[
                  <Popconfirm
                    key="remove"
                    title={t('assistant.assessed.confirmRemove')}
                    okText={t('assistant.assessed.remove')}
                    cancelText={t('assistant.assessed.cancel')}
                    onConfirm={() => change.remove.mutate(item.id)}
                  >
                    <Button danger size="small">
                      {t('assistant.assessed.remove')}
                    </Button>
                  </Popconfirm>,
                ]}
              >
                <Typography.Text>{item.topic}</Typography.Text>
              </List.Item>
            )}
          />
          <Alert type="info" showIcon style={{ marginTop: 16 }} title={t('assistant.assessed.hint')} />
        </Card>
      )}
    </>
  );
}
