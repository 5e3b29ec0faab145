-- The ranking vector is read (detoasted) for every row the ranking scores in full. LZ4 decompresses it
-- about twice as fast as the default pglz (docs/search.md, "Storage"). Servers built without LZ4 support
-- (and PGlite) keep pglz: the statement is skipped, nothing else depends on it. New and re-indexed rows
-- use the new method; existing values are recompressed when they are next written.
DO $$
BEGIN
  ALTER TABLE "search_documents" ALTER COLUMN "rank_vector" SET COMPRESSION lz4;
EXCEPTION WHEN OTHERS THEN
  RAISE NOTICE 'rank_vector keeps the default compression: %', SQLERRM;
END $$;
