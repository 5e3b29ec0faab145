import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { create as contentDisposition } from 'content-disposition';
import { ZIdParams, ZIfMatch } from '../../../shared/api/common.ts';
import {
  ZCompareQuery,
  ZDashboardQuery,
  ZExportQuery,
  ZIndicatorCreateBody,
  ZIndicatorFields,
  ZInventoryBody,
  ZRecomputeBody,
  ZSchoolTermParams,
} from '../../../shared/api/insights.ts';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../http/app-error.ts';
import { actorOf } from '../../http/auth.plugin.ts';
import { createIndicator, updateIndicator } from './insights.catalogue.service.ts';
import { compareJurisdictions, getDashboard, listCatalogue, recompute } from './insights.dashboard.service.ts';
import { dashboardPdf, dashboardWorkbook } from './insights.export.ts';
import { checkInventoryImport, commitInventoryImport, exportInventory, getInventory, saveInventory } from './insights.inventory.service.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Insights (数据驱动的管理决策): inventory, indicators, dashboards; thin routes under /api/v1/insights. */
export const insightsRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  const tags = ['insights'];
  const base = '/api/v1/insights';
  const ctx = (request: Parameters<typeof actorOf>[0]) => ({ db, actor: actorOf(request) });

  app.get(
    `${base}/schools/:id/inventory/:term`,
    { schema: { tags, summary: "A school's inventory for a term", params: ZSchoolTermParams } },
    async (request) => getInventory(ctx(request), request.params.id, request.params.term),
  );
  app.put(
    `${base}/schools/:id/inventory/:term`,
    { schema: { tags, summary: 'Replace the inventory of a term', params: ZSchoolTermParams, headers: ZIfMatch, body: ZInventoryBody } },
    async (request) => saveInventory(ctx(request), request.params.id, request.params.term, request.headers['if-match'], request.body),
  );
  app.get(
    `${base}/schools/:id/inventory/:term/workbook`,
    { schema: { tags, summary: 'The inventory as the import workbook (xlsx)', params: ZSchoolTermParams } },
    async (request, reply) => {
      const file = await exportInventory(ctx(request), request.params.id, request.params.term);
      return reply.header('content-type', XLSX).header('content-disposition', contentDisposition(file.filename)).send(file.data);
    },
  );
  app.post(
    `${base}/schools/:id/inventory/:term/imports`,
    {
      schema: {
        tags,
        summary: 'Dry run of an inventory workbook; nothing changes',
        params: ZSchoolTermParams,
        consumes: ['multipart/form-data'],
      },
    },
    async (request) =>
      checkInventoryImport(ctx(request), request.params.id, request.params.term, async () => {
        if (!request.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
        const part = await request.file();
        if (!part) throw new AppError('INSIGHTS_FILE_MISSING');
        return part.toBuffer();
      }),
  );
  app.post(`${base}/imports/:id/commit`, { schema: { tags, summary: 'Apply a checked workbook', params: ZIdParams } }, async (request) =>
    commitInventoryImport(ctx(request), request.params.id),
  );

  app.get(`${base}/indicators`, { schema: { tags, summary: 'Indicator catalogue' } }, async (request) => listCatalogue(ctx(request)));
  app.post(
    `${base}/indicators`,
    { schema: { tags, summary: 'Add an indicator (formula checked; the current term is recomputed)', body: ZIndicatorCreateBody } },
    async (request) => createIndicator(ctx(request), request.body),
  );
  app.put(
    `${base}/indicators/:id`,
    {
      schema: {
        tags,
        summary: 'Change an indicator (formula checked; the current term is recomputed)',
        params: ZIdParams,
        headers: ZIfMatch,
        body: ZIndicatorFields,
      },
    },
    async (request) => updateIndicator(ctx(request), request.params.id, request.headers['if-match'], request.body),
  );
  app.get(
    `${base}/dashboard`,
    { schema: { tags, summary: 'Dashboard of a place and term', querystring: ZDashboardQuery } },
    async (request) => getDashboard(ctx(request), request.query),
  );
  app.get(
    `${base}/dashboard/export.xlsx`,
    { schema: { tags, summary: 'Dashboard as Excel', querystring: ZExportQuery } },
    async (request, reply) => {
      const d = await getDashboard(ctx(request), request.query);
      const data = await dashboardWorkbook(d, request.query.lang);
      return reply
        .header('content-type', XLSX)
        .header('content-disposition', contentDisposition(`insights-${d.term}.xlsx`))
        .send(data);
    },
  );
  app.get(
    `${base}/dashboard/export.pdf`,
    { schema: { tags, summary: 'Dashboard as PDF', querystring: ZExportQuery } },
    async (request, reply) => {
      const d = await getDashboard(ctx(request), request.query);
      const data = await dashboardPdf(d, request.query.lang);
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', contentDisposition(`insights-${d.term}.pdf`))
        .send(data);
    },
  );
  app.get(
    `${base}/compare`,
    { schema: { tags, summary: 'Jurisdictions side by side (aggregates only)', querystring: ZCompareQuery } },
    async (request) => compareJurisdictions(ctx(request), request.query.term),
  );
  app.post(`${base}/recompute`, { schema: { tags, summary: "Recompute a term's indicators", body: ZRecomputeBody } }, async (request) =>
    recompute(ctx(request), request.body.term),
  );
};
