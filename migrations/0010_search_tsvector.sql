ALTER TABLE "search_documents" ADD COLUMN "rank_vector" "tsvector";--> statement-breakpoint
-- Backfill: the same literal as search.rank-vector.ts (kind-prefixed lexemes, one position per field).
UPDATE "search_documents" SET "rank_vector" = (
  SELECT coalesce(string_agg('''' || replace(replace(x.k || ':' || x.v, '\', '\\'), '''', '''''') || ''':' || x.p, ' '), '')::tsvector
  FROM (
    SELECT 'w' AS k, v, '1A' AS p FROM unnest("search_documents"."title_terms") AS v
    UNION ALL SELECT 'b', v, '1A' FROM unnest("search_documents"."title_bigrams") AS v
    UNION ALL SELECT 'e', v, '1A' FROM unnest("search_documents"."title_english") AS v
    UNION ALL SELECT 'w', v, '2B' FROM unnest("search_documents"."keyword_terms") AS v
    UNION ALL SELECT 'b', v, '2B' FROM unnest("search_documents"."keyword_bigrams") AS v
    UNION ALL SELECT 'e', v, '2B' FROM unnest("search_documents"."keyword_english") AS v
    UNION ALL SELECT 'w', v, '3C' FROM unnest("search_documents"."summary_terms") AS v
    UNION ALL SELECT 'b', v, '3C' FROM unnest("search_documents"."summary_bigrams") AS v
    UNION ALL SELECT 'e', v, '3C' FROM unnest("search_documents"."summary_english") AS v
    UNION ALL SELECT 'w', v, '4' FROM unnest("search_documents"."terms") AS v
    UNION ALL SELECT 'b', v, '4' FROM unnest("search_documents"."bigrams") AS v
    UNION ALL SELECT 'e', v, '4' FROM unnest("search_documents"."english") AS v
  ) AS x
  WHERE x.v <> ''
) WHERE "rank_vector" IS NULL;
