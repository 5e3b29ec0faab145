import { Descriptions, List, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AssistantTool, TToolOutput } from '../../../shared/api/assistant.ts';

/** A tool's structured answer, laid out for reading (the server validated its shape). */
export function ToolResult({ tool, output, messageId }: { tool: AssistantTool; output: unknown; messageId: string }) {
  const { t } = useTranslation();
  switch (tool) {
    case 'lesson-plan': {
      const p = output as TToolOutput<'lesson-plan'>;
      return (
        <>
          <Typography.Title level={4} data-testid="tool-result-title">
            {p.title}
          </Typography.Title>
          <Typography.Title level={5}>{t('assistant.result.objectives')}</Typography.Title>
          <List size="small" dataSource={p.objectives} renderItem={(o) => <List.Item>{o}</List.Item>} />
          <Typography.Title level={5}>{t('assistant.result.activities')}</Typography.Title>
          <Table
            size="small"
            pagination={false}
            rowKey={(_, i) => String(i)}
            dataSource={p.activities}
            columns={[
              { title: t('assistant.result.minutes'), dataIndex: 'minutes', width: 100 },
              { title: t('assistant.result.activity'), dataIndex: 'activity' },
            ]}
          />
          <Typography.Title level={5}>{t('assistant.result.assessment')}</Typography.Title>
          <Typography.Paragraph>{p.assessment}</Typography.Paragraph>
        </>
      );
    }
    case 'quiz': {
      const q = output as TToolOutput<'quiz'>;
      return (
        <>
          <Typography.Title level={4} data-testid="tool-result-title">
            {q.title}
          </Typography.Title>
          <List
            dataSource={q.questions}
            renderItem={(question, i) => (
              <List.Item
                actions={[
                  <a key="qti" href={`/api/v1/assistant/messages/${messageId}/qti?n=${i + 1}`} download>
                    {t('assistant.result.qti')}
                  </a>,
                ]}
              >
                <List.Item.Meta
                  title={`${i + 1}. ${question.prompt}`}
                  description={
                    <>
                      <ol type="A">
                        {question.choices.map((c, j) => (
                          <li key={j}>{j === question.answerIndex ? <strong>{c}</strong> : c}</li>
                        ))}
                      </ol>
                      {question.explanation}
                    </>
                  }
                />
              </List.Item>
            )}
          />
        </>
      );
    }
    case 'rubric': {
      const r = output as TToolOutput<'rubric'>;
      return (
        <>
          <Typography.Title level={4} data-testid="tool-result-title">
            {r.title}
          </Typography.Title>
          <Table
            size="small"
            pagination={false}
            rowKey="criterion"
            dataSource={r.criteria}
            columns={[
              { title: t('assistant.result.criterion'), dataIndex: 'criterion' },
              ...(r.criteria[0]?.levels ?? []).map((_, i) => ({
                title: t('assistant.result.level', { n: (r.criteria[0]?.levels.length ?? 0) - i }),
                key: String(i),
                render: (_: unknown, row: (typeof r.criteria)[number]) => row.levels[i],
              })),
            ]}
          />
        </>
      );
    }
    case 'feedback': {
      const f = output as TToolOutput<'feedback'>;
      return (
        <Descriptions column={1} bordered size="small">
          <Descriptions.Item label={t('assistant.result.strengths')}>{f.strengths.join(' ')}</Descriptions.Item>
          <Descriptions.Item label={t('assistant.result.nextSteps')}>{f.nextSteps.join(' ')}</Descriptions.Item>
          <Descriptions.Item label={t('assistant.result.comment')}>{f.comment}</Descriptions.Item>
        </Descriptions>
      );
    }
    case 'adapt': {
      const a = output as TToolOutput<'adapt'>;
      return (
        <>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} copyable>
            {a.text}
          </Typography.Paragraph>
          {a.notes.map((n, i) => (
            <Typography.Paragraph key={i} type="secondary">
              {n}
            </Typography.Paragraph>
          ))}
        </>
      );
    }
    case 'parent-notice': {
      const n = output as TToolOutput<'parent-notice'>;
      return (
        <>
          <Typography.Title level={4} data-testid="tool-result-title">
            {n.subject}
          </Typography.Title>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} copyable>
            {n.body}
          </Typography.Paragraph>
        </>
      );
    }
  }
}
