import { List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Pair } from '../../api/network.ts';
import { useUiLanguage } from '../../app/language.ts';
import { pickName } from '../../i18n/format.ts';

const STATUS_COLOUR = { proposed: 'gold', active: 'green', declined: 'default', ended: 'default' } as const;

/** Pairs as a list: the two schools, the status, and a flag when the reader's decision is awaited. */
export function PairList({ pairs }: { pairs: Pair[] }) {
  const { t } = useTranslation();
  const [language] = useUiLanguage();
  return (
    <List
      dataSource={pairs}
      locale={{ emptyText: t('network.pairs.empty') }}
      renderItem={(p) => (
        <List.Item data-testid="pair-row">
          <List.Item.Meta
            title={
              <Link to={`/network/pairs/${p.id}`}>
                {pickName(p.schoolA.names, language)} ⇄ {pickName(p.schoolB.names, language)}
              </Link>
            }
            description={
              <Typography.Text type="secondary">
                {t('network.pairs.term', { start: p.agreement.termStart, end: p.agreement.termEnd })}
              </Typography.Text>
            }
          />
          <Tag color={STATUS_COLOUR[p.status]}>{t(`network.pairStatus.${p.status}`)}</Tag>
          {p.canDecide && <Tag color="red">{t('network.pairs.awaitingYou')}</Tag>}
        </List.Item>
      )}
    />
  );
}
