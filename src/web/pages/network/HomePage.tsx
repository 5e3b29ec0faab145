import { Button, Card, Col, Empty, List, Row, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePairs, useSuggestions } from '../../api/network.ts';
import { useMe } from '../../api/me.ts';
import { useUiLanguage } from '../../app/language.ts';
import { hasAnyRole } from '../../app/navigation.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { pickName } from '../../i18n/format.ts';
import { reasonText, SCHOOL_STAFF_ROLES } from './labels.ts';
import { PairList } from './PairList.tsx';

/** Network home: decisions waiting for me, my pairs, and partner suggestions with their reasons. */
export default function HomePage() {
  const { t } = useTranslation();
  const [language] = useUiLanguage();
  const { data: me } = useMe();
  const atSchool = hasAnyRole(me, SCHOOL_STAFF_ROLES) && !!me?.memberships.some((m) => m.school);
  const pairs = usePairs();
  const suggestions = useSuggestions(atSchool);
  const waiting = (pairs.data?.items ?? []).filter((p) => p.canDecide);
  return (
    <>
      <PageHeader
        title={t('network.home.title')}
        extra={
          <Link to="/network/schools">
            <Button type="primary">{t('network.home.findPartner')}</Button>
          </Link>
        }
      >
        {t('network.home.intro')}
      </PageHeader>
      <ErrorAlert error={pairs.error} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card title={t('network.home.myPairs')} extra={<Link to="/network/pairs">{t('network.home.all')}</Link>}>
            {waiting.length > 0 && (
              <Typography.Paragraph>
                <Tag color="red">{t('network.home.waiting', { count: waiting.length })}</Tag>
              </Typography.Paragraph>
            )}
            <PairList pairs={(pairs.data?.items ?? []).slice(0, 5)} />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('network.home.suggestions')}>
            {!atSchool ? (
              <Empty description={t('network.home.noSchool')} />
            ) : (
              <>
                <ErrorAlert error={suggestions.error} />
                <List
                  loading={suggestions.isLoading}
                  dataSource={(suggestions.data?.items ?? []).slice(0, 5)}
                  locale={{ emptyText: t('network.home.noSuggestions') }}
                  renderItem={(s) => (
                    <List.Item data-testid="suggestion">
                      <List.Item.Meta
                        title={
                          <Space>
                            <Link to={`/network/schools/${s.school.id}`}>{pickName(s.school.names, language)}</Link>
                            <Tag>{s.school.jurisdiction}</Tag>
                            <Tag color="blue">{t('network.home.score', { score: s.score })}</Tag>
                          </Space>
                        }
                        description={
                          <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                            {s.reasons.map((r) => (
                              <li key={r.code}>
                                {reasonText(t, r)} ({r.points > 0 ? '+' : ''}
                                {r.points})
                              </li>
                            ))}
                          </ul>
                        }
                      />
                    </List.Item>
                  )}
                />
              </>
            )}
          </Card>
        </Col>
      </Row>
    </>
  );
}
