ALTER TABLE "search_documents" ADD COLUMN "head_vector" "tsvector";--> statement-breakpoint
-- Kept in the row uncompressed where it fits (MAIN: compressed or moved out only after every other wide
-- column): the first phase of the ranking tests it some thirty times per matching row.
ALTER TABLE "search_documents" ALTER COLUMN "head_vector" SET STORAGE MAIN;--> statement-breakpoint
-- Rows indexed before the column existed: their head vector is their ranking vector's A, B and C entries.
UPDATE "search_documents" SET "head_vector" = ts_filter("rank_vector", '{a,b,c}') WHERE "rank_vector" IS NOT NULL;
