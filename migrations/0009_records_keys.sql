CREATE TABLE "xapi_statement_keys" (
	"school_id" uuid,
	"kind" smallint NOT NULL,
	"key" text NOT NULL,
	"stored" timestamp with time zone NOT NULL,
	"seq" bigint NOT NULL
);
--> statement-breakpoint
-- Backfill: one key row per key of every stored statement (before the index is built, which is faster).
INSERT INTO "xapi_statement_keys" ("school_id", "kind", "key", "stored", "seq")
SELECT s."school_id", k."kind", k."key", s."stored", s."seq"
FROM "xapi_statements" s
CROSS JOIN LATERAL (
	SELECT 1::smallint, unnest(s."agents")
	UNION ALL SELECT 2::smallint, unnest(s."related_agents")
	UNION ALL SELECT 3::smallint, unnest(s."activities")
	UNION ALL SELECT 4::smallint, unnest(s."related_activities")
) AS k("kind", "key");
--> statement-breakpoint
DROP INDEX "xapi_statements_agents_idx";--> statement-breakpoint
DROP INDEX "xapi_statements_related_agents_idx";--> statement-breakpoint
DROP INDEX "xapi_statements_activities_idx";--> statement-breakpoint
DROP INDEX "xapi_statements_related_activities_idx";--> statement-breakpoint
CREATE INDEX "xapi_statement_keys_lookup_idx" ON "xapi_statement_keys" USING btree ("school_id","kind","key","stored","seq");