import { Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCatalogue } from '../../api/insights.ts';
import { useUiLanguage } from '../../app/language.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { pickName } from '../../i18n/format.ts';

/** The indicators as data: name, definition, formula, unit, target, and where a local definition applies. */
export default function CataloguePage() {
  const { t } = useTranslation();
  const [language] = useUiLanguage();
  const catalogue = useCatalogue();
  return (
    <>
      <PageHeader title={t('insights.catalogue.title')}>{t('insights.catalogue.hint')}</PageHeader>
      <ErrorAlert error={catalogue.error} />
      <Table
        rowKey="id"
        loading={catalogue.isLoading}
        dataSource={catalogue.data ?? []}
        pagination={false}
        data-testid="insights-catalogue"
        columns={[
          { title: t('insights.catalogue.name'), key: 'name', render: (_, i) => pickName(i.names, language) },
          { title: t('insights.catalogue.definition'), key: 'definition', render: (_, i) => pickName(i.definitions, language) },
          {
            title: t('insights.catalogue.formula'),
            key: 'formula',
            render: (_, i) => (
              <Typography.Text code>
                {i.formula.scale !== 1 ? `${i.formula.scale} × ` : ''}Σ({i.formula.numerator}) ÷ Σ({i.formula.denominator})
              </Typography.Text>
            ),
          },
          { title: t('insights.catalogue.unit'), key: 'unit', render: (_, i) => t(`insights.units.${i.unit}`) },
          { title: t('insights.catalogue.target'), dataIndex: 'target' },
          {
            title: t('insights.catalogue.jurisdiction'),
            key: 'jurisdiction',
            render: (_, i) => <Tag>{i.jurisdiction ?? t('insights.catalogue.shared')}</Tag>,
          },
        ]}
      />
    </>
  );
}
