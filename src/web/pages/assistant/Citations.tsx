import { List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AssistantCitation } from '../../../shared/api/assistant.ts';

/** The library resources and courses an answer used, numbered as the answer cites them, linked. */
export function Citations({ citations }: { citations: AssistantCitation[] }) {
  const { t } = useTranslation();
  if (!citations.length) return null;
  return (
    <List
      size="small"
      header={<Typography.Text strong>{t('assistant.citations')}</Typography.Text>}
      dataSource={citations}
      data-testid="assistant-citations"
      renderItem={(c, i) => (
        <List.Item>
          <List.Item.Meta
            title={
              <Link to={c.link}>
                [{i + 1}] {c.title}
              </Link>
            }
            description={c.snippet}
          />
        </List.Item>
      )}
    />
  );
}
