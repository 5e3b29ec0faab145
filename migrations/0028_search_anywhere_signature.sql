ALTER TABLE "search_documents" ADD COLUMN "anywhere_signature" "bytea";--> statement-breakpoint
-- 256 bytes of hash bits do not compress: keep them in the row, never compressed or moved out (PLAIN), so
-- the ranking's bit tests read them in place. Rows indexed before: NULL (global bound) until re-indexed.
ALTER TABLE "search_documents" ALTER COLUMN "anywhere_signature" SET STORAGE PLAIN;
